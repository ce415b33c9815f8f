// Unit tests of the checkout's state machine with a fake shop: steps, validation, persistence,
// refusals, the payment hand-off (redirect and PayPal) and the return from it — no browser, no server.
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiError,
  CheckoutRejection,
  DEFAULT_CHECKOUT,
  type Cart,
  type CartUpdate,
  type CheckoutSettings,
  type Country,
  type Handoff,
  type OrderReceipt,
  type OrderStatus,
  type PaymentMethod,
} from '../../../../src/api/index.js';
import {
  CheckoutFlow,
  EMAIL_DRAFT_MS,
  type FlowDeps,
  type PendingOrder,
} from '../../../../src/store/checkout/checkout-flow.js';
import { addressIssues, isAddressComplete } from '../../../../src/model/address.js';
import { countries, guessCountry } from '../../../../src/model/countries.js';
import { defaultCountry, postalMismatch, regionLabelKey, requiresRegion } from '../../../../src/model/countries.js';
import { paymentUrls, POLL_DELAYS, readMarker, safeNavigationUrl } from '../../../../src/store/checkout/payment.js';
import { LOST_ANSWER_RETRIES } from '../../../../src/store/checkout/place-recovery.js';
import { receiptTotals } from '../../../../src/components/checkout/receipt.js';

const card: PaymentMethod = {
  select: { kind: 'gateway', gateway: 'test_card' },
  name: 'Card',
  description: null,
  icon: 'card',
  testMode: true,
  sdk: null,
};
const bank: PaymentMethod = {
  select: { kind: 'manual', manualMethodId: 'bank' },
  name: 'Bank transfer',
  description: 'IBAN …',
  icon: 'bank',
  testMode: false,
  sdk: null,
};
const paypal: PaymentMethod = {
  select: { kind: 'gateway', gateway: 'paypal' },
  name: 'PayPal',
  description: null,
  icon: 'paypal',
  testMode: true,
  sdk: { provider: 'paypal', clientId: 'client-x', merchantId: 'merchant-y', bnCode: 'BN_CODE' },
};
const address = {
  name: 'Ada Lovelace',
  company: null,
  line1: '1 Main St',
  line2: null,
  city: 'Springfield',
  region: 'IL',
  postalCode: '12345',
  countryCode: 'US',
  phone: null,
};
const US: Country = {
  code: 'US',
  name: 'United States',
  requiresState: true,
  subdivisions: [
    { code: 'IL', name: 'Illinois' },
    { code: 'NY', name: 'New York' },
  ],
  stateNameType: 'state',
  postalRegex: '\\d{5}(-\\d{4})?',
  postalExample: '12345',
};
const CA: Country = {
  code: 'CA',
  name: 'Canada',
  subdivisions: [{ code: 'ON', name: 'Ontario' }],
  stateNameType: 'province',
  postalRegex: '[A-Z]\\d[A-Z] ?\\d[A-Z]\\d',
  postalExample: 'K1A 0B1',
};
const GB: Country = {
  code: 'GB',
  name: 'United Kingdom',
  subdivisions: null,
  stateNameType: 'county',
  postalRegex: '[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}',
  postalExample: 'SW1A 1AA',
};
const IE: Country = {
  code: 'IE',
  name: 'Ireland',
  subdivisions: [],
  stateNameType: null,
  postalRegex: null,
  postalExample: null,
};
const AQ: Country = {
  code: 'AQ',
  name: 'Antarctica',
  subdivisions: null,
  stateNameType: null,
  postalRegex: null,
  postalExample: null,
};
const FR: Country = {
  code: 'FR',
  name: 'France',
  subdivisions: null,
  stateNameType: null,
  postalRegex: '\\d{5}',
  postalExample: '75001',
};

