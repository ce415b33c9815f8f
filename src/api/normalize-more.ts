// The answers a first paint does not need — checkout, payment, receipt, account, reviews,
// countries, places — normalized by the rules of normalize.ts. Loaded on first use (endpoints.ts),
// so a page with a grid and a cart button does not carry them.
import {
  address,
  bad,
  bool,
  country,
  currency,
  each,
  idN,
  idOf,
  isNum,
  isObj,
  lineFields,
  listOf,
  need,
  num,
  numN,
  obj,
  oneOf,
  safeUrl,
  str,
  strN,
  taxLines,
} from './normalize.js';
import type {
  CaptureResult,
  CheckoutResult,
  Countries,
  Country,
  CustomerAddress,
  CustomerIdentity,
  CustomerOrder,
  CustomerProfile,
  List,
  OrderReceipt,
  OrderStatus,
  OtpRequestResult,
  OtpVerifyResult,
  Payment,
  PaymentMethod,
  PaymentMethods,
  PlaceDetails,
  PlacePrediction,
  ReceiptAddress,
  ReceiptItem,
  Review,
  ReviewsMeta,
  ShippingOptions,
  States,
} from './types.js';

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
  const sdk = k.provider === 'paypal' && clientId && merchantId ? { provider: 'paypal' as const, clientId, merchantId, bnCode: sdkId(k.bnCode) ?? '' } : null;
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

/** `GET /orders/{id}/status`. A missing `paymentStatus` is read from `status`; with neither: keep polling. */
export function normOrderStatus(v: unknown): OrderStatus {
  const r = obj(v);
  const status = str(r.status);
  return {
    id: str(idOf(r.id ?? r.orderId)),
    orderNumber: str(r.orderNumber),
    status,
    paymentStatus: str(r.paymentStatus, status || 'unknown'),
    total: num(r.total),
    currencyCode: currency(r.currencyCode),
  };
}

function receiptItem(v: unknown, i: number): ReceiptItem {
  const l = obj(v);
  return { id: idOf(l.id) ?? `line-${i}`, variantId: idN(l.variantId), ...lineFields(l, Math.max(0, num(l.quantity, 1))) };
}

/**
 * `GET /orders/{id}`: the receipt is flat on the wire. An older nested form (`totals`,
 * `shippingAddress`/`billingAddress`) is read too, since it costs a few lines and a receipt that
 * fails to read is the one screen a shopper must see. Without a total it is a bad answer, and the
 * success screen falls back to the checkout's fields.
 */
export function normReceipt(v: unknown): OrderReceipt {
  const r = obj(v);
  const t = isObj(r.totals) ? { ...r, ...r.totals } : r;
  const id = need(idOf(r.id ?? r.orderId), 'a receipt');
  const total = t.total;
  if (!isNum(total)) throw bad('a receipt');
  const giftCardTotal = num(t.giftCardTotal);
  let addresses: ReceiptAddress[] = each(r.addresses, (x, i) => {
    const a = obj(x);
    const kind = oneOf(a.kind, ['shipping', 'billing'], 'shipping');
    if (a.kind !== kind) return undefined;
    return { id: idOf(a.id) ?? `${kind}-${i}`, kind, ...address(a)! };
  });
  if (!Array.isArray(r.addresses))
    addresses = (['shipping', 'billing'] as const).flatMap((kind) => {
      const a = address(r[kind + 'Address']);
      return a ? [{ id: kind, kind, ...a }] : [];
    });
  const status = str(r.status);
  return {
    id,
    orderNumber: str(r.orderNumber, id),
    status,
    paymentStatus: str(r.paymentStatus, status),
    currencyCode: currency(r.currencyCode),
    email: strN(r.email),
    customerName: strN(r.customerName),
    items: each(r.items, receiptItem),
    subtotal: num(t.subtotal),
    discountTotal: num(t.discountTotal),
    discountCode: strN(r.discountCode),
    taxTotal: num(t.taxTotal),
    taxes: taxLines(r.taxes ?? r.taxBreakdown),
    taxInclusive: r.taxInclusive === true,
    shippingTotal: num(t.shippingTotal),
    shippingMethodName: strN(r.shippingMethodName),
    total,
    giftCardTotal,
    // A negative amount due is no amount: it would read as "Total paid" and hide how to pay, so it
    // is derived from the total and the gift card instead, as when it is missing.
    amountDue: isNum(t.amountDue) && t.amountDue >= 0 ? t.amountDue : Math.max(0, total - giftCardTotal),
    paymentMethodName: strN(r.paymentMethodName),
    paymentInstructions: strN(r.paymentInstructions),
    addresses,
    placedAt: str(r.placedAt, str(r.createdAt)),
  };
}

