// Checkout, stock reservation, payment hand-off (hosted card page or PayPal in-context), capture,
// and the order read endpoints. Life of an order: checkout reserves stock and takes any gift card
// balance, creating the order as pending/pending (or paid at once when nothing is due). Payment
// settles it (paid → status confirmed; declined or cancelled → the shopper may try again). A
// reservation that is not paid in time lapses: the stock and the gift card balance come back
// (status cancelled, paymentStatus expired).
import type { Catalogue } from './catalog.js';
import type { CartLine, CartRec, Carts } from './carts.js';
import { postalIssue, regionIssue } from './countries.js';
import type { Customers } from './customers.js';
import type { GiftCards } from './gift-cards.js';
import { ApiError, Rejection, randomId, type FieldIssue, type RejectionBody } from './http.js';
import type { Outbox } from './outbox.js';
import { mintPaypalOrderId, type PaypalDecision } from './paypal.js';
import { formatMoney, type TaxLine, type Totals } from './pricing.js';
import { checkoutOf } from './storefront.js';
import type { Address, PaymentMethodSpec, PaymentSelect, ProductKind } from './types.js';
import { EMAIL, bool, int, isObject, objectBody, returnUrl, str, throwIfIssues, type Issues } from './validate.js';

export const PAY_PATH_PREFIX = '/v3/pay/';
/** Bank transfers take days; their reservation lasts a week instead of the card one. */
const MANUAL_RESERVATION_MS = 7 * 86_400_000;
/** How long a PayPal capture "under review" reads processing when no payment delay is set. */
export const REVIEW_HOLD_MS = 30_000;

/** Card numbers the hosted page declines, as documented for the test gateway. */
export const DECLINED_CARDS: Record<string, string> = {
  '4000000000000002': 'The card was declined.',
  '4000000000009995': 'The card has insufficient funds.',
};

export interface OrderSettings {
  reservationTtlMs: number;
  paymentDelayMs: number;
  checkoutDisabled: string | null;
}

export type OrderStatus = 'pending' | 'confirmed' | 'cancelled';
export type PaymentStatus = 'pending' | 'processing' | 'paid' | 'failed' | 'cancelled' | 'expired';

export interface PaymentRec {
  id: string;
  orderId: string;
  /** `card`: the hosted page; `paypal`: an in-context PayPal order, captured by the client. */
  kind: 'card' | 'paypal';
  status: 'pending' | 'processing' | 'paid' | 'failed' | 'cancelled' | 'superseded';
  returnUrl: string;
  cancelUrl: string | null;
  createdAt: number;
  settlesAt: number | null;
  paypalOrderId: string | null;
  /** What the shopper did on the PayPal-like approval page (`created` = not visited). */
  paypal: 'created' | PaypalDecision;
}

export interface OrderRec {
  id: string;
  orderNumber: string;
  token: string;
  placedAt: number;
  email: string;
  /** The customer signed in (X-Customer-Token) when it was placed, else null: theirs whatever the email. */
  customerId: string | null;
  customerName: string | null;
  /** Receipt lines, snapshotted at checkout. */
  items: Record<string, unknown>[];
  /** What was bought, for gift-card minting and verified reviews. */
  bought: { productId: string; quantity: number; unitPrice: number; kind: ProductKind }[];
  discountCode: string | null;
  totals: Totals;
  taxLines: TaxLine[];
  taxInclusive: boolean;
  shippingAddress: Address | null;
  billingAddress: Address | null;
  shippingMethodName: string | null;
  /** null when nothing was due at checkout. */
  payment: PaymentMethodSpec | null;
  giftCard: { id: string; amount: number } | null;
  notes: string | null;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  reservationExpiresAt: number;
  reserved: { variantId: string; quantity: number }[];
  payments: PaymentRec[];
}

const SUCCESS = new Set<PaymentStatus>(['paid', 'processing']);

const sameSelect = (a: PaymentSelect, b: PaymentSelect): boolean =>
  a.kind === 'gateway'
    ? b.kind === 'gateway' && a.gateway === b.gateway
    : b.kind === 'manual' && a.manualMethodId === b.manualMethodId;

