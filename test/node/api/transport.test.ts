// The transport's tolerance of the wire (no `data` wrapper, `error` as a string, field maps,
// 409 refusals with an order id), normalization at the edge, and every endpoint's route, header
// class and rate-limit class.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApiError,
  CheckoutRejection,
  classOf,
  createLimiter,
  ENDPOINT_LIMITS,
  CLASS_LIMITS,
} from '../../../src/api/index';
import { CART, client, fakeFetch, rejection, type Req } from './fake-fetch';

const simple = (r: Req) => Object.keys(r.headers).sort().join(',') === 'Accept,Accept-Language';

describe('transport tolerance', () => {
  it('a 2xx body that is the resource itself (no data wrapper) is read', async () => {
    const f = fakeFetch((r) =>
      r.path === '/cart'
        ? { body: CART }
        : r.path === '/'
          ? { body: { store: { id: 's', currency: 'EUR' } } }
          : undefined,
    );
    const a = client(f);
    assert.equal((await a.cart()).id, 'cart_1');
    assert.equal((await a.store()).currency, 'EUR');
  });

  it('the countries envelope with success: true, and a bare array of countries', async () => {
    const f = fakeFetch((_r, n) => ({
      body:
        n === 0
          ? { success: true, data: { countries: [{ code: 'US', name: 'US' }], locale: 'en' } }
          : [{ code: 'GB', name: 'UK' }],
    }));
    const a = client(f);
    assert.equal((await a.countries({ shippable: true })).countries[0]!.code, 'US');
    assert.equal((await a.countries({ locale: 'de' })).countries[0]!.code, 'GB');
    assert.deepEqual(
      f.sent.map((r) => r.path),
      ['/countries?shippable=1', '/countries?locale=de'],
    );
  });

  it('`error` as a plain string is the message; the code comes from the status', async () => {
    const f = fakeFetch(() => ({ status: 404, body: { error: 'Product not found' } }));
    const e = await rejection<ApiError>(client(f).product('nope'));
    assert.ok(e instanceof ApiError);
    assert.equal(e.message, 'Product not found');
    assert.equal(e.code, 'NOT_FOUND');
    assert.equal(e.status, 404);
  });

  it('a field map `errors: {field: [messages]}` becomes details; a top-level message is read', async () => {
    const f = fakeFetch(() => ({
      status: 422,
      body: {
        message: 'The given data was invalid.',
        errors: { email: ['Required', 'Must be an email'], 'shippingAddress.line1': 'Required' },
      },
    }));
    const e = await rejection<ApiError>(client(f).updateCart({ email: '' }));
    assert.equal(e.code, 'VALIDATION_ERROR');
    assert.equal(e.message, 'The given data was invalid.');
    assert.deepEqual(e.details, [
      { field: 'email', message: 'Required' },
      { field: 'email', message: 'Must be an email' },
      { field: 'shippingAddress.line1', message: 'Required' },
    ]);
  });

  it('envelope details are shape-checked; hostile entries are skipped', async () => {
    const f = fakeFetch(() => ({
      status: 422,
      body: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'Bad',
          details: [{ field: 'email', message: 'x' }, null, { field: 3 }, { message: 'no field' }],
        },
      },
    }));
    const e = await rejection<ApiError>(client(f).updateCart({ email: '' }));
    assert.deepEqual(e.details, [
      { field: 'email', message: 'x' },
      { field: '', message: 'no field' },
    ]);
  });

  it('a non-JSON error body becomes an error from the status alone', async () => {
    const f = fakeFetch(() => ({ status: 403, raw: '<html>Forbidden</html>' }));
    const e = await rejection<ApiError>(client(f).store());
    assert.equal(e.code, 'FORBIDDEN');
    assert.match(e.message, /HTTP 403 \(not JSON\)/);
  });

  it('409 refusals keep orderId (already_converted), from checkout and from cart mutations', async () => {
    const f = fakeFetch(() => ({
      status: 409,
      body: { rejection: 'already_converted', message: 'This cart is already an order', orderId: 'ord_9' },
    }));
    const a = client(f);
    // Each refusal is caught as it comes (they settle in any order).
    const refusals = await Promise.all(
      [a.checkout({}), a.addItem({ variantId: 'v', quantity: 1 }), a.capture('o1', { paypalOrderId: 'PP1' })].map((p) =>
        rejection<CheckoutRejection>(p),
      ),
    );
    for (const e of refusals) {
      assert.ok(e instanceof CheckoutRejection);
      assert.equal(e.rejection, 'already_converted');
      assert.equal(e.orderId, 'ord_9');
      assert.equal(e.message, 'This cart is already an order');
    }
    const g = fakeFetch(() => ({
      status: 409,
      body: { rejection: 'capture_failed', message: 'Declined', priceChanges: 'x' },
    }));
    const e = await rejection<CheckoutRejection>(client(g).capture('o1', { paypalOrderId: 'PP1' }));
    assert.equal(e.orderId, null);
    assert.deepEqual(e.priceChanges, []);
  });

  it('an answer that cannot be used is BAD_RESPONSE: not retried, not OUTCOME_UNKNOWN', async () => {
    const f = fakeFetch(() => ({ body: { data: { id: 'c', items: [] } } })); // a cart without totals
    const a = client(f, { transport: { retries: 2 } });
    const e = await rejection<ApiError>(a.cart());
    assert.equal(e.code, 'BAD_RESPONSE');
    assert.equal(e.status, 200);
    assert.match(e.requestId!, /^[\w-]{21}$/);
    assert.equal(f.sent.length, 1);
    const e2 = await rejection<ApiError>(a.addItem({ variantId: 'v', quantity: 1 }));
    assert.equal(e2.code, 'BAD_RESPONSE');
    assert.equal(f.sent.length, 2);
  });

  it('a hand-off to javascript: is refused before anyone navigates', async () => {
    const f = fakeFetch(() => ({
      body: {
        data: {
          paymentId: 'p',
          status: 'pending',
          gateway: 'x',
          handoff: { kind: 'redirect', redirectUrl: 'javascript:alert(1)' },
          amount: 1,
          currencyCode: 'USD',
        },
      },
    }));
    const e = await rejection<ApiError>(client(f).pay('o1', { returnUrl: 'https://shop.test/#tote-payment=return' }));
    assert.equal(e.code, 'BAD_RESPONSE');
  });

  it('a list with one bad product still resolves, without it', async () => {
    const f = fakeFetch(() => ({
      body: {
        data: [{ id: 'p1', name: 'A', images: [{ urls: { card: 'https://c/x.png' } }] }, { name: 'no id' }, 'junk'],
        meta: { page: 1, perPage: 20, total: 3, totalPages: 1, currency: 'USD' },
      },
    }));
    const l = await client(f).products();
    assert.deepEqual(
      l.data.map((p) => p.id),
      ['p1'],
    );
    assert.equal(l.data[0]!.images[0]!.url, 'https://c/x.png');
  });

  it('a body that is JSON null or a string is a bad answer', async () => {
    for (const raw of ['null', '"ok"', '42']) {
      const f = fakeFetch(() => ({ raw }));
      const e = await rejection<ApiError>(client(f, { transport: { retries: 0 } }).store());
      assert.equal(e.code, 'BAD_RESPONSE', raw);
    }
  });
});

