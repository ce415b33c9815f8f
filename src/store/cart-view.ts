import type { Cart, CartItem } from '../api/index.js';
import type { LineDisplay, Wish } from './ledger.js';

/**
 * How far a line is from the server:
 * - `saved`: the server has exactly what the shopper sees;
 * - `saving`: a request for it is on its way;
 * - `queued`: waiting — offline, rate-limited, or the server failed and a retry is scheduled;
 * - `failed`: the server refused; `message` says why in the shopper's terms.
 */
export type LineStatus = 'saved' | 'saving' | 'queued' | 'failed';

/** One line as the shopper should see it now: the server's line with pending wishes applied. */
export interface CartLine extends LineDisplay {
  variantId: string;
  /** The server's line id; `null` until the server has the line. */
  itemId: string | null;
  quantity: number;
  subtotal: number;
  status: LineStatus;
  message: string | null;
}

export interface LineState {
  status: Exclude<LineStatus, 'saved'>;
  message: string | null;
  /** How to draw a refused line the server does not have, so the shopper can read why. */
  display?: LineDisplay | null;
}

function displayOf(item: CartItem): LineDisplay {
  const { productId, name, variantName, sku, unitPrice, imageUrl } = item;
  return { productId, name, variantName, sku, unitPrice, imageUrl };
}

/**
 * The optimistic cart: every server line in server order, each overridden by a pending intent for
 * its variant, then the lines that exist only as intents (new adds), in the order they were made.
 * Lines wished down to zero disappear at once; a refused line stays visible with its reason.
 */
export function cartLines(
  snapshot: Cart | null,
  intents: ReadonlyMap<string, Pick<Wish, 'quantity' | 'display'>>,
  states: ReadonlyMap<string, LineState>,
): CartLine[] {
  const lines: CartLine[] = [];
  const seen = new Set<string>();
  const push = (variantId: string, itemId: string | null, display: LineDisplay, serverQuantity: number) => {
    seen.add(variantId);
    const quantity = intents.get(variantId)?.quantity ?? serverQuantity;
    const state = states.get(variantId);
    if (quantity === 0 && state?.status !== 'failed') return;
    lines.push({
      ...display,
      variantId,
      itemId,
      quantity,
      subtotal: quantity * display.unitPrice,
      status: state?.status ?? (quantity === serverQuantity ? 'saved' : 'saving'),
      message: state?.message ?? null,
    });
  };
  for (const item of snapshot?.items ?? []) push(item.variantId, item.id, displayOf(item), item.quantity);
  for (const [variantId, intent] of intents) {
    if (!seen.has(variantId) && intent.display) push(variantId, null, intent.display, 0);
  }
  for (const [variantId, state] of states) {
    if (!seen.has(variantId) && state.status === 'failed' && state.display) push(variantId, null, state.display, 0);
  }
  return lines;
}

/** The number of items the shopper sees (the badge on the cart button). */
export function countItems(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}
