// The sign-in as it is kept in the shop's storage (beside the cart token): the customer token, when
// it expires, and whose it is. Storage is the origin's and outlives versions of Tote, so what is
// read back is shape-checked: anything else is treated as no sign-in, never sent.
import type { CustomerIdentity, OtpVerifyResult } from '../../api/index.js';

export const SIGN_IN_KEY = 'customerSignIn';

// A header value the browser accepts (visible ASCII): a token that fetch would refuse to send
// would fail every stateful request of the shop, the cart's included.
const TOKEN_PATTERN = /^[\x21-\x7e]{8,1024}$/;
/** When the server's `expiresAt` cannot be read: keep the sign-in a day (a `401` ends it sooner). */
const UNKNOWN_EXPIRY_MS = 864e5;

export interface StoredSignIn {
  token: string;
  /** Epoch ms; at or after it the token is dropped unread by the server. */
  expiresAt: number;
  email: string;
  customer: CustomerIdentity;
}

const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const textOrNull = (value: unknown): value is string | null => value === null || text(value, 254);

/** The stored sign-in if `value` is one and has not expired at `now`, else null. */
export function readSignIn(value: unknown, now: number): StoredSignIn | null {
  if (typeof value !== 'object' || value === null) return null;
  const { token, expiresAt, email, customer } = value as Partial<Record<keyof StoredSignIn, unknown>>;
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
  if (typeof expiresAt !== 'number' || !(expiresAt > now) || !text(email, 254)) return null;
  if (typeof customer !== 'object' || customer === null) return null;
  const {
    id,
    email: customerEmail,
    firstName,
    lastName,
  } = customer as Partial<Record<keyof CustomerIdentity, unknown>>;
  if (!text(id, 200) || !textOrNull(customerEmail) || !textOrNull(firstName) || !textOrNull(lastName)) return null;
  return {
    token,
    expiresAt,
    email,
    customer: { id, email: customerEmail, firstName, lastName },
  };
}

/** The record for a verified code, or null when its token could not be sent as a header. */
export function signInOf(result: OtpVerifyResult, email: string, now: number): StoredSignIn | null {
  const expiresAt = Date.parse(result.expiresAt);
  return readSignIn(
    {
      token: result.token,
      expiresAt: expiresAt > now ? expiresAt : Number.isNaN(expiresAt) ? now + UNKNOWN_EXPIRY_MS : now,
      email: result.customer.email ?? email,
      customer: result.customer,
    },
    now,
  );
}
