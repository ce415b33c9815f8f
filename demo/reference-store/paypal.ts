// The PayPal side of the in-context path, standing in for paypal.com: `POST /orders/{id}/pay` on
// a PayPal order mints a made-up PayPal order id (17 characters, like PayPal's own), and this
// module serves a local approval page for it at /v3/paypal/{paypalOrderId}, where a person (or a
// test's stubbed `window.paypal`) says what PayPal would have said. The capture route then honours
// that decision. No PayPal host is ever contacted.
//
// The page is a plain form, no script: GET shows it, POST records `action` and then answers 303 to
// the `returnUrl` query parameter if it is an http(s) URL, or 200 with a "you can close this
// window" page. A decision can be changed until the order is captured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { esc, page, readForm, seeOther } from './html.js';
import { formatMoney } from './pricing.js';
import type { World } from './state.js';

export const PAYPAL_PATH_PREFIX = '/v3/paypal/';

/**
 * `approved`: the capture pays. `review`: the capture answers `processing` (PayPal holding it for
 * review) and settles later. `declined`: the capture fails (409 capture_failed), as when the
 * funding source is refused at capture. `cancelled`: the shopper closed PayPal.
 */
export type PaypalDecision = 'approved' | 'review' | 'declined' | 'cancelled';

const ACTIONS: Record<string, PaypalDecision> = {
  approve: 'approved',
  review: 'review',
  decline: 'declined',
  cancel: 'cancelled',
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function mintPaypalOrderId(): string {
  return [...randomBytes(17)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function paypalApprovalPath(paypalOrderId: string): string {
  return `${PAYPAL_PATH_PREFIX}${encodeURIComponent(paypalOrderId)}`;
}

function find(world: World, paypalOrderId: string) {
  for (const state of world.stores.values()) {
    const found = state.orders.findPaypal(paypalOrderId);
    if (found) return { ...found, state };
  }
  return undefined;
}

/** Where to go after a decision: only an absolute http(s) URL, never a script or data URL. */
function returnTarget(query: URLSearchParams): string | null {
  const raw = query.get('returnUrl');
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function render(
  res: ServerResponse,
  world: World,
  paypalOrderId: string,
  query: URLSearchParams,
  status: number,
  notice: string | null,
): void {
  const found = find(world, paypalOrderId);
  if (!found) {
    page(
      res,
      404,
      'PayPal order not found',
      '<main class="card"><h1>PayPal order not found</h1><p>This PayPal order does not exist.</p></main>',
    );
    return;
  }
  const { payment, order, state } = found;
  const config = state.catalogue.config;
  const amount = formatMoney(config, order.totals.amountDue);
  const open = payment.status === 'pending' && order.status !== 'cancelled';
  const search = query.toString();
  const action = `${paypalApprovalPath(paypalOrderId)}${search ? `?${search}` : ''}`;
  page(
    res,
    status,
    `PayPal — ${config.name}`,
    `
<main class="card">
  <p class="test">PayPal stand-in of the Tote reference store. No money moves and paypal.com is never contacted.</p>
  <p><span class="paypal">PayPal</span></p>
  <h1>${esc(config.name)}</h1>
  <p>Order ${esc(order.orderNumber)} · PayPal order <code>${esc(paypalOrderId)}</code></p>
  <p class="amount">${esc(amount)}</p>
  <p>Decision so far: <strong data-decision="${esc(payment.paypal)}">${esc(payment.paypal)}</strong></p>
  ${notice ? `<p class="${status >= 400 ? 'error' : ''}" role="status">${esc(notice)}</p>` : ''}
  ${
    open
      ? `<form method="post" action="${esc(action)}">
    <div class="actions">
      <button name="action" value="approve">Approve</button>
      <button name="action" value="review">Approve, held for review</button>
      <button name="action" value="decline">Decline at capture</button>
      <button name="action" value="cancel">Cancel</button>
    </div>
    <small>Approve: the capture pays. Held for review: the capture reads processing for a while. Decline: the capture fails.</small>
  </form>`
      : '<p>This PayPal order is closed.</p>'
  }
</main>`,
    config.locale.slice(0, 2),
  );
}

/** Handles everything under /v3/paypal/; returns false for any other path. */
export async function handlePaypalPage(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  world: World,
): Promise<boolean> {
  if (!path.startsWith(PAYPAL_PATH_PREFIX)) return false;
  let paypalOrderId = '';
  try {
    paypalOrderId = decodeURIComponent(path.slice(PAYPAL_PATH_PREFIX.length));
  } catch {
    // a malformed escape names no PayPal order: the not-found page
  }
  if (req.method === 'GET') {
    render(res, world, paypalOrderId, query, 200, null);
    return true;
  }
  if (req.method !== 'POST') {
    page(res, 405, 'Method not allowed', '<main class="card"><p>Use the form.</p></main>');
    return true;
  }
  const form = await readForm(req, res);
  if (!form) return true;
  const decision = ACTIONS[form.get('action') ?? ''];
  const found = find(world, paypalOrderId);
  if (!found) {
    render(res, world, paypalOrderId, query, 404, null);
    return true;
  }
  if (!decision) {
    render(res, world, paypalOrderId, query, 422, 'Choose Approve, Approve held for review, Decline or Cancel.');
    return true;
  }
  const outcome = found.state.orders.decidePaypal(paypalOrderId, decision);
  if ('error' in outcome) {
    render(res, world, paypalOrderId, query, 409, outcome.error);
    return true;
  }
  const target = returnTarget(query);
  if (target) seeOther(res, target);
  else
    render(
      res,
      world,
      paypalOrderId,
      query,
      200,
      `Recorded: ${decision}. Return to the shop to finish; you can close this window.`,
    );
  return true;
}
