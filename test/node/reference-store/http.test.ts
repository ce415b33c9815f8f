import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());

describe('keys and auth', () => {
  it('answers an unknown publishable key with 401 UNAUTHORIZED', async () => {
    const r = await h.call('GET', '/products', { key: 'pk_test_nobody' });
    assert.equal(r.status, 401);
    assert.equal(r.json.error.code, 'UNAUTHORIZED');
  });

  it('refuses a secret key in the path with 403, telling to rotate it, never echoing it whole', async () => {
    for (const key of [
      'sk_live_abcdefghijklmnop1234',
      'sk_test_abcdefghijklmnop5678',
      'shpat_abcdefghijklmnopqrst9012',
    ]) {
      const r = await h.call('GET', '/products', { key });
      assert.equal(r.status, 403, key);
      assert.equal(r.json.error.code, 'FORBIDDEN');
      assert.match(r.json.error.message, /revoke and rotate/);
      assert.ok(!r.text.includes(key), 'the whole key never appears');
      assert.ok(r.text.includes(key.slice(-4)));
    }
    const oauthClient = await h.call('GET', '/products', { key: 'shoc_abcdef' });
    assert.equal(oauthClient.status, 401);
    assert.match(oauthClient.json.error.message, /not a publishable key/);
  });

  it('401s an Authorization header naming another key, even on catalogue reads', async () => {
    const cart = await h.call('GET', '/cart', { token: newToken(), auth: 'Bearer pk_test_tote_pl' });
    assert.equal(cart.status, 401);
    const read = await h.call('GET', '/products', { auth: 'Bearer pk_test_other' });
    assert.equal(read.status, 401);
    const malformed = await h.call('GET', '/cart', { token: newToken(), auth: 'Basic abc' });
    assert.equal(malformed.status, 401);
  });

  it('lets catalogue reads through with no headers at all (CORS-simple requests)', async () => {
    const r = await fetch(`${h.url}/public/${DEMO}/products?perPage=1`);
    assert.equal(r.status, 200);
  });

  // Contract change: Authorization is optional everywhere (the official client never sends it);
  // one that names another key is still a 401 (above).
  it('accepts stateful requests without Authorization, as the official client sends them', async () => {
    const token = newToken();
    const add = await h.call('POST', '/cart/items', { token, auth: null, body: { productId: 'chefs-knife' } });
    assert.equal(add.status, 200, add.text);
    for (const [method, path, status] of [
      ['GET', '/cart', 200],
      ['GET', '/payment-methods', 200],
      ['POST', '/cart/checkout', 409],
      ['GET', '/orders/ord_x', 404],
    ] as const) {
      const r = await h.call(method, path, { token, auth: null, body: {} });
      assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
    }
  });

  it('answers a cart request without X-Cart-Token with 400, and a malformed token too', async () => {
    for (const [method, path] of [
      ['GET', '/cart'],
      ['POST', '/cart/items'],
      ['PATCH', '/cart'],
      ['GET', '/cart/shipping-options'],
      ['GET', '/orders/ord_x/status'],
    ]) {
      const r = await h.call(method as string, path as string, { token: null, body: {} });
      assert.equal(r.status, 400, `${method} ${path}`);
      assert.equal(r.json.error.code, 'BAD_REQUEST');
      assert.match(r.json.error.message, /X-Cart-Token/);
    }
    assert.equal((await h.call('GET', '/cart', { token: 'short' })).status, 400);
    assert.equal((await h.call('GET', '/cart', { token: 'has spaces in it' })).status, 400);
  });
});

describe('CORS', () => {
  it('answers a preflight with methods, headers, max-age and exposed headers, without counting it', async () => {
    const before = (await (await fetch(`${h.origin}/__control`)).json()).data.counters.totalRequests;
    const r = await fetch(`${h.url}/public/${DEMO}/cart/items`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://merchant.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,x-cart-token,x-request-id,content-type',
      },
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.ok(Number(r.headers.get('access-control-max-age')) > 0);
    const allowed = (r.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'x-cart-token', 'x-request-id', 'content-type'])
      assert.ok(allowed.includes(header), header);
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE'])
      assert.ok((r.headers.get('access-control-allow-methods') ?? '').includes(method));
    assert.equal(r.headers.get('x-ratelimit-limit'), null, 'preflights are not rate-limited');
    const after = (await (await fetch(`${h.origin}/__control`)).json()).data.counters.totalRequests;
    assert.equal(after, before);
  });

  it('exposes the rate-limit and request-id headers on actual responses, errors included', async () => {
    for (const r of [
      await fetch(`${h.url}/public/${DEMO}/products`),
      await fetch(`${h.url}/public/pk_test_nobody/products`),
    ]) {
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      assert.equal(
        r.headers.get('access-control-expose-headers'),
        'X-RateLimit-Limit, X-RateLimit-Remaining, Retry-After, X-Request-Id',
      );
    }
  });
});

