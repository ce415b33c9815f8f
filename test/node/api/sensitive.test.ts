// The sensitive class (a login code, its check, a review) on fake timers: never more than the
// budget, never a wait in the queue, never a send Tote did not ask for. A refusal says when to try
// again, from the budget or from the server's Retry-After, and costs no request.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { ApiError, createLimiter } from '../../../src/api/index';
import { client, fakeFetch, rejection, type Handler } from './fake-fetch';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
/** The limiter counts a send for the window plus a margin for the network's jitter (a tenth, ≤ 1 s). */
const COUNTED_MS = 61_000;

const otps = (f: ReturnType<typeof fakeFetch>) => f.sent.filter((r) => r.path === '/customer/otp').length;

describe('the sensitive class', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: T0 }));
  afterEach(() => mock.timers.reset());

  function setup(handler?: Handler) {
    const f = fakeFetch(handler);
    return { f, api: client(f, { limiterOptions: { random: () => 0 } }) };
  }

  it('six code requests in a minute: five are sent, the sixth is refused unsent and says when', async () => {
    const { f, api } = setup();
    for (let i = 0; i < 5; i++) {
      await api.requestLoginCode(`shopper${i}@example.com`);
      mock.timers.tick(2_000);
    }
    assert.equal(otps(f), 5);
    const sixth = await rejection<ApiError>(api.requestLoginCode('shopper5@example.com'));
    assert.ok(sixth instanceof ApiError);
    assert.deepEqual([sixth.status, sixth.code], [429, 'RATE_LIMITED']);
    assert.equal(otps(f), 5, 'refused without a send');
    // The first send leaves the counted window at T0 + 61 s; it is T0 + 10 s now.
    assert.equal(sixth.retryAfter, (COUNTED_MS - 10_000) / 1000);
    assert.equal(api.limiter.snapshot().queued, 0, 'nothing waits in the queue');

    mock.timers.tick(COUNTED_MS - 10_000 - 1);
    await rejection(api.requestLoginCode('shopper5@example.com'));
    assert.equal(otps(f), 5, 'a millisecond early is still early');
    mock.timers.tick(1);
    await api.requestLoginCode('shopper5@example.com');
    assert.equal(otps(f), 6);
  });

  it('the budget is per endpoint: verify has its own ten, reviews their own five', async () => {
    const { f, api } = setup();
    for (let i = 0; i < 5; i++) await api.requestLoginCode(`s${i}@example.com`);
    for (let i = 0; i < 10; i++) await api.verifyLoginCode('s0@example.com', String(100000 + i));
    await rejection(api.verifyLoginCode('s0@example.com', '123456'));
    for (let i = 0; i < 5; i++) await api.submitReview(`p${i}`, { rating: 5, title: 't', content: 'c' });
    const review = await rejection<ApiError>(api.submitReview('p9', { rating: 5, title: 't', content: 'c' }));
    assert.equal(review.code, 'RATE_LIMITED');
    assert.equal(f.sent.length, 20);
  });

  it('a 429 is not sent again: its Retry-After comes back, and the endpoint stays shut until then', async () => {
    const { f, api } = setup((r) =>
      r.path === '/customer/otp' && otps(f) === 1
        ? { status: 429, headers: { 'Retry-After': '30' }, body: { error: { code: 'RATE_LIMITED', message: 'Slow' } } }
        : undefined,
    );
    const e = await rejection<ApiError>(api.requestLoginCode('a@example.com'));
    assert.deepEqual([e.status, e.code, e.retryAfter], [429, 'RATE_LIMITED', 30]);
    assert.equal(otps(f), 1, 'no automatic retry after the lock-out');
    mock.timers.tick(40_000); // the transport would have retried after 30 s: nothing happens
    assert.equal(otps(f), 1);

    const { f: f2, api: api2 } = setup(() =>
      otps(f2) === 1 ? { status: 429, headers: { 'Retry-After': '30' }, body: {} } : undefined,
    );
    await rejection(api2.requestLoginCode('a@example.com'));
    mock.timers.tick(10_000);
    const early = await rejection<ApiError>(api2.requestLoginCode('a@example.com'));
    assert.equal(early.code, 'RATE_LIMITED');
    assert.equal(otps(f2), 1, 'a try during the lock-out is refused unsent (it would extend the lock-out)');
    assert.ok(early.retryAfter! >= 20 && early.retryAfter! <= 21, `retryAfter ${early.retryAfter}`);
    mock.timers.tick(early.retryAfter! * 1000);
    await api2.requestLoginCode('a@example.com');
    assert.equal(otps(f2), 2);
  });

  it('a 429 without Retry-After shuts the endpoint for the contract’s minute', async () => {
    const { f, api } = setup((_r, n) => (n === 0 ? { status: 429, body: {} } : undefined));
    await rejection(api.submitReview('p1', { rating: 4, title: 't', content: 'c' }));
    assert.equal(f.sent.length, 1);
    const reviews = api.limiter.snapshot().endpoints.find((e) => e.endpoint === 'POST /products/{id}/reviews')!;
    assert.equal(reviews.lockedUntil, T0 + 60_000);
    mock.timers.tick(15_000);
    const next = await rejection<ApiError>(api.submitReview('p1', { rating: 4, title: 't', content: 'c' }));
    assert.deepEqual([next.code, next.retryAfter, f.sent.length], ['RATE_LIMITED', 45, 1]);
  });

  it('a lost answer or a 5xx is not retried: OUTCOME_UNKNOWN, one send, the caller decides', async () => {
    for (const reply of ['drop', { status: 503, body: {} }, { status: 200, raw: '{"data":' }] as const) {
      const { f, api } = setup(() => reply);
      const e = await rejection<ApiError>(api.submitReview('p1', { rating: 5, title: 't', content: 'c' }));
      assert.equal(e.code, 'OUTCOME_UNKNOWN', JSON.stringify(reply));
      mock.timers.tick(10_000);
      // A dropped request asks the header negotiation once (a GET / and a GET /cart), never the POST.
      assert.equal(f.sent.filter((r) => r.method === 'POST').length, 1, JSON.stringify(reply));
    }
  });

  it('a sensitive request does not wait for the first probe: both leave at once', async () => {
    const { f, api } = setup();
    const both = Promise.all([
      api.submitReview('p1', { rating: 5, title: 'a', content: 'a' }),
      api.submitReview('p2', { rating: 5, title: 'b', content: 'b' }),
    ]);
    await both;
    assert.equal(f.sent.length, 2);
  });

  it('other classes still wait for their slot (a POST to the cart is queued, then sent)', async () => {
    const lim = createLimiter({ share: false, limits: { mutation: 1 } });
    const first = await lim.acquire('POST /cart/items');
    lim.settle(first, { status: 200, limit: null, remaining: null, retryAfter: null });
    let granted = false;
    void lim.acquire('POST /cart/items').then(() => (granted = true));
    await Promise.resolve();
    assert.equal(granted, false);
    assert.equal(lim.snapshot().queued, 1);
    mock.timers.tick(COUNTED_MS);
    await Promise.resolve();
    assert.equal(granted, true);
  });

  it('atOnce refuses with the same answer straight from the limiter; an abort still wins', async () => {
    const lim = createLimiter({ share: false, limits: { sensitive: 1 } });
    lim.settle(await lim.acquire('POST /customer/otp', false, undefined, true), {
      status: 200,
      limit: '1',
      remaining: '0',
      retryAfter: null,
    });
    mock.timers.tick(5_000);
    const refused = await rejection<ApiError>(lim.acquire('POST /customer/otp', false, undefined, true));
    assert.deepEqual([refused.code, refused.retryAfter], ['RATE_LIMITED', 56]);
    const aborted = new AbortController();
    aborted.abort(new Error('gone'));
    const gone = await rejection<Error>(lim.acquire('POST /customer/otp', false, aborted.signal, true));
    assert.equal(gone.message, 'gone');
    assert.equal(lim.snapshot().queued, 0);
  });
});