export interface OrderDeps {
  storeKey: string;
  catalogue: Catalogue;
  carts: Carts;
  giftCards: GiftCards;
  customers: Customers;
  outbox: Outbox;
  settings: OrderSettings;
}

export class Orders {
  private readonly orders = new Map<string, OrderRec>();
  private readonly payments = new Map<string, PaymentRec>();
  private readonly byPaypalId = new Map<string, PaymentRec>();
  private nextNumber = 1001;

  constructor(private readonly deps: OrderDeps) {}

  private get config() {
    return this.deps.catalogue.config;
  }

  get size(): number {
    return this.orders.size;
  }

  /** GET /payment-methods: the roster, gateways first; instructions stay for the receipt. */
  paymentMethods(): Record<string, unknown> {
    const { settings } = this.deps;
    const methods = [...this.config.paymentMethods].sort(
      (a, b) => Number(a.select.kind === 'manual') - Number(b.select.kind === 'manual'),
    );
    return {
      methods: methods.map((m) => ({
        select: { ...m.select },
        name: m.name,
        description: m.description,
        icon: m.icon,
        testMode: m.testMode,
        ...(m.sdk ? { sdk: { ...m.sdk } } : {}),
      })),
      checkoutDisabled: settings.checkoutDisabled !== null || methods.length === 0,
      checkoutDisabledReason:
        settings.checkoutDisabled ?? (methods.length === 0 ? 'No payment methods are set up.' : null),
    };
  }

