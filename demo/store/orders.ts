// Checkout, stock reservation, payment hand-off and the order read endpoints.
// Life of an order: checkout reserves stock (decrements it) and creates the order as
// pending/pending; the hosted payment page settles it (paid → status confirmed; declined/cancelled
// → the shopper may try again) and a reservation that is not paid in time expires, giving the
// stock back (status cancelled, paymentStatus expired).
import { ApiError, Rejection, randomId, type FieldIssue, type RejectionBody } from './http.js';
import type { Catalogue } from './catalog.js';
import type { CartLine, CartRec, Carts } from './carts.js';
import { formatMoney, type DiscountLine, type Totals } from './pricing.js';
import type { Address, PaymentMethodSpec, PaymentSelect } from './types.js';
import { EMAIL, bool, httpUrl, int, isObject, objectBody, str, throwIfIssues, type Issues } from './validate.js';

export const PAY_PATH_PREFIX = '/v3/pay/';
/** Bank transfers take days; their reservation lasts a week instead of the card one. */
const MANUAL_RESERVATION_MS = 7 * 86_400_000;

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
  status: 'pending' | 'processing' | 'paid' | 'failed' | 'cancelled' | 'superseded';
  returnUrl: string;
  cancelUrl: string | null;
  createdAt: number;
  settlesAt: number | null;
}

export interface OrderRec {
  id: string;
  orderNumber: string;
  token: string;
  placedAt: number;
  email: string;
  customerName: string | null;
  items: Record<string, unknown>[];
  discounts: DiscountLine[];
  totals: Totals;
  shippingAddress: Address | null;
  billingAddress: Address | null;
  shippingMethodName: string | null;
  payment: PaymentMethodSpec;
  notes: string | null;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  reservationExpiresAt: number;
  reserved: { variantId: string; quantity: number }[];
  payments: PaymentRec[];
}

const sameSelect = (a: PaymentSelect, b: PaymentSelect): boolean =>
  a.kind === 'gateway' ? b.kind === 'gateway' && a.gateway === b.gateway : b.kind === 'manual' && a.manualMethodId === b.manualMethodId;

export class Orders {
  private readonly orders = new Map<string, OrderRec>();
  private readonly payments = new Map<string, PaymentRec>();
  private nextNumber = 1001;

  constructor(
    private readonly catalogue: Catalogue,
    private readonly carts: Carts,
    private readonly settings: OrderSettings,
  ) {}

  get size(): number {
    return this.orders.size;
  }

  paymentMethods(): Record<string, unknown> {
    return {
      methods: this.catalogue.config.paymentMethods.map((m) => ({ ...m, select: { ...m.select } })),
      checkoutDisabled: this.settings.checkoutDisabled !== null,
      checkoutDisabledReason: this.settings.checkoutDisabled,
    };
  }

