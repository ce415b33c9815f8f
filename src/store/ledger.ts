import { nanoid } from 'nanoid';
import { isNum, isObj, num, obj, safeUrl, str, strN } from '../api/normalize/primitives.js';
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

export const emptyLedger = (token: string | null, rev = 0): Ledger => ({
  rev,
  token,
  wishes: {},
  server: {},
  serverAt: '',
  refused: {},
});

const count = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** How a stored line is drawn: its image checked like any URL from the API, the rest text or nothing. */
const display = (stored: unknown): LineDisplay | null =>
  isObj(stored) && typeof stored.name === 'string'
    ? {
        productId: strN(stored.productId),
        name: stored.name,
        variantName: strN(stored.variantName),
        sku: strN(stored.sku),
        unitPrice: num(stored.unitPrice),
        imageUrl: safeUrl(stored.imageUrl),
      }
    : null;

/** The entries of a stored map that `read` accepts (at most 200: a cart has at most 100 lines). */
function entries<T>(stored: unknown, read: (value: unknown) => T | null | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(obj(stored)).slice(0, 200)) {
    const item = read(value);
    if (item != null) out[key] = item;
  }
  return out;
}

/**
 * A stored ledger, shape-checked: storage is shared with other scripts and may hold anything. A
 * wrong entry is dropped (its line shows the server's quantity); a wrong record reads as empty.
 */
export function readLedger(stored: unknown): Ledger {
  const ledger = obj(stored);
  const lease = obj(ledger.lease);
  return {
    rev: count(ledger.rev) ? ledger.rev : 0,
    token: strN(ledger.token),
    wishes: entries(ledger.wishes, (value) => {
      const wish = obj(value);
      return count(wish.quantity) && typeof wish.requestId === 'string'
        ? {
            quantity: wish.quantity,
            base: count(wish.base) ? wish.base : null,
            requestId: wish.requestId,
            display: display(wish.display),
            queued: wish.queued === true,
            sent: wish.sent === true,
          }
        : null;
    }),
    server: entries(ledger.server, (quantity) => (count(quantity) ? quantity : null)),
    serverAt: str(ledger.serverAt),
    refused: entries(ledger.refused, (value) => {
      const refusal = obj(value);
      return typeof refusal.message === 'string'
        ? { message: refusal.message, display: display(refusal.display) }
        : null;
    }),
    ...(typeof lease.tab === 'string' && isNum(lease.until) ? { lease: { tab: lease.tab, until: lease.until } } : {}),
  };
}

/** A shopper's click, folded into the ledger: adds count from the wish (or the server's line), a set is absolute. */
export function fold(
  ledger: Ledger,
  variantId: string,
  next: (current: number) => number,
  kind: 'add' | 'set',
  shown: LineDisplay | null,
): Ledger {
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
 * The server's cart, recorded: its quantities become the base for the next add. An older picture
 * of the same cart changes nothing. No wish is settled here, even one the cart already shows: the
 * cart may have been made before a request for that line landed (another line's answer, or any
 * tab's read, overtaken by the line's own request), and only the writer knows what it has on the
 * wire — it settles the wish once the line's answers are in (docs/cart-engine.md).
 */
export function record(ledger: Ledger, cart: Cart): Ledger {
  if (cart.updatedAt < ledger.serverAt) return ledger;
  const server: Record<string, number> = {};
  for (const item of cart.items) server[item.variantId] = item.quantity;
  return { ...ledger, server, serverAt: cart.updatedAt };
}

/** A wish changed by the writer (`undefined`: given up), if it is still the one that was sent. */
export function settle(
  ledger: Ledger,
  variantId: string,
  requestId: string,
  change: Partial<Wish> | undefined,
  refusal?: Refusal,
): Ledger {
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