  /** `customerToken`: the X-Customer-Token sent with it; a signed-in shopper's order joins their history. */
  checkout(
    cart: CartRec,
    rawBody: unknown,
    origin: string,
    now: number,
    customerToken: string | null = null,
  ): Record<string, unknown> {
    const { catalogue, carts, giftCards, customers, settings } = this.deps;
    const config = this.config;
    const rules = checkoutOf(config);
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const email = str(body, 'email', issues, { max: 254, pattern: EMAIL, patternMessage: 'Must be an email address.' });
    const customerName = str(body, 'customerName', issues, { max: 200, nullable: true });
    const expectedTotal = int(body, 'expectedTotal', issues, { min: 0, max: 1_000_000_000_000 });
    const acceptPriceChanges = bool(body, 'acceptPriceChanges', issues) ?? false;
    const agreeToTerms = bool(body, 'agreeToTerms', issues) ?? false;
    const marketingOptIn = bool(body, 'marketingOptIn', issues);
    const notes = str(body, 'notes', issues, { max: 1000, nullable: true });
    const chosen = this.paymentMethodFrom(body, issues);
    throwIfIssues(issues);

    if (settings.checkoutDisabled !== null)
      throw new ApiError(403, `Checkout is disabled: ${settings.checkoutDisabled}`);
    if (cart.convertedOrderId)
      reject({
        rejection: 'already_converted',
        message: 'This cart has already been checked out.',
        orderId: cart.convertedOrderId,
      });
    if (cart.lines.length === 0) reject({ rejection: 'empty_cart', message: 'The cart is empty.' });
    if (rules.termsMode === 'required_checkbox' && !agreeToTerms) {
      reject({ rejection: 'terms_required', message: 'Please accept the terms and conditions to place the order.' });
    }

    const resolved = cart.lines.map((line) => ({ line, found: catalogue.findVariant(line.variantId) }));
    const gone = resolved.filter(
      ({ found }) => !found || !found.variant.available || !catalogue.isListed(found.product),
    );
    if (gone.length > 0) {
      const names = gone.map(({ line, found }) => nameOf(found, line)).join(', ');
      reject({
        rejection: 'unavailable_item',
        message: `No longer available: ${names}. Remove it from the cart to continue.`,
      });
    }

    const priceChanges = resolved
      .filter(({ line, found }) => found && found.variant.price !== line.unitPrice)
      .map(({ line, found }) => ({
        itemId: line.id,
        name: nameOf(found, line),
        previousUnitPrice: line.unitPrice,
        currentUnitPrice: found?.variant.price ?? line.unitPrice,
      }));
    if (priceChanges.length > 0 && !acceptPriceChanges) {
      reject({
        rejection: 'price_changed',
        message: 'Some prices have changed since the items were added.',
        priceChanges,
      });
    }
    // Today's prices, on copies: the cart itself changes only once the order is placed.
    const lines: CartLine[] = cart.lines.map((line) => ({
      ...line,
      unitPrice: catalogue.findVariant(line.variantId)?.variant.price ?? line.unitPrice,
    }));
    const pricing = carts.pricing({ ...cart, lines, giftCardAtCheckout: null }, now);
    const { totals } = pricing;
    if (expectedTotal != null && expectedTotal !== totals.total && !acceptPriceChanges) {
      reject({
        rejection: 'price_changed',
        message: `The total is now ${formatMoney(config, totals.total)}, not ${formatMoney(config, expectedTotal)}.`,
        priceChanges,
      });
    }

    const stockIssues = resolved
      .filter(
        ({ line, found }) =>
          found &&
          found.product.kind !== 'gift_card' &&
          found.variant.inventoryPolicy === 'deny' &&
          found.variant.stock !== null &&
          line.quantity > found.variant.stock,
      )
      .map(({ line, found }) => ({
        itemId: line.id,
        name: nameOf(found, line),
        requested: line.quantity,
        available: Math.max(0, found?.variant.stock ?? 0),
      }));
    if (stockIssues.length > 0) {
      reject({ rejection: 'insufficient_stock', message: 'Some items do not have enough stock left.', stockIssues });
    }

    // What the order still needs from the shopper: 422 with one detail per missing piece.
    const finalEmail = email ?? cart.email;
    if (!finalEmail) issues.push({ field: 'email', message: 'An email address is required.' });
    else if (!EMAIL.test(finalEmail)) issues.push({ field: 'email', message: 'Must be an email address.' });
    const shipping = pricing.requiresShipping ? cart.shippingAddress : null;
    if (pricing.requiresShipping) {
      issues.push(...this.shippingIssues(cart.shippingAddress));
      if (cart.shippingAddress?.countryCode) {
        if (pricing.shippingOptions.length === 0) {
          issues.push({
            field: 'shippingAddress.countryCode',
            message: `${config.name} does not ship to ${cart.shippingAddress.countryCode}.`,
          });
        } else if (!pricing.selectedRate) {
          issues.push({ field: 'shippingRateId', message: 'Choose a shipping option.' });
        }
      }
    }
    // The billing address is copied from shipping when the client sent none (the receipt shows it).
    const billing = cart.billingAddress ?? shipping;
    if (!pricing.requiresShipping) issues.push(...billingIssues(billing));
    const minimum = rules.minimumOrderValue;
    if (minimum != null && totals.subtotal < minimum) {
      issues.push({
        field: 'subtotal',
        message: `The minimum order is ${formatMoney(config, minimum)}; add ${formatMoney(config, minimum - totals.subtotal)} more.`,
      });
    }
    let method: PaymentMethodSpec | null = null;
    if (totals.amountDue > 0) {
      const only = config.paymentMethods.length === 1 ? config.paymentMethods[0] : undefined;
      method = chosen ?? only ?? null;
      // The server does not guess between several methods.
      if (!method)
        issues.push({
          field: 'paymentMethod',
          message: 'Choose one of GET /payment-methods and send its `select` object.',
        });
    }
    throwIfIssues(issues, 'The order cannot be placed yet.');

    // Commit: everything below succeeds together.
    const nothingDue = totals.amountDue === 0;
    const card =
      pricing.totals.giftCardTotal > 0 && cart.giftCardId
        ? { id: cart.giftCardId, amount: totals.giftCardTotal }
        : null;
    const order: OrderRec = {
      id: randomId('ord'),
      orderNumber: `${config.orderPrefix}${this.nextNumber++}`,
      token: cart.token,
      placedAt: now,
      email: finalEmail ?? '',
      customerId: customers.identify(customerToken, now)?.id ?? null,
      customerName: customerName === undefined ? cart.customerName : customerName,
      items: lines.map((line, i) => carts.serializeLine(origin, line, i)),
      bought: resolved.map(({ line, found }) => ({
        productId: line.productId,
        quantity: line.quantity,
        unitPrice: found?.variant.price ?? line.unitPrice,
        kind: found?.product.kind ?? 'physical',
      })),
      discountCode: pricing.discounts.find((d) => !d.automatic)?.code ?? null,
      totals: { ...totals },
      taxLines: pricing.taxLines,
      taxInclusive: pricing.taxInclusive,
      shippingAddress: shipping ? { ...shipping } : null,
      billingAddress: billing ? { ...billing } : null,
      shippingMethodName: pricing.selectedRate?.name ?? null,
      payment: method,
      giftCard: card,
      notes: rules.showNotesField ? (notes ?? null) : null,
      status: 'pending',
      paymentStatus: 'pending',
      reservationExpiresAt:
        now + (method?.select.kind === 'manual' ? MANUAL_RESERVATION_MS : settings.reservationTtlMs),
      reserved: [],
      payments: [],
    };
    for (const { line, found } of resolved) {
      if (found && found.variant.stock !== null && found.product.kind !== 'gift_card') {
        found.variant.stock -= line.quantity;
        found.variant.committed += line.quantity;
        order.reserved.push({ variantId: line.variantId, quantity: line.quantity });
      }
    }
    if (card) giftCards.debit(card.id, card.amount);
    customers.recordOrder(order.email, order.customerName, order.shippingAddress, now, order.customerId);
    // Recorded on the customer, not the order, and only when the store shows the checkbox.
    if (marketingOptIn !== undefined && rules.showMarketingOptIn)
      customers.recordMarketing(order.email, marketingOptIn);
    if (nothingDue) this.markPaid(order, now);
    cart.lines = lines;
    cart.email = order.email;
    cart.customerName = order.customerName;
    cart.giftCardAtCheckout = card ? card.amount : null;
    cart.convertedOrderId = order.id;
    cart.updatedAt = now;
    this.orders.set(order.id, order);

    return {
      orderId: order.id,
      orderNumber: order.orderNumber,
      total: order.totals.total,
      currencyCode: config.currency,
      paymentStatus: order.paymentStatus,
      reservationExpiresAt: new Date(order.reservationExpiresAt).toISOString(),
    };
  }