function makeCart(over: Partial<Cart> = {}): Cart {
  return {
    id: 'cart_1',
    currencyCode: 'USD',
    email: null,
    items: [
      {
        id: 'item_1',
        productId: 'p1',
        variantId: 'v1',
        name: 'Mug',
        variantName: null,
        sku: null,
        unitPrice: 2400,
        quantity: 2,
        subtotal: 4800,
        imageUrl: null,
      },
    ],
    shippingAddress: null,
    billingAddress: null,
    shippingRateId: null,
    shippingMethodName: null,
    discounts: [],
    discountCode: null,
    discountError: null,
    giftCard: null,
    giftCardError: null,
    taxBreakdown: [],
    taxInclusive: false,
    visitorCountryCode: null,
    totals: {
      subtotal: 4800,
      discountTotal: 0,
      taxTotal: 0,
      shippingTotal: 0,
      total: 4800,
      giftCardTotal: 0,
      amountDue: 4800,
    },
    itemCount: 2,
    requiresShipping: true,
    expiresAt: '2099-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

function makeReceipt(orderId: string, over: Partial<OrderReceipt> = {}): OrderReceipt {
  return {
    id: orderId,
    orderNumber: 'TOTE-1001',
    status: 'confirmed',
    paymentStatus: 'paid',
    currencyCode: 'USD',
    email: 'a@b.co',
    customerName: 'Ada',
    items: [
      {
        id: 'i1',
        productId: 'p1',
        variantId: 'v1',
        name: 'Mug',
        variantName: null,
        sku: null,
        unitPrice: 2400,
        quantity: 2,
        subtotal: 4800,
        imageUrl: null,
      },
    ],
    subtotal: 4800,
    discountTotal: 0,
    discountCode: null,
    taxTotal: 800,
    taxes: [{ name: 'VAT', rateMilliPercent: 20000, amount: 800 }],
    taxInclusive: true,
    shippingTotal: 0,
    shippingMethodName: null,
    total: 4800,
    giftCardTotal: 0,
    amountDue: 0,
    paymentMethodName: 'Card',
    paymentInstructions: null,
    addresses: [{ id: 'a1', kind: 'shipping', ...address }],
    placedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

interface HarnessOptions {
  cart?: Cart;
  methods?: PaymentMethod[];
  statuses?: (Partial<OrderStatus> | Error)[];
  pending?: PendingOrder | null;
  checkout?: Partial<CheckoutSettings>;
  countries?: Country[] | Error;
  handoff?: Handoff;
  receipt?: () => OrderReceipt;
  delays?: number[];
  /** The cart's read answers after the countries' (the order a network may give them). */
  slowCart?: boolean;
}

function harness(options: HarnessOptions = {}) {
  let cart = options.cart ?? makeCart();
  let pending: PendingOrder | null = options.pending ?? null;
  const calls: string[] = [];
  const patches: CartUpdate[] = [];
  const bodies: Record<string, unknown>[] = [];
  const requestIds: (string | undefined)[] = [];
  const navigated: string[] = [];
  const slept: number[] = [];
  const completed: string[] = [];
  const statuses = [...(options.statuses ?? [])];
  const checkoutResults: (() => unknown)[] = [];
  const captureResults: (() => unknown)[] = [];
  const list = options.countries ?? [US, CA, GB, IE, AQ, FR];
  const deps: FlowDeps = {
    api: {
      updateCart: async (patch) => {
        calls.push('updateCart');
        patches.push(patch);
        cart = {
          ...cart,
          ...(patch.email !== undefined && { email: patch.email }),
          ...(patch.shippingAddress && { shippingAddress: { ...address, ...patch.shippingAddress } }),
          ...(patch.billingAddress && { billingAddress: { ...address, ...patch.billingAddress } }),
          ...(patch.shippingRateId && { shippingRateId: patch.shippingRateId }),
        };
        return cart;
      },
      shippingOptions: async () => {
        calls.push('shippingOptions');
        return {
          options:
            cart.shippingAddress?.countryCode === 'AQ'
              ? []
              : [
                  {
                    id: 'std',
                    name: 'Standard',
                    description: null,
                    cost: 500,
                    estimatedDaysMin: 3,
                    estimatedDaysMax: 5,
                  },
                ],
          addressRequired: false,
        };
      },
      paymentMethods: async () => ({
        methods: options.methods ?? [card, bank],
        checkoutDisabled: false,
        checkoutDisabledReason: null,
      }),
      countries: async (query) => {
        calls.push(`countries:${query.shippable ? 'ship' : 'all'}:${query.locale}`);
        if (list instanceof Error) throw list;
        return { countries: query.shippable ? list.filter((c) => c.code !== 'FR') : list, locale: 'en' };
      },
      checkout: async (req, r) => {
        calls.push(`checkout:${JSON.stringify(req)}`);
        bodies.push(req as Record<string, unknown>);
        requestIds.push(r?.requestId);
        const next = checkoutResults.shift();
        if (next) return next() as never;
        return {
          orderId: 'ord_1',
          orderNumber: 'TOTE-1001',
          total: cart.totals.total,
          currencyCode: 'USD',
          paymentStatus: 'pending',
          reservationExpiresAt: null,
        };
      },
      pay: async (orderId, req) => {
        calls.push(`pay:${orderId}:${req.returnUrl}|${req.cancelUrl}`);
        const handoff = options.handoff ?? { kind: 'redirect', redirectUrl: 'https://pay.example/pay_1' };
        return {
          paymentId: 'pay_1',
          status: 'pending',
          gateway: 'test_card',
          handoff,
          amount: 4800,
          currencyCode: 'USD',
        };
      },
      capture: async (orderId, req) => {
        calls.push(`capture:${orderId}:${req.paypalOrderId}`);
        const next = captureResults.shift();
        if (next) return next() as never;
        return { orderId, orderNumber: 'TOTE-1001', paymentStatus: 'completed', total: 4800, currencyCode: 'USD' };
      },
      orderStatus: async (orderId) => {
        calls.push('status');
        const next = statuses.shift() ?? {};
        if (next instanceof Error) throw next;
        return {
          id: orderId,
          orderNumber: 'TOTE-1001',
          status: 'pending',
          paymentStatus: 'pending',
          total: 4800,
          currencyCode: 'USD',
          ...next,
        };
      },
      order: async (orderId) => {
        calls.push(`order:${orderId}`);
        return options.receipt ? options.receipt() : makeReceipt(orderId);
      },
    },
    cart: {
      get state() {
        return {
          ready: true,
          server: cart,
          lines: [],
          itemCount: cart.itemCount,
          pending: 0,
          online: true,
          persistence: 'indexeddb',
          error: null,
          recovery: null,
        } as never;
      },
      settled: async () => undefined,
      refresh: async () => {
        if (options.slowCart) await new Promise((resolve) => setTimeout(resolve, 5));
        return cart;
      },
      accept: () => calls.push('accept'),
      setQuantity: (variantId, quantity) => calls.push(`setQuantity:${variantId}:${quantity}`),
      startOver: async () => void calls.push('startOver'),
    },
    store: async () => ({
      id: 's',
      name: 'S',
      currency: 'USD',
      locale: 'en-US',
      storeMode: 'live',
      features: { addressAutocomplete: false },
      checkout: { ...DEFAULT_CHECKOUT, termsMode: 'required_checkbox', showNotesField: true, ...options.checkout },
    }),
    locale: 'en-US',
    paymentUrls: (order) => paymentUrls('https://shop.example/store/?merchant_token=secret#top', order.orderId),
    navigate: (url) => navigated.push(url),
    pending: { get: () => pending, set: (order) => (pending = order), clear: () => (pending = null) },
    onChange: () => undefined,
    onComplete: (placed, receipt) =>
      completed.push(`${placed.orderNumber}:${placed.paymentStatus}:${receipt ? 'receipt' : 'fallback'}`),
    sleep: async (ms) => void slept.push(ms),
    pollDelays: options.delays ?? [0, 0, 0, 0],
  };
  const flow = new CheckoutFlow(deps);
  return {
    flow,
    api: deps.api,
    calls,
    patches,
    bodies,
    requestIds,
    navigated,
    slept,
    completed,
    checkoutResults,
    captureResults,
    getPending: () => pending,
    setCart: (c: Cart) => (cart = c),
  };
}

type Harness = ReturnType<typeof harness>;

async function toReview(h: Harness, method: PaymentMethod = card) {
  await h.flow.start();
  await h.flow.submitContact({ email: 'ada@example.com' });
  await h.flow.submitAddress(address);
  await h.flow.chooseShipping('std');
  h.flow.choosePayment(method.select);
}

const count = (h: Harness, prefix: string) => h.calls.filter((c) => c.startsWith(prefix)).length;

describe('postal hints from an API pattern', () => {
  it('a catastrophic pattern is only ever tried on a short value (the API cannot hang the page)', () => {
    const hostile = { ...GB, postalRegex: '(a+)+$x' };
    assert.equal(
      postalMismatch(hostile, 'a'.repeat(40) + '!'),
      false,
      'too long for a postal code: not checked here, checkout decides',
    );
    assert.equal(postalMismatch(hostile, 'aaaa!'), true, 'a short value is still checked');
    assert.equal(postalMismatch(GB, 'SW1A 2AA'), false);
  });
});

describe('CheckoutFlow: steps', () => {
  it('starts at contact and lists the steps a physical cart with two methods needs', async () => {
    const h = harness();
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'contact');
    assert.deepEqual(h.flow.state.steps, ['contact', 'address', 'shipping', 'payment', 'review']);
  });

  it('a digital cart skips shipping but asks (and always sends) the billing name and country', async () => {
    const h = harness({ cart: makeCart({ requiresShipping: false }), methods: [card] });
    await h.flow.start();
    assert.deepEqual(h.flow.state.steps, ['contact', 'review']);
    await h.flow.submitContact({ email: 'ada@example.com', name: '', countryCode: 'GB' });
    assert.deepEqual(h.flow.state.errors, { 'billingAddress.name': 'invalid.required' });
    assert.equal(count(h, 'updateCart'), 0);
    await h.flow.submitContact({ email: 'ada@example.com', name: 'Ada', countryCode: 'GB' });
    assert.equal(h.flow.state.step, 'review');
    assert.deepEqual(h.patches[0], {
      email: 'ada@example.com',
      customerName: 'Ada',
      billingAddress: { name: 'Ada', countryCode: 'GB' },
    });
    assert.ok(h.calls.includes('countries:all:en-US'), 'billing offers every country');
  });

  it('saves a typed email on the cart once it reads as one and rests (abandoned carts keep it), never a half-typed one', async () => {
    const h = harness();
    await h.flow.start();
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      for (const typed of ['a', 'ada@', 'ada@example', 'ada@example.co']) {
        h.flow.draftEmail(typed);
        mock.timers.tick(EMAIL_DRAFT_MS / 2);
      }
      h.flow.draftEmail('ada@example.com');
      mock.timers.tick(EMAIL_DRAFT_MS - 1);
      assert.equal(count(h, 'updateCart'), 0, 'still typing');
      mock.timers.tick(1);
      assert.deepEqual(h.patches, [{ email: 'ada@example.com' }], 'one PATCH, the finished address only');
      assert.equal(h.flow.state.step, 'contact', 'a draft does not move the shopper on');
      h.flow.draftEmail('not an email');
      mock.timers.tick(EMAIL_DRAFT_MS * 2);
      assert.equal(h.patches.length, 1, 'nothing sent for an address that does not read as one');
      h.flow.draftEmail('grace@example.com');
      void h.flow.submitContact({ email: 'grace@example.com' });
      mock.timers.tick(EMAIL_DRAFT_MS * 2);
      assert.deepEqual(
        h.patches.slice(1),
        [{ email: 'grace@example.com' }],
        'the submit sends it, the draft does not send it again',
      );
    } finally {
      mock.timers.reset();
    }
  });

  it('refuses a bad email without a request and says which field', async () => {
    const h = harness();
    await h.flow.start();
    await h.flow.submitContact({ email: 'not-an-email' });
    assert.equal(h.flow.state.step, 'contact');
    assert.deepEqual(h.flow.state.errors, { email: 'invalid.email' });
    assert.equal(count(h, 'updateCart'), 0);
  });

  it('persists each step with one PATCH /cart, billing a copy of shipping, and moves on', async () => {
    const h = harness();
    await toReview(h);
    assert.equal(h.flow.state.step, 'review');
    assert.deepEqual(
      h.patches.map((p) => Object.keys(p).sort().join(',')),
      ['email', 'billingAddress,customerName,shippingAddress', 'shippingRateId'],
    );
    assert.deepEqual(h.patches[1]!.billingAddress, h.patches[1]!.shippingAddress);
    assert.ok(h.calls.includes('accept'), 'the engine adopts the returned cart');
  });

  it('sends a different billing address when "same as shipping" is unticked, validated with its own country', async () => {
    const h = harness();
    await h.flow.start();
    await h.flow.submitContact({ email: 'ada@example.com' });
    await h.flow.setBillingSame(false);
    assert.ok(h.calls.includes('countries:all:en-US'));
    assert.ok(
      h.flow.countryList('billing').some((c) => c.code === 'FR'),
      'billing lists countries the store does not ship to',
    );
    assert.ok(!h.flow.countryList('shipping').some((c) => c.code === 'FR'));
    const billing = { name: 'Ada Billing', line1: '2 Rue', city: 'Paris', postalCode: 'nope', countryCode: 'FR' };
    await h.flow.submitAddress(address, billing);
    assert.deepEqual(h.flow.state.errors, { 'billingAddress.postalCode': 'invalid.postalCode' });
    await h.flow.submitAddress(address, { ...billing, postalCode: '75001' });
    assert.equal(h.flow.state.step, 'shipping');
    assert.equal(h.patches.at(-1)!.billingAddress!.city, 'Paris');
  });

  it('validates the address with the country from GET /countries: region required, postal pattern a hint', async () => {
    const h = harness();
    await h.flow.start();
    await h.flow.submitContact({ email: 'ada@example.com' });
    await h.flow.submitAddress({ ...address, city: ' ', region: '', postalCode: 'ABC' });
    assert.equal(h.flow.state.step, 'address');
    assert.deepEqual(h.flow.state.errors, {
      'shippingAddress.city': 'invalid.required',
      'shippingAddress.region': 'invalid.required',
      'shippingAddress.postalCode': 'invalid.postalCode',
    });
    // The same postal code sent again goes to the server: the pattern is a hint, checkout decides.
    await h.flow.submitAddress({ ...address, postalCode: 'ABC' });
    assert.equal(h.flow.state.step, 'shipping');
  });

  it('reads the countries once per list, prefills the visitor hint, and falls back to Intl names', async () => {
    const h = harness({ cart: makeCart({ visitorCountryCode: 'ca' }) });
    await h.flow.start();
    assert.equal(h.flow.state.address.countryCode, 'CA');
    await h.flow.setBillingSame(false);
    await h.flow.setBillingSame(true);
    await h.flow.setBillingSame(false);
    assert.equal(count(h, 'countries:ship'), 1);
    assert.equal(count(h, 'countries:all'), 1);
    const down = harness({ countries: new ApiError(0, 'NETWORK', 'offline') });
    await down.flow.start();
    assert.equal(down.flow.state.phase, 'form');
    assert.ok(down.flow.countryList('shipping').length > 100, 'the Intl list stands in');
    assert.equal(down.flow.state.address.countryCode, 'US');
  });

  it('countries read before the cart: its first read resets the forms, and their countries follow again', async () => {
    const h = harness({ cart: makeCart({ visitorCountryCode: 'ca' }), slowCart: true });
    await h.flow.start();
    assert.equal(h.flow.state.step, 'contact');
    assert.equal(h.flow.state.address.countryCode, 'CA');
    assert.equal(h.flow.countryOf('shipping')?.code, 'CA');
  });

  it('a country change clears the region and re-reads the rules', async () => {
    const h = harness();
    await h.flow.start();
    h.flow.setCountry('shipping', 'US');
    h.flow.setCountry('shipping', 'GB');
    assert.equal(h.flow.state.address.region, null);
    assert.equal(h.flow.countryOf('shipping')?.stateNameType, 'county');
  });

  it('says when the shop does not ship to the country', async () => {
    const h = harness();
    await h.flow.start();
    await h.flow.submitContact({ email: 'ada@example.com' });
    await h.flow.submitAddress({ ...address, countryCode: 'AQ', region: null, postalCode: null });
    assert.equal(h.flow.state.step, 'address');
    assert.equal(h.flow.state.errors['shippingAddress.countryCode'], 'checkout.no-shipping');
  });

  it('resumes at the first step the saved cart does not answer yet', async () => {
    const h = harness({ cart: makeCart({ email: 'ada@example.com', shippingAddress: address }) });
    await h.flow.start();
    assert.equal(h.flow.state.step, 'shipping');
    assert.equal(h.flow.state.shippingRateId, 'std');
  });

  it('requires the terms checkbox before any request', async () => {
    const h = harness();
    await toReview(h);
    await h.flow.placeOrder({ agreed: false });
    assert.deepEqual(h.flow.state.errors, { terms: 'checkout.terms-required' });
    assert.equal(count(h, 'checkout'), 0);
  });

  it('blocks below the minimum order value, with the amount missing', async () => {
    const h = harness({ checkout: { minimumOrderValue: 5000 } });
    await toReview(h);
    assert.equal(h.flow.belowMinimum, 200);
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.note?.text, 'checkout.minimum');
    assert.equal(h.flow.state.note?.params?.amount, '$2.00');
    assert.equal(count(h, 'checkout'), 0);
  });
});

describe('CheckoutFlow: checkout settings', () => {
  it('a store without checkout settings (the defaults) places the order with no terms, no notes, no opt-in', async () => {
    const h = harness({ checkout: { ...DEFAULT_CHECKOUT } });
    await toReview(h);
    await h.flow.placeOrder({ notes: 'ignored' });
    const body = h.bodies[0]!;
    assert.equal(body.agreeToTerms, undefined);
    assert.equal(body.notes, undefined);
    assert.equal('marketingOptIn' in body && body.marketingOptIn !== undefined, false);
    assert.equal(h.flow.state.phase, 'redirecting');
  });

  it('notice mode needs no tick and sends no agreeToTerms', async () => {
    const h = harness({ checkout: { termsMode: 'notice' } });
    await toReview(h);
    await h.flow.placeOrder();
    assert.equal(h.bodies[0]!.agreeToTerms, undefined);
  });

  it('sends marketingOptIn only when the opt-in is shown, starting from the precheck', async () => {
    const shown = harness({ checkout: { showMarketingOptIn: true, precheckMarketingOptIn: true } });
    await shown.flow.start();
    assert.equal(shown.flow.state.marketing, true);
    await shown.flow.submitContact({ email: 'ada@example.com', marketing: false });
    await shown.flow.submitAddress(address);
    await shown.flow.chooseShipping('std');
    shown.flow.choosePayment(card.select);
    await shown.flow.placeOrder({ agreed: true });
    assert.equal(shown.bodies[0]!.marketingOptIn, false);
    const hidden = harness();
    await toReview(hidden);
    await hidden.flow.placeOrder({ agreed: true });
    assert.equal(hidden.bodies[0]!.marketingOptIn, undefined);
  });

  it('a terms_required refusal switches the checkbox on, unticked, and points at it', async () => {
    const h = harness({ checkout: { termsMode: 'hidden' } });
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection('terms_required', 'Accept the terms');
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.settings?.checkout.termsMode, 'required_checkbox');
    assert.equal(h.flow.state.agreed, false);
    assert.deepEqual(h.flow.state.errors, { terms: 'checkout.terms-required' });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.bodies[1]!.agreeToTerms, true);
  });

  it('after the receipt, a store redirect navigates to its checked URL about 3 s later; an unsafe one never', async () => {
    const h = harness({ checkout: { redirectAfterCheckout: true, redirectUrl: 'https://shop.example/thanks' } });
    await toReview(h, bank);
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'receipt');
    assert.equal(h.flow.state.redirectTo, 'https://shop.example/thanks');
    assert.deepEqual(h.navigated, ['https://shop.example/thanks']);
    assert.ok(h.slept.includes(3000));
    assert.ok(h.calls.indexOf('startOver') >= 0);
    const bad = harness({ checkout: { redirectAfterCheckout: true, redirectUrl: 'javascript:alert(1)' } });
    await toReview(bad, bank);
    await bad.flow.placeOrder({ agreed: true });
    assert.equal(bad.flow.state.redirectTo, null);
    assert.deepEqual(bad.navigated, []);
  });
});

