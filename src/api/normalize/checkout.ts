// The edge for checkout: shipping options, payment methods, the placed order, the payment hand-off
// and the capture. Loaded on first use (with later-endpoints.ts, through on-demand.ts).
import type {
  CaptureResult,
  CheckoutResult,
  Payment,
  PaymentMethod,
  PaymentMethods,
  ShippingOptions,
} from '../types/checkout.js';
import { currency, each, idOf, isNum, need, num, numN, obj, oneOf, safeUrl, str, strN } from './primitives.js';

/** `GET /cart/shipping-options`. An option without a cost cannot be offered, so it is dropped. */
export function normShippingOptions(v: unknown): ShippingOptions {
  const s = Array.isArray(v) ? { options: v } : obj(v);
  return {
    options: each(s.options, (x) => {
      const o = obj(x);
      if (!isNum(o.cost)) return undefined;
      return {
        id: need(idOf(o.id), 'a shipping option'),
        name: str(o.name),
        description: strN(o.description),
        cost: o.cost,
        estimatedDaysMin: numN(o.estimatedDaysMin),
        estimatedDaysMax: numN(o.estimatedDaysMax),
      };
    }),
    addressRequired: s.addressRequired === true,
  };
}

// ------------------------------------------------------------------------------------- payments

const ICONS = ['card', 'paypal', 'crypto', 'bank'] as const;
// The PayPal ids end up in a script URL: only the characters such ids are made of.
const sdkId = (v: unknown): string | undefined => (typeof v === 'string' && /^[\w.-]{1,200}$/.test(v) ? v : undefined);

function paymentMethod(v: unknown): PaymentMethod | undefined {
  const m = obj(v);
  const s = obj(m.select);
  const select =
    s.kind === 'gateway' && typeof s.gateway === 'string' && s.gateway
      ? { kind: 'gateway' as const, gateway: s.gateway }
      : s.kind === 'manual' && idOf(s.manualMethodId)
        ? { kind: 'manual' as const, manualMethodId: idOf(s.manualMethodId)! }
        : undefined;
  if (!select) return undefined; // nothing to send back at checkout
  const k = obj(m.sdk);
  // Only PayPal is in-context; an unknown provider, or PayPal without its ids, is redirect-only.
  const clientId = sdkId(k.clientId);
  const merchantId = sdkId(k.merchantId);
  const sdk =
    k.provider === 'paypal' && clientId && merchantId
      ? { provider: 'paypal' as const, clientId, merchantId, bnCode: sdkId(k.bnCode) ?? '' }
      : null;
  return {
    select,
    name: str(m.name),
    description: strN(m.description),
    icon: oneOf(m.icon, ICONS, 'card'),
    testMode: m.testMode === true,
    sdk,
  };
}

/** `GET /payment-methods`. */
export function normPaymentMethods(v: unknown): PaymentMethods {
  const p = Array.isArray(v) ? { methods: v } : obj(v);
  return {
    methods: each(p.methods, paymentMethod),
    checkoutDisabled: p.checkoutDisabled === true,
    checkoutDisabledReason: strN(p.checkoutDisabledReason),
  };
}

/** `POST /cart/checkout`: without an order id the answer is no use. */
export function normCheckoutResult(v: unknown): CheckoutResult {
  const r = obj(v);
  const orderId = need(idOf(r.orderId ?? r.id), 'the order');
  return {
    orderId,
    orderNumber: str(r.orderNumber, orderId),
    total: num(r.total),
    currencyCode: currency(r.currencyCode),
    paymentStatus: str(r.paymentStatus, str(r.status, 'pending')),
    reservationExpiresAt: strN(r.reservationExpiresAt),
  };
}

/**
 * `POST /orders/{id}/pay`. A hand-off the client cannot follow safely is a bad answer: a redirect
 * to anything but https (a `javascript:` URL would run script in the shop's page), or a PayPal
 * hand-off without its order id. An unknown kind too: the caller branches on `kind`.
 */
export function normPayment(v: unknown): Payment {
  const p = obj(v);
  const h = obj(p.handoff);
  const redirectUrl = safeUrl(h.redirectUrl);
  const paypalOrderId = sdkId(h.paypalOrderId);
  const handoff =
    h.kind === 'redirect' && redirectUrl
      ? { kind: 'redirect' as const, redirectUrl }
      : h.kind === 'paypal_order' && paypalOrderId
        ? { kind: 'paypal_order' as const, paypalOrderId }
        : undefined;
  return {
    paymentId: str(idOf(p.paymentId)),
    status: str(p.status),
    gateway: str(p.gateway),
    handoff: need(handoff, 'a payment hand-off'),
    amount: num(p.amount),
    currencyCode: currency(p.currencyCode),
  };
}

/** `POST /orders/{id}/capture`. */
export function normCapture(v: unknown): CaptureResult {
  const r = obj(v);
  const paymentStatus = strN(r.paymentStatus) ?? strN(r.status);
  return {
    orderId: str(idOf(r.orderId ?? r.id)),
    orderNumber: str(r.orderNumber),
    paymentStatus: need(paymentStatus ?? undefined, 'a capture'),
    total: num(r.total),
    currencyCode: currency(r.currencyCode),
  };
}