  /** The method named in the body; undefined when omitted (decided once the amount due is known). */
  private paymentMethodFrom(body: Record<string, unknown>, issues: Issues): PaymentMethodSpec | undefined {
    const raw = body.paymentMethod;
    if (raw === undefined || raw === null) return undefined;
    const select: PaymentSelect | null =
      isObject(raw) && raw.kind === 'gateway' && typeof raw.gateway === 'string'
        ? { kind: 'gateway', gateway: raw.gateway }
        : isObject(raw) && raw.kind === 'manual' && typeof raw.manualMethodId === 'string'
          ? { kind: 'manual', manualMethodId: raw.manualMethodId }
          : null;
    const method = select ? this.config.paymentMethods.find((m) => sameSelect(m.select, select)) : undefined;
    if (!method)
      issues.push({ field: 'paymentMethod', message: 'Must be the `select` object of one of GET /payment-methods.' });
    return method;
  }

  private shippingIssues(address: Address | null): FieldIssue[] {
    const fields = checkoutOf(this.config);
    if (!address) return [{ field: 'shippingAddress', message: 'A shipping address is required.' }];
    const required: (keyof Address)[] = ['name', 'line1', 'city', 'countryCode'];
    if (fields.phoneNumberField === 'required') required.push('phone');
    if (fields.companyNameField === 'required') required.push('company');
    if (fields.addressLine2Field === 'required') required.push('line2');
    const issues = required
      .filter((key) => !address[key])
      .map((key) => ({ field: `shippingAddress.${key}`, message: 'This field is required.' }));
    if (address.countryCode) {
      const postal = postalIssue(address.countryCode, address.postalCode);
      if (postal) issues.push({ field: 'shippingAddress.postalCode', message: postal });
      const region = regionIssue(address.countryCode, address.region);
      if (region) issues.push({ field: 'shippingAddress.region', message: region });
    }
    return issues;
  }

