// Header sets and their negotiation (src/api/headers.ts, api-contract.md "Header negotiation"),
// over a fake fetch whose "server" refuses preflights that name Authorization or X-Request-Id —
// the live API's presumed allow-list — as a browser shows it: fetch rejects, no HTTP response.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createNegotiator, headersFor, type ApiError } from '../../../src/api/index';
import { BASE, CART, PK, client, fakeFetch, rejection, type Req } from './fake-fetch';

const ORIGIN = 'https://shop.test';
const KEY = 'tote-headers:' + ORIGIN;
const DAY = 864e5;

/** A Storage stand-in (Node has no localStorage). */
function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    map: m,
  };
}

const simple = (r: Req) => !('X-Cart-Token' in r.headers) && !('Authorization' in r.headers);
const documented = (r: Req) => 'Authorization' in r.headers || 'X-Request-Id' in r.headers;
/** Live-like CORS: a preflighted request naming Authorization or X-Request-Id never leaves. */
const liveLike = (r: Req) => (documented(r) ? ('drop' as const) : undefined);
const line = (r: Req) =>
  `${r.method} ${r.path.split('?')[0]} ${simple(r) ? 'simple' : documented(r) ? 'documented' : 'official'}`;

describe('headersFor', () => {
  const h = {
    locale: 'fr',
    publicKey: PK,
    requestId: 'req_12345678',
    cartToken: 'tok',
    customerToken: null,
    hasBody: true,
  };
  it('a simple read carries only Accept and Accept-Language, whatever it is given', () => {
    assert.deepEqual(headersFor(false, 'documented', h), { Accept: 'application/json', 'Accept-Language': 'fr' });
    assert.deepEqual(headersFor(false, 'official', { ...h, locale: undefined, customerToken: 'ct' }), {
      Accept: 'application/json',
    });
  });
  it('documented: Authorization and X-Request-Id on top of the tokens', () => {
    assert.deepEqual(headersFor(true, 'documented', { ...h, customerToken: 'ct' }), {
      Accept: 'application/json',
      'Accept-Language': 'fr',
      'Content-Type': 'application/json',
      Authorization: 'Bearer ' + PK,
      'X-Request-Id': 'req_12345678',
      'X-Cart-Token': 'tok',
      'X-Customer-Token': 'ct',
    });
  });
  it('official: no Authorization, no X-Request-Id; no Content-Type without a body', () => {
    assert.deepEqual(headersFor(true, 'official', { ...h, hasBody: false }), {
      Accept: 'application/json',
      'Accept-Language': 'fr',
      'X-Cart-Token': 'tok',
    });
  });
});

