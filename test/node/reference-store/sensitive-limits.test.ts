// The sensitive rate-limit class at its reference ceilings, on a fake clock and a real 60 s window:
// 5 a minute for a login code and for a review, 10 for verifying, each endpoint counted on its own
// per client IP, with the contract's lock-out (every early retry restarts the wait).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { DEMO, startStore, type Harness } from './helpers';

let h: Harness;
let clock = Date.parse('2026-11-22T12:00:00Z');
before(async () => {
  h = await startStore({ now: () => clock, limits: {} }); // the reference ceilings, not the harness's "off"
});
after(() => h.close());
beforeEach(async () => {
  clock += 3_600_000;
  await h.control({ reset: true, resetLimits: true, resetStats: true });
});

const post = (path: string, body: unknown) => h.call('POST', path, { token: null, body });
const otp = (email: string) => post('/customer/otp', { email });
const review = (slug: string) => post(`/products/${slug}/reviews`, { rating: 5, title: 'Good', content: 'Yes.' });
const outboxSize = async () => ((await (await fetch(`${h.origin}/__control/outbox`)).json()).data as unknown[]).length;

describe('the sensitive class', () => {
  it('lets 5 code requests a minute through; the sixth is a 429 that sends nothing', async () => {
    const emails = ['ada@example.com', 'grace@example.com', 'nobody@example.org', 'bad-email', 'x@example.com'];
    const first = [];
    for (const email of emails) first.push(await otp(email));
    assert.deepEqual(
      first.map((r) => [r.status, r.headers.get('x-ratelimit-limit'), r.headers.get('x-ratelimit-remaining')]),
      [
        [200, '5', '4'],
        [200, '5', '3'],
        [200, '5', '2'],
        [422, '5', '1'], // a refused request counts too
        [200, '5', '0'],
      ],
    );
    const mailed = await outboxSize();
    await h.control({ reset: true }); // forget the codes (and cooldowns), not the counters
    const sixth = await otp('ada@example.com');
    assert.equal(sixth.status, 429);
    assert.equal(sixth.headers.get('retry-after'), '60');
    assert.equal(sixth.json.error.code, 'RATE_LIMITED');
    assert.equal(typeof sixth.json.error.message, 'string');
    assert.equal(await outboxSize(), 0, 'nothing was sent');
    assert.equal(mailed, 2, 'the two known emails got a code before');
    const counters = (await (await fetch(`${h.origin}/__control`)).json()).data.counters;
    assert.equal(counters.rateLimitedByEndpoint['POST /customer/otp'], 1);
  });

  it('locks out until a quiet minute: every early retry restarts the wait', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await otp('ada@example.com')).status, 200);
    assert.equal((await otp('ada@example.com')).status, 429); // locked until +60 s
    clock += 30_000;
    assert.equal((await otp('ada@example.com')).status, 429, 'early: now locked until +90 s');
    clock += 59_000;
    assert.equal((await otp('ada@example.com')).status, 429, 'early again: now locked until +149 s');
    clock += 60_000;
    const back = await otp('ada@example.com');
    assert.equal(back.status, 200);
    assert.equal(back.headers.get('x-ratelimit-remaining'), '4', 'a fresh budget');
  });

  it('counts each endpoint on its own: codes, reviews (all products together) and verify (10)', async () => {
    for (let i = 0; i < 6; i++) await otp('ada@example.com');
    assert.equal((await otp('ada@example.com')).status, 429);
    const reviews = [];
    for (const slug of ['keychain', 'classic-tee', 'keychain', 'chefs-knife', 'keychain', 'classic-tee'])
      reviews.push((await review(slug)).status);
    assert.deepEqual(reviews, [201, 201, 201, 201, 201, 429]);
    assert.equal((await h.call('GET', '/products/keychain')).json.data.reviewCount, 3, 'the refused one is not stored');
    const verifies = [];
    for (let i = 0; i < 11; i++)
      verifies.push((await post('/customer/otp/verify', { email: 'ada@example.com', code: '000000' })).status);
    assert.deepEqual(verifies, [...Array(10).fill(422), 429]);
    // Reads of the same area are another class.
    assert.equal((await h.call('GET', '/customer/me', { token: null })).status, 401);
    assert.equal((await h.call('GET', '/products/keychain/reviews')).status, 200);
  });

  it('counts per client IP', async () => {
    for (let i = 0; i < 6; i++) await otp('ada@example.com');
    assert.equal((await otp('ada@example.com')).status, 429);
    const port = Number(new URL(h.url).port);
    const status = await new Promise<number>((resolve, reject) => {
      // 127.0.0.2 is loopback too on Linux: a second client address without a second machine.
      const req = request(
        {
          host: '127.0.0.1',
          port,
          localAddress: '127.0.0.2',
          method: 'POST',
          path: `/v3/public/${DEMO}/customer/otp`,
          headers: { 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ email: 'grace@example.com' }));
    });
    assert.equal(status, 200);
  });
});