// -------------------------------------------------------------------------- countries, places

function countryOf(v: unknown): Country {
  const c = obj(v);
  const code = need(country(c.code) ?? undefined, 'a country');
  const out: Country = {
    code,
    name: str(c.name, code),
    subdivisions: Array.isArray(c.subdivisions)
      ? each(c.subdivisions, (x) => {
          const s = obj(x);
          const sc = need(idOf(s.code), 'a subdivision');
          return { code: sc, name: str(s.name, sc) };
        })
      : null,
    stateNameType: strN(c.stateNameType),
    postalRegex: strN(c.postalRegex),
    postalExample: strN(c.postalExample),
  };
  for (const k of ['phoneCode', 'currency', 'flag'] as const) if (typeof c[k] === 'string') out[k] = c[k];
  if (typeof c.requiresState === 'boolean') out.requiresState = c.requiresState;
  return out;
}

/** `GET /countries`: `{countries, locale}`, or a bare array. */
export function normCountries(v: unknown): Countries {
  const c = Array.isArray(v) ? { countries: v } : obj(v);
  if (!Array.isArray(c.countries)) throw bad('the countries');
  return { countries: each(c.countries, countryOf), locale: str(c.locale) };
}

/** `GET /countries/{cc}/states`: `{country, states}`, or a bare array of states. */
export function normStates(v: unknown): States {
  const s = Array.isArray(v) ? { states: v } : obj(v);
  const c = obj(s.country);
  return {
    country: { code: str(c.code), name: str(c.name) },
    states: each(s.states, (x) => {
      const st = obj(x);
      const code = need(idOf(st.code), 'a state');
      const out: States['states'][number] = { code, name: str(st.name, code) };
      if ('iso3166_2' in st) out.iso3166_2 = strN(st.iso3166_2);
      return out;
    }),
  };
}

/** `GET /places/autocomplete`: the predictions (`{predictions}` or a bare array). */
export function normPredictions(v: unknown): PlacePrediction[] {
  const p = Array.isArray(v) ? v : obj(v).predictions;
  return each(p, (x) => {
    const e = obj(x);
    return { placeId: need(idOf(e.placeId), 'a place'), mainText: str(e.mainText), secondaryText: str(e.secondaryText) };
  });
}

/** `GET /places/details`: every field a string, `""` when unknown. */
export function normPlaceDetails(v: unknown): PlaceDetails {
  const d = obj(v);
  return {
    line1: str(d.line1),
    line2: str(d.line2),
    city: str(d.city),
    stateCode: str(d.stateCode),
    countryCode: country(d.countryCode) ?? '',
    postalCode: str(d.postalCode),
  };
}

// -------------------------------------------------------------------------------------- reviews

/** One review; a rating outside 1–5 (or not a number) makes it unusable. */
export function normReview(v: unknown): Review {
  const r = obj(v);
  const rating = r.rating;
  if (!isNum(rating) || rating < 1 || rating > 5) throw bad('a review');
  return {
    id: need(idOf(r.id), 'a review'),
    rating: Math.round(rating),
    title: str(r.title),
    content: str(r.content),
    authorName: str(r.authorName),
    isVerifiedPurchase: r.isVerifiedPurchase === true,
    source: str(r.source, 'organic'),
    createdAt: str(r.createdAt),
  };
}

