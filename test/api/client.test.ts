// Keys, transport and endpoints over a stubbed fetch (and fake timers where time matters).
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  ApiError,
  CheckoutRejection,
  ToteKeyError,
  assertPublishableKey,
  buildQuery,
  createApiClient,
  maskKey,
  type ApiClient,
} from '../../src/api/index';
import { fakeServer, type FakeReply, type FakeServerOptions } from './fake-server';
import { loadLaterEndpoints } from '../../src/api/endpoints';
import { loadStatefulRequests } from '../../src/api/transport';

const BASE = 'https://shop.test/v3';
const PK = 'pk_test_tote_demo';

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('keys', () => {
  const secrets = {
    sk_live_: 'Shoprocket secret key',
    sk_test_: 'Shoprocket secret key',
    shx_: 'Shoppex API key',
    shcs_: 'OAuth client secret',
    shoa_: 'authorization code',
    shpat_: 'access token',
    shprt_: 'refresh token',
  };
  const body = 'AbCdEfGhIjKlMnOpQrSt9876';

  for (const [prefix, kind] of Object.entries(secrets)) {
    it(`refuses ${prefix}… before any request, says what it is and to revoke it`, () => {
      const key = prefix + body;
      const fetch = sinon.spy();
      const before = performance.getEntriesByType('resource').length;
      let err: unknown;
      try {
        createApiClient({ publicKey: key, apiBase: BASE, fetch: fetch as unknown as typeof globalThis.fetch });
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(ToteKeyError);
      const e = err as ToteKeyError;
      expect(e.kind).to.equal('secret');
      expect(e.message).to.include(kind);
      expect(e.message).to.match(/never/i);
      expect(e.message).to.match(/revoke/i);
      expect(e.message).to.match(/rotate/i);
      expect(e.message).to.include(prefix + '…9876');
      expect(e.message).not.to.include(body.slice(0, 8));
      expect(fetch.callCount).to.equal(0);
      expect(performance.getEntriesByType('resource').length).to.equal(before);
    });
  }

  it('calls an OAuth client id "not a publishable key", and anything else too', () => {
    expect(() => assertPublishableKey('shoc_' + body)).to.throw(ToteKeyError, /not a publishable key/);
    expect(() => assertPublishableKey('pk_1234567')).to.throw(ToteKeyError, /not a publishable key/);
    expect(() => assertPublishableKey('PK_LIVE_' + body)).to.throw(ToteKeyError, /Use your publishable key \(pk_…\)/);
    expect(() => assertPublishableKey('hello')).to.throw(ToteKeyError, /not a publishable key/);
    expect(() => assertPublishableKey('')).to.throw(ToteKeyError, /no public-key/);
    expect(() => assertPublishableKey(undefined)).to.throw(ToteKeyError, /no public-key/);
    expect(() => assertPublishableKey('pk_live_a/../sk')).to.throw(ToteKeyError);
  });

  it('accepts pk_live_, pk_test_ and Shoprocket’s random pk_ keys', () => {
    expect(assertPublishableKey('pk_live_abc123')).to.equal('pk_live_abc123');
    expect(assertPublishableKey(' pk_test_tote_demo ')).to.equal('pk_test_tote_demo');
    expect(assertPublishableKey('pk_hAWE3kLmN0pQrStUvWxYz')).to.equal('pk_hAWE3kLmN0pQrStUvWxYz');
    expect(assertPublishableKey('pk_prod_' + body)).to.equal('pk_prod_' + body);
  });

  it('refuses secret keys in any case and behind invisible characters', () => {
    for (const key of [
      'SK_LIVE_' + body,
      '\u200Bsk_live_' + body,
      '\uFEFF\u00A0Sk_Test_' + body,
      's\u200Dk_live_' + body,
    ]) {
      let err: unknown;
      try {
        assertPublishableKey(key);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(key)).to.be.instanceOf(ToteKeyError);
      expect((err as ToteKeyError).kind).to.equal('secret');
      expect((err as Error).message).to.match(/revoke and rotate/i);
      expect((err as Error).message).not.to.include(body.slice(0, 8));
    }
  });

  it('masks to at most the prefix and the last four', () => {
    expect(maskKey('sk_live_' + body)).to.equal('sk_live_…9876');
    expect(maskKey('shpat_short')).to.equal('shpat_…');
    expect(maskKey('whatever-this-is-1234')).to.equal('…1234');
  });
});

describe('transport', () => {
  // The endpoints a first paint never calls load with their first call; these tests drive time by
  // fake timers, which do not wait for a module to load, so it is loaded before them.
  before(() => Promise.all([loadLaterEndpoints(), loadStatefulRequests()]));
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: Date.UTC(2026, 0, 1), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => clock.restore());

  function setup(server: FakeServerOptions = {}, extra: Partial<Parameters<typeof createApiClient>[0]> = {}) {
    const srv = fakeServer(server);
    const api: ApiClient = createApiClient({
      publicKey: PK,
      apiBase: BASE + '/',
      locale: 'de-CH',
      cartToken: 'tok_1',
      fetch: srv.fetch,
      shareBudget: false,
      transport: { random: () => 1 },
      ...extra,
    });
    return { srv, api };
  }
  const run = async <T>(p: Promise<T>, ms = 60_000): Promise<T> => {
    const [v] = await Promise.all([p, clock.tickAsync(ms)]);
    return v;
  };
  /** Replies in order, then the default. */
  const script =
    (...replies: (FakeReply | undefined)[]) =>
    (_: unknown, n: number) =>
      replies[n];
  /** Replies in order to requests of one method only (others, such as the header negotiation's reads, get the default). */
  const scriptFor = (method: string, ...replies: (FakeReply | undefined)[]) => {
    let n = 0;
    return (req: { method: string }) => (req.method === method ? replies[n++] : undefined);
  };

  it('builds URLs: the store at the bare base, ids encoded, empty query values left out', async () => {
    const { srv, api } = setup();
    await run(api.store());
    await run(api.product('a b/c'));
    await run(api.products({ q: 'mug', category: ['kitchen', 'sale'], page: 2, inStock: true, priceMin: undefined }));
    expect(srv.sent.map((s) => s.url)).to.deep.equal([
      `${BASE}/public/${PK}`,
      `${BASE}/public/${PK}/products/a%20b%2Fc`,
      `${BASE}/public/${PK}/products?q=mug&category=kitchen%2Csale&page=2&inStock=true`,
    ]);
    expect(buildQuery({})).to.equal('');
  });

  it('catalogue and lookup reads are CORS-simple; cart and order requests carry key, token, request id', async () => {
    const { srv, api } = setup();
    await run(api.products());
    await run(api.addItem({ variantId: 'v1', quantity: 2 }));
    await run(api.paymentMethods());
    await run(api.orderStatus('o1'));
    const [read, add, pm, st] = srv.sent;
    expect(read!.headers).to.deep.equal({ Accept: 'application/json', 'Accept-Language': 'de-CH' });
    expect(add!.headers).to.include({
      Authorization: `Bearer ${PK}`,
      'X-Cart-Token': 'tok_1',
      'Content-Type': 'application/json',
    });
    expect(add!.headers['X-Request-Id']).to.match(/^[\w-]{21}$/);
    expect(add!.body).to.deep.equal({ variantId: 'v1', quantity: 2 });
    // The contract: /payment-methods is a simple read, with no token (the official widget reads it so).
    expect(pm!.headers).to.deep.equal({ Accept: 'application/json', 'Accept-Language': 'de-CH' });
    expect(st!.headers).to.have.property('Authorization');
    expect(st!.headers).to.have.property('X-Cart-Token', 'tok_1');
    expect(new Set([add, st].map((s) => s!.headers['X-Request-Id'])).size, 'distinct jobs, distinct ids').to.equal(2);
  });

  it('calls every endpoint with its method and path', async () => {
    const { srv, api } = setup();
    await run(
      Promise.all([
        api.categories({ perPage: 50 }),
        api.cart(),
        api.updateItem('i1', 3),
        api.removeItem('i2'),
        api.updateCart({ discountCode: null, email: 'a@b.c' }),
        api.shippingOptions(),
        api.checkout({ expectedTotal: 1200, agreeToTerms: true }),
        api.pay('o1', { returnUrl: 'https://x/return' }),
        api.order('o1'),
      ]),
    );
    expect(srv.sent.map((s) => `${s.method} ${s.url.slice(`${BASE}/public/${PK}`.length)}`).sort()).to.deep.equal(
      [
        'GET /categories?perPage=50',
        'GET /cart',
        'PATCH /cart/items/i1',
        'DELETE /cart/items/i2',
        'PATCH /cart',
        'GET /cart/shipping-options',
        'POST /cart/checkout',
        'POST /orders/o1/pay',
        'GET /orders/o1',
      ].sort(),
    );
    expect(srv.sent.find((s) => s.method === 'PATCH' && s.url.endsWith('/i1'))!.body).to.deep.equal({ quantity: 3 });
  });

  it('lists resolve to {data, meta}; single resources to their data', async () => {
    const { api } = setup({
      reply: (req) =>
        req.url.includes('/products')
          ? {
              body: JSON.stringify({
                data: [{ id: 'p', name: 'P', slug: 'p', images: [] }],
                meta: { page: 1, total: 1 },
              }),
            }
          : { body: JSON.stringify({ data: { id: 'store', currency: 'EUR' } }) },
    });
    const list = await run(api.products());
    expect(list.data.map((p) => p.id)).to.deep.equal(['p']);
    expect(list.meta).to.include({ page: 1, total: 1 });
    expect(await run(api.store())).to.include({ id: 'store', currency: 'EUR' });
  });

  it('turns the error envelope into an ApiError with code, message, details, request id', async () => {
    const { api } = setup({
      reply: () => ({
        status: 422,
        headers: { 'X-Request-Id': 'srv-1' },
        body: JSON.stringify({
          error: { code: 'VALIDATION_ERROR', message: 'Bad email', details: [{ field: 'email', message: 'invalid' }] },
        }),
      }),
    });
    const e = await rejection(run(api.updateCart({ email: 'x' })));
    expect(e).to.be.instanceOf(ApiError);
    expect(e).to.include({ status: 422, code: 'VALIDATION_ERROR', message: 'Bad email', requestId: 'srv-1' });
    expect(e.details).to.deep.equal([{ field: 'email', message: 'invalid' }]);
  });

  it('HTML 502, empty body, malformed JSON: typed ApiError, never a SyntaxError', async () => {
    const html = {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<html><body>Bad Gateway</body></html>',
    };
    const { srv, api } = setup(
      { reply: script(html, html, html, { body: '' }, { body: '{"data": {"id"' }) },
      {
        transport: { retries: 2, random: () => 1 },
      },
    );
    const e1 = await rejection(run(api.store()));
    expect(e1).to.be.instanceOf(ApiError);
    expect(e1).to.include({ status: 502, code: 'INTERNAL' });
    expect(srv.sent).to.have.length(3); // a GET: tried 3 times
    const e2 = await rejection(run(api.addItem({ variantId: 'v', quantity: 1 })));
    expect(e2).to.include({ status: 200, code: 'OUTCOME_UNKNOWN' }); // a 200 with no body: it happened, but what?
    const e3 = await rejection(run(api.addItem({ variantId: 'v', quantity: 1 })));
    expect(e3).to.be.instanceOf(ApiError);
    expect(e3).not.to.be.instanceOf(SyntaxError);
    expect(srv.sent).to.have.length(5);
  });

  it('409 checkout refusals become a CheckoutRejection with priceChanges / stockIssues', async () => {
    const priceChanges = [{ itemId: 'i1', name: 'Mug', previousUnitPrice: 1200, currentUnitPrice: 1400 }];
    const stockIssues = [{ itemId: 'i2', name: 'Tee', requested: 3, available: 1 }];
    const { srv, api } = setup({
      reply: () => ({
        status: 409,
        body: JSON.stringify({ rejection: 'price_changed', message: 'Prices changed', priceChanges, stockIssues }),
      }),
    });
    const e = (await rejection(run(api.checkout({ expectedTotal: 1200 })))) as CheckoutRejection;
    expect(e).to.be.instanceOf(CheckoutRejection);
    expect(e).to.be.instanceOf(ApiError);
    expect(e).to.include({ status: 409, rejection: 'price_changed', message: 'Prices changed' });
    expect(e.priceChanges).to.deep.equal(priceChanges);
    expect(e.stockIssues).to.deep.equal(stockIssues);
    expect(srv.sent).to.have.length(1);
  });

  it('a retried job keeps its X-Request-Id; distinct jobs get distinct ids', async () => {
    const { srv, api } = setup({
      reply: scriptFor('PATCH', { status: 503 }, { drop: true }, undefined, { status: 500 }),
    });
    await run(api.updateItem('i1', 2));
    const patches = () => srv.sent.filter((s) => s.method === 'PATCH');
    expect(patches()).to.have.length(3);
    const ids = patches().map((s) => s.headers['X-Request-Id']);
    expect(new Set(ids).size).to.equal(1);
    // The dropped attempt had no HTTP response: the header negotiation looked (GET /, then GET /cart
    // answered with the documented set, so no switch), with ids of its own.
    expect(
      srv.sent.filter((s) => s.method === 'GET').map((s) => s.url.replace(/^.*\/public\/[^/]+/, '') || '/'),
    ).to.deep.equal(['/', '/cart']);
    expect(srv.sent.find((s) => s.url.endsWith('/cart'))!.headers['X-Request-Id']).not.to.equal(ids[0]);
    await run(api.updateItem('i1', 3));
    const id2 = patches()[4]!.headers['X-Request-Id'];
    expect(patches()[3]!.headers['X-Request-Id']).to.equal(id2);
    expect(id2).not.to.equal(ids[0]);
    await run(api.cart({ requestId: 'intent-7' }));
    expect(srv.sent.at(-1)!.headers['X-Request-Id']).to.equal('intent-7');
  });

  it('a call may ask for no retries (its caller retries on its own)', async () => {
    const { srv, api } = setup(
      { reply: script({ status: 503 }, { status: 503 }, { status: 503 }) },
      { transport: { retries: 2, random: () => 0 } },
    );
    const e = await rejection(run(api.updateItem('i1', 2, { retries: 0 })));
    expect(e).to.include({ status: 503 });
    expect(srv.sent).to.have.length(1);
  });

  it('backs off with full jitter under a cap between retries', async () => {
    const { srv, api } = setup(
      { reply: script({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }), latency: 0 },
      { transport: { random: () => 1, retries: 3, backoffBase: 300, backoffCap: 1000 } },
    );
    await rejection(run(api.cart()));
    const t = srv.sent.map((s) => s.t);
    const gaps = [t[1]! - t[0]!, t[2]! - t[1]!, t[3]! - t[2]!];
    [600, 1000, 1000].forEach((ms, i) => expect(gaps[i]).to.be.closeTo(ms, 2)); // min(cap, 300·2ⁿ) × random()
  });

  it('never re-sends POST /cart/items or /cart/checkout after a lost answer: OUTCOME_UNKNOWN', async () => {
    const { srv, api } = setup({
      reply: scriptFor('POST', { drop: true }, { status: 502, body: 'Bad Gateway' }, { status: 504 }),
    });
    const e1 = await rejection(run(api.addItem({ variantId: 'v', quantity: 1 })));
    expect(e1).to.include({ code: 'OUTCOME_UNKNOWN', status: 0 });
    expect(e1.requestId).to.equal(srv.sent[0]!.headers['X-Request-Id']);
    const e2 = await rejection(run(api.checkout()));
    expect(e2).to.include({ code: 'OUTCOME_UNKNOWN', status: 502 });
    const e3 = await rejection(run(api.pay('o1', { returnUrl: 'https://x' })));
    expect(e3.code).to.equal('OUTCOME_UNKNOWN');
    expect(srv.sent.filter((s) => s.method === 'POST')).to.have.length(3);
    // Only the negotiation's two reads besides (the dropped add proved nothing about CORS).
    expect(srv.sent.filter((s) => s.method !== 'POST')).to.have.length(2);
  });

  it('a 429 on a POST is sent again after the lock-out (the server did nothing)', async () => {
    const { srv, api } = setup(
      {
        reply: script(undefined, { status: 429, headers: { 'Retry-After': '3' }, body: '{}' }),
      },
      { limiterOptions: { random: () => 0 } },
    );
    await run(api.cart());
    const cart = await run(api.addItem({ variantId: 'v', quantity: 1 }), 10_000);
    expect(cart.id).to.equal('cart_2');
    expect(srv.sent).to.have.length(3);
    expect(srv.sent[2]!.t - srv.sent[1]!.t).to.be.at.least(3000);
    expect(srv.sent[2]!.headers['X-Request-Id']).to.equal(srv.sent[1]!.headers['X-Request-Id']);
  });

  it('gives up after three 429s with RATE_LIMITED and retryAfter', async () => {
    const r429 = {
      status: 429,
      headers: { 'Retry-After': '2' },
      body: '{"error":{"code":"RATE_LIMITED","message":"slow"}}',
    };
    const { api } = setup({ reply: script(r429, r429, r429) });
    const e = await rejection(run(api.cart(), 30_000));
    expect(e).to.include({ status: 429, code: 'RATE_LIMITED', retryAfter: 2 });
  });

  it('times out an attempt, retries a GET, then fails with TIMEOUT', async () => {
    const { srv, api } = setup({ latency: 20_000 }, { transport: { timeout: 1000, retries: 1, random: () => 0 } });
    const e = await rejection(run(api.cart()));
    expect(e).to.include({ code: 'TIMEOUT', status: 0 });
    expect(srv.sent).to.have.length(2);
    expect(srv.sent.every((s) => s.signal!.aborted)).to.equal(true);
  });

  it('a caller can abort: ABORTED, and the fetch is aborted', async () => {
    const { srv, api } = setup({ latency: 5000 });
    const ctl = new AbortController();
    const p = api.paymentMethods({ signal: ctl.signal });
    await clock.tickAsync(100);
    ctl.abort();
    const e = await rejection(run(p, 100));
    expect(e).to.include({ code: 'ABORTED' });
    expect(srv.sent[0]!.signal!.aborted).to.equal(true);
    const e2 = await rejection(api.cart({ signal: AbortSignal.abort() }));
    expect(e2.code).to.equal('ABORTED');
  });

  it('single-flight: identical concurrent GETs share one request; it ends only when all callers leave', async () => {
    const { srv, api } = setup({ latency: 1000 });
    const a = new AbortController();
    const b = new AbortController();
    const p1 = api.products({ q: 'x' }, { signal: a.signal });
    const p2 = api.products({ q: 'x' }, { signal: b.signal });
    const p3 = api.products({ q: 'x' });
    const other = api.products({ q: 'y' });
    await clock.tickAsync(1);
    expect(srv.sent).to.have.length(1); // 'y' waits for the first answer of the endpoint (probe)
    a.abort();
    expect((await rejection(p1)).code).to.equal('ABORTED');
    expect(srv.sent[0]!.signal!.aborted).to.equal(false);
    await run(Promise.all([p2, p3, other]), 3000);
    expect(srv.sent).to.have.length(2);
    expect(await p2).to.equal(await p3);
    // All leave: the shared request is aborted.
    const c = new AbortController();
    const p4 = api.products({ q: 'z' }, { signal: c.signal });
    await clock.tickAsync(1);
    c.abort();
    expect((await rejection(p4)).code).to.equal('ABORTED');
    await clock.tickAsync(2000);
    expect(srv.sent[2]!.signal!.aborted).to.equal(true);
    // Afterwards a new identical call makes a new request.
    await run(api.products({ q: 'z' }), 3000);
    expect(srv.sent).to.have.length(4);
  });

  it('uses the cart token function on each job', async () => {
    let token = 'first';
    const { srv, api } = setup({}, { cartToken: async () => token });
    await run(api.cart());
    token = 'second';
    await run(api.updateCart({ email: 'hi@shop.test' }));
    expect(srv.sent.map((s) => s.headers['X-Cart-Token'])).to.deep.equal(['first', 'second']);
  });

  it('defaults to the Shoprocket API and a per-client token', async () => {
    const cartBody = '{"data":{"id":"c","items":[],"totals":{"subtotal":0,"total":0}}}';
    const fetch = sinon.fake.resolves({ status: 200, headers: new Headers(), text: async () => cartBody });
    const api = createApiClient({ publicKey: PK, fetch, shareBudget: false });
    await api.cart();
    await api.cart({ requestId: 'x' });
    const [url, init] = fetch.firstCall.args as [string, RequestInit];
    expect(url).to.equal(`https://api.shoprocket.io/v3/public/${PK}/cart`);
    const t1 = (init.headers as Record<string, string>)['X-Cart-Token'];
    expect(t1).to.match(/^[\w-]{21}$/);
    expect((fetch.secondCall.args[1] as RequestInit).headers).to.have.property('X-Cart-Token', t1);
  });
});