describe('CheckoutFlow: placing and paying', () => {
  it('sends expectedTotal, pays with return and cancel URLs that keep only the page, and hands off', async () => {
    const h = harness();
    await toReview(h);
    await h.flow.placeOrder({ agreed: true, notes: 'Ring twice' });
    assert.equal(h.bodies[0]!.expectedTotal, 4800);
    assert.equal(h.bodies[0]!.notes, 'Ring twice');
    assert.equal(h.bodies[0]!.agreeToTerms, true);
    const pay = h.calls.find((c) => c.startsWith('pay:'))!;
    assert.equal(
      pay,
      'pay:ord_1:https://shop.example/store/#tote-payment=return&order=ord_1|https://shop.example/store/#tote-payment=cancel&order=ord_1',
    );
    assert.doesNotMatch(pay, /merchant_token/);
    assert.deepEqual(h.navigated, ['https://pay.example/pay_1']);
    assert.equal(h.flow.state.phase, 'redirecting');
    assert.equal(h.getPending()?.orderId, 'ord_1');
  });

  it('places one order for a double click', async () => {
    const h = harness();
    await toReview(h);
    await Promise.all([h.flow.placeOrder({ agreed: true }), h.flow.placeOrder({ agreed: true })]);
    assert.equal(count(h, 'checkout:'), 1);
  });

  it('refuses a redirect to anything but https (or loopback http), keeping the order payable', async () => {
    const h = harness({ handoff: { kind: 'redirect', redirectUrl: 'javascript:alert(1)' } });
    await toReview(h);
    await h.flow.placeOrder({ agreed: true });
    assert.deepEqual(h.navigated, []);
    assert.equal(h.flow.state.note?.text, 'checkout.handoff-refused');
    assert.equal(h.flow.state.order?.orderId, 'ord_1');
    await h.flow.placeOrder({ agreed: true });
    assert.equal(count(h, 'checkout:'), 1, 'the retry pays the same order');
  });

  it('refuses a PayPal hand-off on the redirect path instead of navigating to undefined', async () => {
    const h = harness({ handoff: { kind: 'paypal_order', paypalOrderId: 'PP-1' } });
    await toReview(h);
    await h.flow.placeOrder({ agreed: true });
    assert.deepEqual(h.navigated, []);
    assert.equal(h.flow.state.note?.text, 'checkout.handoff-refused');
    assert.equal(h.flow.state.phase, 'form');
  });

  it('a bank transfer goes straight to the receipt, read before the token rotates', async () => {
    const h = harness({
      receipt: () =>
        makeReceipt('ord_1', {
          paymentStatus: 'pending',
          amountDue: 4800,
          paymentInstructions: 'IBAN DE00 1234\nRef TOTE-1001',
        }),
    });
    await toReview(h, bank);
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'receipt');
    assert.equal(h.navigated.length, 0);
    assert.equal(count(h, 'pay:'), 0);
    assert.equal(h.flow.state.receipt?.paymentInstructions, 'IBAN DE00 1234\nRef TOTE-1001');
    const order = h.calls.indexOf('order:ord_1');
    assert.ok(order >= 0 && order < h.calls.indexOf('startOver'), h.calls.join(' '));
  });

  it('nothing due (a gift card covers it): checkout says paid, no /pay, the receipt follows', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => ({
      orderId: 'ord_9',
      orderNumber: 'TOTE-1009',
      total: 4800,
      currencyCode: 'USD',
      paymentStatus: 'paid',
      reservationExpiresAt: null,
    }));
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'receipt');
    assert.equal(count(h, 'pay:'), 0);
    assert.deepEqual(h.completed, ['TOTE-1001:paid:receipt']);
  });

  it('a receipt that cannot be read falls back to the checkout fields and still rotates the token', async () => {
    const h = harness({
      receipt: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'total')");
      },
    });
    await toReview(h, bank);
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'receipt');
    assert.equal(h.flow.state.receipt, null);
    assert.deepEqual(
      {
        number: h.flow.state.placed?.orderNumber,
        total: h.flow.state.placed?.total,
        email: h.flow.state.placed?.email,
      },
      { number: 'TOTE-1001', total: 4800, email: 'ada@example.com' },
    );
    assert.ok(h.calls.includes('startOver'));
    assert.deepEqual(h.completed, ['TOTE-1001:pending:fallback']);
  });

  it('already_converted with an orderId resumes that order: a pending one is paid, not placed again', async () => {
    const h = harness({ statuses: [{ paymentStatus: 'pending', orderNumber: 'TOTE-0999' }] });
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection('already_converted', 'Already ordered', [], [], null, 'ord_0');
    });
    await h.flow.placeOrder({ agreed: true });
    assert.ok(
      h.calls.some((c) => c.startsWith('pay:ord_0:')),
      h.calls.join(' '),
    );
    assert.equal(h.flow.state.phase, 'redirecting');
    assert.equal(h.getPending()?.orderNumber, 'TOTE-0999');
  });

  it('already_converted with a paid order shows its receipt', async () => {
    const h = harness({ statuses: [{ paymentStatus: 'completed' }] });
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection('already_converted', 'Already ordered', [], [], null, 'ord_0');
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'receipt');
    assert.ok(h.calls.includes('order:ord_0'));
    assert.equal(count(h, 'pay:'), 0);
  });

  it('already_converted without an orderId: the order cannot be found, so a fresh cart and a word of what happened', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection('already_converted', 'Already ordered');
    });
    await h.flow.placeOrder({ agreed: true });
    assert.ok(h.calls.includes('startOver'), 'the converted cart takes no changes: a new one');
    assert.equal(h.flow.state.phase, 'unavailable');
    assert.deepEqual(h.flow.state.note, { kind: 'info', text: 'checkout.order-lost' });
    assert.equal(count(h, 'pay:'), 0);
  });

  it('shows a price_changed refusal and accepts it with acceptPriceChanges', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection('price_changed', 'Prices changed', [
        { itemId: 'item_1', name: 'Mug', previousUnitPrice: 2400, currentUnitPrice: 2600 },
      ]);
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.rejection?.rejection, 'price_changed');
    assert.equal(h.flow.state.note?.text, 'rejection.price_changed');
    await h.flow.acceptPriceChanges();
    assert.equal(h.bodies[1]!.acceptPriceChanges, true);
    assert.equal(h.flow.state.phase, 'redirecting');
  });

  it('shows an unknown refusal by its message', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection('store_on_holiday', 'We are on holiday until Monday.');
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.note?.text, 'We are on holiday until Monday.');
  });

  it('adjusts lines to the stock an insufficient_stock refusal names', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection(
        'insufficient_stock',
        'Stock',
        [],
        [{ itemId: 'item_1', name: 'Mug', requested: 2, available: 1 }],
      );
    });
    await h.flow.placeOrder({ agreed: true });
    await h.flow.adjustToStock();
    assert.ok(h.calls.includes('setQuantity:v1:1'));
    assert.equal(h.flow.state.step, 'review');
    assert.equal(h.flow.state.rejection, null);
  });

  it('sends the shopper to the step of a server validation error (billing on a digital cart: contact)', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new ApiError(422, 'VALIDATION_ERROR', 'Nope', [
        { field: 'shippingAddress.city', message: 'This field is required.' },
      ]);
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.step, 'address');
    // The field is filed with Tote's "not accepted" in the shopper's language (the server's sentence may be in another).
    assert.equal(h.flow.state.errors['shippingAddress.city'], 'field.refused');
    const d = harness({ cart: makeCart({ requiresShipping: false }), methods: [card] });
    await d.flow.start();
    await d.flow.submitContact({ email: 'ada@example.com', name: 'Ada', countryCode: 'GB' });
    d.checkoutResults.push(() => {
      throw new ApiError(422, 'VALIDATION_ERROR', 'Nope', [
        { field: 'billingAddress.countryCode', message: 'Required.' },
      ]);
    });
    await d.flow.placeOrder({ agreed: true });
    assert.equal(d.flow.state.step, 'contact');
  });

  it('says the shop is busy on a 429, and the order can be tried again', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new ApiError(429, 'RATE_LIMITED', 'slow down', [], null, 5);
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.note?.text, 'error.busy');
    assert.equal(h.flow.state.busy, false);
  });
});

