// What a cart view is told on every change (CartState), and how it is worked out from the
// server's cart and the ledger as this tab's shopper sees it.
import type { Cart } from '../api/types/cart.js';
import type { ApiError } from '../api/errors.js';
import { cartLines, countItems, type CartLine, type LineState } from './cart-view.js';
import type { Ledger } from './ledger.js';
import type { StorageKind } from './storage.js';

/** Everything a cart view needs, recomputed on every change. */
export interface CartState {
  /** The first server cart (or a stored copy of it) has been read. */
  ready: boolean;
  /** The server's last word: totals, discounts and addresses come from here. */
  server: Cart | null;
  /** The cart as the shopper sees it now: server lines with pending wishes applied. */
  lines: CartLine[];
  itemCount: number;
  /** Lines with a wish the server has not confirmed yet (from any tab of the shop). */
  pending: number;
  online: boolean;
  /** Where the cart is kept; `memory` means it will not survive a reload (say so to the shopper). */
  persistence: StorageKind;
  /** Why the cart could not be read, when it could not. */
  error: ApiError | null;
  /** What became of a `?cart_token=` recovery link (`cartRecovery` option); `null`: there was none. */
  recovery: RecoveryOutcome | null;
}

/** `adopted`: the link's cart is now the shopper's; `kept`: the shopper's own cart was not empty, so it stayed. */
export type RecoveryOutcome = 'adopted' | 'kept';

/** What the engine knows besides the server's cart and the ledger. */
export type EngineFacts = Pick<CartState, 'ready' | 'online' | 'persistence' | 'error' | 'recovery'>;

/** The state of the cart: the server's lines with the ledger's wishes applied, each line's status, and the engine's facts. */
export function cartState(server: Cart | null, ledger: Ledger, facts: EngineFacts): CartState {
  const { wishes, refused } = ledger;
  const states = new Map<string, LineState>();
  for (const [variantId, refusal] of Object.entries(refused)) states.set(variantId, { status: 'failed', ...refusal });
  for (const [variantId, wish] of Object.entries(wishes)) {
    states.set(variantId, { status: wish.queued || !facts.online ? 'queued' : 'saving', message: null });
  }
  const lines = cartLines(server, new Map(Object.entries(wishes)), states);
  return {
    ready: facts.ready,
    server,
    lines,
    itemCount: countItems(lines),
    pending: Object.keys(wishes).length,
    online: facts.online,
    persistence: facts.persistence,
    error: facts.error,
    recovery: facts.recovery,
  };
}

/** Whether two lines say the same, field by field (a line's fields are all plain values). */
function sameLine(a: CartLine, b: CartLine): boolean {
  const keys = Object.keys(a) as (keyof CartLine)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * `next`, or `last` when nothing in it differs (each field by identity, the lines field by field):
 * a reader gets the same object until the cart changed. React's `useSyncExternalStore` compares
 * its snapshots by identity, and would render forever on a new object per read.
 */
export function stableState(last: CartState | undefined, next: CartState): CartState {
  if (!last) return next;
  for (const key of Object.keys(next) as (keyof CartState)[]) {
    if (last[key] === next[key]) continue;
    if (key !== 'lines' || last.lines.length !== next.lines.length) return next;
    if (!next.lines.every((line, index) => sameLine(line, last.lines[index]!))) return next;
  }
  return last;
}