/** `GET /products/{id}/reviews`. The meta has no `totalPages`: pages are ceil(total / perPage). */
export function normReviews(v: unknown): List<Review, ReviewsMeta> {
  const { data, meta, n } = listOf(v, normReview, 'the reviews');
  const d = obj(meta.ratingDistribution);
  const ratingDistribution: Record<string, number> = {};
  for (const k of ['1', '2', '3', '4', '5']) ratingDistribution[k] = Math.max(0, num(d[k]));
  const total = Math.max(0, num(meta.total, n));
  return {
    data,
    meta: {
      page: Math.max(1, num(meta.page, 1)),
      perPage: Math.max(1, num(meta.perPage, 10)),
      total,
      avgRating: num(meta.avgRating),
      reviewCount: num(meta.reviewCount, total),
      ratingDistribution,
    },
  };
}

// ------------------------------------------------------------------------------------- customer

/** `POST /customer/otp`. Either spelling of "recognised" is read. */
export function normOtpRequest(v: unknown): OtpRequestResult {
  const r = obj(v);
  const wait = numN(r.retryAfterSeconds);
  return {
    sent: r.sent === true,
    recognised: bool(r.recognised, r.recognized === true),
    retryAfterSeconds: wait !== null && wait > 0 ? Math.ceil(wait) : null,
  };
}

function identity(v: unknown): CustomerIdentity {
  const c = obj(v);
  return { id: need(idOf(c.id), 'a customer'), email: strN(c.email), firstName: strN(c.firstName), lastName: strN(c.lastName) };
}

/** `POST /customer/otp/verify`: the token is the point, so without it the answer is no use. */
export function normOtpVerify(v: unknown): OtpVerifyResult {
  const r = obj(v);
  const token = r.token;
  if (typeof token !== 'string' || !token) throw bad('a sign-in');
  return { token, expiresAt: str(r.expiresAt), customer: identity(r.customer) };
}

/** `GET /customer/me`: only the identity is sure to be there. */
export function normCustomer(v: unknown): CustomerProfile {
  const c = obj(v);
  const out: CustomerProfile = identity(c);
  if ('phone' in c) out.phone = strN(c.phone);
  if (isNum(c.ordersCount)) out.ordersCount = c.ordersCount;
  if (isNum(c.totalSpent)) out.totalSpent = c.totalSpent;
  if ('lastOrderAt' in c) out.lastOrderAt = strN(c.lastOrderAt);
  if (typeof c.createdAt === 'string') out.createdAt = c.createdAt;
  return out;
}

/** The customer lists: an array, or `{data, meta}` (a `meta` block is tolerated and ignored). */
const rows = (v: unknown): unknown => (Array.isArray(v) ? v : obj(v).data);

/** `GET /customer/addresses`. */
export function normCustomerAddresses(v: unknown): CustomerAddress[] {
  return each(rows(v), (x) => {
    const a = obj(x);
    const base = address(a)!;
    return {
      ...base,
      id: need(idOf(a.id), 'an address'),
      line1: base.line1 ?? '',
      city: base.city ?? '',
      countryCode: country(a.countryCode) ?? '',
    };
  });
}

/** `GET /customer/orders`. */
export function normCustomerOrders(v: unknown): CustomerOrder[] {
  return each(rows(v), (x) => {
    const o = obj(x);
    const id = need(idOf(o.id), 'an order');
    const status = str(o.status);
    return {
      id,
      orderNumber: str(o.orderNumber, id),
      status,
      paymentStatus: str(o.paymentStatus, status),
      fulfillmentStatus: str(o.fulfillmentStatus),
      currencyCode: currency(o.currencyCode),
      total: num(o.total),
      placedAt: strN(o.placedAt),
    };
  });
}

/** `POST /customer/signout`: the client drops its token whatever this says. */
export const normSignOut = (v: unknown): { signedOut: boolean } => ({ signedOut: obj(v).signedOut !== false });
