// Idempotent replay by X-Request-Id: a repeated mutation is answered from memory, not applied twice.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
let clock = Date.parse('2026-11-22T12:00:00Z');
before(async () => {
  h = await startStore({ now: () => clock });
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true, faults: null });
});

const add = (token: string, requestId: string | null, quantity = 1) =>
  h.call('POST', '/cart/items', {
    token,
    body: { productId: 'olive-wood-spoon', quantity },
    headers: requestId ? { 'X-Request-Id': requestId } : {},
  });

describe('replay by X-Request-Id', () => {
  it('answers a repeated add from memory: same status and body, nothing added twice', async () => {
    const token = newToken();
    const first = await add(token, 'job-add-0001');
    const again = await add(token, 'job-add-0001');
    assert.equal(again.status, first.status);
    assert.deepEqual(again.json, first.json);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await h.call('GET', '/cart', { token })).json.data.items[0].quantity, 1);
    assert.equal((await add(token, 'job-add-0002')).json.data.items[0].quantity, 2, 'a new id is a new intent');
  });

  it('refuses the same id with another body: 422 IDEMPOTENCY_MISMATCH', async () => {
    const token = newToken();
    await add(token, 'job-add-0003');
    const mismatch = await add(token, 'job-add-0003', 4);
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.json.error.code, 'IDEMPOTENCY_MISMATCH');
    assert.equal((await h.call('GET', '/cart', { token })).json.data.items[0].quantity, 1);
  });

  it('is per cart token, per endpoint, only without a minted id, and forgets after 24 hours', async () => {
    const a = newToken();
    const b = newToken();
    await add(a, 'job-shared-01');
    assert.equal((await add(b, 'job-shared-01')).json.data.items[0].quantity, 1, 'another token: applied');
    const line = (await h.call('GET', '/cart', { token: a })).json.data.items[0];
    // One job may reconcile from an add into a quantity update: another endpoint, so applied.
    const update = await h.call('PATCH', `/cart/items/${line.id}`, {
      token: a,
      body: { quantity: 3 },
      headers: { 'X-Request-Id': 'job-shared-01' },
    });
    assert.equal(update.json.data.items[0].quantity, 3);
    await add(a, null);
    await add(a, null);
    assert.equal((await h.call('GET', '/cart', { token: a })).json.data.items[0].quantity, 5, 'no id, no replay');
    clock += 24 * 3_600_000;
    assert.equal((await add(a, 'job-shared-01')).json.data.items[0].quantity, 6);
  });

  it('makes a checkout that was lost on the way back safe to send again', async () => {
    const token = newToken();
    await add(token, null);
    await h.call('PATCH', '/cart', {
      token,
      body: { email: 'a@example.com', shippingAddress: US_ADDRESS, shippingRateId: 'ship_us_standard' },
    });
    const body = { agreeToTerms: true, paymentMethod: CARD };
    await h.control({ faults: 'lost=1' });
    await assert.rejects(
      h.call('POST', '/cart/checkout', { token, body, headers: { 'X-Request-Id': 'job-checkout-1' } }),
    );
    await h.control({ faults: null });
    const retry = await h.call('POST', '/cart/checkout', {
      token,
      body,
      headers: { 'X-Request-Id': 'job-checkout-1' },
    });
    assert.equal(retry.status, 201, 'the first answer, not already_converted');
    assert.match(retry.json.data.orderNumber, /^TOTE-/);
    const fresh = await h.call('POST', '/cart/checkout', {
      token,
      body,
      headers: { 'X-Request-Id': 'job-checkout-2' },
    });
    assert.equal(fresh.json.rejection, 'already_converted');
    assert.equal(fresh.json.orderId, retry.json.data.orderId);
  });

  it('does not keep refusals: a retry after a 4xx runs again', async () => {
    const token = newToken();
    const refused = await h.call('POST', '/cart/checkout', {
      token,
      body: {},
      headers: { 'X-Request-Id': 'job-empty-01' },
    });
    assert.equal(refused.json.rejection, 'empty_cart');
    await add(token, null);
    const again = await h.call('POST', '/cart/checkout', {
      token,
      body: {},
      headers: { 'X-Request-Id': 'job-empty-01' },
    });
    assert.notEqual(again.json.rejection, 'empty_cart');
  });
});
