// Issue 14's acceptance: Shoprocket's official core SDK, pointed at the reference store, completes
// a whole shopper journey, and every answer carries the fields the SDK's types require.
//
// The project holds no copy of the SDK. `client.ts` behaves on the wire as the SDK's ApiClient and
// services do (same calls, query parameters and headers — never Authorization or X-Request-Id);
// `wire-types.ts` checks each answer against the SDK's types. The journey runs against the demo
// store (`pk_test_tote_demo`) in this process, on a loopback port, under the store's real rate
// limits.
//
// Each step is its own test, named for what the shopper does. A step whose answer is usable but
// misshapen fails with every bad path listed ("receipt.addresses[0].kind: missing") and the
// journey goes on with what it got; a step that cannot run because an earlier one produced
// nothing is skipped, naming the step it waits on.
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startReferenceStore, type RunningStore } from '../../../demo/reference-store/index';
import { OfficialSdkClient, mintCartToken, mintVisitorId, type Exchange } from './client';
import * as W from './wire-types';
import { expectShape, type Infer } from './wire-types';

const KEY = 'pk_test_tote_demo';
const LOCALE = 'en';
const EMAIL = 'sdk.journey@example.com';
const RETURN_URL = 'https://shop.example/checkout#tote-payment=return';
const CANCEL_URL = 'https://shop.example/checkout#tote-payment=cancel';
const SOURCE_URL = 'https://shop.example/products/classic-tee';
const TEST_CARD = '4242 4242 4242 4242';
const SHIP_TO = {
  name: 'Ada Lovelace',
  company: null,
  line1: '1 Main St',
  line2: null,
  city: 'Brooklyn',
  region: 'NY',
  postalCode: '11201',
  countryCode: 'US',
  phone: null,
};
const BILL_TO = { ...SHIP_TO, line1: '99 Billing Ave' };
const PAID = new Set(['paid', 'processing', 'completed']);
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

type CartT = Infer<typeof W.Cart>;
type ProductT = Infer<typeof W.Product>;
type VariantT = Infer<typeof W.ProductVariant>;
type MethodT = Infer<typeof W.StorefrontPaymentMethod>;

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

/** Thrown when a step cannot run because an earlier one produced nothing to work with. */
class Blocked extends Error {}

let currentStep = '(setup)';

function step(name: string, run: () => Promise<void>): void {
  test(name, async (t) => {
    currentStep = name;
    try {
      await run();
    } catch (error) {
      if (error instanceof Blocked) {
        t.skip(error.message);
        return;
      }
      throw error;
    }
  });
}

/** The value an earlier step left, or a skip that names that step. */
function needs<T>(value: T | undefined, fromStep: string): T {
  if (value === undefined) throw new Blocked(`needs what "${fromStep}" produces`);
  return value;
}

/** What a shopper can put in the basket: not gated by stock for `quantity` units. */
function buyable(variant: VariantT, quantity: number): boolean {
  if (variant.inventoryPolicy === 'continue') return true;
  return (
    variant.sellableQuantity === undefined || variant.sellableQuantity === null || variant.sellableQuantity >= quantity
  );
}

function pickVariant(product: ProductT, quantity: number): VariantT {
  const variants = product.variants ?? [];
  const chosen =
    variants.find((v) => v.isDefault && buyable(v, quantity)) ?? variants.find((v) => buyable(v, quantity));
  assert.ok(chosen, `product "${product.slug}" has no variant that can take ${quantity} units`);
  return chosen;
}

function totalsAddUp(cart: CartT): void {
  const t = cart.totals;
  const expected = t.subtotal - t.discountTotal + t.shippingTotal + (cart.taxInclusive ? 0 : t.taxTotal);
  assert.equal(
    t.total,
    expected,
    `cart.totals.total ${t.total} ≠ subtotal − discountTotal + shippingTotal + taxTotal = ${expected}`,
  );
  assert.equal(
    t.amountDue,
    Math.max(0, t.total - t.giftCardTotal),
    'cart.totals.amountDue ≠ max(0, total − giftCardTotal)',
  );
}

// ---------------------------------------------------------------------------------------------
// The hosted payment page, driven as a browser would submit its form
// ---------------------------------------------------------------------------------------------