  /** The order for the token that placed it; anyone else gets the same 404 as for no order. */
  private ownOrder(orderId: string, token: string): OrderRec {
    const order = this.orders.get(orderId);
    if (!order || order.token !== token) throw new ApiError(404, 'No such order for this cart token.');
    return order;
  }

  pay(orderId: string, token: string, rawBody: unknown, origin: string, now: number): Record<string, unknown> {
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const back = returnUrl(body, 'returnUrl', issues, true);
    const cancel = returnUrl(body, 'cancelUrl', issues, false);
    throwIfIssues(issues);
    const order = this.ownOrder(orderId, token);
    const method = order.payment;
    if (SUCCESS.has(order.paymentStatus) || !method) {
      throw new ApiError(422, 'This order has already been paid.', [{ field: 'orderId', message: 'Already paid.' }]);
    }
    if (method.select.kind !== 'gateway') {
      throw new ApiError(422, `This order is paid by ${method.name}; there is nothing to hand off.`, [
        { field: 'paymentMethod', message: 'Not a gateway payment.' },
      ]);
    }
    if (order.status === 'cancelled') {
      throw new ApiError(422, 'The reservation for this order has expired; place the order again.', [
        { field: 'orderId', message: 'Expired.' },
      ]);
    }
    for (const earlier of order.payments) if (earlier.status === 'pending') earlier.status = 'superseded';
    const kind = method.select.gateway === 'paypal' ? 'paypal' : 'card';
    const payment: PaymentRec = {
      id: randomId('pay', 12),
      orderId: order.id,
      kind,
      status: 'pending',
      returnUrl: back ?? '',
      cancelUrl: cancel ?? null,
      createdAt: now,
      settlesAt: null,
      paypalOrderId: kind === 'paypal' ? mintPaypalOrderId() : null,
      paypal: 'created',
    };
    order.payments.push(payment);
    order.paymentStatus = 'pending';
    this.payments.set(payment.id, payment);
    if (payment.paypalOrderId) this.byPaypalId.set(payment.paypalOrderId, payment);
    return {
      paymentId: payment.id,
      status: payment.status,
      gateway: method.select.gateway,
      handoff: payment.paypalOrderId
        ? { kind: 'paypal_order', paypalOrderId: payment.paypalOrderId }
        : { kind: 'redirect', redirectUrl: `${origin}${PAY_PATH_PREFIX}${payment.id}` },
      amount: order.totals.amountDue,
      currencyCode: this.config.currency,
    };
  }

  /**
   * POST /orders/{id}/capture: settles the current PayPal attempt. Idempotent once settled. In this
   * test seed no PayPal is contacted: the id minted by /pay is accepted as approved unless the
   * approval page recorded another decision.
   */
  capture(orderId: string, token: string, rawBody: unknown, now: number): Record<string, unknown> {
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const paypalOrderId = str(body, 'paypalOrderId', issues, { max: 64, required: true });
    throwIfIssues(issues);
    const order = this.ownOrder(orderId, token);
    const attempt = order.payments.filter((p) => p.kind === 'paypal').at(-1);
    if (!attempt) {
      throw new ApiError(422, 'This order has no PayPal payment to capture; start one with POST /orders/{id}/pay.', [
        { field: 'orderId', message: 'No PayPal attempt.' },
      ]);
    }
    if (attempt.paypalOrderId !== paypalOrderId || order.payments.at(-1) !== attempt) {
      throw new ApiError(422, "That is not the PayPal order of this order's current payment.", [
        { field: 'paypalOrderId', message: 'Does not match.' },
      ]);
    }
    if (!SUCCESS.has(order.paymentStatus)) {
      if (order.status === 'cancelled') {
        throw new ApiError(422, 'The reservation for this order has expired; place the order again.', [
          { field: 'orderId', message: 'Expired.' },
        ]);
      }
      if (attempt.paypal === 'declined' || attempt.paypal === 'cancelled') {
        attempt.status = attempt.paypal === 'declined' ? 'failed' : 'cancelled';
        order.paymentStatus = attempt.status;
        reject({
          rejection: 'capture_failed',
          message:
            attempt.paypal === 'declined'
              ? 'PayPal declined the payment. Choose another way to pay in PayPal, or another payment method.'
              : 'The PayPal payment was cancelled.',
        });
      }
      const hold =
        attempt.paypal === 'review'
          ? this.deps.settings.paymentDelayMs || REVIEW_HOLD_MS
          : this.deps.settings.paymentDelayMs;
      this.settle(order, attempt, now, hold);
    }
    return {
      orderId: order.id,
      orderNumber: order.orderNumber,
      paymentStatus: order.paymentStatus,
      total: order.totals.total,
      currencyCode: this.config.currency,
    };
  }

