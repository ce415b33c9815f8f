// The order waiting for its payment, kept across the trip to the gateway: in sessionStorage (this
// tab, as the official widget does) and in the return URL's fragment (`#tote-payment=return&order=…`,
// which survives a browser that drops sessionStorage and never reaches a server). The gateway
// appends nothing to the URLs, and they never hold the cart token.
import type { PendingOrder } from '../components/checkout/flow-types.js';
import { PAYMENT_MARKER, paymentUrls, readMarker } from '../components/checkout/payment.js';

const key = (publicKey: string) => `tote:pending-order:${publicKey}`;
/** An order id this tab will put in a path: no dots (no "..") and no slashes. */
const ORDER_ID = /^[\w:-]{1,128}$/;

/** The pending order; `via` says whether this page is the gateway's return or cancel URL. */
export function readPendingOrder(publicKey: string): PendingOrder | null {
  let stored: PendingOrder | null;
  try {
    stored = JSON.parse(sessionStorage.getItem(key(publicKey)) ?? 'null') as PendingOrder | null;
  } catch {
    stored = null;
  }
  // Storage is another script's to write: a record that is not ours in shape is no order.
  if (!stored || typeof stored.orderId !== 'string' || !ORDER_ID.test(stored.orderId) || typeof stored.orderNumber !== 'string') stored = null;
  const marker = readMarker(location.href);
  // A link names an order only when it is this tab's own order, or when this tab lost its storage and
  // the id is well-formed: a crafted "#tote-payment=cancel&order=…" must not replace the real one.
  const linked = marker?.orderId && (stored ? marker.orderId === stored.orderId : ORDER_ID.test(marker.orderId)) ? marker.orderId : null;
  const orderId = linked ?? stored?.orderId;
  if (marker && orderId) {
    return { orderId, orderNumber: stored?.orderId === orderId ? stored.orderNumber : '', via: marker.via };
  }
  return stored && { orderId: stored.orderId, orderNumber: stored.orderNumber };
}

export function writePendingOrder(publicKey: string, order: PendingOrder): void {
  try {
    sessionStorage.setItem(key(publicKey), JSON.stringify({ orderId: order.orderId, orderNumber: order.orderNumber }));
  } catch {
    // storage blocked: the return URL still names the order
  }
}

/** Forgets the pending order. */
export function clearPendingOrder(publicKey: string): void {
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

/** Whether this page is the gateway's return (or cancel) URL. */
export function isReturnFromPayment(): boolean {
  return new URL(location.href).hash.includes(`${PAYMENT_MARKER}=`) && !!readMarker(location.href);
}