const unescapeHtml = (text: string): string =>
  text.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name] ?? '',
  );

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = (m[1] ?? '').toLowerCase();
    attributes[name] = unescapeHtml(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

interface HostedForm {
  action: string;
  fields: URLSearchParams;
}

/** Reads the page's POST form: its action, its inputs (card number filled in) and the Pay button. */
function fillHostedForm(html: string, pageUrl: string, card: string): HostedForm {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  assert.ok(form, 'the hosted payment page has no <form>');
  const formTag = attributesOf(/<form\b[^>]*>/i.exec(form[0])?.[0] ?? '');
  assert.equal((formTag.method ?? 'get').toLowerCase(), 'post', 'the hosted payment form does not POST');
  const fields = new URLSearchParams();
  let cardField: string | undefined;
  for (const m of (form[1] ?? '').matchAll(/<input\b[^>]*>/gi)) {
    const input = attributesOf(m[0]);
    if (!input.name || input.type === 'submit') continue;
    const isCard = input.autocomplete === 'cc-number' || /card/i.test(input.name);
    if (isCard) cardField = input.name;
    fields.set(input.name, isCard ? card : (input.value ?? ''));
  }
  assert.ok(cardField, 'the hosted payment form has no card-number field');
  const pay = [...(form[1] ?? '').matchAll(/<button\b[^>]*>([\s\S]*?)<\/button>/gi)]
    .map((m) => ({ attributes: attributesOf(/<button\b[^>]*>/i.exec(m[0])?.[0] ?? ''), text: m[1] ?? '' }))
    .find((b) => b.attributes.value === 'pay' || /^\s*pay\b/i.test(b.text));
  assert.ok(pay, 'the hosted payment form has no Pay button');
  if (pay.attributes.name) fields.set(pay.attributes.name, pay.attributes.value ?? '');
  return { action: new URL(formTag.action ?? '', pageUrl).href, fields };
}

// ---------------------------------------------------------------------------------------------
// The login code, read from the store's control surface (its outbox stands in for an inbox)
// ---------------------------------------------------------------------------------------------

/**
 * The newest login code mailed to `email`, from anything the control surface shows: any object
 * naming the email that carries a six-digit `code` (the outbox's messages), newest `sentAt` first.
 */
function findLoginCode(surface: unknown, email: string): string | undefined {
  const found: { code: string; sentAt: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const fields = node as Record<string, unknown>;
    const names = Object.values(fields).some((v) => typeof v === 'string' && v.toLowerCase() === email);
    const code = [fields.code, fields.otp, fields.loginCode].find((v) => typeof v === 'string' && /^\d{6}$/.test(v));
    if (names && typeof code === 'string' && fields.kind !== 'gift_card')
      found.push({ code, sentAt: String(fields.sentAt ?? '') });
    Object.values(fields).forEach(visit);
  };
  visit(surface);
  return found.sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0))[0]?.code;
}

// ---------------------------------------------------------------------------------------------
// What arrived at the store
// ---------------------------------------------------------------------------------------------

interface Arrival {
  step: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  status: number | null;
}

/** Headers fetch itself adds to every request; not the SDK's, so not part of its header set. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'user-agent',
  'accept-encoding',
  'sec-fetch-mode',
  'keep-alive',
]);

/** The SDK's header set for one request, by its rules (names in lower case). */
function sdkHeaderSet(method: string, endpoint: string, signedIn: boolean): string[] {
  const tokens = ['x-cart-token', 'x-visitor-id', ...(signedIn ? ['x-customer-token'] : [])];
  if (method === 'GET')
    return ['accept', 'accept-language', ...(OfficialSdkClient.isStateful(endpoint) ? tokens : [])].sort();
  return ['accept', 'accept-language', 'content-type', ...tokens].sort();
}