describe('CheckoutFlow: PayPal in-context', () => {
  it("the review shows PayPal; onClick waits for the terms; createOrder runs checkout then /pay and returns PayPal's id", async () => {
    const h = harness({ methods: [card, paypal], handoff: { kind: 'paypal_order', paypalOrderId: 'PP-ORDER-1' } });
    await toReview(h, paypal);
    assert.equal(h.flow.paysWithPayPal, true);
    const buttons = h.flow.orders.paypal();
    let verdict = '';
    buttons.onClick({}, { resolve: () => (verdict = 'resolve'), reject: () => (verdict = 'reject') });
    assert.equal(verdict, 'reject');
    assert.deepEqual(h.flow.state.errors, { terms: 'checkout.terms-required' });
    h.flow.setAgreed(true);
    buttons.onClick({}, { resolve: () => (verdict = 'resolve'), reject: () => (verdict = 'reject') });
    assert.equal(verdict, 'resolve');
    await h.flow.placeOrder({ agreed: true }); // Enter in the form: PayPal's buttons place the order, not this
    assert.equal(count(h, 'checkout:'), 0);
    const id = await buttons.createOrder();
    assert.equal(id, 'PP-ORDER-1');
    assert.deepEqual(h.bodies[0]!.paymentMethod, { kind: 'gateway', gateway: 'paypal' });
    assert.equal(h.flow.state.order?.orderId, 'ord_1', 'our order id is kept for the approval');
    assert.equal(h.flow.state.phase, 'form');
    await buttons.onApprove({ orderID: 'PP-ORDER-1' });
    assert.ok(h.calls.includes('capture:ord_1:PP-ORDER-1'));
    assert.equal(h.flow.state.phase, 'receipt');
    assert.ok(h.calls.indexOf('order:ord_1') < h.calls.indexOf('startOver'));
    assert.equal(h.navigated.length, 0);
  });

  it('closing the popup stays on review, and the next click pays the same order', async () => {
    const h = harness({ methods: [card, paypal], handoff: { kind: 'paypal_order', paypalOrderId: 'PP-2' } });
    await toReview(h, paypal);
    h.flow.setAgreed(true);
    const buttons = h.flow.orders.paypal();
    await buttons.createOrder();
    buttons.onCancel();
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'review');
    assert.equal(h.flow.state.note?.text, 'checkout.paypal-closed');
    await buttons.createOrder();
    assert.equal(count(h, 'checkout:'), 1);
    assert.equal(count(h, 'pay:ord_1'), 2);
  });

  it('a declined capture returns to review with the order payable', async () => {
    const h = harness({ methods: [card, paypal], handoff: { kind: 'paypal_order', paypalOrderId: 'PP-3' } });
    await toReview(h, paypal);
    h.flow.setAgreed(true);
    const buttons = h.flow.orders.paypal();
    await buttons.createOrder();
    h.captureResults.push(() => {
      throw new CheckoutRejection('capture_failed', 'Declined');
    });
    await buttons.onApprove({ orderID: 'PP-3' });
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.note?.text, 'checkout.declined');
    assert.equal(h.flow.state.order?.orderId, 'ord_1');
  });

  it('a capture under review (pending) still shows the receipt, which reads the status', async () => {
    const h = harness({
      methods: [paypal, card],
      handoff: { kind: 'paypal_order', paypalOrderId: 'PP-4' },
      receipt: () => makeReceipt('ord_1', { paymentStatus: 'pending' }),
    });
    await toReview(h, paypal);
    h.flow.setAgreed(true);
    const buttons = h.flow.orders.paypal();
    await buttons.createOrder();
    h.captureResults.push(() => ({
      orderId: 'ord_1',
      orderNumber: 'TOTE-1001',
      paymentStatus: 'pending',
      total: 4800,
      currencyCode: 'USD',
    }));
    await buttons.onApprove({ orderID: 'PP-4' });
    assert.equal(h.flow.state.phase, 'receipt');
    assert.equal(h.flow.state.receipt?.paymentStatus, 'pending');
  });

  it("a redirect hand-off for the PayPal button is refused; PayPal's onError does not replace our words", async () => {
    const h = harness({ methods: [card, paypal] });
    await toReview(h, paypal);
    h.flow.setAgreed(true);
    const buttons = h.flow.orders.paypal();
    await assert.rejects(buttons.createOrder());
    buttons.onError(new Error('createOrder failed'));
    assert.equal(h.flow.state.note?.text, 'checkout.handoff-refused');
    assert.deepEqual(h.navigated, []);
  });

  it('a blocked PayPal script drops PayPal and keeps the other methods', async () => {
    const h = harness({ methods: [card, paypal] });
    await toReview(h, paypal);
    h.flow.dropPayPal();
    assert.deepEqual(
      h.flow.state.methods.map((m) => m.name),
      ['Card'],
    );
    assert.equal(h.flow.paysWithPayPal, false);
    assert.equal(h.flow.state.note?.text, 'checkout.paypal-unavailable');
    assert.ok(!h.flow.state.steps.includes('payment'), 'one method left: no payment step');
  });
});