describe('endpoints', () => {
  it('every endpoint: method, path, query and body', async () => {
    const f = fakeFetch();
    const a = client(f);
    await a.category('mugs', { include: ['children', 'parent'], lang: 'de' });
    await a.reviews('p1');
    await a.reviews('p1', 3);
    await a.submitReview('p1', { rating: 5, title: 'T', content: 'C', authorName: 'A' });
    await a.capture('o1', { paypalOrderId: 'PP-1' });
    await a.countries();
    await a.states('US', { locale: 'en' });
    await a.placesAutocomplete({ query: '1 Main', sessionToken: 'st-1', country: 'US' });
    await a.placeDetails({ placeId: 'pl 1', sessionToken: 'st-1' });
    await a.requestLoginCode('a@b.c');
    await a.verifyLoginCode('a@b.c', '123456');
    await a.customer();
    await a.customerAddresses();
    await a.customerOrders();
    await a.signOut();
    await a.updateCart({ giftCardCode: 'GIFT-1234' });
    assert.deepEqual(
      f.sent.map((r) => `${r.method} ${r.path}${r.body === undefined ? '' : ' ' + JSON.stringify(r.body)}`),
      [
        'GET /categories/mugs?include=children%2Cparent&lang=de',
        'GET /products/p1/reviews',
        'GET /products/p1/reviews?page=3',
        'POST /products/p1/reviews {"rating":5,"title":"T","content":"C","authorName":"A"}',
        'POST /orders/o1/capture {"paypalOrderId":"PP-1"}',
        'GET /countries',
        'GET /countries/US/states?locale=en',
        'GET /places/autocomplete?query=1+Main&sessionToken=st-1&country=US',
        'GET /places/details?placeId=pl+1&sessionToken=st-1',
        'POST /customer/otp {"email":"a@b.c"}',
        'POST /customer/otp/verify {"email":"a@b.c","code":"123456"}',
        'GET /customer/me',
        'GET /customer/addresses',
        'GET /customer/orders',
        'POST /customer/signout {}',
        'PATCH /cart {"giftCardCode":"GIFT-1234"}',
      ],
    );
  });

  it('simple reads carry no token and no custom header; stateful ones the whole set', async () => {
    const f = fakeFetch();
    const a = client(f, { customerToken: () => 'ct_secret' });
    await Promise.all([
      a.store(),
      a.products(),
      a.product('p'),
      a.categories(),
      a.category('c'),
      a.reviews('p'),
      a.paymentMethods(),
      a.countries({ shippable: true }),
      a.states('US'),
      a.placesAutocomplete({ query: 'abc', sessionToken: 's' }),
      a.placeDetails({ placeId: 'x', sessionToken: 's' }),
    ]);
    assert.equal(f.sent.length, 11);
    for (const r of f.sent) assert.ok(simple(r), `${r.path}: ${Object.keys(r.headers)}`);
    f.sent.length = 0;
    await a.cart();
    await a.shippingOptions();
    await a.orderStatus('o1');
    await a.order('o1');
    await a.customer();
    await a.customerOrders();
    await a.submitReview('p', { rating: 4, title: 't', content: 'c' });
    await a.requestLoginCode('a@b.c');
    for (const r of f.sent) {
      assert.equal(r.headers['X-Cart-Token'], 'tok_1234567890123456', r.path);
      assert.equal(r.headers['X-Customer-Token'], 'ct_secret', r.path);
      assert.equal(r.headers.Authorization, 'Bearer pk_test_tote_demo', r.path);
      assert.ok(r.headers['X-Request-Id'], r.path);
    }
  });

  it('the customer token is read per request; none when the getter returns null', async () => {
    let token: string | null = null;
    const f = fakeFetch();
    const a = client(f, { customerToken: async () => token });
    await a.cart();
    token = 'ct_2';
    await a.customer();
    assert.ok(!('X-Customer-Token' in f.sent[0]!.headers));
    assert.equal(f.sent[1]!.headers['X-Customer-Token'], 'ct_2');
    assert.ok(!String(f.sent[1]!.headers.Authorization).includes('ct_2'), 'never as Authorization');
  });

  it('answers are normalized: receipt, status, sign-in', async () => {
    const f = fakeFetch((r) =>
      r.path === '/orders/o1'
        ? {
            body: { data: { id: 'o1', orderNumber: '1', total: 900, giftCardTotal: 1000, paymentInstructions: 'Pay' } },
          }
        : r.path === '/orders/o1/status'
          ? { body: { data: { id: 'o1', status: 'completed' } } }
          : undefined,
    );
    const a = client(f);
    const r = await a.order('o1');
    assert.deepEqual([r.amountDue, r.taxes, r.addresses, r.paymentInstructions], [0, [], [], 'Pay']);
    assert.equal((await a.orderStatus('o1')).paymentStatus, 'completed');
    assert.equal((await a.verifyLoginCode('a@b.c', '1')).token, 'ct_1');
    assert.deepEqual(await a.signOut(), { signedOut: true });
  });
});

