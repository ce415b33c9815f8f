// The scheduler under fake timers: sliding window, adoption of server limits, 429 lock-outs with
// every form of Retry-After, probes, priorities, abort, observation. No wall-clock waits.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  createApiClient,
  createLimiter,
  classOf,
  retryAfterMs,
  type ApiClient,
  type LimiterSnapshot,
} from '../../src/api/index';
import { fakeServer, maxInWindow, type FakeReply, type FakeServerOptions } from './fake-server';
import { loadLaterEndpoints } from '../../src/api/endpoints';
import { loadStatefulRequests } from '../../src/api/transport';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const OK = { status: 200, limit: null, remaining: null, retryAfter: null };
const W = 60_000;
/** The longest lock-out a Retry-After may cause (limiter.ts). */
const MAX_RETRY_AFTER = 300_000;

describe('limiter', () => {
  // `product()` loads the endpoints a first paint never calls with its first call; these tests drive
  // time by fake timers, which do not wait for a module to load, so it is loaded before them.
  before(() => Promise.all([loadLaterEndpoints(), loadStatefulRequests()]));
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => clock.restore());

  function setup(server: FakeServerOptions = {}, random = () => 0.5) {
    const srv = fakeServer(server);
    const api: ApiClient = createApiClient({
      publicKey: 'pk_test_tote_demo',
      apiBase: 'https://shop.test/v3',
      fetch: srv.fetch,
      shareBudget: false,
      limiterOptions: { random },
      transport: { random: () => 0 },
    });
    return { srv, api };
  }

  it('classifies endpoints as the contract does', () => {
    expect(classOf('GET /products/{id}')).to.equal('read');
    expect(classOf('POST /cart/items')).to.equal('mutation');
    expect(classOf('PATCH /cart')).to.equal('mutation');
    expect(classOf('DELETE /cart/items/{id}')).to.equal('mutation');
    expect(classOf('POST /cart/checkout')).to.equal('checkout');
    expect(classOf('POST /orders/{id}/pay')).to.equal('checkout');
    expect(classOf('POST /products/{id}/reviews')).to.equal('sensitive');
    expect(classOf('POST /customer/otp')).to.equal('sensitive');
    expect(classOf('PUT /elsewhere')).to.equal('fallback');
  });

  it('parses Retry-After: seconds, HTTP-date (rounded up), missing, garbage', () => {
    expect(retryAfterMs('7', T0)).to.equal(7000);
    expect(retryAfterMs(new Date(T0 + 7000).toUTCString(), T0)).to.equal(8000);
    expect(retryAfterMs(null, T0)).to.equal(undefined);
    expect(retryAfterMs('soon', T0)).to.equal(undefined);
    expect(retryAfterMs('-3', T0)).to.equal(undefined);
    // Capped at 5 minutes: a lock-out of a per-minute budget lasts about a minute; more is a hostile
    // or skewed answer (and setTimeout overflows past 24.8 days).
    for (const huge of ['99999999999', '1' + '0'.repeat(400), new Date(T0 + 3600e3).toUTCString()])
      expect(retryAfterMs(huge, T0)).to.equal(MAX_RETRY_AFTER);
  });

  it('reads an HTTP-date Retry-After against the server’s Date, not the client’s clock', () => {
    const server = T0 + 3600e3; // the client's clock is an hour slow
    const at = (ms: number) => new Date(ms).toUTCString();
    expect(retryAfterMs(at(server + 7000), T0, at(server))).to.equal(8000);
    expect(retryAfterMs(at(server - 7000), T0, at(server))).to.equal(undefined); // already over
    expect(retryAfterMs(at(T0 + 7000), T0, 'not a date')).to.equal(8000); // no usable Date: the client's clock
    expect(retryAfterMs('7', T0, at(server))).to.equal(7000);
  });

  it('a client clock an hour slow and a 429 with an HTTP-date: locked for seconds, not an hour', async () => {
    const server = T0 + 3600e3;
    let forced = false;
    const { srv, api } = setup({
      reply: (req): FakeReply => {
        if (forced || req.url.includes('page=1')) return { headers: { Date: new Date(server).toUTCString() } };
        forced = true;
        return {
          status: 429,
          headers: { 'Retry-After': new Date(server + 7000).toUTCString(), Date: new Date(server).toUTCString() },
        };
      },
    });
    await Promise.all([api.products({ page: 1 }), clock.tickAsync(10)]);
    const p = api.products({ page: 2 });
    await clock.tickAsync(30);
    const t429 = srv.answered.find((a) => a.status === 429)!.t;
    const snap = api.limiter.snapshot().endpoints.find((e) => e.endpoint === 'GET /products')!;
    expect(snap.lockedUntil - t429).to.be.within(7000, 9000);
    await clock.tickAsync(10_000);
    await p;
    expect(srv.count(429)).to.equal(1);
  });

  it('a 429 with a huge Retry-After locks the endpoint for 5 minutes at most', async () => {
    const lim = createLimiter({ share: false, random: () => 0 });
    for (const retryAfter of ['99999999999', '1e400', new Date(T0 + 86_400_000).toUTCString()]) {
      const t = await lim.acquire('GET /cart');
      lim.settle(t, { status: 429, limit: '60', remaining: '0', retryAfter });
      expect(lim.snapshot().endpoints[0]!.lockedUntil - Date.now(), retryAfter).to.be.at.most(MAX_RETRY_AFTER);
      await clock.tickAsync(MAX_RETRY_AFTER + 1);
    }
  });

  it('keeps a sliding window: never more than the limit in any window, FIFO', async () => {
    const lim = createLimiter({ share: false, windowMs: 10_000, limits: { read: 5 } });
    const order: number[] = [];
    const times: number[] = [];
    const all = Array.from({ length: 12 }, (_, i) =>
      lim.acquire('GET /products').then((t) => {
        order.push(i);
        times.push(Date.now());
        lim.settle(t, OK);
      }),
    );
    await clock.tickAsync(0);
    expect(order).to.have.length(5);
    await clock.tickAsync(10_999);
    expect(order).to.have.length(5); // window + 10 % margin for network jitter
    await clock.tickAsync(1);
    expect(order).to.have.length(10);
    await clock.tickAsync(11_000);
    await Promise.all(all);
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    expect(maxInWindow(times, 10_000)).to.equal(5);
    expect(maxInWindow(times, 11_000)).to.equal(5);
  });

  it('200 catalogue reads at once against a limit of 120: 0 × 429, ≤ limit per window, all answered', async () => {
    const { srv, api } = setup({ limits: { default: 120 } });
    let answered = 0;
    const all = Array.from({ length: 200 }, (_, i) => api.product(`p${i}`).then(() => answered++));
    await clock.tickAsync(120_000);
    await Promise.all(all);
    expect(answered).to.equal(200);
    expect(srv.count(429)).to.equal(0);
    expect(srv.sent).to.have.length(200);
    expect(srv.maxInWindow('GET /products/{id}')).to.be.at.most(120);
    // One probe learned the budget (120, the documented bound is 60); then the rest of it went.
    expect(srv.sent.filter((s) => s.t === T0)).to.have.length(1);
    expect(srv.sent.filter((s) => s.t === T0 + 10)).to.have.length(119);
    expect(api.limiter.snapshot().endpoints[0]).to.include({ endpoint: 'GET /products/{id}', limit: 120 });
  });

  for (const [label, header, wait] of [
    ['Retry-After: 7', '7', 7000],
    ['an HTTP-date 7 s ahead', 'DATE', 7000],
    ['no Retry-After', null, W],
    ['a garbage Retry-After', 'soon-ish', W],
  ] as const) {
    it(`a forced 429 with ${label}: nothing sent for ≥ ${wait / 1000} s, one probe, then the rest, one 429`, async () => {
      let forced = false;
      const { srv, api } = setup({
        reply: (req) => {
          if (forced || req.endpoint !== 'GET /products' || req.url.includes('page=1')) return undefined;
          forced = true;
          const h: Record<string, string> = {};
          if (header !== null) h['Retry-After'] = header === 'DATE' ? new Date(T0 + 7000).toUTCString() : header;
          return { status: 429, headers: h, body: '{"error":{"code":"RATE_LIMITED","message":"slow down"}}' };
        },
        retryAfter: null,
      });
      await Promise.all([api.products({ page: 1 }), clock.tickAsync(10)]); // the budget is known
      const first = Array.from({ length: 4 }, (_, i) => api.products({ page: i + 2 }));
      await clock.tickAsync(30);
      const t429 = srv.answered.find((a) => a.status === 429)!.t;
      // Queued during the lock-out, shopper and background alike.
      const later = Array.from({ length: 4 }, (_, i) => api.products({ page: i + 10 }, { background: i % 2 === 0 }));
      const other = api.categories();
      await clock.tickAsync(10);
      await other; // other endpoints are not locked
      const snap = api.limiter.snapshot().endpoints.find((e) => e.endpoint === 'GET /products')!;
      expect(snap.lockedUntil - t429).to.be.at.least(wait);
      expect(snap.awaitingProbe).to.equal(true);
      expect(snap.queued).to.equal(5);

      await clock.tickAsync(wait + 2000);
      await Promise.all([...first, ...later]);
      const after = srv.sent.filter((s) => s.endpoint === 'GET /products' && s.t > t429);
      expect(after).to.have.length(5);
      expect(after[0]!.t - t429, 'quiet during the lock-out').to.be.at.least(wait);
      // + a spread under a second (+ one more for an HTTP-date, which has whole seconds)
      expect(after[0]!.t - t429, 'not much later').to.be.below(wait + (header === 'DATE' ? 2000 : 1000));
      expect(after[1]!.t - after[0]!.t, 'the probe went alone').to.be.at.least(10);
      expect(
        after.slice(1).every((s) => s.t === after[1]!.t),
        'then the rest together',
      ).to.equal(true);
      expect(srv.count(429)).to.equal(1);
    });
  }

  it('a server far stricter than documented: the first answer reveals it, no 429', async () => {
    const { srv, api } = setup({ limits: { 'GET /products': 3 }, retryAfter: '7' });
    const all = Array.from({ length: 8 }, (_, i) => api.products({ page: i }));
    await clock.tickAsync(5 * W);
    await Promise.all(all);
    expect(srv.count(429)).to.equal(0); // the first request probed, the rest waited for its answer
    expect(srv.maxInWindow('GET /products')).to.be.at.most(3);
  });

  it('adopts a lower limit from the server within one response', async () => {
    const { srv, api } = setup({ limits: { 'GET /products': 60 } });
    await Promise.all([api.products({ page: 1 }), clock.tickAsync(20)]);
    expect(api.limiter.snapshot().endpoints[0]!.limit).to.equal(60);
    srv.limits['GET /products'] = 10; // lowered mid-session
    await Promise.all([api.products({ page: 2 }), clock.tickAsync(20)]);
    expect(api.limiter.snapshot().endpoints[0]!.limit).to.equal(10);
    const burst = Array.from({ length: 30 }, (_, i) => api.products({ page: 10 + i }));
    await clock.tickAsync(4 * W);
    await Promise.all(burst);
    expect(srv.count(429)).to.equal(0);
    expect(srv.maxInWindow('GET /products')).to.be.at.most(10);
  });

  it('counts traffic it did not send (X-RateLimit-Remaining) and waits for it', async () => {
    // Another device behind the same IP used 115 of 120.
    const { srv, api } = setup({ limits: { default: 120 } });
    const seen: number[] = [];
    // Pre-fill the server's log through its own door: 115 requests "from elsewhere".
    for (let i = 0; i < 115; i++) void srv.fetch('https://shop.test/v3/public/pk_test_tote_demo/products?x=1');
    await clock.tickAsync(20);
    srv.sent.length = 0;
    srv.answered.length = 0;
    const all = Array.from({ length: 20 }, (_, i) => api.products({ page: i }).then(() => seen.push(Date.now())));
    await clock.tickAsync(3 * W);
    await Promise.all(all);
    expect(srv.count(429)).to.equal(0);
    expect(seen).to.have.length(20);
    expect(seen.filter((t) => t < T0 + 1000)).to.have.length(5); // 1 probe + the 4 left
  });

  it('keeps a reserve for shopper actions; background work waits behind them', async () => {
    const lim = createLimiter({ share: false, windowMs: 10_000, limits: { read: 10 } });
    const got: string[] = [];
    const bg = Array.from({ length: 10 }, () =>
      lim.acquire('GET /cart', true).then((t) => (got.push('bg'), lim.settle(t, OK))),
    );
    await clock.tickAsync(0);
    expect(got).to.have.length(9); // 1 of 10 kept for the shopper
    const fg = lim.acquire('GET /cart').then(() => got.push('fg'));
    await clock.tickAsync(0);
    expect(got).to.deep.equal([...Array(9).fill('bg'), 'fg']);
    // In the next window the shopper's queued work goes first.
    const fg2 = Array.from({ length: 3 }, () => lim.acquire('GET /cart').then(() => got.push('fg')));
    await clock.tickAsync(11_000);
    await Promise.all([...bg, fg, ...fg2]);
    expect(got.slice(10)).to.deep.equal(['fg', 'fg', 'fg', 'bg']);
  });

  it('an aborted wait leaves the queue and sends nothing', async () => {
    const lim = createLimiter({ share: false, windowMs: 10_000, limits: { read: 1 } });
    await lim.acquire('GET /products');
    const ctl = new AbortController();
    const p = lim.acquire('GET /products', false, ctl.signal);
    expect(lim.snapshot().queued).to.equal(1);
    ctl.abort();
    let err: unknown;
    await p.catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(DOMException);
    expect(lim.snapshot().queued).to.equal(0);
    expect(lim.snapshot().sent).to.equal(1);
  });

  it('a probe that gets no answer lets another probe go', async () => {
    const lim = createLimiter({ share: false, windowMs: 10_000, random: () => 0 });
    const t1 = await lim.acquire('GET /cart');
    lim.settle(t1, { status: 429, limit: '60', remaining: '0', retryAfter: '2' });
    const probe = lim.acquire('GET /cart');
    const second = lim.acquire('GET /cart');
    let secondAt = 0;
    void second.then(() => (secondAt = Date.now()));
    await clock.tickAsync(2000);
    const tp = await probe;
    expect(tp.probe).to.equal(true);
    await clock.tickAsync(5000);
    expect(secondAt).to.equal(0); // waits for the probe
    lim.settle(tp); // network error: no answer
    const t2 = await second;
    expect(t2.probe).to.equal(true);
    lim.settle(t2, { status: 200, limit: '60', remaining: '58', retryAfter: null });
    expect(lim.snapshot().endpoints[0]!.awaitingProbe).to.equal(false);
  });

  it('a probe that never settles (its tab closed) times out and the next one goes', async () => {
    const lim = createLimiter({ share: false, windowMs: 10_000 });
    await lim.acquire('GET /cart'); // the first request probes, and is never settled
    let next = 0;
    void lim.acquire('GET /cart').then(() => (next = Date.now()));
    await clock.tickAsync(19_999);
    expect(next).to.equal(0);
    await clock.tickAsync(1);
    expect(next).to.equal(T0 + 20_000);
  });

  it('is observable: snapshot and subscribe', async () => {
    const lim = createLimiter({ share: false, windowMs: 10_000, limits: { mutation: 3 } });
    const snaps: LimiterSnapshot[] = [];
    const off = lim.subscribe((s) => snaps.push(s));
    const t0 = await lim.acquire('PATCH /cart');
    expect(lim.snapshot().endpoints[0]!.awaitingProbe).to.equal(true); // the first one probes
    lim.settle(t0, OK);
    expect(lim.snapshot().endpoints[0]!.awaitingProbe).to.equal(false);
    const ts = await Promise.all([lim.acquire('PATCH /cart'), lim.acquire('PATCH /cart')]);
    void lim.acquire('PATCH /cart');
    const s = lim.snapshot();
    expect(s).to.include({ windowMs: 10_000, shared: false, queued: 1, sent: 3, rateLimited: 0 });
    expect(s.endpoints[0]).to.deep.include({
      endpoint: 'PATCH /cart',
      class: 'mutation',
      limit: 3,
      used: 3,
      queued: 1,
      lockedUntil: 0,
    });
    lim.settle(ts[0]!, { status: 429, limit: '3', remaining: '0', retryAfter: '5' });
    expect(lim.snapshot().rateLimited).to.equal(1);
    expect(lim.snapshot().endpoints[0]!.lockedUntil).to.be.at.least(T0 + 5000);
    expect(snaps.length).to.be.greaterThan(2);
    off();
    const n = snaps.length;
    lim.settle(ts[1]!);
    expect(snaps.length).to.equal(n);
    lim.dispose();
  });
});