describe('X-Request-Id', () => {
  it('echoes the client id on success and on error, and mints one when absent', async () => {
    // Contract: an id is 8–128 of [A-Za-z0-9_.:-] (the old test used a 6-character one).
    const ok = await h.call('GET', '/cart', { token: newToken(), headers: { 'X-Request-Id': 'job-0042' } });
    assert.equal(ok.headers.get('x-request-id'), 'job-0042');
    const bad = await h.call('POST', '/cart/items', {
      token: newToken(),
      headers: { 'X-Request-Id': 'job-0043' },
      body: { quantity: -1 },
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.headers.get('x-request-id'), 'job-0043');
    const minted = await h.call('GET', '/products');
    assert.match(minted.headers.get('x-request-id') ?? '', /^req_/);
    for (const malformed of ['job-42', 'has space in it', 'x'.repeat(129), 'a/b/c/d/e/f']) {
      const r = await h.call('GET', '/cart', { token: newToken(), headers: { 'X-Request-Id': malformed } });
      assert.match(r.headers.get('x-request-id') ?? '', /^req_/, malformed);
    }
  });
});

describe('unknown paths and methods', () => {
  it('404s anything else in the error envelope, with rate-limit headers (fallback class)', async () => {
    for (const url of [`${h.origin}/nope`, `${h.origin}/v3`, `${h.url}/public/${DEMO}/nope`, `${h.url}/private/x`]) {
      const r = await fetch(url);
      assert.equal(r.status, 404, url);
      const body = await r.json();
      assert.equal(body.error.code, 'NOT_FOUND');
      assert.equal(typeof body.error.message, 'string');
      assert.ok(r.headers.get('x-ratelimit-limit'), url);
    }
  });

  it('405s a known path with the wrong method and lists the allowed ones', async () => {
    const r = await h.call('PUT', '/cart', { token: newToken(), body: {} });
    assert.equal(r.status, 405);
    assert.match(r.headers.get('allow') ?? '', /GET/);
    assert.match(r.headers.get('allow') ?? '', /PATCH/);
  });

  it('answers malformed percent-escapes with a 4xx, never a 500', async () => {
    const bad = '%E0%A4%A';
    assert.equal((await fetch(`${h.url}/public/${bad}/products`)).status, 401);
    assert.equal((await fetch(`${h.url}/public/${DEMO}/products/${bad}`)).status, 404);
    assert.equal((await fetch(`${h.origin}/v3/images/${bad}/card.svg`)).status, 404);
    assert.equal((await fetch(`${h.origin}/v3/pay/${bad}`)).status, 404);
  });

  it('serves no-trailing-slash and trailing-slash store roots alike', async () => {
    assert.equal((await fetch(`${h.url}/public/${DEMO}`)).status, 200);
    assert.equal((await fetch(`${h.url}/public/${DEMO}/`)).status, 200);
  });
});

describe('sensitive endpoints', () => {
  // Contract change: reviews are {rating, title, content, authorName?}, published at once (201 with
  // the Review), and a login-code request answers 200 {sent, recognised, retryAfterSeconds}
  // (reviews.test.ts and customers.test.ts cover them in full).
  it('takes a review and an OTP request without a cart token, with validation', async () => {
    const review = await h.call('POST', '/products/classic-tee/reviews', {
      token: null,
      body: { rating: 5, title: 'Lovely', content: 'Lovely', authorName: 'Ada' },
    });
    assert.equal(review.status, 201, review.text);
    assert.equal(review.json.data.authorName, 'Ada');
    const badReview = await h.call('POST', '/products/classic-tee/reviews', { token: null, body: { rating: 6 } });
    assert.deepEqual(badReview.json.error.details.map((d: { field: string }) => d.field).sort(), [
      'content',
      'rating',
      'title',
    ]);
    assert.equal(
      (await h.call('POST', '/products/nope/reviews', { token: null, body: { rating: 5, title: 'x', content: 'y' } }))
        .status,
      404,
    );
    const otp = await h.call('POST', '/customer/otp', { token: null, body: { email: 'nobody@example.com' } });
    assert.equal(otp.status, 200);
    assert.deepEqual(otp.json.data, { sent: false, recognised: false, retryAfterSeconds: null });
    assert.equal(otp.headers.get('x-ratelimit-limit'), '1000000');
    assert.equal((await h.call('POST', '/customer/otp', { token: null, body: { email: 'nope' } })).status, 422);
  });
});

describe('mounting', () => {
  it('routes by originalUrl when a connect-style server stripped its mount prefix from req.url', async () => {
    const { createServer } = await import('node:http');
    const { createReferenceStore } = await import('../../../demo/reference-store/index');
    const store = createReferenceStore();
    const server = createServer((req, res) => {
      // What connect does for app.use('/v3', handle).
      (req as typeof req & { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? '/').replace(/^\/v3/, '') || '/';
      store.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const r = await fetch(`http://127.0.0.1:${port}/v3/public/${DEMO}/products/classic-tee`);
      assert.equal(r.status, 200);
      const product = (await r.json()).data;
      assert.ok(product.images[0].url.startsWith(`http://127.0.0.1:${port}/v3/images/`));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