describe('CheckoutFlow: the return from the payment page', () => {
  it('polls until paid (processing and completed count as paid), then reads the receipt before rotating the token', async () => {
    for (const paid of ['paid', 'processing', 'completed']) {
      const h = harness({
        pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001', via: 'return' },
        statuses: [{ paymentStatus: 'pending' }, { paymentStatus: 'pending' }, { paymentStatus: paid }],
      });
      await h.flow.start();
      assert.equal(h.flow.state.phase, 'receipt', paid);
      assert.equal(count(h, 'status'), 3);
      assert.ok(h.calls.indexOf('order:ord_1') < h.calls.indexOf('startOver'));
      assert.equal(h.getPending(), null);
    }
  });

  it('keeps the contract cadence: 3 s for 30 s, then 5 s, about 2 minutes in all', () => {
    assert.deepEqual(POLL_DELAYS.slice(0, 10), Array(10).fill(3000));
    assert.ok(POLL_DELAYS.slice(10).every((d) => d === 5000));
    const total = POLL_DELAYS.reduce((a, b) => a + b, 0);
    assert.ok(total >= 110_000 && total <= 130_000, String(total));
    const perMinute = POLL_DELAYS.filter(
      (_, i) => POLL_DELAYS.slice(0, i + 1).reduce((a, b) => a + b, 0) <= 60_000,
    ).length;
    assert.ok(perMinute < 60, 'within the read budget');
  });

  it('the cancel URL returns to review at once with the order still payable', async () => {
    const h = harness({ pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001', via: 'cancel' } });
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'review');
    assert.equal(h.flow.state.note?.text, 'checkout.cancelled');
    assert.equal(count(h, 'status'), 0, 'no wait');
    await h.flow.placeOrder({ agreed: true });
    assert.equal(count(h, 'checkout:'), 0, 'no second order');
    assert.equal(count(h, 'pay:ord_1'), 1);
  });

  it('a declined payment returns to the review with the cart intact and pays the same order again', async () => {
    const h = harness({
      pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001', via: 'return' },
      statuses: [{ paymentStatus: 'failed' }],
    });
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'review');
    assert.equal(h.flow.state.note?.text, 'checkout.declined');
    assert.equal(h.flow.state.agreed, true, 'the order was placed with the terms accepted: the box stays ticked');
    await h.flow.placeOrder();
    assert.equal(count(h, 'checkout:'), 0, 'no second order');
    assert.equal(count(h, 'pay:ord_1'), 1);
  });

  it('gives up politely when the verdict does not come within the polling budget', async () => {
    const h = harness({ pending: { orderId: 'ord_1', orderNumber: '', via: 'return' } });
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'confirming');
    assert.equal(h.flow.state.busy, false);
    assert.equal(h.flow.state.note?.text, 'checkout.still-confirming');
    assert.equal(count(h, 'status'), 4);
  });

  it('gives up after 3 consecutive failed reads', async () => {
    const down = new ApiError(0, 'NETWORK', 'offline');
    const h = harness({
      pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001', via: 'return' },
      statuses: [down, down, down, { paymentStatus: 'paid' }],
      delays: [0, 0, 0, 0, 0, 0],
    });
    await h.flow.start();
    assert.equal(count(h, 'status'), 3);
    assert.equal(h.flow.state.note?.text, 'checkout.still-confirming');
  });

  it('a pending order without a return (the Back button) shows the review at once', async () => {
    const h = harness({ pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001' } });
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'review');
    assert.equal(count(h, 'status'), 1);
  });

  it('an expired reservation clears the order and asks to place it again', async () => {
    const h = harness({
      pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001', via: 'return' },
      statuses: [{ status: 'cancelled', paymentStatus: 'cancelled' }],
    });
    await h.flow.start();
    assert.equal(h.flow.state.note?.text, 'checkout.expired');
    assert.equal(h.flow.state.order, null);
    assert.equal(h.getPending(), null);
  });
});