  checkout(cart: CartRec, rawBody: unknown, origin: string, now: number): Record<string, unknown> {
    const config = this.catalogue.config;
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const email = str(body, 'email', issues, { max: 254, pattern: EMAIL, patternMessage: 'Must be an email address.' });
    const customerName = str(body, 'customerName', issues, { max: 200, nullable: true });
    const expectedTotal = int(body, 'expectedTotal', issues, { min: 0, max: 1_000_000_000_000 });
    const acceptPriceChanges = bool(body, 'acceptPriceChanges', issues) ?? false;
    const agreeToTerms = bool(body, 'agreeToTerms', issues) ?? false;
    const notes = str(body, 'notes', issues, { max: 1000, nullable: true });
    const method = this.paymentMethodFrom(body, issues);
    throwIfIssues(issues);

    if (this.settings.checkoutDisabled !== null) throw new ApiError(403, `Checkout is disabled: ${this.settings.checkoutDisabled}`);
    if (cart.convertedOrderId) reject({ rejection: 'already_converted', message: 'This cart has already been checked out.' });
    if (cart.lines.length === 0) reject({ rejection: 'empty_cart', message: 'The cart is empty.' });
    if (config.checkout.termsMode === 'required_checkbox' && !agreeToTerms) {
      reject({ rejection: 'terms_required', message: 'Please accept the terms and conditions to place the order.' });
    }

    const resolved = cart.lines.map((line) => ({ line, found: this.catalogue.findVariant(line.variantId) }));
    const gone = resolved.filter(({ found }) => !found || !found.variant.available || !this.catalogue.isListed(found.product));
    if (gone.length > 0) {
      const names = gone.map(({ line, found }) => nameOf(found, line)).join(', ');
      reject({ rejection: 'unavailable_item', message: `No longer available: ${names}. Remove it from the cart to continue.` });
    }

    const priceChanges = resolved
      .filter(({ line, found }) => found && found.variant.price !== line.unitPrice)
      .map(({ line, found }) => ({ itemId: line.id, name: nameOf(found, line), previousUnitPrice: line.unitPrice, currentUnitPrice: found?.variant.price ?? line.unitPrice }));
    if (priceChanges.length > 0 && !acceptPriceChanges) {
      reject({ rejection: 'price_changed', message: 'Some prices have changed since the items were added.', priceChanges });
    }
    // Today's prices, on copies: the cart itself changes only once the order is placed.
    const lines: CartLine[] = cart.lines.map((line) => ({ ...line, unitPrice: this.catalogue.findVariant(line.variantId)?.variant.price ?? line.unitPrice }));
    const draft = { ...cart, lines };
    const pricing = this.carts.pricing(draft, now);
    if (expectedTotal !== undefined && expectedTotal !== null && expectedTotal !== pricing.totals.total && !acceptPriceChanges) {
      reject({
        rejection: 'price_changed',
        message: `The total is now ${formatMoney(config, pricing.totals.total)}, not ${formatMoney(config, expectedTotal)}.`,
        priceChanges,
      });
    }

    const stockIssues = resolved
      .filter(({ line, found }) => found && found.variant.inventoryPolicy === 'deny' && found.variant.stock !== null && line.quantity > found.variant.stock)
      .map(({ line, found }) => ({ itemId: line.id, name: nameOf(found, line), requested: line.quantity, available: Math.max(0, found?.variant.stock ?? 0) }));
    if (stockIssues.length > 0) {
      reject({ rejection: 'insufficient_stock', message: 'Some items do not have enough stock left.', stockIssues });
    }

    // What the order still needs from the shopper: 422 with one detail per missing piece.
    const finalEmail = email ?? cart.email;
    if (!finalEmail) issues.push({ field: 'email', message: 'An email address is required.' });
    if (pricing.requiresShipping) issues.push(...this.addressIssues(cart.shippingAddress));
    if (pricing.requiresShipping && cart.shippingAddress?.countryCode) {
      if (pricing.shippingOptions.length === 0) {
        issues.push({ field: 'shippingAddress.countryCode', message: `${config.name} does not ship to ${cart.shippingAddress.countryCode}.` });
      } else if (!pricing.selectedRate) {
        issues.push({ field: 'shippingRateId', message: 'Choose a shipping option.' });
      }
    }
    const minimum = config.checkout.minimumOrderValue;
    const merchandise = pricing.totals.subtotal - pricing.totals.discountTotal;
    if (minimum !== null && merchandise < minimum) {
      issues.push({ field: 'total', message: `The minimum order is ${formatMoney(config, minimum)}.` });
    }
    throwIfIssues(issues, 'The order cannot be placed yet.');

    // Commit: everything below succeeds together.
    const order: OrderRec = {
      id: randomId('ord'),
      orderNumber: `${config.orderPrefix}${this.nextNumber++}`,
      token: cart.token,
      placedAt: now,
      email: finalEmail ?? '',
      customerName: customerName === undefined ? cart.customerName : customerName,
      items: lines.map((line) => this.carts.serializeLine(origin, line)),
      discounts: pricing.discounts,
      totals: pricing.totals,
      shippingAddress: pricing.requiresShipping ? cart.shippingAddress : null,
      billingAddress: cart.billingAddress ?? cart.shippingAddress,
      shippingMethodName: pricing.selectedRate?.name ?? null,
      payment: method,
      notes: notes === undefined ? cart.notes : notes,
      status: 'pending',
      paymentStatus: 'pending',
      reservationExpiresAt: now + (method.select.kind === 'manual' ? MANUAL_RESERVATION_MS : this.settings.reservationTtlMs),
      reserved: [],
      payments: [],
    };
    for (const { line, found } of resolved) {
      if (found && found.variant.stock !== null) {
        found.variant.stock -= line.quantity;
        order.reserved.push({ variantId: line.variantId, quantity: line.quantity });
      }
    }
    cart.lines = lines;
    cart.email = order.email;
    cart.customerName = order.customerName;
    cart.notes = order.notes;
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

  private paymentMethodFrom(body: Record<string, unknown>, issues: Issues): PaymentMethodSpec {
    const methods = this.catalogue.config.paymentMethods;
    const fallback = methods.find((m) => m.select.kind === 'gateway') ?? methods[0];
    if (!fallback) throw new Error('store has no payment methods');
    const raw = body.paymentMethod;
    if (raw === undefined || raw === null) return fallback;
    const select: PaymentSelect | null = isObject(raw) && raw.kind === 'gateway' && typeof raw.gateway === 'string'
      ? { kind: 'gateway', gateway: raw.gateway }
      : isObject(raw) && raw.kind === 'manual' && typeof raw.manualMethodId === 'string'
        ? { kind: 'manual', manualMethodId: raw.manualMethodId }
        : null;
    const method = select ? methods.find((m) => sameSelect(m.select, select)) : undefined;
    if (!method) {
      issues.push({ field: 'paymentMethod', message: 'Must be the `select` object of one of GET /payment-methods.' });
      return fallback;
    }
    return method;
  }

  private addressIssues(address: Address | null): FieldIssue[] {
    const fields = this.catalogue.config.checkout;
    const required: (keyof Address)[] = ['name', 'line1', 'city', 'postalCode', 'countryCode'];
    if (fields.phoneNumberField === 'required') required.push('phone');
    if (fields.companyNameField === 'required') required.push('company');
    if (fields.addressLine2Field === 'required') required.push('line2');
    if (!address) return [{ field: 'shippingAddress', message: 'A shipping address is required.' }];
    return required.filter((key) => !address[key]).map((key) => ({ field: `shippingAddress.${key}`, message: 'This field is required.' }));
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
    const returnUrl = httpUrl(body, 'returnUrl', issues, true);
    const cancelUrl = httpUrl(body, 'cancelUrl', issues, false);
    throwIfIssues(issues);
    const order = this.ownOrder(orderId, token);
    if (order.payment.select.kind !== 'gateway') {
      throw new ApiError(422, `This order is paid by ${order.payment.name}; there is nothing to hand off.`, [{ field: 'paymentMethod', message: 'Not a gateway payment.' }]);
    }
    if (order.paymentStatus === 'paid' || order.paymentStatus === 'processing') {
      throw new ApiError(422, 'This order has already been paid.', [{ field: 'orderId', message: 'Already paid.' }]);
    }
    if (order.status === 'cancelled') {
      throw new ApiError(422, 'The reservation for this order has expired; place the order again.', [{ field: 'orderId', message: 'Expired.' }]);
    }
    for (const earlier of order.payments) if (earlier.status === 'pending') earlier.status = 'superseded';
    const payment: PaymentRec = {
      id: randomId('pay', 12), orderId: order.id, status: 'pending', returnUrl: returnUrl ?? '', cancelUrl: cancelUrl ?? null,
      createdAt: now, settlesAt: null,
    };
    order.payments.push(payment);
    order.paymentStatus = 'pending';
    this.payments.set(payment.id, payment);
    return {
      paymentId: payment.id,
      status: payment.status,
      gateway: order.payment.select.gateway,
      handoff: { kind: 'redirect', redirectUrl: `${origin}${PAY_PATH_PREFIX}${payment.id}` },
      amount: order.totals.amountDue,
      currencyCode: this.catalogue.config.currency,
    };
  }

  status(orderId: string): Record<string, unknown> {
    const order = this.orders.get(orderId);
    if (!order) throw new ApiError(404, 'No such order.');
    return {
      id: order.id, orderNumber: order.orderNumber, status: order.status, paymentStatus: order.paymentStatus,
      total: order.totals.total, currencyCode: this.catalogue.config.currency,
    };
  }

  receipt(orderId: string, token: string): Record<string, unknown> {
    const order = this.ownOrder(orderId, token);
    return {
      id: order.id,
      orderNumber: order.orderNumber,
      status: order.status,
      paymentStatus: order.paymentStatus,
      placedAt: new Date(order.placedAt).toISOString(),
      email: order.email,
      customerName: order.customerName,
      currencyCode: this.catalogue.config.currency,
      items: order.items,
      discounts: order.discounts,
      totals: order.totals,
      shippingAddress: order.shippingAddress,
      billingAddress: order.billingAddress,
      shippingMethodName: order.shippingMethodName,
      paymentMethodName: order.payment.name,
      notes: order.notes,
      confirmationMessage: this.catalogue.config.checkout.confirmationMessage,
    };
  }

  findPayment(paymentId: string): { payment: PaymentRec; order: OrderRec } | undefined {
    const payment = this.payments.get(paymentId);
    const order = payment ? this.orders.get(payment.orderId) : undefined;
    return payment && order ? { payment, order } : undefined;
  }

  /**
   * The shopper's choice on the hosted page. Returns where to send them, or a message when the
   * page must be shown again (a declined-format card number is a decline, a malformed one a retry).
   */
  completePayment(paymentId: string, action: string, card: string, now: number): { redirect: string } | { error: string } {
    const found = this.findPayment(paymentId);
    if (!found) return { error: 'This payment link is not valid.' };
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
    if (this.settings.paymentDelayMs > 0) {
      payment.status = 'processing';
      payment.settlesAt = now + this.settings.paymentDelayMs;
      order.paymentStatus = 'processing';
    } else {
      payment.status = 'paid';
      order.paymentStatus = 'paid';
      order.status = 'confirmed';
    }
    return { redirect: payment.returnUrl };
  }

  /** Time-driven transitions, run lazily before each request (the store has no timers). */
  sweep(now: number): void {
    for (const order of this.orders.values()) {
      if (order.paymentStatus === 'processing') {
        const settling = order.payments.find((p) => p.status === 'processing');
        if (settling && settling.settlesAt !== null && settling.settlesAt <= now) {
          settling.status = 'paid';
          order.paymentStatus = 'paid';
          order.status = 'confirmed';
        }
      } else if (order.status === 'pending' && order.paymentStatus !== 'paid' && now >= order.reservationExpiresAt) {
        for (const held of order.reserved) {
          const found = this.catalogue.findVariant(held.variantId);
          if (found && found.variant.stock !== null) found.variant.stock += held.quantity;
        }
        order.reserved = [];
        order.status = 'cancelled';
        order.paymentStatus = 'expired';
      }
    }
  }
}

function reject(body: RejectionBody): never {
  throw new Rejection(body);
}

function nameOf(found: { product: { name: string }; variant: { optionValues: { value: string }[] } } | undefined, line: CartLine): string {
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
