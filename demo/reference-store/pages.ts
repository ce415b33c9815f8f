// HTML the store serves itself: the hosted payment page (standing in for a card payment provider)
// and the legal pages that termsUrl / privacyPolicyUrl / refundPolicyUrl point at. The PayPal-like
// approval page lives in paypal.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { esc, page, readForm, seeOther } from './html.js';
import { PAY_PATH_PREFIX } from './orders.js';
import { formatMoney } from './pricing.js';
import type { World } from './state.js';

function findPayment(world: World, paymentId: string) {
  for (const state of world.stores.values()) {
    const found = state.orders.findPayment(paymentId);
    if (found && found.payment.kind === 'card') return { ...found, state };
  }
  return undefined;
}

function renderPayPage(
  res: ServerResponse,
  world: World,
  paymentId: string,
  status: number,
  error: string | null,
): void {
  const found = findPayment(world, paymentId);
  if (!found) {
    page(
      res,
      404,
      'Payment not found',
      `<main class="card"><h1>Payment not found</h1><p>This payment link is not valid.</p></main>`,
    );
    return;
  }
  const { payment, order, state } = found;
  const config = state.catalogue.config;
  const amount = formatMoney(config, order.totals.amountDue);
  const back = `<p><a href="${esc(payment.returnUrl)}">Return to ${esc(config.name)}</a></p>`;
  if (payment.status !== 'pending' || order.status === 'cancelled') {
    const why =
      order.status === 'cancelled'
        ? 'The reservation for this order has expired.'
        : 'This payment link has already been used.';
    page(
      res,
      error ? status : 410,
      'Payment closed',
      `<main class="card"><h1>${esc(config.name)}</h1><p class="error">${esc(error ?? why)}</p>${back}</main>`,
    );
    return;
  }
  const action = `${PAY_PATH_PREFIX}${encodeURIComponent(payment.id)}`;
  page(
    res,
    status,
    `Pay ${amount} — ${config.name}`,
    `
<main class="card">
  <p class="test">Test payment page of the Tote reference store. No money moves.</p>
  <h1>${esc(config.name)}</h1>
  <p>Order ${esc(order.orderNumber)}</p>
  <p class="amount">${esc(amount)}</p>
  ${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
  <form method="post" action="${esc(action)}">
    <label for="card">Card number</label>
    <input id="card" name="card" inputmode="numeric" autocomplete="cc-number" value="4242 4242 4242 4242">
    <small>4242 4242 4242 4242 pays · 4000 0000 0000 0002 is declined · 4000 0000 0000 9995 has insufficient funds</small>
    <div class="actions">
      <button name="action" value="pay">Pay ${esc(amount)}</button>
      <button name="action" value="decline">Decline</button>
      <button name="action" value="cancel">Cancel</button>
    </div>
  </form>
</main>`,
    config.locale.slice(0, 2),
  );
}

const LEGAL_TITLES = { terms: 'Terms and conditions', privacy: 'Privacy policy', refund: 'Refund policy' } as const;

/** Handles everything under /v3/pay/ and /v3/legal/; returns false when the path is not one of them. */
export async function handlePages(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  world: World,
  now: number,
): Promise<boolean> {
  if (path.startsWith(PAY_PATH_PREFIX)) {
    let paymentId = '';
    try {
      paymentId = decodeURIComponent(path.slice(PAY_PATH_PREFIX.length));
    } catch {
      // a malformed escape names no payment: the not-found page below
    }
    if (req.method === 'GET') {
      renderPayPage(res, world, paymentId, 200, null);
      return true;
    }
    if (req.method === 'POST') {
      const form = await readForm(req, res);
      if (!form) return true;
      const found = findPayment(world, paymentId);
      if (!found) {
        renderPayPage(res, world, paymentId, 404, null);
        return true;
      }
      const outcome = found.state.orders.completePayment(
        paymentId,
        form.get('action') ?? '',
        form.get('card') ?? '',
        now,
      );
      if ('redirect' in outcome) seeOther(res, outcome.redirect);
      else renderPayPage(res, world, paymentId, 422, outcome.error);
      return true;
    }
    page(res, 405, 'Method not allowed', '<main class="card"><p>Use the form.</p></main>');
    return true;
  }
  const legal = /^\/v3\/legal\/([^/]+)\/(terms|privacy|refund)$/.exec(path);
  if (legal && req.method === 'GET') {
    const state = world.stores.get(legal[1] ?? '');
    if (!state) return false;
    const config = state.catalogue.config;
    const which = (legal[2] ?? 'terms') as keyof typeof LEGAL_TITLES;
    const title = LEGAL_TITLES[which];
    page(
      res,
      200,
      `${title} — ${config.name}`,
      `<main class="card"><h1>${esc(title)}</h1><p>${esc(config.legal[which])}</p></main>`,
      config.locale.slice(0, 2),
    );
    return true;
  }
  return false;
}
