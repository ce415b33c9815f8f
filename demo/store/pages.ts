// HTML the store serves itself: the hosted payment page (standing in for a payment provider) and
// the legal pages that termsUrl/privacyPolicyUrl point at. Plain forms, no scripts at all — the
// page works with JavaScript off and under a CSP that forbids scripts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './http.js';
import { PAY_PATH_PREFIX } from './orders.js';
import { formatMoney } from './pricing.js';
import type { World } from './state.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'";

const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 28rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
  .card { border: 1px solid #8886; border-radius: .75rem; padding: 1.5rem; }
  .amount { font-size: 2rem; font-weight: 700; margin: .25rem 0 1rem; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  input { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; border-radius: .375rem; border: 1px solid #8888; }
  .actions { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: 1rem; }
  button { font: inherit; padding: .6rem 1rem; border-radius: .375rem; border: 1px solid #8888; cursor: pointer; }
  button[value=pay] { background: #1a7f37; color: #fff; border-color: #1a7f37; }
  .error { color: #b42318; font-weight: 600; }
  .test { background: #fff4ce; color: #4d3800; padding: .5rem .75rem; border-radius: .375rem; font-size: .9rem; }
  small { opacity: .8; }`;

function page(res: ServerResponse, status: number, title: string, body: string, lang = 'en'): void {
  const html = `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', String(Buffer.byteLength(html)));
  res.writeHead(status);
  res.end(html);
}

function findPayment(world: World, paymentId: string) {
  for (const state of world.stores.values()) {
    const found = state.orders.findPayment(paymentId);
    if (found) return { ...found, state };
  }
  return undefined;
}

function renderPayPage(res: ServerResponse, world: World, paymentId: string, status: number, error: string | null): void {
  const found = findPayment(world, paymentId);
  if (!found) {
    page(res, 404, 'Payment not found', `<main class="card"><h1>Payment not found</h1><p>This payment link is not valid.</p></main>`);
    return;
  }
  const { payment, order, state } = found;
  const config = state.catalogue.config;
  const amount = formatMoney(config, order.totals.amountDue);
  const back = `<p><a href="${esc(payment.returnUrl)}">Return to ${esc(config.name)}</a></p>`;
  if (payment.status !== 'pending' || order.status === 'cancelled') {
    const why = order.status === 'cancelled' ? 'The reservation for this order has expired.' : 'This payment link has already been used.';
    page(res, error ? status : 410, 'Payment closed', `<main class="card"><h1>${esc(config.name)}</h1><p class="error">${esc(error ?? why)}</p>${back}</main>`);
    return;
  }
  const action = `${PAY_PATH_PREFIX}${encodeURIComponent(payment.id)}`;
  page(res, status, `Pay ${amount} — ${config.name}`, `
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
</main>`, config.locale.slice(0, 2));
}

/** Handles everything under /v3/pay/ and /v3/legal/; returns false when the path is not one of them. */
export async function handlePages(req: IncomingMessage, res: ServerResponse, path: string, world: World, now: number): Promise<boolean> {
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
      let form: URLSearchParams;
      try {
        form = new URLSearchParams(await readBody(req));
      } catch {
        page(res, 413, 'Too large', '<main class="card"><p class="error">The form was too large.</p></main>');
        return true;
      }
      const found = findPayment(world, paymentId);
      if (!found) {
        renderPayPage(res, world, paymentId, 404, null);
        return true;
      }
      const outcome = found.state.orders.completePayment(paymentId, form.get('action') ?? '', form.get('card') ?? '', now);
      if ('redirect' in outcome) {
        // 303 turns the POST into a GET on the merchant's page, as after any form submission.
        res.setHeader('Location', outcome.redirect);
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Length', '0');
        res.writeHead(303);
        res.end();
      } else {
        renderPayPage(res, world, paymentId, 422, outcome.error);
      }
      return true;
    }
    page(res, 405, 'Method not allowed', '<main class="card"><p>Use the form.</p></main>');
    return true;
  }
  const legal = /^\/v3\/legal\/([^/]+)\/(terms|privacy)$/.exec(path);
  if (legal && req.method === 'GET') {
    const state = world.stores.get(legal[1] ?? '');
    if (!state) return false;
    const config = state.catalogue.config;
    const title = legal[2] === 'terms' ? 'Terms and conditions' : 'Privacy policy';
    page(res, 200, `${title} — ${config.name}`, `<main class="card"><h1>${esc(title)}</h1><p>${esc(config.legal[legal[2] === 'terms' ? 'terms' : 'privacy'])}</p></main>`, config.locale.slice(0, 2));
    return true;
  }
  return false;
}

