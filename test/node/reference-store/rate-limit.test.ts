import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { DEFAULT_LIMITS, RateLimiter } from '../../../demo/reference-store/rate-limit';
import { DEMO, newToken, sleep, startStore, type Harness } from './helpers';

describe('RateLimiter (fake clock)', () => {
  it('counts per endpoint per IP within a fixed window and reports what remains', () => {
    const limiter = new RateLimiter(1000);
    const a = [1, 2, 3].map(() => limiter.hit('1.1.1.1', 'GET /cart', 'read', 0));
    assert.deepEqual(
      a.map((d) => d.remaining),
      [59, 58, 57],
    );
    assert.equal(
      limiter.hit('1.1.1.1', 'GET /cart/shipping-options', 'read', 0).remaining,
      59,
      'own counter per endpoint',
    );
    assert.equal(limiter.hit('2.2.2.2', 'GET /cart', 'read', 0).remaining, 59, 'own counter per IP');
    assert.equal(limiter.hit('1.1.1.1', 'GET /cart', 'read', 1000).remaining, 59, 'a new window starts fresh');
  });

  it('locks out over the limit and every early retry restarts the lock-out', () => {
    const limiter = new RateLimiter(1000, { checkout: 2 });
    assert.ok(limiter.hit('ip', 'POST /cart/checkout', 'checkout', 0).allowed);
    assert.ok(limiter.hit('ip', 'POST /cart/checkout', 'checkout', 10).allowed);
    const third = limiter.hit('ip', 'POST /cart/checkout', 'checkout', 20);
    assert.deepEqual(third, { allowed: false, limit: 2, remaining: 0, retryAfterSeconds: 1 });
    // Retrying at 900 ms pushes the end to 1900 ms, so 1500 ms is still refused...
    assert.equal(limiter.hit('ip', 'POST /cart/checkout', 'checkout', 900).allowed, false);
    assert.equal(limiter.hit('ip', 'POST /cart/checkout', 'checkout', 1500).allowed, false);
    // ...and that retry moved it to 2500 ms.
    assert.equal(limiter.hit('ip', 'POST /cart/checkout', 'checkout', 2499).allowed, false);
    const back = limiter.hit('ip', 'POST /cart/checkout', 'checkout', 3499);
    assert.equal(back.allowed, true);
    assert.equal(back.remaining, 1);
    assert.equal(limiter.rejected, 4);
  });

  it('rounds Retry-After up to whole seconds of the window', () => {
    const limiter = new RateLimiter(60_000, { sensitive: 0 });
    assert.equal(limiter.hit('ip', 'POST /customer/otp', 'sensitive', 0).retryAfterSeconds, 60);
    const short = new RateLimiter(1500, { sensitive: 0 });
    assert.equal(short.hit('ip', 'POST /customer/otp', 'sensitive', 0).retryAfterSeconds, 2);
  });

  it('resolves limits: endpoint override, then class override, then "*", then the default', () => {
    const limiter = new RateLimiter(1000, { '*': 7, read: 3, 'GET /cart': 1 });
    assert.equal(limiter.limitFor('GET /cart', 'read'), 1);
    assert.equal(limiter.limitFor('GET /payment-methods', 'read'), 3);
    assert.equal(limiter.limitFor('POST /cart/items', 'mutation'), 7);
    limiter.setOverride('*', null);
    assert.equal(limiter.limitFor('POST /cart/items', 'mutation'), DEFAULT_LIMITS.mutation);
  });
});

