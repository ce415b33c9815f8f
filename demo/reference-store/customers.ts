// Customer accounts of one store: who exists (seeded shoppers and anyone who has placed an order),
// login codes by email (6 digits, 10 minutes, 5 tries, a 60 s resend cooldown, delivered to the
// outbox), customer tokens (30 days, sent as X-Customer-Token), and the /customer… handlers.
// A sign-in only ever lets a shopper READ their addresses and history; buying never needs one.
// A refused code says why in `details[0].reason` (wrong, expired, locked), so a client can word
// each case without parsing the sentence.
import { randomBytes, randomInt } from 'node:crypto';
import type { ApiContext, ApiResult } from './context.js';
import { historyOf, summarize } from './history.js';
import { ApiError, randomId } from './http.js';
import type { Outbox } from './outbox.js';
import type { Address, CustomerSpec } from './types.js';
import { EMAIL, objectBody, str, throwIfIssues, type Issues } from './validate.js';

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_ATTEMPTS = 5;
export const RESEND_COOLDOWN_MS = 60_000;
export const SESSION_TTL_MS = 30 * 86_400_000;

export interface CustomerRec {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  addresses: (Address & { id: string })[];
  /** What the shopper last said at checkout; null = never asked. */
  marketingOptIn: boolean | null;
  createdAt: number;
}

/** Why a login code was refused (`details[0].reason` of the 422). */
export type CodeRefusal = 'wrong' | 'expired' | 'locked';

interface CodeRec {
  code: string;
  sentAt: number;
  expiresAt: number;
  /** 0: five wrong tries locked it; no later try is checked, not even the right code. */
  attemptsLeft: number;
  /** Exchanged for a token: a code works once. */
  used: boolean;
}

interface SessionRec {
  customerId: string;
  expiresAt: number;
}

const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** "Ada Lovelace" → Ada / Lovelace; one word is a first name. */
function splitName(name: string | null): { firstName: string | null; lastName: string | null } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: null, lastName: null };
  return { firstName: parts[0] ?? null, lastName: parts.length > 1 ? parts.slice(1).join(' ') : null };
}

export class Customers {
  private readonly byEmail = new Map<string, CustomerRec>();
  private readonly codes = new Map<string, CodeRec>();
  private readonly sessions = new Map<string, SessionRec>();

  constructor(
    private readonly storeKey: string,
    private readonly outbox: Outbox,
    specs: CustomerSpec[],
    epoch: number,
  ) {
    specs.forEach((spec, i) => {
      const id = `cus_seed${String(i + 1).padStart(2, '0')}`;
      this.byEmail.set(normalizeEmail(spec.email), {
        id,
        email: normalizeEmail(spec.email),
        firstName: spec.firstName,
        lastName: spec.lastName,
        phone: spec.phone,
        addresses: spec.addresses.map((a, k) => ({ id: `addr_${id}_${k + 1}`, ...a })),
        marketingOptIn: null,
        createdAt: epoch,
      });
    });
  }

  find(email: string): CustomerRec | undefined {
    return this.byEmail.get(normalizeEmail(email));
  }

  /**
   * The customer behind an order's email, created on first order. A complete shipping address is
   * saved to their address book, as a real store remembers where it delivered; to the signed-in
   * customer's too when the order was placed under another email while signed in.
   */
  recordOrder(
    email: string,
    customerName: string | null,
    shipping: Address | null,
    now: number,
    signedInId: string | null = null,
  ): CustomerRec {
    const key = normalizeEmail(email);
    let customer = this.byEmail.get(key);
    if (!customer) {
      customer = {
        id: randomId('cus'),
        email: key,
        ...splitName(customerName ?? shipping?.name ?? null),
        phone: shipping?.phone ?? null,
        addresses: [],
        marketingOptIn: null,
        createdAt: now,
      };
      this.byEmail.set(key, customer);
    }
    saveAddress(customer, shipping);
    const signedIn = signedInId ? this.byId(signedInId) : undefined;
    if (signedIn && signedIn !== customer) saveAddress(signedIn, shipping);
    return customer;
  }

  private byId(id: string): CustomerRec | undefined {
    return [...this.byEmail.values()].find((c) => c.id === id);
  }

  recordMarketing(email: string, optIn: boolean): void {
    const customer = this.find(email);
    if (customer) customer.marketingOptIn = optIn;
  }

