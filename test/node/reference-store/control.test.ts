import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReferenceStore } from '../../../demo/reference-store/index';
import { US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());

const get = async (url: string) => (await (await fetch(url)).json()).data;

describe('/__control', () => {
  it('is a 404 in the error envelope when control is off', async () => {
    const off = await startStore({ control: false });
    try {
      for (const method of ['GET', 'POST']) {
        const r = await fetch(`${off.origin}/__control`, {
          method,
          ...(method === 'POST' ? { body: '{"reset":true}', headers: { 'Content-Type': 'application/json' } } : {}),
        });
        assert.equal(r.status, 404);
        assert.equal((await r.json()).error.code, 'NOT_FOUND');
      }
    } finally {
      await off.close();
    }
  });

  it('reports settings and counters on GET, also under /v3/__control for servers that mount only /v3', async () => {
    await h.call('GET', '/products');
    const snapshot = await get(`${h.origin}/__control`);
    assert.deepEqual(Object.keys(snapshot).sort(), [
      'counters',
      'faults',
      'limits',
      'liveLikeCors',
      'outbox',
      'rateWindowMs',
      'seed',
      'settings',
      'stores',
    ]);
    assert.equal(snapshot.faults, null);
    assert.equal(snapshot.rateWindowMs, 60_000);
    assert.equal(snapshot.limits.defaults.checkout, 10);
    assert.equal(snapshot.limits.overrides['*'], 1_000_000);
    assert.ok(snapshot.counters.requests['GET /products'] >= 1);
    assert.deepEqual(
      snapshot.stores.map((s: { key: string; products: number }) => [s.key, s.products]),
      [
        ['pk_test_tote_demo', 48],
        ['pk_test_tote_pl', 16],
        ['pk_Xq3vT9mLr2WbN8cYhK4dE', 5],
      ],
    );
    assert.deepEqual(Object.keys(await get(`${h.origin}/v3/__control`)).sort(), Object.keys(snapshot).sort());
  });

  it('is CORS-enabled (the demo page may call it)', async () => {
    const pre = await fetch(`${h.origin}/__control`, {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
    assert.equal((await fetch(`${h.origin}/__control`)).headers.get('access-control-allow-origin'), '*');
  });

  it('validates the whole body and applies nothing when any part is wrong', async () => {
    const r = await h.control({
      rateWindowMs: 1234,
      faults: 'boom=1',
      limits: { bogus: 3, read: -1 },
      variants: { var_nope: { price: 1 } },
      reset: 'yes',
    });
    assert.equal(r.status, 422);
    assert.deepEqual(r.json.error.details.map((d: { field: string }) => d.field).sort(), [
      'faults',
      'limits.bogus',
      'limits.read',
      'reset',
      'variants.var_nope',
    ]);
    assert.equal((await get(`${h.origin}/__control`)).rateWindowMs, 60_000);
    const notJson = await fetch(`${h.origin}/__control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    assert.equal(notJson.status, 400);
  });

  it('changes window, limits, timers and checkout availability', async () => {
    const r = await h.control({
      rateWindowMs: 5000,
      limits: { 'POST /cart/items': 7, checkout: 3 },
      paymentDelayMs: 10,
      cartTtlMs: 99_000,
      reservationTtlMs: 1000,
      checkoutDisabled: 'maintenance',
    });
    assert.equal(r.status, 200, r.text);
    const data = r.json.data;
    assert.equal(data.rateWindowMs, 5000);
    assert.equal(data.limits.overrides['POST /cart/items'], 7);
    assert.equal(data.limits.effective.checkout, 3);
    assert.deepEqual(data.settings, {
      cartTtlMs: 99_000,
      reservationTtlMs: 1000,
      paymentDelayMs: 10,
      checkoutDisabled: 'maintenance',
    });
    assert.equal(
      (
        await h.call('POST', '/cart/items', { token: newToken(), body: { productId: 'chefs-knife', quantity: 1 } })
      ).headers.get('x-ratelimit-limit'),
      '7',
    );
    const back = await h.control({
      rateWindowMs: 60_000,
      limits: { 'POST /cart/items': null, checkout: null },
      paymentDelayMs: 0,
      cartTtlMs: 30 * 86_400_000,
      reservationTtlMs: 1_800_000,
      checkoutDisabled: null,
    });
    assert.deepEqual(back.json.data.limits.overrides, { '*': 1_000_000 });
  });

  it('edits the catalogue like a merchant would: price, stock, availability', async () => {
    const knife = (await h.call('GET', '/products/chefs-knife')).json.data;
    await h.control({
      variants: { [knife.variants[0].id]: { price: 100, stock: 50, compareAtPrice: 200 } },
      products: { 'leather-wallet': { available: false } },
    });
    const edited = (await h.call('GET', '/products/chefs-knife')).json.data.variants[0];
    assert.deepEqual([edited.price, edited.sellableQuantity, edited.compareAtPrice], [100, 50, 200]);
    assert.equal((await h.call('GET', '/products/leather-wallet')).status, 404);
    assert.equal((await h.call('GET', '/products?perPage=100')).json.meta.total, 47);
    await h.control({ reset: true });
    assert.equal((await h.call('GET', '/products/chefs-knife')).json.data.variants[0].price, 14900);
    assert.equal((await h.call('GET', '/products/leather-wallet')).status, 200);
  });

  it('reset brings stock, carts and orders back to the seed', async () => {
    const token = newToken();
    await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife', quantity: 2 } });
    await h.call('PATCH', '/cart', {
      token,
      body: { email: 'a@example.com', shippingAddress: US_ADDRESS, shippingRateId: 'ship_us_standard' },
    });
    const placed = await h.call('POST', '/cart/checkout', {
      token,
      body: { agreeToTerms: true, paymentMethod: { kind: 'gateway', gateway: 'test_card' } },
    });
    assert.equal(placed.status, 201);
    assert.equal((await h.call('GET', '/products/chefs-knife')).json.data.variants[0].sellableQuantity, 1);
    const r = await h.control({ reset: true });
    assert.equal(r.json.data.stores[0].orders, 0);
    assert.equal((await h.call('GET', '/products/chefs-knife')).json.data.variants[0].sellableQuantity, 3);
    assert.deepEqual((await h.call('GET', '/cart', { token })).json.data.items, []);
    assert.equal((await h.call('GET', `/orders/${placed.json.data.orderId}`, { token })).status, 404);
  });
});

describe('createReferenceStore', () => {
  it('offers control() and reset() in-process, even with the HTTP endpoint off', () => {
    const store = createReferenceStore();
    const snapshot = store.control({ rateWindowMs: 1000, faults: 'latency=5' });
    assert.equal(snapshot.rateWindowMs, 1000);
    assert.equal(snapshot.faults, 'latency=5-5');
    store.reset();
    assert.throws(() => store.control({ rateWindowMs: 0 }));
  });

  it('refuses bad options loudly', () => {
    assert.throws(() => createReferenceStore({ rateWindowMs: 0 }), /rateWindowMs/);
    assert.throws(() => createReferenceStore({ faults: 'nope=1' }), /unknown fault/);
    assert.throws(() => createReferenceStore({ limits: { read: -1 } }), /limits/);
  });
});
