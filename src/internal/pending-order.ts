// The order waiting for its payment, kept across the trip to the hosted payment page: in
// sessionStorage (this tab) and in the return URL's own `?tote_order=` (which survives even a
// browser that drops sessionStorage, or the shopper reloading the return page in a new tab).
import type { PendingOrder } from '../components/checkout/checkout-flow.js';

export const ORDER_PARAM = 'tote_order';

const key = (publicKey: string) => `tote:pending-order:${publicKey}`;

/** The pending order; `returned` when this page is the payment page's return URL. */
export function readPendingOrder(publicKey: string): PendingOrder | null {
  let stored: PendingOrder | null;
  try {
    stored = JSON.parse(sessionStorage.getItem(key(publicKey)) ?? 'null') as PendingOrder | null;
  } catch {
    stored = null;
  }
  const fromUrl = new URL(location.href).searchParams.get(ORDER_PARAM);
  if (fromUrl) return { orderId: fromUrl, orderNumber: stored?.orderId === fromUrl ? stored.orderNumber : '', returned: true };
  return stored && { ...stored, returned: false };
}

export function writePendingOrder(publicKey: string, order: PendingOrder): void {
  try {
    sessionStorage.setItem(key(publicKey), JSON.stringify({ orderId: order.orderId, orderNumber: order.orderNumber }));
  } catch {
    // storage blocked: the return URL still names the order
  }
}

/** Forgets the pending order, and takes `?tote_order=` out of the address bar. */
export function clearPendingOrder(publicKey: string): void {
  try {
    sessionStorage.removeItem(key(publicKey));
  } catch {
    // nothing kept
  }
  const url = new URL(location.href);
  if (url.searchParams.has(ORDER_PARAM)) {
    url.searchParams.delete(ORDER_PARAM);
    history.replaceState(history.state, '', url);
  }
}

/** The page the shopper comes back to: this page, naming the order. */
export function returnUrlFor(orderId: string): string {
  const url = new URL(location.href);
  url.searchParams.set(ORDER_PARAM, orderId);
  url.hash = '';
  return url.href;
}

/** Whether this page is the payment page's return URL. */
export function isReturnFromPayment(): boolean {
  return new URL(location.href).searchParams.has(ORDER_PARAM);
}
