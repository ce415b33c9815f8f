import { nanoid } from 'nanoid';
import { isNum, isObj, num, obj, safeUrl, str, strN } from '../api/normalize.js';
import type { Cart } from '../api/index.js';
import type { LineDisplay } from '../model/line-display.js';

export type { LineDisplay };

/** The shopper's wish for one line: the quantity the server's line should end at (docs/cart-engine.md). */
export interface Wish {
  quantity: number;
  /** The server's quantity the wish's adds were counted from; `null` once the shopper set the number. */
  base: number | null;
  /** `X-Request-Id` of this wish, kept across retries, reloads and writers. */
  requestId: string;
  display: LineDisplay | null;
  /** Waiting behind an outage or the limiter (shown as queued). */
  queued?: boolean;
  /** A `POST` for it may be on the wire: a new writer reads the cart before sending it again. */
  sent?: boolean;
}

export interface Refusal {
  message: string;
  display: LineDisplay | null;
}

/** The record every tab of one shop shares (docs/cart-engine.md). */
export interface Ledger {
  rev: number;
  token: string | null;
  wishes: Record<string, Wish>;
  /** The server's quantities as last seen, and that cart's `updatedAt`. */
  server: Record<string, number>;
  serverAt: string;
  refused: Record<string, Refusal>;
  /** The writer's lease, where Web Locks are missing. */
  lease?: { tab: string; until: number };
}

export const emptyLedger = (token: string | null, rev = 0): Ledger => ({ rev, token, wishes: {}, server: {}, serverAt: '', refused: {} });

const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** How a stored line is drawn: its image checked like any URL from the API, the rest text or nothing. */
const display = (v: unknown): LineDisplay | null =>
  isObj(v) && typeof v.name === 'string'
    ? { productId: strN(v.productId), name: v.name, variantName: strN(v.variantName), sku: strN(v.sku), unitPrice: num(v.unitPrice), imageUrl: safeUrl(v.imageUrl) }
    : null;

/** The entries of a stored map that `read` accepts (at most 200: a cart has at most 100 lines). */
function entries<T>(v: unknown, read: (x: unknown) => T | null | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(obj(v)).slice(0, 200)) {
    const item = read(value);
    if (item != null) out[key] = item;
  }
  return out;
}

/**
 * A stored ledger, shape-checked: storage is shared with other scripts and may hold anything. A
 * wrong entry is dropped (its line shows the server's quantity); a wrong record reads as empty.
 */
export function readLedger(v: unknown): Ledger {
  const l = obj(v);
  const lease = obj(l.lease);
  return {
    rev: count(l.rev) ? l.rev : 0,
    token: strN(l.token),
    wishes: entries(l.wishes, (x) => {
      const w = obj(x);
      return count(w.quantity) && typeof w.requestId === 'string'
        ? { quantity: w.quantity, base: count(w.base) ? w.base : null, requestId: w.requestId, display: display(w.display), queued: w.queued === true, sent: w.sent === true }
        : null;
    }),
    server: entries(l.server, (n) => (count(n) ? n : null)),
    serverAt: str(l.serverAt),
    refused: entries(l.refused, (x) => {
      const r = obj(x);
      return typeof r.message === 'string' ? { message: r.message, display: display(r.display) } : null;
    }),
    ...(typeof lease.tab === 'string' && isNum(lease.until) ? { lease: { tab: lease.tab, until: lease.until } } : {}),
  };
}

/** A shopper's click, folded into the ledger: adds count from the wish (or the server's line), a set is absolute. */
export function fold(ledger: Ledger, variantId: string, next: (current: number) => number, kind: 'add' | 'set', shown: LineDisplay | null): Ledger {
  const previous = ledger.wishes[variantId];
  const onServer = ledger.server[variantId] ?? 0;
  const quantity = Math.min(999_999, Math.max(0, Math.floor(next(previous?.quantity ?? onServer))));
  const wishes = { ...ledger.wishes };
  // Nothing to send, unless a request for an earlier wish may be on its way: then the writer says so.
  if (!previous && quantity === onServer) delete wishes[variantId];
  else
    wishes[variantId] = {
      quantity,
      base: kind === 'set' ? null : previous ? previous.base : onServer,
      requestId: nanoid(),
      display: shown ?? previous?.display ?? null,
      sent: previous?.sent,
    };
  const refused = { ...ledger.refused };
  delete refused[variantId];
  return { ...ledger, wishes, refused };
}

/**
 * The server's cart, recorded: its quantities become the base for the next add, and every wish
 * it already fulfils is done. An older picture of the same cart changes nothing.
 */
export function record(ledger: Ledger, cart: Cart): Ledger {
  if (cart.updatedAt < ledger.serverAt) return ledger;
  const server: Record<string, number> = {};
  for (const item of cart.items) server[item.variantId] = item.quantity;
  const wishes: Record<string, Wish> = {};
  for (const [variantId, wish] of Object.entries(ledger.wishes)) {
    if ((server[variantId] ?? 0) !== wish.quantity) wishes[variantId] = wish;
  }
  return { ...ledger, server, serverAt: cart.updatedAt, wishes };
}

/** A wish changed by the writer (`undefined`: given up), if it is still the one that was sent. */
export function settle(ledger: Ledger, variantId: string, requestId: string, change: Partial<Wish> | undefined, refusal?: Refusal): Ledger {
  const wish = ledger.wishes[variantId];
  if (!wish || wish.requestId !== requestId) return ledger;
  const wishes = { ...ledger.wishes };
  if (change) wishes[variantId] = { ...wish, ...change };
  else delete wishes[variantId];
  return { ...ledger, wishes, refused: refusal ? { ...ledger.refused, [variantId]: refusal } : ledger.refused };
}

/**
 * The cart was checked out elsewhere: the wishes move to a fresh token, each with what the shopper
 * added since it was last seen (a set quantity as it is), so nothing bought is added again.
 */
export function carryOver(ledger: Ledger, token: string): Ledger {
  const next = emptyLedger(token, ledger.rev);
  for (const [variantId, wish] of Object.entries(ledger.wishes)) {
    const quantity = wish.base === null ? wish.quantity : wish.quantity - wish.base;
    if (quantity > 0) next.wishes[variantId] = { quantity, base: 0, requestId: nanoid(), display: wish.display };
  }
  return next;
}