describe('negotiator (alone)', () => {
  let t: number;
  const now = () => t;
  beforeEach(() => (t = Date.UTC(2026, 0, 1)));

  function make(results: Record<string, boolean>, storage = memoryStorage()) {
    const tests: string[] = [];
    const notices: string[] = [];
    const neg = createNegotiator({
      origin: ORIGIN,
      now,
      storage,
      notice: (m) => notices.push(m),
      test: async (kind, mode) => {
        tests.push(`${kind}:${mode}`);
        return results[`${kind}:${mode}`] ?? false;
      },
    });
    return { neg, tests, notices, storage };
  }

  it('switches when only the official set gets an answer; remembers it for 30 days, says so once', async () => {
    const { neg, tests, notices, storage } = make({ 'store:documented': true, 'cart:official': true });
    assert.equal(neg.mode(), 'documented');
    assert.equal(await neg.failed(false), true);
    assert.deepEqual(tests, ['store:documented', 'cart:documented', 'cart:official', 'cart:documented']);
    assert.equal(neg.mode(), 'official');
    assert.equal(notices.length, 1);
    assert.match(notices[0]!, /Authorization and X-Request-Id/);
    assert.deepEqual(JSON.parse(storage.map.get(KEY)!), { mode: 'official', until: t + 30 * DAY });
    assert.equal(await neg.failed(false), true, 'a late failure from before the switch: resend');
    assert.equal(tests.length, 4);
    t += 30 * DAY - 1;
    assert.equal(neg.mode(), 'official');
    t += 2;
    assert.equal(neg.mode(), 'documented', 'expired: documented again');
  });

  it('a failed GET /cart counts as the first test', async () => {
    const { neg, tests } = make({ 'store:documented': true, 'cart:official': true });
    assert.equal(await neg.failed(true), true);
    assert.deepEqual(tests, ['store:documented', 'cart:official', 'cart:documented']);
  });

  it('a documented failure that does not repeat after the official answer was the network: no switch', async () => {
    // A flaky connection: the documented GET /cart was dropped once, then the official one answered.
    let documentedTries = 0;
    const tests: string[] = [];
    const notices: string[] = [];
    const neg = createNegotiator({
      origin: ORIGIN,
      now,
      storage: memoryStorage(),
      notice: (m) => notices.push(m),
      test: async (kind, mode) => {
        tests.push(`${kind}:${mode}`);
        if (kind === 'store') return true;
        if (mode === 'official') return true;
        return ++documentedTries > 1;
      },
    });
    assert.equal(await neg.failed(false), false);
    assert.deepEqual(tests, ['store:documented', 'cart:documented', 'cart:official', 'cart:documented']);
    assert.equal(neg.mode(), 'documented');
    assert.equal(notices.length, 0);
  });

  it('a simple read in the last 60 s spares the probe; an older one does not', async () => {
    const a = make({ 'cart:official': true });
    a.neg.sawRead();
    t += 59_000;
    assert.equal(await a.neg.failed(false), true);
    assert.deepEqual(a.tests, ['cart:documented', 'cart:official', 'cart:documented']);
    const b = make({ 'cart:official': true });
    b.neg.sawRead();
    t += 61_000;
    assert.equal(await b.neg.failed(false), false, 'the probe fails: unreachable, not CORS');
    assert.deepEqual(b.tests, ['store:documented']);
  });

  it('never switches on an answer in documented mode, nor when both sets fail', async () => {
    const a = make({ 'store:documented': true, 'cart:documented': true, 'cart:official': true });
    assert.equal(await a.neg.failed(false), false);
    assert.deepEqual(a.tests, ['store:documented', 'cart:documented']);
    const b = make({ 'store:documented': true });
    assert.equal(await b.neg.failed(false), false);
    assert.deepEqual(b.tests, ['store:documented', 'cart:documented', 'cart:official']);
    assert.equal(b.neg.mode(), 'documented');
    assert.equal(a.notices.length + b.notices.length, 0);
    assert.equal(b.storage.map.size, 0);
  });

  it('after a negotiation that did not switch, failures in the next 60 s are plain failures', async () => {
    const { neg, tests } = make({});
    assert.equal(await neg.failed(false), false);
    assert.equal(await neg.failed(false), false);
    assert.equal(tests.length, 1);
    t += 61_000;
    await neg.failed(false);
    assert.equal(tests.length, 2);
  });

  it('concurrent failures share one negotiation', async () => {
    const { neg, tests, notices } = make({ 'store:documented': true, 'cart:official': true });
    const all = await Promise.all([neg.failed(false), neg.failed(false), neg.failed(true)]);
    assert.deepEqual(all, [true, true, true]);
    assert.equal(tests.length, 4);
    assert.equal(notices.length, 1);
  });

  it('a choice stored by another tab applies at once; a malformed or implausible one is ignored', () => {
    const s = memoryStorage();
    const { neg } = make({}, s);
    s.setItem(KEY, JSON.stringify({ mode: 'official', until: t + DAY }));
    assert.equal(neg.mode(), 'official');
    for (const bad of [
      'garbage',
      '{"mode":"official"}',
      '{"mode":"official","until":"tomorrow"}',
      JSON.stringify({ mode: 'official', until: t + 90 * DAY }),
      JSON.stringify({ mode: 'documented', until: t + DAY }),
      JSON.stringify({ mode: 'official', until: t - 1 }),
      'null',
      '[]',
    ]) {
      s.setItem(KEY, bad);
      assert.equal(neg.mode(), 'documented', bad);
    }
    const other = make(
      {},
      memoryStorage({ ['tote-headers:https://other.test']: JSON.stringify({ mode: 'official', until: t + DAY }) }),
    );
    assert.equal(other.neg.mode(), 'documented', 'another origin’s choice');
  });

  it('storage that throws: the choice lives in memory', async () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => {},
    };
    const neg = createNegotiator({
      origin: ORIGIN,
      now,
      storage: throwing,
      notice: () => {},
      test: async (k, m) => k === 'store' || m === 'official',
    });
    assert.equal(await neg.failed(false), true);
    assert.equal(neg.mode(), 'official');
  });
});