describe('rate limits over HTTP', () => {
  let h: Harness;
  before(async () => {
    h = await startStore({ rateWindowMs: 400, limits: {} });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.control({ resetLimits: true, rateWindowMs: 400, limits: { 'GET /cart': null, mutation: null, '*': null } });
  });

  it('carries the reference ceilings of each class in X-RateLimit-Limit', async () => {
    await h.control({ rateWindowMs: 60_000 }); // no window may roll over mid-test
    const token = newToken();
    const seen = {
      catalogue: (await h.call('GET', '/products')).headers.get('x-ratelimit-limit'),
      read: (await h.call('GET', '/cart', { token })).headers.get('x-ratelimit-limit'),
      mutation: (await h.call('PATCH', '/cart', { token, body: {} })).headers.get('x-ratelimit-limit'),
      checkout: (await h.call('POST', '/cart/checkout', { token, body: {} })).headers.get('x-ratelimit-limit'),
      sensitive: (await h.call('POST', '/customer/otp', { token, body: { email: 'a@b.co' } })).headers.get(
        'x-ratelimit-limit',
      ),
      fallback: (await fetch(`${h.origin}/nowhere`)).headers.get('x-ratelimit-limit'),
    };
    assert.deepEqual(seen, {
      catalogue: '120',
      read: '60',
      mutation: '30',
      checkout: '10',
      sensitive: '5',
      fallback: '600',
    });
    const remaining = (await h.call('GET', '/products')).headers.get('x-ratelimit-remaining');
    assert.equal(remaining, '118');
  });

  it('puts the new endpoints in their contract classes (verify has its own 10)', async () => {
    await h.control({ rateWindowMs: 60_000 });
    const limitOf = async (method: string, path: string, body?: unknown) =>
      (await h.call(method, path, { token: newToken(), body })).headers.get('x-ratelimit-limit');
    assert.deepEqual(
      {
        reviews: await limitOf('GET', '/products/classic-tee/reviews'),
        category: await limitOf('GET', '/categories/tees'),
        countries: await limitOf('GET', '/countries'),
        states: await limitOf('GET', '/countries/US/states'),
        places: await limitOf('GET', '/places/autocomplete?query=main&sessionToken=x'),
        me: await limitOf('GET', '/customer/me'),
        signout: await limitOf('POST', '/customer/signout', {}),
        capture: await limitOf('POST', '/orders/ord_x/capture', {}),
        review: await limitOf('POST', '/products/classic-tee/reviews', {}),
        verify: await limitOf('POST', '/customer/otp/verify', {}),
      },
      {
        reviews: '120',
        category: '120',
        countries: '60',
        states: '60',
        places: '60',
        me: '60',
        signout: '30',
        capture: '10',
        review: '5',
        verify: '10',
      },
    );
    await h.control({ limits: { sensitive: 2 } });
    assert.equal(await limitOf('POST', '/customer/otp/verify', {}), '2', 'a class override still applies to it');
    await h.control({ limits: { sensitive: null } });
  });

  it('refuses with 429 + Retry-After past the limit, and every early retry extends the lock-out', async () => {
    await h.control({ limits: { 'GET /cart': 3 } });
    const token = newToken();
    const ok = [];
    for (let i = 0; i < 3; i++) ok.push(await h.call('GET', '/cart', { token }));
    assert.deepEqual(
      ok.map((r) => [r.status, r.headers.get('x-ratelimit-remaining')]),
      [
        [200, '2'],
        [200, '1'],
        [200, '0'],
      ],
    );
    const limited = await h.call('GET', '/cart', { token });
    assert.equal(limited.status, 429);
    assert.equal(limited.json.error.code, 'RATE_LIMITED');
    assert.equal(limited.headers.get('retry-after'), '1');
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.equal(limited.headers.get('x-ratelimit-limit'), '3');
    // Other endpoints keep their own budget meanwhile.
    assert.equal((await h.call('GET', '/cart/shipping-options', { token })).status, 200);
    // Keep poking every 150 ms for 600 ms: longer than the 400 ms window, yet still locked out.
    for (let i = 0; i < 4; i++) {
      await sleep(150);
      assert.equal((await h.call('GET', '/cart', { token })).status, 429, `retry ${i}`);
    }
    // A quiet full window after the last hit lets the client back in with a fresh budget.
    await sleep(450);
    const back = await h.call('GET', '/cart', { token });
    assert.equal(back.status, 200);
    assert.equal(back.headers.get('x-ratelimit-remaining'), '2');
  });

  it('counts per client IP (req.socket.remoteAddress)', async () => {
    await h.control({ limits: { 'GET /': 1 } });
    assert.equal((await h.call('GET', '/')).status, 200);
    assert.equal((await h.call('GET', '/')).status, 429);
    const port = Number(new URL(h.url).port);
    const fromOtherIp = await new Promise<number>((resolve, reject) => {
      // 127.0.0.2 is loopback too on Linux: a second client address without a second machine.
      const req = request({ host: '127.0.0.1', port, localAddress: '127.0.0.2', path: `/v3/public/${DEMO}` }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(fromOtherIp, 200);
  });

  it('applies a limit lowered mid-session at once', async () => {
    const token = newToken();
    for (let i = 0; i < 3; i++) assert.equal((await h.call('PATCH', '/cart', { token, body: {} })).status, 200);
    await h.control({ limits: { mutation: 2 } });
    const r = await h.call('PATCH', '/cart', { token, body: {} });
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('x-ratelimit-limit'), '2');
  });

  it('forgets lock-outs on resetLimits and counts 429s in the control counters', async () => {
    await h.control({ limits: { 'GET /cart': 1 }, resetStats: true });
    const token = newToken();
    await h.call('GET', '/cart', { token });
    assert.equal((await h.call('GET', '/cart', { token })).status, 429);
    const stats = (await (await fetch(`${h.origin}/__control`)).json()).data.counters;
    assert.equal(stats.rateLimited, 1);
    assert.equal(stats.rateLimitedByEndpoint['GET /cart'], 1);
    assert.equal(stats.requests['GET /cart'], 2);
    await h.control({ resetLimits: true });
    assert.equal((await h.call('GET', '/cart', { token })).status, 200);
  });

  it('uses a window changed at run time', async () => {
    await h.control({ limits: { 'GET /categories': 1 }, rateWindowMs: 2500 });
    await h.call('GET', '/categories');
    const r = await h.call('GET', '/categories');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '3');
  });

  it('does not count preflights', async () => {
    await h.control({ limits: { 'POST /cart/items': 1 } });
    for (let i = 0; i < 3; i++) {
      const pre = await fetch(`${h.url}/public/${DEMO}/cart/items`, {
        method: 'OPTIONS',
        headers: { 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(pre.status, 204);
    }
    const first = await h.call('POST', '/cart/items', {
      token: newToken(),
      body: { productId: 'chefs-knife', quantity: 1 },
    });
    assert.notEqual(first.status, 429);
  });
});