describe('payment URLs and markers', () => {
  it('return and cancel URLs keep only the page, and the marker reads back', () => {
    const urls = paymentUrls('https://shop.example/p/shop.html?utm=1&token=abc#section', 'ord_7');
    assert.equal(urls.returnUrl, 'https://shop.example/p/shop.html#tote-payment=return&order=ord_7');
    assert.equal(urls.cancelUrl, 'https://shop.example/p/shop.html#tote-payment=cancel&order=ord_7');
    assert.deepEqual(readMarker(urls.cancelUrl), { via: 'cancel', orderId: 'ord_7' });
    assert.equal(readMarker('https://shop.example/#tote-payment=evil'), null);
    assert.equal(readMarker('https://shop.example/'), null);
  });

  it('navigates only to https, or http on loopback', () => {
    assert.equal(safeNavigationUrl('https://pay.example/x'), 'https://pay.example/x');
    assert.equal(safeNavigationUrl('http://127.0.0.1:8787/pay'), 'http://127.0.0.1:8787/pay');
    assert.equal(safeNavigationUrl('http://localhost/pay'), 'http://localhost/pay');
    for (const bad of [
      'http://pay.example/x',
      'javascript:alert(1)',
      'data:text/html,x',
      '//pay.example',
      '',
      undefined,
    ]) {
      assert.equal(safeNavigationUrl(bad), null, String(bad));
    }
  });

  it("a flat receipt becomes the totals block's shape", () => {
    const r = makeReceipt('ord_1', { giftCardTotal: 1000, amountDue: 3800 });
    assert.deepEqual(receiptTotals(r), {
      subtotal: 4800,
      discountTotal: 0,
      taxTotal: 800,
      shippingTotal: 0,
      total: 4800,
      giftCardTotal: 1000,
      amountDue: 3800,
    });
  });
});