  /** Paid now, or `processing` for `holdMs` (the sweep then settles it), as a gateway reports. */
  private settle(order: OrderRec, payment: PaymentRec, now: number, holdMs: number): void {
    if (holdMs > 0) {
      payment.status = 'processing';
      payment.settlesAt = now + holdMs;
      order.paymentStatus = 'processing';
    } else {
      payment.status = 'paid';
      this.markPaid(order, now);
    }
  }

  /** The one place an order becomes paid: gift cards bought in it are minted and "emailed". */
  private markPaid(order: OrderRec, now: number): void {
    order.paymentStatus = 'paid';
    order.status = 'confirmed';
    for (const line of order.bought.filter((b) => b.kind === 'gift_card')) {
      for (let i = 0; i < line.quantity; i++) {
        const card = this.deps.giftCards.mint(line.unitPrice);
        this.deps.outbox.send(
          {
            store: this.deps.storeKey,
            to: order.email.toLowerCase(),
            kind: 'gift_card',
            subject: `Your ${this.config.name} gift card`,
            code: card.code,
            balance: card.balance,
          },
          now,
        );
      }
    }
  }

  status(orderId: string, token: string): Record<string, unknown> {
    const order = this.ownOrder(orderId, token);
    return {
      id: order.id,
      orderNumber: order.orderNumber,
      status: order.status,
      paymentStatus: order.paymentStatus,
      total: order.totals.total,
      currencyCode: this.config.currency,
    };
  }

  /** The flat receipt: no totals object, addresses as a list tagged by kind. */
  receipt(orderId: string, token: string): Record<string, unknown> {
    const order = this.ownOrder(orderId, token);
    const { totals } = order;
    const addresses = [
      ...(order.shippingAddress
        ? [{ id: `addr_${order.id}_shipping`, kind: 'shipping', ...order.shippingAddress }]
        : []),
      ...(order.billingAddress ? [{ id: `addr_${order.id}_billing`, kind: 'billing', ...order.billingAddress }] : []),
    ];
    const manual = order.payment?.select.kind === 'manual';
    return {
      id: order.id,
      orderNumber: order.orderNumber,
      status: order.status,
      paymentStatus: order.paymentStatus,
      currencyCode: this.config.currency,
      email: order.email,
      customerName: order.customerName,
      items: order.items,
      subtotal: totals.subtotal,
      discountTotal: totals.discountTotal,
      discountCode: order.discountCode,
      taxTotal: totals.taxTotal,
      taxes: order.taxLines.map((t) => ({ ...t })),
      taxInclusive: order.taxInclusive,
      shippingTotal: totals.shippingTotal,
      shippingMethodName: order.shippingMethodName,
      total: totals.total,
      giftCardTotal: totals.giftCardTotal,
      amountDue: order.paymentStatus === 'paid' ? 0 : totals.amountDue,
      paymentMethodName: order.payment?.name ?? (order.giftCard ? 'Gift card' : null),
      paymentInstructions: manual ? (order.payment?.instructions ?? null) : null,
      addresses,
      placedAt: new Date(order.placedAt).toISOString(),
    };
  }

  /** Every order of the store, for a customer's history (history.ts). */
  all(): IterableIterator<OrderRec> {
    return this.orders.values();
  }

  findPayment(paymentId: string): { payment: PaymentRec; order: OrderRec } | undefined {
    const payment = this.payments.get(paymentId);
    const order = payment ? this.orders.get(payment.orderId) : undefined;
    return payment && order ? { payment, order } : undefined;
  }

