// The PayPal in-context path against the live-latitude store: roster with an `sdk` block, the
// paypal_order hand-off, the local approval page, and POST /orders/{id}/capture.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GB_ADDRESS, LIVE, newToken, startStore, type Harness } from './helpers';

let h: Harness;
let clock = Date.parse('2026-11-22T12:00:00Z');
before(async () => {
  h = await startStore({ now: () => clock });
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true, paymentDelayMs: 0 });
});

const PAYPAL = { kind: 'gateway', gateway: 'paypal' } as const;
const live = (method: string, path: string, options: Parameters<Harness['call']>[2] = {}) =>
  h.call(method, path, { key: LIVE, ...options });

async function placePaypalOrder(token = newToken()) {
  const mug = (await live('GET', '/products/camp-mug')).json.data;
  await live('POST', '/cart/items', { token, body: { variantId: mug.variants[0].id, quantity: 2 } });
  await live('PATCH', '/cart', {
    token,
    body: { email: 'sam@example.co.uk', shippingAddress: GB_ADDRESS, shippingRateId: 'ship_gb_tracked48' },
  });
  // The official widget sends no expectedTotal on the PayPal path, and this store shows no terms.
  const placed = await live('POST', '/cart/checkout', { token, body: { paymentMethod: PAYPAL } });
  assert.equal(placed.status, 201, placed.text);
  return { token, order: placed.json.data };
}

async function startPaypal(token: string, orderId: string) {
  const r = await live('POST', `/orders/${orderId}/pay`, {
    token,
    body: {
      returnUrl: 'https://shop.example/#tote-payment=return',
      cancelUrl: 'https://shop.example/#tote-payment=cancel',
    },
  });
  assert.equal(r.status, 201, r.text);
  return r.json.data;
}