describe('countries and address helpers', () => {
  it('requires a region when the country says so, or when it is silent and has a list', () => {
    assert.equal(requiresRegion(US), true);
    assert.equal(requiresRegion(CA), true);
    assert.equal(requiresRegion({ ...CA, requiresState: false }), false);
    assert.equal(requiresRegion(GB), false);
    assert.equal(requiresRegion(IE), false);
  });

  it('labels the region from stateNameType (do_si as province, missing as State/Province)', () => {
    assert.equal(regionLabelKey(US), 'region.state');
    assert.equal(regionLabelKey({ ...GB, stateNameType: 'do_si' }), 'region.province');
    assert.equal(regionLabelKey(IE), 'field.region');
    assert.equal(regionLabelKey({ ...IE, stateNameType: 'galaxy' }), 'field.region');
  });

  it('compiles postalRegex anchored, skips a pattern JavaScript cannot compile, and has no postal code without one', () => {
    assert.equal(postalMismatch(US, '12345'), false);
    assert.equal(postalMismatch(US, '123456'), true, 'anchored');
    assert.equal(postalMismatch(GB, 'sw1a 1aa'), false, "case is not the shopper's mistake");
    assert.equal(postalMismatch({ ...US, postalRegex: '(?<=x' }, 'anything'), false);
    assert.deepEqual(
      addressIssues(
        { ...address, countryCode: 'IE', region: null, postalCode: null },
        { phone: 'optional', company: 'optional', line2: 'optional' },
        IE,
      ),
      {},
    );
  });

  it('prefers the saved country, then the visitor hint, then the language region', () => {
    assert.equal(defaultCountry([US, CA, GB], 'GB', 'CA', 'en-US'), 'GB');
    assert.equal(defaultCountry([US, CA, GB], null, 'ca', 'en-US'), 'CA');
    assert.equal(defaultCountry([US, CA, GB], null, 'ZZ', 'en-GB'), 'GB');
    assert.equal(defaultCountry([CA], null, null, 'pl-PL'), 'CA');
  });

  it('names countries in the shopper language, sorted (the offline list)', () => {
    const pl = countries('pl-PL');
    assert.ok(pl.some(([code, name]) => code === 'DE' && name === 'Niemcy'));
    const names = countries('en').map(([, name]) => name);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('en').compare));
  });

  it('guesses the country from the locale', () => {
    assert.equal(guessCountry('pl-PL'), 'PL');
    assert.equal(guessCountry('en-GB'), 'GB');
  });

  it('follows the store field rules', () => {
    const rules = { phone: 'required' as const, company: 'hidden' as const, line2: 'optional' as const };
    assert.deepEqual(addressIssues(address, rules, US), { 'shippingAddress.phone': 'invalid.required' });
    assert.equal(isAddressComplete({ ...address, phone: '+1 555 0100' }, rules, US), true);
  });
});