/** The message of an error answer, whichever envelope it came in. */
function errorText(answer: unknown): string {
  const error = (answer as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : JSON.stringify(answer).slice(0, 200);
}

// ---------------------------------------------------------------------------------------------
// The journey
// ---------------------------------------------------------------------------------------------

describe('the official SDK walks a whole journey against the reference store', () => {
  let running: RunningStore;
  let apiUrl: string;
  let storeOrigin: string;
  const exchanges: (Exchange & { step: string; signedIn: boolean })[] = [];
  const arrivals: Arrival[] = [];
  const visitorId = mintVisitorId();

  const newClient = (): OfficialSdkClient => {
    const client: OfficialSdkClient = new OfficialSdkClient({
      // With a trailing slash, which the SDK drops.
      apiUrl: `${apiUrl}/`,
      publishableKey: KEY,
      locale: LOCALE,
      cartToken: mintCartToken(),
      visitorId,
      // The SDK waits 0.5 s and 1 s before retrying a 5xx; shorter here, the same two retries.
      retryDelaysMs: [20, 40],
      onExchange: (e) =>
        exchanges.push({ ...e, step: currentStep, signedIn: e.headers['X-Customer-Token'] !== undefined }),
    });
    return client;
  };

  // What the steps leave for each other.
  const j: {
    sdk?: OfficialSdkClient;
    store?: Infer<typeof W.Store>;
    tee?: ProductT;
    teeVariant?: VariantT;
    knife?: ProductT;
    cart?: CartT;
    teeLineId?: string;
    knifeLineId?: string;
    rateId?: string;
    methods?: MethodT[];
    order?: Infer<typeof W.CheckoutAccepted>;
    redirectUrl?: string;
    paid?: boolean;
    codeRequested?: boolean;
    bank?: OfficialSdkClient;
    bankCart?: CartT;
    bankOrder?: Infer<typeof W.CheckoutAccepted>;
  } = {};

  before(async () => {
    running = await startReferenceStore({ port: 0, control: true });
    apiUrl = running.url;
    storeOrigin = new URL(running.url).origin;
    // Record what actually arrives, before the store's own handler sees it.
    running.server.prependListener('request', (req, res) => {
      const arrival: Arrival = {
        step: currentStep,
        method: req.method ?? '',
        url: req.url ?? '',
        headers: { ...req.headers },
        status: null,
      };
      arrivals.push(arrival);
      res.on('finish', () => {
        arrival.status = res.statusCode;
      });
    });
    j.sdk = newClient();
  });

  after(async () => {
    await running?.close();
    // TOTE_JOURNEY_LOG=1 prints every request the journey made, with its status and headers.
    if (process.env.TOTE_JOURNEY_LOG) {
      for (const e of exchanges)
        console.log(
          `${e.status ?? '---'} ${e.method} ${e.endpoint}  [${Object.keys(e.headers).join(', ')}]  (${e.step})`,
        );
    }
  });

  step('01 store: GET / (bare base, no trailing slash)', async () => {
    const sdk = needs(j.sdk, 'setup');
    const answer = await sdk.store();
    j.store = expectShape('Store', W.Store, answer, 'store');
    assert.equal(exchanges.at(-1)?.url, `${apiUrl}/public/${KEY}`, 'the store is read from the bare base URL');
  });

  step('02 products: list, search and sort (q, perPage, sort=-price)', async () => {
    const sdk = needs(j.sdk, 'setup');
    const grid = await sdk.products({ page: 1, perPage: 12 });
    const page = expectShape('product list ({data: Product[], meta: CatalogMeta})', W.ProductList, grid, 'products');
    assert.ok(page.data.length > 0, 'the first catalogue page is empty');
    const found = await sdk.products({ search: 'tee', sort: 'price_desc', perPage: 24 });
    assert.match(
      exchanges.at(-1)?.url ?? '',
      /\/products\?perPage=24&q=tee&sort=-price$/,
      'search and sort go on the wire as q and sort=-price',
    );
    const results = expectShape('product list ({data: Product[], meta: CatalogMeta})', W.ProductList, found, 'search');
    assert.ok(results.data.length > 0, 'searching "tee" found nothing');
    assert.ok(results.meta.total >= results.data.length, 'search.meta.total is smaller than the page');
  });

  step('03 product detail: GET /products/{slug}', async () => {
    const sdk = needs(j.sdk, 'setup');
    const tee = await sdk.product('classic-tee');
    const knife = await sdk.product('chefs-knife');
    j.tee = expectShape('Product', W.Product, tee, 'product(classic-tee)');
    j.knife = expectShape('Product', W.Product, knife, 'product(chefs-knife)');
    assert.equal(j.tee.slug, 'classic-tee');
    j.teeVariant = pickVariant(j.tee, 2);
  });

  step('04 categories: list, then detail with include=children,parent', async () => {
    const sdk = needs(j.sdk, 'setup');
    const listed = expectShape(
      'category list ({data: Category[], meta: ListMeta})',
      W.CategoryList,
      await sdk.categories(),
      'categories',
    );
    const child = listed.data.find((c) => c.parentId !== null);
    const root = listed.data.find((c) => c.parentId === null && listed.data.some((k) => k.parentId === c.id));
    assert.ok(child && root, 'the category list has no parent/child pair (demo: Apparel › T-shirts)');
    const childDetail = expectShape(
      'category detail ({data: Category})',
      W.CategoryDetail,
      await sdk.category(child.slug, { include: 'children,parent' }),
      'category(child)',
    );
    assert.match(
      exchanges.at(-1)?.url ?? '',
      /\?include=children%2Cparent$/,
      'include goes on the wire as the SDK encodes it',
    );
    assert.equal(
      childDetail.data.parent?.id,
      child.parentId,
      `category(${child.slug}).data.parent is missing or not its parent (include=parent)`,
    );
    const rootDetail = expectShape(
      'category detail ({data: Category})',
      W.CategoryDetail,
      await sdk.category(root.slug, { include: 'children,parent' }),
      'category(root)',
    );
    assert.ok(
      (rootDetail.data.children ?? []).some((c) => c.id === child.id || c.parentId === root.id),
      `category(${root.slug}).data.children is missing or empty (include=children)`,
    );
  });

  step('05 cart: read the new cart (X-Cart-Token cart_<uuid>)', async () => {
    const sdk = needs(j.sdk, 'setup');
    j.cart = expectShape('Cart', W.Cart, await sdk.cart(), 'cart');
    assert.equal(j.cart.items.length, 0, 'a new token reads as an empty cart');
  });

  step('06 cart: add items (productId + variantId + sourceUrl, as the widget sends)', async () => {
    const sdk = needs(j.sdk, 'setup');
    const tee = needs(j.tee, '03 product detail');
    const variant = needs(j.teeVariant, '03 product detail');
    const knife = needs(j.knife, '03 product detail');
    const afterTee = await sdk.addItem({
      productId: tee.id,
      variantId: variant.id,
      quantity: 1,
      sourceUrl: SOURCE_URL,
    });
    j.cart = afterTee as CartT;
    const knifeVariant = pickVariant(knife, 1);
    const afterKnife = await sdk.addItem({
      productId: knife.id,
      variantId: knifeVariant.id,
      quantity: 1,
      sourceUrl: SOURCE_URL,
    });
    j.cart = afterKnife as CartT;
    const cart = expectShape('Cart', W.Cart, afterTee, 'cart(after adding the tee)');
    const both = expectShape('Cart', W.Cart, afterKnife, 'cart');
    j.cart = both;
    j.teeLineId = both.items.find((i) => i.variantId === variant.id)?.id;
    j.knifeLineId = both.items.find((i) => i.variantId === knifeVariant.id)?.id;
    assert.equal(cart.items.length, 1);
    assert.equal(both.items.length, 2, 'two different variants make two lines');
    assert.ok(j.teeLineId && j.knifeLineId, 'the cart lines do not carry the variant ids that were added');
  });

  step('07 cart: update a line quantity (PATCH /cart/items/{id})', async () => {
    const sdk = needs(j.sdk, 'setup');
    const lineId = needs(j.teeLineId, '06 cart: add items');
    const answer = await sdk.setQuantity(lineId, 2);
    j.cart = answer as CartT;
    const cart = expectShape('Cart', W.Cart, answer, 'cart');
    const line = cart.items.find((i) => i.id === lineId);
    assert.equal(line?.quantity, 2);
    assert.equal(line?.subtotal, (line?.unitPrice ?? 0) * 2, 'cart.items[].subtotal ≠ unitPrice × quantity');
  });

  step('08 cart: remove a line (DELETE /cart/items/{id})', async () => {
    const sdk = needs(j.sdk, 'setup');
    const lineId = needs(j.knifeLineId, '06 cart: add items');
    const answer = await sdk.removeItem(lineId);
    j.cart = answer as CartT;
    const cart = expectShape('Cart', W.Cart, answer, 'cart');
    assert.deepEqual(
      cart.items.map((i) => i.id),
      [j.teeLineId],
      'only the tee line is left',
    );
  });

  step('09 cart: email, shipping address, billing address (PATCH /cart, progressively)', async () => {
    const sdk = needs(j.sdk, 'setup');
    const withEmail = expectShape('Cart', W.Cart, await sdk.patchCart({ email: EMAIL }), 'cart(email)');
    assert.equal(withEmail.email, EMAIL);
    const shipped = expectShape(
      'Cart',
      W.Cart,
      await sdk.patchCart({ shippingAddress: SHIP_TO }),
      'cart(shippingAddress)',
    );
    assert.deepEqual(shipped.shippingAddress, SHIP_TO, 'cart.shippingAddress reads back as sent');
    const answer = await sdk.patchCart({ billingAddress: BILL_TO });
    j.cart = answer as CartT;
    const billed = expectShape('Cart', W.Cart, answer, 'cart');
    assert.deepEqual(billed.billingAddress, BILL_TO, 'cart.billingAddress reads back as sent');
  });

  step('10 shipping: options for the stored address', async () => {
    const sdk = needs(j.sdk, 'setup');
    const options = expectShape('ShippingOptions', W.ShippingOptions, await sdk.shippingOptions(), 'shippingOptions');
    assert.equal(options.addressRequired, false, 'a US address is stored, so shippingOptions.addressRequired is false');
    assert.ok(options.options.length > 0, 'the demo store ships to the US');
    j.rateId = options.options[0]?.id;
  });

  step('11 shipping: choose a rate (PATCH /cart {shippingRateId})', async () => {
    const sdk = needs(j.sdk, 'setup');
    const rateId = needs(j.rateId, '10 shipping: options');
    const answer = await sdk.patchCart({ shippingRateId: rateId });
    j.cart = answer as CartT;
    const cart = expectShape('Cart', W.Cart, answer, 'cart');
    assert.equal(cart.shippingRateId, rateId);
    assert.equal(typeof cart.shippingMethodName, 'string', 'cart.shippingMethodName names the chosen rate');
    totalsAddUp(cart);
  });

  step('12 payment methods: GET /payment-methods (a simple read, no token)', async () => {
    const sdk = needs(j.sdk, 'setup');
    const roster = expectShape(
      'StorefrontPaymentMethods',
      W.StorefrontPaymentMethods,
      await sdk.paymentMethods(),
      'paymentMethods',
    );
    assert.equal(roster.checkoutDisabled, false, `checkout is disabled: ${roster.checkoutDisabledReason}`);
    j.methods = roster.methods;
    assert.ok(
      roster.methods.some((m) => m.select.kind === 'gateway' && !m.sdk),
      'no redirect gateway (a gateway without sdk) is offered',
    );
    assert.ok(
      roster.methods.some((m) => m.select.kind === 'manual'),
      'no manual (bank transfer) method is offered',
    );
  });

  step('13 checkout: redirect gateway, select verbatim, expectedTotal', async () => {
    const sdk = needs(j.sdk, 'setup');
    const cart = needs(j.cart, '11 shipping: choose a rate');
    const method = needs(j.methods, '12 payment methods').find((m) => m.select.kind === 'gateway' && !m.sdk);
    assert.ok(method, 'no redirect gateway to check out with');
    const terms = j.store?.checkout?.termsMode ?? 'required_checkbox';
    const answer = await sdk.checkout({
      paymentMethod: method.select,
      expectedTotal: cart.totals.total,
      ...(terms === 'required_checkbox' ? { agreeToTerms: true } : {}),
    });
    j.order = answer as Infer<typeof W.CheckoutAccepted>;
    const order = expectShape('CheckoutAccepted', W.CheckoutAccepted, answer, 'checkout');
    assert.equal(order.total, cart.totals.total, 'checkout.total is the total the shopper was shown');
    assert.ok(
      !PAID.has(order.paymentStatus),
      `a card order is not paid before payment (checkout.paymentStatus "${order.paymentStatus}")`,
    );
  });

  step('14 payment: start (POST /orders/{id}/pay {returnUrl, cancelUrl})', async () => {
    const sdk = needs(j.sdk, 'setup');
    const order = needs(j.order, '13 checkout');
    const started = expectShape(
      'StartPaymentResult',
      W.StartPaymentResult,
      await sdk.startPayment(order.orderId, { returnUrl: RETURN_URL, cancelUrl: CANCEL_URL }),
      'payment',
    );
    assert.equal(started.handoff.kind, 'redirect', 'a gateway without an sdk block hands off by redirect');
    if (started.handoff.kind === 'redirect') j.redirectUrl = started.handoff.redirectUrl;
    assert.equal(started.amount, order.total);
  });

  step('15 hosted page: pay with the test card (a browser form post)', async () => {
    const redirectUrl = needs(j.redirectUrl, '14 payment: start');
    assert.equal(
      new URL(redirectUrl).origin,
      storeOrigin,
      'the hosted page is served by the reference store (nothing leaves 127.0.0.1)',
    );
    const pageResponse = await fetch(redirectUrl, { headers: { Accept: 'text/html' }, redirect: 'manual' });
    assert.equal(pageResponse.status, 200, 'the hosted payment page opens');
    const form = fillHostedForm(await pageResponse.text(), redirectUrl, TEST_CARD);
    const submitted = await fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body: form.fields.toString(),
      redirect: 'manual',
    });
    assert.equal(submitted.status, 303, 'paying answers 303 See Other');
    assert.equal(submitted.headers.get('location'), RETURN_URL, 'the shopper is sent back to returnUrl');
  });

  step('16 status: poll until paid (GET /orders/{id}/status)', async () => {
    const sdk = needs(j.sdk, 'setup');
    const order = needs(j.order, '13 checkout');
    const deadline = Date.now() + 3000;
    let state: Infer<typeof W.OrderPaymentState>;
    for (;;) {
      state = expectShape('OrderPaymentState', W.OrderPaymentState, await sdk.orderStatus(order.orderId), 'status');
      if (PAID.has(state.paymentStatus) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(state.id, order.orderId);
    assert.ok(
      PAID.has(state.paymentStatus),
      `status.paymentStatus is "${state.paymentStatus}" after paying with ${TEST_CARD}`,
    );
    j.paid = true;
  });

  step('17 receipt: GET /orders/{id} (flat)', async () => {
    const sdk = needs(j.sdk, 'setup');
    const order = needs(j.order, '13 checkout');
    const raw = await sdk.receipt(order.orderId);
    const receipt = expectShape('OrderReceipt', W.OrderReceipt, raw, 'receipt');
    for (const nested of ['totals', 'shippingAddress', 'billingAddress']) {
      assert.ok(!(nested in (raw as object)), `receipt.${nested} is served: the receipt is flat`);
    }
    assert.equal(receipt.id, order.orderId);
    assert.equal(receipt.orderNumber, order.orderNumber);
    assert.equal(receipt.total, order.total);
    assert.equal(receipt.email, EMAIL);
    assert.deepEqual(
      receipt.items.map((i) => [i.variantId, i.quantity]),
      [[j.teeVariant?.id, 2]],
    );
    assert.deepEqual(receipt.addresses.map((a) => a.kind).sort(), ['billing', 'shipping']);
    assert.equal(receipt.addresses.find((a) => a.kind === 'billing')?.line1, BILL_TO.line1);
    if (j.paid) assert.equal(receipt.amountDue, 0, 'a paid order has nothing due');
  });

  step('18 reviews: list, then submit', async () => {
    const sdk = needs(j.sdk, 'setup');
    const tee = needs(j.tee, '03 product detail');
    const listed = expectShape('ReviewsResponse', W.ReviewsResponse, await sdk.reviews(tee.id, 1), 'reviews');
    assert.match(exchanges.at(-1)?.url ?? '', /\/reviews\?page=1$/);
    assert.ok(listed.meta.total >= listed.data.length);
    const submitted = await sdk.submitReview(tee.id, {
      rating: 5,
      title: 'Fits well',
      content: 'Bought through the official SDK journey.',
    });
    // The SDK hands back the body (`any`); the contract answers 201 {data: Review}.
    const review = expectShape('Review', W.Review, (submitted as { data?: unknown }).data ?? submitted, 'review');
    assert.equal(review.rating, 5);
    const again = expectShape('ReviewsResponse', W.ReviewsResponse, await sdk.reviews(tee.id), 'reviews(after submit)');
    assert.equal(again.data[0]?.id, review.id, 'a submitted review is published at once, newest first');
  });

  step('19 login code: request (POST /customer/otp)', async () => {
    const sdk = needs(j.sdk, 'setup');
    const answer = expectShape('RequestCodeResult', W.RequestCodeResult, await sdk.requestCode(EMAIL), 'otp');
    j.codeRequested = true;
    if (j.order) {
      assert.equal(answer.retryAfterSeconds, null, 'the first code for an email is not throttled');
      assert.equal(answer.sent, true, `${EMAIL} placed an order, so a code is sent`);
      assert.equal(answer.recognised, true, `${EMAIL} placed an order, so it is recognised`);
    }
  });

  step('20 login code: verify, then me / addresses / orders with X-Customer-Token, then sign out', async () => {
    const sdk = needs(j.sdk, 'setup');
    needs(j.codeRequested, '19 login code: request');
    // The store's outbox stands in for the shopper's inbox: the snapshot, else GET /__control/outbox.
    let code = findLoginCode(running.store.snapshot(), EMAIL);
    if (!code) {
      const outbox = await fetch(`${storeOrigin}/__control/outbox?to=${encodeURIComponent(EMAIL)}`);
      code = findLoginCode(outbox.ok ? await outbox.json() : null, EMAIL);
    }
    assert.ok(code, `the control surface holds no 6-digit login code for ${EMAIL} (contract: codes go to its outbox)`);
    // A mistyped code first: the SDK's error carries the 422 on `code`, and the reference store's
    // reason beside the sentence (one try of five spent; the right code still works).
    const mistyped = code === '000000' ? '111111' : '000000';
    const wrong = await sdk.verifyCode(EMAIL, mistyped).then(
      () => assert.fail('a wrong code was accepted'),
      (error: unknown) => error as { status: number; details: { field?: string; reason?: string }[] },
    );
    assert.equal(wrong.status, 422);
    assert.deepEqual([wrong.details[0]?.field, wrong.details[0]?.reason], ['code', 'wrong']);
    const verified = expectShape('VerifyCodeResult', W.VerifyCodeResult, await sdk.verifyCode(EMAIL, code), 'verify');
    assert.equal(verified.customer.email, EMAIL);
    sdk.customerToken = verified.token;
    try {
      const me = expectShape('CustomerIdentity', W.CustomerIdentity, await sdk.me(), 'me');
      assert.equal(me.id, verified.customer.id);
      // Signed in, a review of the tee bought (and paid for) in this journey is a verified purchase.
      const tee = needs(j.tee, '03 product detail');
      const submitted = await sdk.submitReview(tee.id, { rating: 4, title: 'Still good', content: 'Washed twice.' });
      const review = expectShape('Review', W.Review, (submitted as { data?: unknown }).data ?? submitted, 'review');
      if (j.paid) assert.equal(review.isVerifiedPurchase, true, 'a paid order with the tee makes the review verified');
      expectShape('CustomerAddress[]', W.CustomerAddresses, await sdk.addresses(), 'addresses');
      const orders = expectShape('CustomerOrder[]', W.CustomerOrders, await sdk.orders(), 'orders');
      if (j.order)
        assert.ok(
          orders.some((o) => o.id === j.order?.orderId),
          'customer orders include the order placed under this email',
        );
      await sdk.signOut();
    } finally {
      sdk.customerToken = undefined;
    }
  });

  step('21 returning customer: saved addresses (seeded ada@example.com)', async () => {
    // The journey's own shopper has no address book; a seeded customer has two, so the
    // CustomerAddress check runs on real entries.
    const sdk = needs(j.sdk, 'setup');
    const email = 'ada@example.com';
    const asked = expectShape('RequestCodeResult', W.RequestCodeResult, await sdk.requestCode(email), 'otp');
    assert.equal(asked.recognised, true, `${email} is a seeded customer`);
    const code = findLoginCode(running.store.snapshot(), email);
    assert.ok(code, `the control surface holds no 6-digit login code for ${email}`);
    const verified = expectShape('VerifyCodeResult', W.VerifyCodeResult, await sdk.verifyCode(email, code), 'verify');
    sdk.customerToken = verified.token;
    try {
      const addresses = expectShape('CustomerAddress[]', W.CustomerAddresses, await sdk.addresses(), 'addresses');
      assert.ok(addresses.length > 0, `${email} has saved addresses in the demo seed`);
      await sdk.signOut();
    } finally {
      sdk.customerToken = undefined;
    }
  });

  step('22 countries: shippable (shippable=1), all, and states', async () => {
    const sdk = needs(j.sdk, 'setup');
    const shippable = expectShape(
      'CountriesResponse',
      W.CountriesResponse,
      await sdk.countries(LOCALE, true),
      'countries(shippable)',
    );
    assert.match(exchanges.at(-1)?.url ?? '', /\/countries\?locale=en&shippable=1$/);
    const us = shippable.data.countries.find((c) => c.code === 'US');
    assert.ok(us, 'the demo store ships to the US, so US is among the shippable countries');
    assert.ok(
      (us.subdivisions ?? []).some((s) => s.code === SHIP_TO.region),
      'US carries its subdivisions inline (NY among them)',
    );
    if (typeof us.postalRegex === 'string') {
      let pattern: RegExp | undefined;
      try {
        pattern = new RegExp(`^(?:${us.postalRegex})$`, 'u');
      } catch {
        // The contract says: skip the check when the pattern does not compile.
      }
      if (pattern) assert.match(SHIP_TO.postalCode, pattern, 'US postalRegex accepts 11201');
    }
    const all = expectShape('CountriesResponse', W.CountriesResponse, await sdk.countries(LOCALE), 'countries');
    assert.ok(
      all.data.countries.length >= shippable.data.countries.length,
      'every country is at least the shippable ones',
    );
    const states = expectShape('StatesResponse', W.StatesResponse, await sdk.states('US', LOCALE), 'states');
    assert.equal(states.data.country.code, 'US');
    assert.ok(states.data.states.some((s) => s.code === SHIP_TO.region));
  });

  step('23 bank transfer: a second cart to checkout with the manual method', async () => {
    const bank = newClient();
    j.bank = bank;
    const variant = needs(j.teeVariant, '03 product detail');
    const tee = needs(j.tee, '03 product detail');
    expectShape(
      'Cart',
      W.Cart,
      await bank.addItem({ productId: tee.id, variantId: variant.id, quantity: 1, sourceUrl: SOURCE_URL }),
      'cart',
    );
    expectShape(
      'Cart',
      W.Cart,
      await bank.patchCart({ email: EMAIL, shippingAddress: SHIP_TO, billingAddress: SHIP_TO }),
      'cart',
    );
    const options = expectShape('ShippingOptions', W.ShippingOptions, await bank.shippingOptions(), 'shippingOptions');
    const rate = options.options[0];
    assert.ok(rate, 'no shipping rate for the bank-transfer cart');
    const answer = await bank.patchCart({ shippingRateId: rate.id });
    j.bankCart = answer as CartT;
    expectShape('Cart', W.Cart, answer, 'cart');
  });

  step('24 bank transfer: checkout (manual select verbatim), no /pay', async () => {
    const bank = needs(j.bank, '23 bank transfer: cart');
    const cart = needs(j.bankCart, '23 bank transfer: cart');
    const method = needs(j.methods, '12 payment methods').find((m) => m.select.kind === 'manual');
    assert.ok(method, 'no manual method to check out with');
    const terms = j.store?.checkout?.termsMode ?? 'required_checkbox';
    const answer = await bank.checkout({
      paymentMethod: method.select,
      expectedTotal: cart.totals.total,
      ...(terms === 'required_checkbox' ? { agreeToTerms: true } : {}),
    });
    j.bankOrder = answer as Infer<typeof W.CheckoutAccepted>;
    const order = expectShape('CheckoutAccepted', W.CheckoutAccepted, answer, 'checkout');
    assert.equal(order.paymentStatus, 'pending', 'a bank-transfer order rests unpaid');
  });

  step('25 bank transfer: receipt with amountDue > 0 and paymentInstructions', async () => {
    const bank = needs(j.bank, '23 bank transfer: cart');
    const order = needs(j.bankOrder, '24 bank transfer: checkout');
    const receipt = expectShape('OrderReceipt', W.OrderReceipt, await bank.receipt(order.orderId), 'receipt');
    assert.equal(receipt.paymentStatus, 'pending');
    assert.ok(receipt.amountDue > 0, `receipt.amountDue is ${receipt.amountDue} on an unpaid bank transfer`);
    assert.equal(receipt.amountDue, receipt.total - receipt.giftCardTotal);
    assert.equal(typeof receipt.paymentMethodName, 'string', 'receipt.paymentMethodName names the bank transfer');
    assert.ok(
      typeof receipt.paymentInstructions === 'string' && receipt.paymentInstructions.trim() !== '',
      'receipt.paymentInstructions tells the shopper how to pay',
    );
  });

  step("26 CORS: a preflight admits the SDK's headers", async () => {
    const response = await fetch(`${apiUrl}/public/${KEY}/cart/items/x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'accept-language,content-type,x-cart-token,x-customer-token,x-visitor-id',
      },
    });
    assert.ok(response.status >= 200 && response.status < 300, `the preflight answers ${response.status}`);
    const origin = response.headers.get('access-control-allow-origin');
    assert.ok(origin === '*' || origin === 'https://shop.example', `Access-Control-Allow-Origin is ${origin}`);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    const missing = ['content-type', 'x-cart-token', 'x-customer-token', 'x-visitor-id'].filter(
      (h) => !allowed.includes(h) && !allowed.includes('*'),
    );
    assert.deepEqual(missing, [], 'Access-Control-Allow-Headers leaves out headers the SDK sends');
    const methods = (response.headers.get('access-control-allow-methods') ?? '').toUpperCase().split(/\s*,\s*/);
    assert.deepEqual(
      ['GET', 'POST', 'PATCH', 'DELETE'].filter((m) => !methods.includes(m)),
      [],
      'Access-Control-Allow-Methods leaves out methods the SDK uses',
    );
  });

  step("27 headers: every request carried exactly the SDK's set, and the store took them", async () => {
    assert.ok(exchanges.length > 0, 'no request was made');
    const problems: string[] = [];
    const cartToken = new RegExp(`^cart_${UUID}$`);
    const visitor = new RegExp(`^vis_${UUID}$`);
    for (const e of exchanges) {
      const where = `${e.method} ${e.endpoint} (step "${e.step}")`;
      const names = Object.keys(e.headers)
        .map((h) => h.toLowerCase())
        .sort();
      const expected = sdkHeaderSet(e.method, e.endpoint, e.signedIn);
      if (names.join() !== expected.join())
        problems.push(`${where}: sent [${names.join(', ')}], the SDK sends [${expected.join(', ')}]`);
      if (e.headers.Accept !== 'application/json') problems.push(`${where}: Accept is ${e.headers.Accept}`);
      if (e.headers['Accept-Language'] !== LOCALE)
        problems.push(`${where}: Accept-Language is ${e.headers['Accept-Language']}`);
      if ('Content-Type' in e.headers && e.headers['Content-Type'] !== 'application/json')
        problems.push(`${where}: Content-Type is ${e.headers['Content-Type']}`);
      if ('X-Cart-Token' in e.headers && !cartToken.test(e.headers['X-Cart-Token'] ?? ''))
        problems.push(`${where}: X-Cart-Token is not cart_<uuid>`);
      if ('X-Visitor-Id' in e.headers && !visitor.test(e.headers['X-Visitor-Id'] ?? ''))
        problems.push(`${where}: X-Visitor-Id is not vis_<uuid>`);
      if (e.method === 'DELETE' && e.body !== undefined) problems.push(`${where}: DELETE sent a body`);
      if (e.method === 'PATCH' && e.body === undefined) problems.push(`${where}: PATCH sent no body`);
      if (e.status === 401 || e.status === 403) {
        problems.push(`${where}: the store refused with ${e.status}: ${errorText(e.answer)}`);
      }
    }
    // One request at a time, so the n-th API arrival is the n-th request sent (preflights aside).
    const api = arrivals.filter((a) => a.url.startsWith('/v3/public/') && a.method !== 'OPTIONS');
    assert.equal(api.length, exchanges.length, 'every SDK request arrived at the store once');
    api.forEach((a, i) => {
      const where = `${a.method} ${a.url} (step "${a.step}")`;
      const names = Object.keys(a.headers)
        .filter((h) => !TRANSPORT_HEADERS.has(h))
        .sort();
      for (const forbidden of ['authorization', 'x-request-id']) {
        if (names.includes(forbidden)) problems.push(`${where}: arrived with ${forbidden}`);
      }
      const sent = exchanges[i];
      if (!sent || sent.method !== a.method || !sent.url.endsWith(a.url)) {
        problems.push(`${where}: does not line up with request ${i} the client sent (${sent?.method} ${sent?.url})`);
        return;
      }
      const expected = Object.keys(sent.headers)
        .map((h) => h.toLowerCase())
        .sort();
      if (names.join() !== expected.join())
        problems.push(`${where}: arrived with [${names.join(', ')}], sent [${expected.join(', ')}]`);
    });
    assert.deepEqual(problems, [], `requests strayed from the SDK's header set:\n  ${problems.join('\n  ')}`);
  });
});