describe('rate-limit classes (the contract’s table)', () => {
  const table: [string, string][] = [
    ['GET /', 'read'],
    ['GET /products', 'read'],
    ['GET /products/{id}', 'read'],
    ['GET /products/{id}/reviews', 'read'],
    ['GET /categories', 'read'],
    ['GET /categories/{id}', 'read'],
    ['GET /cart', 'read'],
    ['GET /cart/shipping-options', 'read'],
    ['GET /payment-methods', 'read'],
    ['GET /orders/{id}', 'read'],
    ['GET /orders/{id}/status', 'read'],
    ['GET /customer/me', 'read'],
    ['GET /customer/addresses', 'read'],
    ['GET /customer/orders', 'read'],
    ['GET /countries', 'read'],
    ['GET /countries/{id}/states', 'read'],
    ['GET /places/autocomplete', 'read'],
    ['GET /places/details', 'read'],
    ['POST /cart/items', 'mutation'],
    ['PATCH /cart/items/{id}', 'mutation'],
    ['DELETE /cart/items/{id}', 'mutation'],
    ['PATCH /cart', 'mutation'],
    ['POST /customer/signout', 'mutation'],
    ['POST /cart/checkout', 'checkout'],
    ['POST /orders/{id}/pay', 'checkout'],
    ['POST /orders/{id}/capture', 'checkout'],
    ['POST /customer/otp', 'sensitive'],
    ['POST /products/{id}/reviews', 'sensitive'],
    ['POST /customer/otp/verify', 'sensitive'],
    ['PUT /elsewhere', 'fallback'],
    ['POST /session', 'fallback'],
    ['POST /cartography', 'fallback'],
  ];
  for (const [e, c] of table) it(`${e} → ${c}`, () => assert.equal(classOf(e), c));

  it('starts each endpoint at its documented lower bound; otp verify at 10', () => {
    const l = createLimiter({ share: false });
    assert.equal(ENDPOINT_LIMITS['POST /customer/otp/verify'], 10);
    assert.deepEqual(CLASS_LIMITS, { read: 60, mutation: 30, checkout: 30, sensitive: 5, fallback: 600 });
    void l.acquire('POST /customer/otp/verify');
    void l.acquire('POST /customer/otp');
    const by = Object.fromEntries(l.snapshot().endpoints.map((e) => [e.endpoint, e.limit]));
    assert.deepEqual(by, { 'POST /customer/otp/verify': 10, 'POST /customer/otp': 5 });
    l.dispose();
  });
});