describe('CheckoutFlow: the answer to "Place order" lost (the order may exist)', () => {
  const lost = () => {
    throw new ApiError(0, 'OUTCOME_UNKNOWN', 'POST /cart/checkout: NETWORK, outcome unknown (read the cart)');
  };
  const converted = (orderId?: string) => () => {
    throw new CheckoutRejection(
      'already_converted',
      'This cart has already been checked out.',
      [],
      [],
      null,
      orderId ?? null,
    );
  };

  it('sends the same checkout again (same X-Request-Id, same body) and pays the order it made', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(lost);
    await h.flow.placeOrder({ agreed: true });
    assert.equal(count(h, 'checkout:'), 2);
    assert.ok(h.requestIds[0], 'checkout carries a request id of its own');
    assert.equal(h.requestIds[1], h.requestIds[0], 'a replaying server answers the repeat with the order it made');
    assert.deepEqual(h.bodies[1], h.bodies[0]);
    assert.deepEqual(h.slept, [LOST_ANSWER_RETRIES[0]]);
    assert.equal(count(h, 'pay:ord_1:'), 1);
    assert.equal(h.flow.state.phase, 'redirecting');
  });

  it('still no answer after the retries: the shopper is told so, and the next click repeats the same job', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(lost, lost, lost);
    await h.flow.placeOrder({ agreed: true });
    assert.equal(count(h, 'checkout:'), 1 + LOST_ANSWER_RETRIES.length);
    assert.deepEqual(h.slept, [...LOST_ANSWER_RETRIES]);
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'review');
    assert.deepEqual(h.flow.state.note, { kind: 'error', text: 'checkout.outcome-unknown' });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(new Set(h.requestIds).size, 1, 'every attempt is the same job');
    assert.equal(h.flow.state.phase, 'redirecting');
  });

  it('an answer in a shape that cannot be read (a 201 all the same): the next click repeats the same job', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new ApiError(201, 'BAD_RESPONSE', 'The API sent an answer in an unexpected shape.');
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'form');
    await h.flow.placeOrder({ agreed: true });
    assert.ok(h.requestIds[0]);
    assert.equal(h.requestIds[1], h.requestIds[0]);
    assert.equal(h.flow.state.phase, 'redirecting');
  });

  it('a server that does not replay says already_converted: the order it names is paid, not placed again', async () => {
    const h = harness({ statuses: [{ paymentStatus: 'pending', orderNumber: 'TOTE-0999' }] });
    await toReview(h);
    h.checkoutResults.push(lost, converted('ord_0'));
    await h.flow.placeOrder({ agreed: true });
    assert.ok(
      h.calls.some((c) => c.startsWith('pay:ord_0:')),
      h.calls.join(' '),
    );
    assert.equal(count(h, 'startOver'), 0);
    assert.equal(h.getPending()?.orderId, 'ord_0');
  });

  it('a server that names no order: a fresh cart, and the shopper is told what happened', async () => {
    const h = harness({ pending: null });
    await toReview(h);
    h.checkoutResults.push(lost, converted());
    await h.flow.placeOrder({ agreed: true });
    assert.equal(count(h, 'startOver'), 1);
    assert.equal(h.flow.state.phase, 'unavailable');
    assert.deepEqual(h.flow.state.note, { kind: 'info', text: 'checkout.order-lost' });
    assert.equal(h.flow.state.busy, false);
    assert.equal(h.flow.state.order, null);
    assert.equal(count(h, 'pay:'), 0);
  });

  it('a named order this token cannot read (404) is as lost: the same fresh start', async () => {
    const h = harness({ statuses: [new ApiError(404, 'NOT_FOUND', 'Not found')] });
    await toReview(h);
    h.checkoutResults.push(lost, converted('ord_0'));
    await h.flow.placeOrder({ agreed: true });
    assert.equal(count(h, 'startOver'), 1);
    assert.equal(h.flow.state.note?.text, 'checkout.order-lost');
  });

  it("a named order's status that cannot be read for now is asked again on the next click, nothing thrown away", async () => {
    const h = harness({ statuses: [new ApiError(0, 'NETWORK', 'offline'), { paymentStatus: 'pending' }] });
    await toReview(h);
    h.checkoutResults.push(converted('ord_0'));
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.note?.text, 'error.network');
    assert.equal(count(h, 'startOver'), 0);
    h.checkoutResults.push(converted('ord_0'));
    await h.flow.placeOrder({ agreed: true });
    assert.ok(
      h.calls.some((c) => c.startsWith('pay:ord_0:')),
      h.calls.join(' '),
    );
  });

  it('a changed order (other notes) is a new job, with a new id', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(lost, lost, lost);
    await h.flow.placeOrder({ agreed: true });
    await h.flow.placeOrder({ agreed: true, notes: 'Leave it at the door' });
    assert.notEqual(h.requestIds[3], h.requestIds[0], 'another body is another job');
    assert.equal(h.flow.state.phase, 'redirecting');
  });

  it('a step saved on a converted cart (the order made, its answer lost) leads back to "Place order", which finds the order', async () => {
    const h = harness({ statuses: [{ paymentStatus: 'pending', orderNumber: 'TOTE-0999' }] });
    await toReview(h);
    h.api.updateCart = async () => converted('ord_0')();
    await h.flow.submitContact({ email: 'ada@example.org' });
    assert.equal(h.flow.state.step, 'review');
    assert.deepEqual(h.flow.state.note, { kind: 'error', text: 'checkout.outcome-unknown' });
    assert.equal(h.flow.state.busy, false);
    h.checkoutResults.push(converted('ord_0'));
    await h.flow.placeOrder({ agreed: true });
    assert.ok(
      h.calls.some((c) => c.startsWith('pay:ord_0:')),
      'the order exists: it is paid, not placed again',
    );
  });
});

describe('a signed-in shopper (flow-account.ts)', () => {
  const home = { id: 'a1', ...address };
  const work = { ...home, id: 'a2', line1: '9 Office Park', city: 'Shelbyville', postalCode: '54321' };
  const account = { email: 'ada@example.com', name: 'Ada Lovelace', addresses: [home, work] };

  it('fills the empty email and address from the account, and the saved address is what is sent', async () => {
    const h = harness();
    await h.flow.start();
    h.flow.useAccount(account);
    assert.equal(h.flow.state.email, 'ada@example.com');
    assert.equal(h.flow.state.address.line1, '1 Main St');
    await h.flow.submitContact({ email: h.flow.state.email });
    h.flow.useSavedAddress('a2');
    assert.equal(h.flow.state.address.city, 'Shelbyville');
    await h.flow.submitAddress(h.flow.state.address);
    assert.equal(h.patches.at(-1)?.shippingAddress?.line1, '9 Office Park');
    assert.equal(h.flow.state.step, 'shipping');
  });

  it('never overwrites what the cart or the shopper already has, and offers nothing once signed out', async () => {
    const saved = { ...address, line1: '5 Cart Lane' };
    const h = harness({ cart: makeCart({ email: 'guest@example.com', shippingAddress: saved }) });
    await h.flow.start();
    h.flow.useAccount(account);
    assert.equal(h.flow.state.email, 'guest@example.com');
    assert.equal(h.flow.state.address.line1, '5 Cart Lane');
    assert.equal(h.flow.state.savedAddresses.length, 2, 'offered, not applied');
    h.flow.useSavedAddress('no-such-id');
    assert.equal(h.flow.state.address.line1, '5 Cart Lane');
    h.flow.useAccount(null);
    assert.deepEqual(h.flow.state.savedAddresses, []);
    assert.equal(h.flow.state.address.line1, '5 Cart Lane', 'signing out leaves the form as it is');
  });
});