describe('negotiation in the transport', () => {
  let t: number;
  let storage: ReturnType<typeof memoryStorage>;
  let notices: string[];
  beforeEach(() => {
    t = Date.UTC(2026, 0, 1);
    storage = memoryStorage();
    notices = [];
  });
  // The transport's own negotiator, with the test's clock, storage and notice.
  function api(f: ReturnType<typeof fakeFetch>, extra: { transport?: Record<string, unknown>; apiBase?: string } = {}) {
    return client(f, {
      ...extra,
      transport: { negotiation: { now: () => t, storage, notice: (m: string) => notices.push(m) }, ...extra.transport },
    });
  }

  it('documented by default; a cart add under live-like CORS lands once, via the official set, with one notice', async () => {
    const f = fakeFetch(liveLike);
    const a = api(f);
    const cart = await a.addItem({ variantId: 'v1', quantity: 1 });
    assert.equal(cart.id, CART.id);
    assert.deepEqual(f.sent.map(line), [
      'POST /cart/items documented',
      'GET / simple',
      'GET /cart documented',
      'GET /cart official',
      'GET /cart documented',
      'POST /cart/items official',
    ]);
    assert.deepEqual(f.sent[5]!.body, { variantId: 'v1', quantity: 1 }, 'the same job, resent once');
    assert.equal(f.sent.filter((r) => r.method === 'POST' && !documented(r)).length, 1, 'landed once');
    assert.equal(notices.length, 1);
    assert.equal(JSON.parse(storage.map.get(KEY)!).mode, 'official');
    // From now on: official at once, for every stateful request; simple reads unchanged.
    await a.updateCart({ email: 'a@b.c' });
    await a.products();
    assert.deepEqual(f.sent.slice(6).map(line), ['PATCH /cart official', 'GET /products simple']);
    assert.equal(f.sent[6]!.headers['X-Cart-Token'], 'tok_1234567890123456');
    assert.equal(notices.length, 1);
    // Another tab (another client on the same storage) starts official.
    const f2 = fakeFetch(liveLike);
    await api(f2).cart();
    assert.deepEqual(f2.sent.map(line), ['GET /cart official']);
  });

  it('without the refusal, documented headers are used and nothing is negotiated', async () => {
    const f = fakeFetch();
    const a = api(f);
    await a.addItem({ variantId: 'v1', quantity: 1 });
    await a.cart();
    assert.deepEqual(f.sent.map(line), ['POST /cart/items documented', 'GET /cart documented']);
    assert.match(f.sent[0]!.headers['X-Request-Id']!, /^[\w-]{21}$/);
    assert.equal(f.sent[0]!.headers.Authorization, 'Bearer ' + PK);
    assert.equal(notices.length, 0);
  });

  it('a recent simple read spares the GET / probe; a failed GET /cart is the first test', async () => {
    const f = fakeFetch(liveLike);
    const a = api(f);
    await a.store();
    const cart = await a.cart();
    assert.equal(cart.id, CART.id);
    assert.deepEqual(f.sent.map(line), [
      'GET / simple',
      'GET /cart documented',
      'GET /cart official',
      'GET /cart documented',
      'GET /cart official',
    ]);
  });

  it('offline (the probe fails too): no switch; a POST is OUTCOME_UNKNOWN, a PATCH retried as usual', async () => {
    const f = fakeFetch(() => 'drop');
    const a = api(f, { transport: { retries: 1 } });
    const e = await rejection<ApiError>(a.addItem({ variantId: 'v1', quantity: 1 }));
    assert.equal(e.code, 'OUTCOME_UNKNOWN');
    assert.deepEqual(f.sent.map(line), ['POST /cart/items documented', 'GET / simple']);
    f.sent.length = 0;
    const e2 = await rejection<ApiError>(a.updateItem('i1', 2));
    assert.equal(e2.code, 'NETWORK');
    assert.deepEqual(
      f.sent.map(line),
      ['PATCH /cart/items/i1 documented', 'PATCH /cart/items/i1 documented'],
      'quiet period: no new tests',
    );
    assert.equal(notices.length, 0);
    assert.equal(storage.map.size, 0);
  });

  it('an HTTP answer in documented mode (even a 500) is never a reason to switch', async () => {
    let n = 0;
    const f = fakeFetch((r) =>
      r.method === 'POST' && n++ === 0
        ? 'drop'
        : r.path === '/cart'
          ? { status: 500, body: { error: 'down' } }
          : undefined,
    );
    const a = api(f);
    const e = await rejection<ApiError>(a.addItem({ variantId: 'v1', quantity: 1 }));
    assert.equal(e.code, 'OUTCOME_UNKNOWN');
    assert.deepEqual(f.sent.map(line), ['POST /cart/items documented', 'GET / simple', 'GET /cart documented']);
    assert.equal(notices.length, 0);
  });

  it('concurrent stateful requests share one negotiation, and each is resent once', async () => {
    const f = fakeFetch(liveLike);
    const a = api(f);
    await a.store();
    const [c1, c2, c3] = await Promise.all([
      a.addItem({ variantId: 'v1', quantity: 1 }),
      a.updateItem('i1', 3),
      a.updateCart({ discountCode: 'X' }),
    ]);
    assert.ok(c1.id && c2.id && c3.id);
    const tests = f.sent.filter((r) => r.method === 'GET' && r.path === '/cart');
    assert.equal(tests.length, 3, 'documented, official, documented again: one negotiation for the three');
    for (const m of ['POST /cart/items', 'PATCH /cart/items/i1', 'PATCH /cart'])
      assert.deepEqual(f.sent.filter((r) => `${r.method} ${r.path}` === m).map(line), [
        `${m} documented`,
        `${m} official`,
      ]);
    assert.equal(notices.length, 1);
  });

  it('a timeout is not a CORS failure: no negotiation', async () => {
    const f = fakeFetch((r) => (r.method === 'POST' ? new Promise<never>(() => {}) : undefined));
    const a = api(f, { transport: { timeout: 30 } });
    const e = await rejection<ApiError>(a.addItem({ variantId: 'v1', quantity: 1 }));
    assert.equal(e.code, 'OUTCOME_UNKNOWN');
    assert.equal(f.sent.length, 1);
  });

  it('official mode keeps the request id on the client: retries reuse it, errors carry it', async () => {
    storage.setItem(KEY, JSON.stringify({ mode: 'official', until: t + DAY }));
    const f = fakeFetch((r) =>
      r.method === 'PATCH' ? { status: 422, body: { error: { code: 'VALIDATION_ERROR', message: 'Bad' } } } : undefined,
    );
    const a = api(f);
    const e = await rejection<ApiError>(a.updateCart({ email: 'x' }, { requestId: 'intent-1234' }));
    assert.equal(e.requestId, 'intent-1234');
    assert.ok(!('X-Request-Id' in f.sent[0]!.headers));
    assert.ok(!('Authorization' in f.sent[0]!.headers));
  });

  it('an expired choice tries documented again', async () => {
    storage.setItem(KEY, JSON.stringify({ mode: 'official', until: t - 1 }));
    const f = fakeFetch();
    await api(f).cart();
    assert.deepEqual(f.sent.map(line), ['GET /cart documented']);
  });

  it('a different API origin starts documented', async () => {
    storage.setItem(KEY, JSON.stringify({ mode: 'official', until: t + DAY }));
    const f = fakeFetch();
    await api(f, { apiBase: 'https://api.other.test/v3' }).cart();
    assert.deepEqual(f.sent.map(line), ['GET /cart documented']);
    assert.equal(BASE.startsWith(ORIGIN), true);
  });
});