  findPaypal(paypalOrderId: string): { payment: PaymentRec; order: OrderRec } | undefined {
    const payment = this.byPaypalId.get(paypalOrderId);
    return payment ? this.findPayment(payment.id) : undefined;
  }

  /**
   * The shopper's choice on the hosted card page. Returns where to send them, or a message when the
   * page must be shown again (a declined-format card number is a decline, a malformed one a retry).
   */
  completePayment(
    paymentId: string,
    action: string,
    card: string,
    now: number,
  ): { redirect: string } | { error: string } {
    const found = this.findPayment(paymentId);
    if (!found || found.payment.kind !== 'card') return { error: 'This payment link is not valid.' };
    const { payment, order } = found;
    if (payment.status !== 'pending') return { error: 'This payment link has already been used.' };
    if (order.status === 'cancelled') return { error: 'The reservation for this order has expired.' };
    if (action === 'cancel') {
      payment.status = 'cancelled';
      order.paymentStatus = 'cancelled';
      return { redirect: payment.cancelUrl ?? payment.returnUrl };
    }
    if (action === 'decline' || (action === 'pay' && DECLINED_CARDS[card.replace(/\D/g, '')])) {
      payment.status = 'failed';
      order.paymentStatus = 'failed';
      return { redirect: payment.returnUrl };
    }
    if (action !== 'pay') return { error: 'Choose Pay, Decline or Cancel.' };
    if (!luhn(card.replace(/[\s-]/g, ''))) return { error: 'That card number is not valid. Try 4242 4242 4242 4242.' };
    this.settle(order, payment, now, this.deps.settings.paymentDelayMs);
    return { redirect: payment.returnUrl };
  }

  /** The shopper's choice on the PayPal-like approval page, recorded for the capture to honour. */
  decidePaypal(
    paypalOrderId: string,
    decision: PaypalDecision,
  ): { payment: PaymentRec; order: OrderRec } | { error: string } {
    const found = this.findPaypal(paypalOrderId);
    if (!found) return { error: 'This PayPal order does not exist.' };
    const { payment, order } = found;
    if (payment.status !== 'pending')
      return { error: 'This PayPal order is closed: it was captured, cancelled or replaced by a newer one.' };
    if (order.status === 'cancelled') return { error: 'The reservation for this order has expired.' };
    payment.paypal = decision;
    return found;
  }

  /** Time-driven transitions, run lazily before each request (the store has no timers). */
  sweep(now: number): void {
    for (const order of this.orders.values()) {
      if (order.paymentStatus === 'processing') {
        const settling = order.payments.find((p) => p.status === 'processing');
        if (settling && settling.settlesAt !== null && settling.settlesAt <= now) {
          settling.status = 'paid';
          this.markPaid(order, now);
        }
      } else if (order.status === 'pending' && order.paymentStatus !== 'paid' && now >= order.reservationExpiresAt) {
        for (const held of order.reserved) {
          const found = this.deps.catalogue.findVariant(held.variantId);
          if (found && found.variant.stock !== null) {
            found.variant.stock += held.quantity;
            found.variant.committed -= held.quantity;
          }
        }
        order.reserved = [];
        if (order.giftCard) this.deps.giftCards.credit(order.giftCard.id, order.giftCard.amount);
        order.giftCard = null;
        order.status = 'cancelled';
        order.paymentStatus = 'expired';
      }
    }
  }
}

/** For a cart that needs no shipping: who pays, and where (tax and fraud checks need the country). */
function billingIssues(billing: Address | null): FieldIssue[] {
  if (!billing) return [{ field: 'billingAddress', message: 'A billing name and country are required.' }];
  return (['name', 'countryCode'] as const)
    .filter((key) => !billing[key])
    .map((key) => ({ field: `billingAddress.${key}`, message: 'This field is required.' }));
}

function reject(body: RejectionBody): never {
  throw new Rejection(body);
}

function nameOf(
  found: { product: { name: string }; variant: { optionValues: { value: string }[] } } | undefined,
  line: CartLine,
): string {
  if (!found) return line.variantId;
  const variant = found.variant.optionValues.map((v) => v.value).join(' / ');
  return variant ? `${found.product.name} (${variant})` : found.product.name;
}

export function luhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
