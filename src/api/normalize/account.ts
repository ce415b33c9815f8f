// The edge for the shopper's account: the sign-in code, the profile, saved addresses, past orders,
// sign-out. Loaded on first use (with later-endpoints.ts, through on-demand.ts).
import type {
  CustomerAddress,
  CustomerIdentity,
  CustomerOrder,
  CustomerProfile,
  OtpRequestResult,
  OtpVerifyResult,
} from '../types/account.js';
import { address } from './cart.js';
import { bad, bool, country, currency, each, idOf, isNum, need, num, numN, obj, str, strN } from './primitives.js';

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
  return {
    id: need(idOf(c.id), 'a customer'),
    email: strN(c.email),
    firstName: strN(c.firstName),
    lastName: strN(c.lastName),
  };
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