const decide = (paypalOrderId: string, action: string, returnUrl?: string) =>
  fetch(`${h.origin}/v3/paypal/${paypalOrderId}${returnUrl ? `?returnUrl=${encodeURIComponent(returnUrl)}` : ''}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `action=${action}`,
  });

const capture = (token: string, orderId: string, paypalOrderId: unknown) =>
  live('POST', `/orders/${orderId}/capture`, { token, body: { paypalOrderId } });

describe('GET /payment-methods (PayPal store)', () => {
  it('lists PayPal with its sdk block first, then the bank transfer, as a simple read', async () => {
    const r = await fetch(`${h.url}/public/${LIVE}/payment-methods`);
    assert.equal(r.status, 200);
    const { methods, checkoutDisabled } = (await r.json()).data;
    assert.equal(checkoutDisabled, false);
    assert.deepEqual(methods[0], {
      select: PAYPAL,
      name: 'PayPal',
      description: null,
      icon: 'paypal',
      testMode: true,
      sdk: { provider: 'paypal', clientId: 'test-client-id', merchantId: 'TESTMERCHANT', bnCode: 'Tote_SP' },
    });
    assert.deepEqual(methods[1].select, { kind: 'manual', manualMethodId: 'bank_transfer' });
    assert.equal(methods[1].sdk, undefined);
    assert.equal(methods[1].instructions, undefined, 'instructions are for the receipt only');
  });
});

describe('PayPal hand-off and capture', () => {
  it('hands off a paypal_order, shows an approval page, then captures to paid', async () => {
    const { token, order } = await placePaypalOrder();
    const pay = await startPaypal(token, order.orderId);
    assert.deepEqual(Object.keys(pay).sort(), ['amount', 'currencyCode', 'gateway', 'handoff', 'paymentId', 'status']);
    assert.equal(pay.gateway, 'paypal');
    assert.equal(pay.handoff.kind, 'paypal_order');
    assert.match(pay.handoff.paypalOrderId, /^[A-Z0-9]{17}$/);
    assert.equal(pay.handoff.redirectUrl, undefined);
    assert.deepEqual([pay.amount, pay.currencyCode], [order.total, 'GBP']);

    const page = await fetch(`${h.origin}/v3/paypal/${pay.handoff.paypalOrderId}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, new RegExp(pay.handoff.paypalOrderId));
    for (const action of ['approve', 'review', 'decline', 'cancel'])
      assert.match(html, new RegExp(`value="${action}"`));
    const approved = await decide(pay.handoff.paypalOrderId, 'approve', 'https://shop.example/after-paypal');
    assert.equal(approved.status, 303);
    assert.equal(approved.headers.get('location'), 'https://shop.example/after-paypal');

    const r = await capture(token, order.orderId, pay.handoff.paypalOrderId);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.data, {
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      paymentStatus: 'paid',
      total: order.total,
      currencyCode: 'GBP',
    });
    const again = await capture(token, order.orderId, pay.handoff.paypalOrderId);
    assert.deepEqual([again.status, again.json.data.paymentStatus], [200, 'paid'], 'capturing twice changes nothing');
    assert.equal((await live('GET', `/orders/${order.orderId}/status`, { token })).json.data.status, 'confirmed');
    assert.equal((await decide(pay.handoff.paypalOrderId, 'decline')).status, 409, 'a captured PayPal order is closed');
  });

  it('captures without a visit to the approval page (a stubbed window.paypal approves at once)', async () => {
    const { token, order } = await placePaypalOrder();
    const pay = await startPaypal(token, order.orderId);
    assert.equal((await capture(token, order.orderId, pay.handoff.paypalOrderId)).json.data.paymentStatus, 'paid');
  });

  it('refuses a capture without a PayPal attempt, with a wrong id, or from another token', async () => {
    const { token, order } = await placePaypalOrder();
    const none = await capture(token, order.orderId, 'ABCDEFGHIJKLMNOPQ');
    assert.equal(none.status, 422);
    assert.equal(none.json.error.details[0].field, 'orderId');
    const pay = await startPaypal(token, order.orderId);
    const wrong = await capture(token, order.orderId, 'ABCDEFGHIJKLMNOPQ');
    assert.equal(wrong.status, 422);
    assert.equal(wrong.json.error.details[0].field, 'paypalOrderId');
    assert.equal((await capture(token, order.orderId, 42)).status, 422);
    assert.equal((await capture(newToken(), order.orderId, pay.handoff.paypalOrderId)).status, 404);
    // A new attempt supersedes the old PayPal order.
    const newer = await startPaypal(token, order.orderId);
    assert.notEqual(newer.handoff.paypalOrderId, pay.handoff.paypalOrderId);
    assert.equal((await capture(token, order.orderId, pay.handoff.paypalOrderId)).status, 422);
    assert.equal((await capture(token, order.orderId, newer.handoff.paypalOrderId)).json.data.paymentStatus, 'paid');
  });

  it('a declined capture is 409 capture_failed; the order stays payable with a new attempt', async () => {
    const { token, order } = await placePaypalOrder();
    const first = await startPaypal(token, order.orderId);
    assert.equal((await decide(first.handoff.paypalOrderId, 'decline')).status, 200);
    const r = await capture(token, order.orderId, first.handoff.paypalOrderId);
    assert.equal(r.status, 409);
    assert.equal(r.json.rejection, 'capture_failed');
    assert.equal(typeof r.json.message, 'string');
    assert.equal((await live('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus, 'failed');
    const second = await startPaypal(token, order.orderId);
    assert.equal((await capture(token, order.orderId, second.handoff.paypalOrderId)).json.data.paymentStatus, 'paid');
  });

  it('a cancel at PayPal makes the capture fail too', async () => {
    const { token, order } = await placePaypalOrder();
    const pay = await startPaypal(token, order.orderId);
    await decide(pay.handoff.paypalOrderId, 'cancel');
    assert.equal((await capture(token, order.orderId, pay.handoff.paypalOrderId)).json.rejection, 'capture_failed');
    assert.equal(
      (await live('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus,
      'cancelled',
    );
  });

  it('a capture held for review reads processing, then paid', async () => {
    const { token, order } = await placePaypalOrder();
    const pay = await startPaypal(token, order.orderId);
    await decide(pay.handoff.paypalOrderId, 'review');
    assert.equal(
      (await capture(token, order.orderId, pay.handoff.paypalOrderId)).json.data.paymentStatus,
      'processing',
    );
    assert.equal(
      (await live('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus,
      'processing',
    );
    clock += 30_000;
    assert.equal((await live('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus, 'paid');
  });

  it('answers the approval page 404 for an unknown id and 422 for an unknown action', async () => {
    assert.equal((await fetch(`${h.origin}/v3/paypal/NOPE`)).status, 404);
    const { token, order } = await placePaypalOrder();
    const pay = await startPaypal(token, order.orderId);
    assert.equal((await decide(pay.handoff.paypalOrderId, 'steal')).status, 422);
    const javascript = await decide(pay.handoff.paypalOrderId, 'approve', 'javascript:alert(1)');
    assert.equal(javascript.status, 200, 'a non-http return URL is never followed');
  });
});
