// The payment hand-off's rules, free of the DOM: which URLs the gateway may send the shopper to and
// back from, and how the order's status is read after a return. The state machine
// (checkout-flow.ts) calls these; the node tests drive them with fake timers and a fake API.
import {
  ApiError,
  PAID_STATUSES,
  safeUrl,
  type Handoff,
  type OrderStatus,
  type PaymentMethod,
  type PaymentSelect,
} from '../../api/index.js';

/** The fragment marker of the page the gateway returns the shopper to. */
export const PAYMENT_MARKER = 'tote-payment';

/** How the shopper came back: through the return URL, the cancel URL, or neither. */
export type ReturnVia = 'return' | 'cancel';

/**
 * The URLs the gateway sends the shopper back to: this page (its origin and path only — the page's
 * query may hold the merchant's own tokens, and a gateway logs what it is given) with our marker and
 * the order id in the fragment, which never reaches a server. Never the cart token.
 */
export function paymentUrls(pageUrl: string, orderId: string): { returnUrl: string; cancelUrl: string } {
  const page = new URL(pageUrl);
  const base = `${page.origin}${page.pathname}`;
  const order = `&order=${encodeURIComponent(orderId)}`;
  return {
    returnUrl: `${base}#${PAYMENT_MARKER}=return${order}`,
    cancelUrl: `${base}#${PAYMENT_MARKER}=cancel${order}`,
  };
}

/** The marker of a return URL (`#tote-payment=return&order=…`), or null on any other page. */
export function readMarker(pageUrl: string): { via: ReturnVia; orderId: string | null } | null {
  const hash = new URL(pageUrl).hash.slice(1);
  const params = new URLSearchParams(hash);
  const via = params.get(PAYMENT_MARKER);
  if (via !== 'return' && via !== 'cancel') return null;
  return { via, orderId: params.get('order') || null };
}

/**
 * A URL the page may navigate to: `https:`, or `http:` on a loopback host (a local reference
 * store). The normalizer already checked every URL from the store; this is the second lock on the
 * one door that leaves the page.
 */
export function safeNavigationUrl(url: unknown): string | null {
  return safeUrl(url); // the same rule as every URL from the API, checked again where it is followed
}

/** Whether a chosen payment is this offered method. */
export function sameSelect(chosen: PaymentSelect | null, offered: PaymentSelect): boolean {
  if (!chosen) return false;
  return chosen.kind === 'gateway'
    ? offered.kind === 'gateway' && chosen.gateway === offered.gateway
    : offered.kind === 'manual' && chosen.manualMethodId === offered.manualMethodId;
}

/** Whether the method pays in-context through PayPal's buttons (else it redirects, or is manual). */
export function isPayPal(method: PaymentMethod | undefined): boolean {
  return method?.select.kind === 'gateway' && method.sdk?.provider === 'paypal';
}

/** The redirect URL of a hand-off that must be a redirect; null when it is anything else. */
export function redirectOf(handoff: Handoff | undefined): string | null {
  return handoff?.kind === 'redirect' ? safeNavigationUrl(handoff.redirectUrl) : null;
}

/** The PayPal order id of a hand-off that must be PayPal's; null when it is anything else. */
export function paypalOrderOf(handoff: Handoff | undefined): string | null {
  return handoff?.kind === 'paypal_order' && typeof handoff.paypalOrderId === 'string' && handoff.paypalOrderId
    ? handoff.paypalOrderId
    : null;
}

/**
 * The contract's cadence (the official widget's): the first read after 3 s, every 3 s for 30 s,
 * then every 5 s, giving up after about 2 minutes — 28 reads, within the 60-a-minute read budget.
 */
export const POLL_DELAYS: readonly number[] = [...Array<number>(10).fill(3000), ...Array<number>(18).fill(5000)];
/** Consecutive failed reads after which the wait gives up. */
export const MAX_POLL_ERRORS = 3;

export type PollVerdict =
  | { kind: 'paid'; status: OrderStatus }
  | { kind: 'failed' | 'cancelled'; status: OrderStatus }
  | { kind: 'expired' }
  | { kind: 'missing' }
  | { kind: 'pending'; status: OrderStatus }
  | { kind: 'timeout' }
  | { kind: 'stopped' };

export interface PollOptions {
  read(): Promise<OrderStatus>;
  sleep(ms: number): Promise<void>;
  delays: readonly number[];
  /** False once the wait is superseded (the element left, the shopper asked again). */
  current(): boolean;
  /** Stop at the first answer that is not settled (a shopper back without a return URL). */
  once?: boolean;
}

/** Reads the order's status until it is settled, the delays run out, or reads keep failing. */
export async function pollStatus(o: PollOptions): Promise<PollVerdict> {
  let errors = 0;
  for (const delay of o.once ? [0] : o.delays) {
    await o.sleep(delay);
    if (!o.current()) return { kind: 'stopped' };
    let status: OrderStatus;
    try {
      status = await o.read();
    } catch (error) {
      if (!o.current()) return { kind: 'stopped' };
      if (error instanceof ApiError && error.status === 404) return { kind: 'missing' };
      if (++errors >= MAX_POLL_ERRORS) return { kind: 'timeout' };
      continue; // offline or rate-limited for a moment: the next read may pass
    }
    if (!o.current()) return { kind: 'stopped' };
    errors = 0;
    const payment = status.paymentStatus || status.status;
    if (PAID_STATUSES.includes(payment)) return { kind: 'paid', status };
    if (status.status === 'cancelled' || payment === 'expired') return { kind: 'expired' };
    if (payment === 'failed' || payment === 'cancelled') return { kind: payment, status };
    if (o.once) return { kind: 'pending', status };
  }
  return { kind: 'timeout' };
}