  /** The signed-in customer for a token, or null when it is missing, unknown or expired. */
  identify(token: string | null, now: number): CustomerRec | null {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || now >= session.expiresAt) return null;
    return this.byId(session.customerId) ?? null;
  }

  requestCode(rawBody: unknown, now: number): { sent: boolean; recognised: boolean; retryAfterSeconds: number | null } {
    const email = emailFrom(rawBody);
    const customer = this.find(email);
    // An email that never shopped here gets the same calm answer as a probe would: nothing sent.
    if (!customer) return { sent: false, recognised: false, retryAfterSeconds: null };
    const previous = this.codes.get(customer.email);
    if (previous && now < previous.sentAt + RESEND_COOLDOWN_MS) {
      return {
        sent: false,
        recognised: true,
        retryAfterSeconds: Math.ceil((previous.sentAt + RESEND_COOLDOWN_MS - now) / 1000),
      };
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.codes.set(customer.email, {
      code,
      sentAt: now,
      expiresAt: now + CODE_TTL_MS,
      attemptsLeft: CODE_ATTEMPTS,
      used: false,
    });
    this.outbox.send(
      { store: this.storeKey, to: customer.email, kind: 'login_code', subject: 'Your login code', code },
      now,
    );
    return { sent: true, recognised: true, retryAfterSeconds: null };
  }

  verify(rawBody: unknown, now: number): Record<string, unknown> {
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const email = str(body, 'email', issues, {
      max: 254,
      required: true,
      pattern: EMAIL,
      patternMessage: 'Must be an email address.',
    });
    const code = str(body, 'code', issues, {
      max: 6,
      required: true,
      pattern: /^\d{6}$/,
      patternMessage: 'Enter the 6-digit code.',
    });
    throwIfIssues(issues);
    const key = normalizeEmail(email ?? '');
    const pending = this.codes.get(key);
    // No live code (never asked for, timed out, or used) reads "expired" for known and unknown
    // emails alike, so verify is no better an account probe than POST /customer/otp.
    if (!pending || pending.used || now >= pending.expiresAt)
      refuseCode('expired', 'This code has expired or was already used. Ask for a new one.');
    if (pending.attemptsLeft <= 0)
      refuseCode('locked', 'This code is locked after 5 wrong tries. Ask for a new one.', 0);
    if (pending.code !== code) {
      pending.attemptsLeft -= 1;
      if (pending.attemptsLeft <= 0)
        refuseCode('locked', 'That code is not right, and it is now locked after 5 wrong tries. Ask for a new one.', 0);
      refuseCode(
        'wrong',
        `That code is not right. ${pending.attemptsLeft} ${pending.attemptsLeft === 1 ? 'try' : 'tries'} left.`,
        pending.attemptsLeft,
      );
    }
    const found = this.find(key);
    if (!found) refuseCode('expired', 'This code has expired or was already used. Ask for a new one.');
    pending.used = true; // single use
    const token = `cst_${randomBytes(24).toString('base64url')}`;
    const expiresAt = now + SESSION_TTL_MS;
    this.sessions.set(token, { customerId: found.id, expiresAt });
    return { token, expiresAt: new Date(expiresAt).toISOString(), customer: identity(found) };
  }

  signOut(token: string | null): void {
    if (token) this.sessions.delete(token);
  }
}

/** The 422 on `code`, with its reason (and the tries left) beside the sentence. */
function refuseCode(reason: CodeRefusal, message: string, attemptsLeft?: number): never {
  throw new ApiError(422, message, [
    { field: 'code', message, reason, ...(attemptsLeft === undefined ? {} : { attemptsLeft }) },
  ]);
}

/** Adds a complete address the book does not hold yet. */
function saveAddress(customer: CustomerRec, shipping: Address | null): void {
  if (!shipping?.line1 || !shipping.city || !shipping.countryCode) return;
  const same = (a: Address): boolean =>
    (['name', 'line1', 'line2', 'city', 'postalCode', 'countryCode'] as const).every((k) => a[k] === shipping[k]);
  if (!customer.addresses.some(same)) customer.addresses.push({ id: randomId('addr'), ...shipping });
}

function emailFrom(rawBody: unknown): string {
  const body = objectBody(rawBody);
  const issues: Issues = [];
  const email = str(body, 'email', issues, {
    max: 254,
    required: true,
    pattern: EMAIL,
    patternMessage: 'Must be an email address.',
  });
  throwIfIssues(issues);
  return email ?? '';
}

const identity = (c: CustomerRec): Record<string, unknown> => ({
  id: c.id,
  email: c.email,
  firstName: c.firstName,
  lastName: c.lastName,
});

/** The signed-in customer, or the 401 that tells the client to drop its token. */
function signedIn(ctx: ApiContext): CustomerRec {
  const customer = ctx.state.customers.identify(ctx.customerToken, ctx.now);
  if (!customer) throw new ApiError(401, 'Sign in again: the X-Customer-Token is missing, unknown or expired.');
  return customer;
}

// ---- Handlers for the route table ----

export const requestCode = (ctx: ApiContext): ApiResult => ({
  data: ctx.state.customers.requestCode(ctx.body, ctx.now),
});

export const verifyCode = (ctx: ApiContext): ApiResult => ({ data: ctx.state.customers.verify(ctx.body, ctx.now) });

export function me(ctx: ApiContext): ApiResult {
  const customer = signedIn(ctx);
  const orders = historyOf(ctx.state.orders.all(), customer);
  const paid = orders.filter((o) => o.paymentStatus === 'paid');
  return {
    data: {
      ...identity(customer),
      phone: customer.phone,
      ordersCount: orders.length,
      totalSpent: paid.reduce((sum, o) => sum + o.totals.total, 0),
      lastOrderAt: orders[0] ? new Date(orders[0].placedAt).toISOString() : null,
      createdAt: new Date(customer.createdAt).toISOString(),
    },
  };
}

export function addresses(ctx: ApiContext): ApiResult {
  const customer = signedIn(ctx);
  return { data: customer.addresses.map((a) => ({ ...a })) };
}

export function orders(ctx: ApiContext): ApiResult {
  const customer = signedIn(ctx);
  const currency = ctx.state.catalogue.config.currency;
  return { data: historyOf(ctx.state.orders.all(), customer).map((o) => summarize(o, currency)) };
}

/** Always 200, whatever the token: the client drops its token whatever the outcome. */
export function signOut(ctx: ApiContext): ApiResult {
  ctx.state.customers.signOut(ctx.customerToken);
  return { data: { signedOut: true } };
}
