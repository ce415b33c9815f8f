// The order waiting for its payment, kept across the trip to the gateway: in sessionStorage (this
// tab, as the official widget does) and in the return URL's fragment (`#tote-payment=return&order=…`,
// which survives a browser that drops sessionStorage and never reaches a server). The gateway
// appends nothing to the URLs, and they never hold the cart token. A link is anyone's to craft, so
// its order counts only when this browser placed it (placed-orders.ts).
import type { PendingOrder } from './flow-types.js';
import { paymentUrls, readMarker } from './payment.js';
import { markPlaced, wasPlacedHere } from './placed-orders.js';

const key = (publicKey: string) => `tote:pending-order:${publicKey}`;
/** An order id this tab will put in a path: no dots (no "..") and no slashes. */
const ORDER_ID = /^[\w:-]{1,128}$/;
/** As much of the shopper's notes as is kept for the way back (the order has them all). */
const NOTES_MAX = 2000;

/**
 * The pending order; `via` says whether this page is the gateway's return or cancel URL. A return
 * link naming an order this browser did not place (or another order than this tab's own) is
 * ignored and taken off the address bar: it must neither pin a stranger's order to this checkout
 * nor tell this tab its own payment was cancelled.
 */
export function readPendingOrder(publicKey: string): PendingOrder | null {
  let stored: PendingOrder | null;
  try {
    stored = JSON.parse(sessionStorage.getItem(key(publicKey)) ?? 'null') as PendingOrder | null;
  } catch {
    stored = null;
  }
  // Storage is another script's to write: a record that is not ours in shape is no order.
  stored =
    stored &&
    typeof stored.orderId === 'string' &&
    ORDER_ID.test(stored.orderId) &&
    typeof stored.orderNumber === 'string'
      ? {
          orderId: stored.orderId,
          orderNumber: stored.orderNumber,
          ...(typeof stored.notes === 'string' ? { notes: stored.notes.slice(0, NOTES_MAX) } : {}),
        }
      : null;
  const marker = readMarker(location.href);
  const linked = marker?.orderId;
  // This tab's own order, or (the tab lost its storage: the gateway came back in another) one this browser placed.
  if (linked && ORDER_ID.test(linked) && (stored ? linked === stored.orderId : wasPlacedHere(linked))) {
    const notes = stored?.notes;
    return { orderId: linked, orderNumber: stored?.orderNumber ?? '', via: marker!.via, ...(notes ? { notes } : {}) };
  }
  clearPaymentMarker();
  return stored;
}

/** Keeps the order for the trip to the payment page (this tab), and notes that this browser placed it. */
export function writePendingOrder(publicKey: string, order: PendingOrder): void {
  markPlaced(order.orderId);
  try {
    const { orderId, orderNumber, notes } = order;
    sessionStorage.setItem(key(publicKey), JSON.stringify({ orderId, orderNumber, notes: notes?.slice(0, NOTES_MAX) }));
  } catch {
    // storage blocked: the return URL still names the order
  }
}

/** Forgets the pending order (settled, gone, or to be paid afresh): a link naming it counts no more. */
export function clearPendingOrder(publicKey: string): void {
  markPlaced(null);
  try {
    sessionStorage.removeItem(key(publicKey));
  } catch {
    // nothing kept
  }
  clearPaymentMarker();
}

/** Takes `#tote-payment=…` out of the address bar (the page's own query and path stay). */
export function clearPaymentMarker(): void {
  if (!readMarker(location.href)) return;
  const url = new URL(location.href);
  url.hash = '';
  history.replaceState(history.state, '', url.href.replace(/#$/, ''));
}

/** The URLs the gateway sends the shopper back to, for this page and order. */
export function paymentUrlsFor(orderId: string): { returnUrl: string; cancelUrl: string } {
  return paymentUrls(location.href, orderId);
}

/** Whether this page is the gateway's return (or cancel) URL for an order this browser placed. */
export function isReturnFromPayment(): boolean {
  const orderId = readMarker(location.href)?.orderId;
  return !!orderId && wasPlacedHere(orderId);
}
