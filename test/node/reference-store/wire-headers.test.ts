// Keys, headers and CORS as the real wire uses them: the random pk_ form, optional Authorization
// and X-Request-Id, the official client's header set, the live-like CORS switch, and the routes
// the contract leaves out.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, LIVE, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true });
});

const CONTRACT_HEADERS = [
  'authorization',
  'content-type',
  'x-cart-token',
  'x-request-id',
  'x-customer-token',
  'x-visitor-id',
  'accept-language',
];

async function preflight(path = '/cart/items'): Promise<Response> {
  return fetch(`${h.url}/public/${DEMO}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://merchant.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,x-request-id,x-cart-token,content-type',
    },
  });
}
const allowList = (r: Response): string[] =>
  (r.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/).sort();

describe('publishable keys', () => {
  it('serves the random pk_ form (no live/test marker) like any other key', async () => {
    const r = await fetch(`${h.url}/public/${LIVE}`);
    assert.equal(r.status, 200);
    assert.equal((await r.json()).data.storeMode, 'live');
    const unknown = await h.call('GET', '/', { key: 'pk_hAWE0000000000000000MRY' });
    assert.equal(unknown.status, 401);
    assert.match(unknown.json.error.message, /Unknown publishable key pk_…0MRY/);
    assert.match((await h.call('GET', '/', { key: 'pk_abc' })).json.error.message, /not a publishable key/);
  });

  it('refuses any sk_ key, and a secret key in Authorization, with the rotate-now 403', async () => {
    assert.equal((await h.call('GET', '/products', { key: 'sk_abcdefghijklmnop1234' })).status, 403);
    const r = await h.call('GET', '/cart', { token: newToken(), auth: 'Bearer sk_live_abcdefghijklmnop9999' });
    assert.equal(r.status, 403);
    assert.match(r.json.error.message, /revoke and rotate/);
    assert.ok(!r.text.includes('sk_live_abcdefghijklmnop9999'));
  });
});

describe('request headers', () => {
  it('takes the official client’s set: no Authorization, no X-Request-Id, Content-Type on GET, X-Visitor-Id', async () => {
    const token = `cart_${crypto.randomUUID()}`;
    const headers = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-Cart-Token': token,
      'X-Visitor-Id': 'vis_abc123',
      'Accept-Language': 'en-GB',
    };
    const store = await fetch(`${h.url}/public/${LIVE}`, { headers });
    assert.equal(store.status, 200);
    const add = await fetch(`${h.url}/public/${DEMO}/cart/items`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        productId: 'chefs-knife',
        variantId: undefined,
        sourceUrl: 'https://shop.example/p',
        bundleSelections: [],
      }),
    });
    assert.equal(add.status, 200);
    assert.match(add.headers.get('x-request-id') ?? '', /^req_/, 'a missing request id is minted');
    const cart = (await add.json()).data;
    assert.equal(cart.items.length, 1);
    assert.equal(cart.visitorCountryCode, 'GB', 'the geo hint follows the language region');
    const del = await fetch(`${h.url}/public/${DEMO}/cart/items/${cart.items[0].id}`, { method: 'DELETE', headers });
    assert.equal(del.status, 200, 'DELETE with Content-Type and no body');
    assert.equal(
      (await h.call('GET', '/cart', { token: newToken() })).json.data.visitorCountryCode,
      'US',
      'else where the store is',
    );
  });

  it('wants a 16–128 character cart token and a body of at most 16 KB', async () => {
    assert.equal((await h.call('GET', '/cart', { token: 'a'.repeat(15) })).status, 400);
    assert.equal((await h.call('GET', '/cart', { token: 'a'.repeat(16) })).status, 200);
    assert.equal((await h.call('GET', '/cart', { token: 'a'.repeat(129) })).status, 400);
    const big = await h.call('PATCH', '/cart', { token: newToken(), body: { customerName: 'x'.repeat(17 * 1024) } });
    assert.equal(big.status, 413);
  });

  it('needs no cart token for payment methods, countries or the customer routes', async () => {
    for (const path of ['/payment-methods', '/countries', '/customer/me']) {
      const r = await h.call('GET', path, { token: null, auth: null });
      assert.notEqual(r.status, 400, path);
    }
  });
});

describe('CORS', () => {
  it('allows exactly the contract’s headers in preflights', async () => {
    const r = await preflight();
    assert.equal(r.status, 204);
    assert.deepEqual(allowList(r), [...CONTRACT_HEADERS].sort());
    assert.equal(r.headers.get('access-control-max-age'), '600');
    assert.equal(r.headers.get('access-control-allow-methods'), 'GET, POST, PATCH, DELETE, OPTIONS');
  });

  it('live-like switch: drops Authorization and X-Request-Id from preflights until switched off or reset', async () => {
    const on = await h.control({ liveLikeCors: true });
    assert.equal(on.json.data.liveLikeCors, true);
    const live = allowList(await preflight());
    assert.deepEqual(live, ['accept-language', 'content-type', 'x-cart-token', 'x-customer-token', 'x-visitor-id']);
    // The server still answers requests; refusing them is the browser's part after the preflight.
    assert.equal((await h.call('GET', '/cart', { token: newToken() })).status, 200);
    // Tooling keeps its own preflight.
    const control = await fetch(`${h.origin}/__control`, {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Method': 'POST' },
    });
    assert.ok(allowList(control).includes('content-type'));
    const off = await h.control({ liveLikeCors: false });
    assert.equal(off.json.data.liveLikeCors, false);
    assert.ok(allowList(await preflight()).includes('authorization'));
    await h.control({ liveLikeCors: true });
    await h.control({ reset: true });
    assert.ok(allowList(await preflight()).includes('x-request-id'), 'reset clears the switch');
    assert.equal((await h.control({ liveLikeCors: 'yes' })).status, 422);
  });
});

describe('routes outside the contract', () => {
  it('answers the official widget’s other calls with a JSON 404', async () => {
    const base = `${h.url}/public/${DEMO}`;
    const calls: [string, string, RequestInit?][] = [
      ['GET', `${base}/strings?locale=en`],
      ['GET', `${base}/themes/default/css`],
      ['GET', `${base}/embeds/emb_123/config`],
      ['POST', `${base}/session`, { body: '{}', headers: { 'Content-Type': 'application/json' } }],
      ['POST', `${h.url}/events`, { body: '{"event":"page_view"}', headers: { 'Content-Type': 'text/plain' } }],
    ];
    for (const [method, url, init] of calls) {
      const r = await fetch(url, { method, ...init });
      assert.equal(r.status, 404, `${method} ${url}`);
      assert.match(r.headers.get('content-type') ?? '', /application\/json/);
      assert.equal((await r.json()).error.code, 'NOT_FOUND');
    }
  });
});
