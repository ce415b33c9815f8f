// Hostile rate-limit headers and corrupt shared records (issue 15, item 7): the budget lives in
// localStorage for every tab of the origin, so one bad answer or one bad write must not lock an
// endpoint in every tab across reloads. Real timers; every wait is bounded, so a lock fails fast.
import { expect } from '@open-wc/testing';
import { createLimiter, type Limiter } from '../../src/api/index';

// A fresh budget per test, so that a test that failed (its limiter still pumping) cannot touch the next.
let NAME = '';
let KEY = '';
let made: Limiter[] = [];
const limiter = (): Limiter => {
  const lim = createLimiter({ name: NAME, windowMs: 1000 });
  made.push(lim);
  return lim;
};
const OK = { status: 200, limit: null, remaining: null, retryAfter: null };

/** Resolves with the ticket, or rejects when the limiter holds the request longer than `ms`. */
function acquireWithin(lim: Limiter, endpoint: string, ms = 1500) {
  return Promise.race([
    lim.acquire(endpoint),
    new Promise<never>((_, no) => setTimeout(() => no(new Error(`${endpoint} still held after ${ms} ms`)), ms)),
  ]);
}

describe('rate records at the edge', () => {
  const clear = () => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('tote-rate:')) localStorage.removeItem(k);
  };
  let n = 0;
  beforeEach(() => {
    clear();
    NAME = `https://records.test/${++n}`;
    KEY = 'tote-rate:' + NAME;
  });
  afterEach(() => {
    made.forEach((l) => l.dispose());
    made = [];
  });
  after(clear);

  for (const limit of ['Infinity', '1e400', '99999999999', '-5', 'NaN', '0', '12.7', 'sixty']) {
    it(`X-RateLimit-Limit: ${limit} locks nothing, in this tab or after a reload`, async () => {
      const tab = limiter();
      const t = await acquireWithin(tab, 'GET /products');
      tab.settle(t, { ...OK, limit });
      await acquireWithin(tab, 'GET /products').then((x) => tab.settle(x, OK));
      const seen = tab.snapshot().endpoints[0]!.limit;
      expect(seen, 'a limit within bounds').to.be.within(1, 1000);
      expect(Number.isInteger(seen)).to.equal(true);
      tab.dispose();
      const reloaded = limiter();
      for (let i = 0; i < 3; i++) await acquireWithin(reloaded, 'GET /products').then((x) => reloaded.settle(x, OK));
    });
  }

  for (const remaining of ['Infinity', '-1', '1e400', 'NaN', '99999999999']) {
    it(`X-RateLimit-Remaining: ${remaining} with a hostile limit neither hangs nor locks`, async () => {
      const tab = limiter();
      const t = await acquireWithin(tab, 'GET /cart');
      tab.settle(t, { status: 200, limit: '1e400', remaining, retryAfter: null });
      expect(tab.snapshot().endpoints[0]!.used).to.be.at.most(1000);
      // At worst the window is full: the next request waits one window, not for ever.
      await acquireWithin(tab, 'GET /cart', 2500);
    });
  }

  const now = Date.now();
  const corrupt: [string, string][] = [
    ['garbage JSON', '{"GET /cart": {"limit": 6'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"GET /cart"'],
    ['an array', '[1, 2, 3]'],
    ['a null record', '{"GET /cart": null}'],
    [
      'a record of the wrong types',
      '{"GET /cart": {"limit": "60", "sendLog": 5, "lockedUntil": "soon", "awaitingProbe": 1, "probeSentAt": null}}',
    ],
    [
      'a limit of null (Infinity, stored)',
      '{"GET /cart": {"limit": null, "sendLog": [], "lockedUntil": 0, "awaitingProbe": false, "probeSentAt": 0}}',
    ],
    [
      'a limit of 1e400 (Infinity, parsed)',
      '{"GET /cart": {"limit": 1e400, "sendLog": [], "lockedUntil": 0, "awaitingProbe": false, "probeSentAt": 0}}',
    ],
    [
      'a limit of 0',
      '{"GET /cart": {"limit": 0, "sendLog": [], "lockedUntil": 0, "awaitingProbe": false, "probeSentAt": 0}}',
    ],
    [
      'a lock until the year 275760',
      `{"GET /cart": {"limit": 60, "sendLog": [], "lockedUntil": 8.64e15, "awaitingProbe": true, "probeSentAt": 0}}`,
    ],
    [
      'a lock a day out',
      `{"GET /cart": {"limit": 60, "sendLog": [], "lockedUntil": ${now + 864e5}, "awaitingProbe": true, "probeSentAt": 0}}`,
    ],
    [
      'a probe sent in the future',
      `{"GET /cart": {"limit": 60, "sendLog": [], "lockedUntil": 0, "awaitingProbe": true, "probeSentAt": ${now + 864e5}}}`,
    ],
    [
      'a full window of sends in the future',
      `{"GET /cart": {"limit": 2, "sendLog": [${now + 864e5}, ${now + 864e5}], "lockedUntil": 0, "awaitingProbe": false, "probeSentAt": 0}}`,
    ],
    [
      'sends that are not numbers',
      '{"GET /cart": {"limit": 2, "sendLog": ["9e99", null], "lockedUntil": 0, "awaitingProbe": false, "probeSentAt": 0}}',
    ],
    [
      'the earlier one-letter shape (a full window, locked)',
      `{"GET /cart": {"l": 1, "g": [${now}], "u": ${now + 5e3}, "q": 1, "p": 0}}`,
    ],
  ];
  for (const [label, raw] of corrupt) {
    it(`a stored record with ${label} is discarded: the shop still reads its cart`, async () => {
      localStorage.setItem(KEY, raw);
      const tab = limiter();
      expect(() => tab.snapshot()).not.to.throw();
      const t = await acquireWithin(tab, 'GET /cart');
      expect(t.probe, 'the endpoint starts over with a probe').to.equal(true);
      tab.settle(t, { ...OK, limit: '60' });
      await acquireWithin(tab, 'GET /cart');
      expect(tab.snapshot().endpoints.find((e) => e.endpoint === 'GET /cart')).to.include({
        limit: 60,
        lockedUntil: 0,
      });
    });
  }

  it('a sound record is kept: a lock-out another tab stored still holds', async () => {
    const until = Date.now() + 60_000;
    localStorage.setItem(
      KEY,
      JSON.stringify({
        'GET /cart': { limit: 60, sendLog: [], lockedUntil: until, awaitingProbe: true, probeSentAt: 0 },
      }),
    );
    const tab = limiter();
    expect(tab.snapshot().endpoints[0]).to.include({ endpoint: 'GET /cart', lockedUntil: until, awaitingProbe: true });
  });
});
