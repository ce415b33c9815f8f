import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, DEMO, US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true });
});

const review = (slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  h.call('POST', `/products/${slug}/reviews`, { token: null, body, headers });

describe('GET /products/{id}/reviews', () => {
  it('lists newest first with the whole product’s statistics and no totalPages, by slug or id', async () => {
    const r = await fetch(`${h.url}/public/${DEMO}/products/classic-tee/reviews`);
    assert.equal(r.status, 200);
    const body = await r.json();
    assert.deepEqual(body.meta, {
      page: 1,
      perPage: 10,
      total: 3,
      avgRating: 4.7,
      reviewCount: 3,
      ratingDistribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 2 },
    });
    assert.deepEqual(Object.keys(body.data[0]).sort(), [
      'authorName',
      'content',
      'createdAt',
      'id',
      'isVerifiedPurchase',
      'rating',
      'source',
      'title',
    ]);
    const dates = body.data.map((x: { createdAt: string }) => Date.parse(x.createdAt));
    assert.deepEqual(
      dates,
      [...dates].sort((a, b) => b - a),
    );
    const id = (await h.call('GET', '/products/classic-tee')).json.data.id;
    assert.equal((await h.call('GET', `/products/${id}/reviews`)).json.meta.total, 3);
  });

  it('has all five distribution keys and avgRating 0 without reviews; 404 for no product; pages by 10', async () => {
    const none = (await h.call('GET', '/products/keychain/reviews')).json;
    assert.deepEqual(none.meta, {
      page: 1,
      perPage: 10,
      total: 0,
      avgRating: 0,
      reviewCount: 0,
      ratingDistribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    });
    assert.equal((await h.call('GET', '/products/nope/reviews')).status, 404);
    for (let i = 0; i < 11; i++) await review('keychain', { rating: (i % 5) + 1, title: `T${i}`, content: 'ok' });
    const second = (await h.call('GET', '/products/keychain/reviews?page=2')).json;
    assert.equal(second.data.length, 1);
    assert.equal(second.meta.total, 11);
    assert.equal((await h.call('GET', '/products/keychain/reviews?page=0')).status, 422);
  });
});

describe('POST /products/{id}/reviews', () => {
  it('publishes at once and counts in the product’s reviewCount and averageRating', async () => {
    const r = await review('keychain', { rating: 4, title: 'Solid', content: 'Heavy and shiny.', authorName: 'Kim' });
    assert.equal(r.status, 201);
    assert.deepEqual(
      { ...r.json.data, id: typeof r.json.data.id, createdAt: typeof r.json.data.createdAt },
      {
        id: 'string',
        rating: 4,
        title: 'Solid',
        content: 'Heavy and shiny.',
        authorName: 'Kim',
        isVerifiedPurchase: false,
        source: 'organic',
        createdAt: 'string',
      },
    );
    const product = (await h.call('GET', '/products/keychain')).json.data;
    assert.deepEqual([product.reviewCount, product.averageRating], [1, 4]);
    assert.equal(
      (await review('keychain', { rating: 2, title: 'Meh', content: 'Tarnished.' })).json.data.authorName,
      'Anonymous',
    );
  });

  it('refuses a rating outside 1–5, an empty title or content, a title over 120, content over 5000', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ rating: 0, title: 'x', content: 'y' }, ['rating']],
      [{ rating: 3.5, title: 'x', content: 'y' }, ['rating']],
      [{ rating: 5, title: '  ', content: '' }, ['content', 'title']],
      [{ rating: 5, title: 'x'.repeat(121), content: 'y'.repeat(5001) }, ['content', 'title']],
    ];
    for (const [body, expected] of cases) {
      const r = await review('keychain', body);
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.deepEqual(r.json.error.details.map((d: { field: string }) => d.field).sort(), expected);
    }
    assert.equal((await h.call('GET', '/products/keychain')).json.data.reviewCount, 0);
  });

  it('names a signed-in customer "First L." and marks a paid purchase as verified', async () => {
    // Ada buys a knife and pays for it.
    const token = newToken();
    await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife' } });
    await h.call('PATCH', '/cart', {
      token,
      body: { email: 'ada@example.com', shippingAddress: US_ADDRESS, shippingRateId: 'ship_us_standard' },
    });
    const placed = (
      await h.call('POST', '/cart/checkout', { token, body: { agreeToTerms: true, paymentMethod: CARD } })
    ).json.data;
    const pay = (
      await h.call('POST', `/orders/${placed.orderId}/pay`, { token, body: { returnUrl: 'https://shop.example/' } })
    ).json.data;
    await fetch(pay.handoff.redirectUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=pay&card=4242424242424242',
    });
    // She signs in.
    await h.call('POST', '/customer/otp', { token: null, body: { email: 'ada@example.com' } });
    const code = (await h.lastMail('ada@example.com', 'login_code'))?.code;
    const session = (
      await h.call('POST', '/customer/otp/verify', { token: null, body: { email: 'ada@example.com', code } })
    ).json.data;
    const headers = { 'X-Customer-Token': session.token };
    const knife = await review('chefs-knife', { rating: 5, title: 'Sharp', content: 'Very.' }, headers);
    assert.deepEqual([knife.json.data.authorName, knife.json.data.isVerifiedPurchase], ['Ada L.', true]);
    const mug = await review('stoneware-mug', { rating: 4, title: 'Nice', content: 'Never bought it.' }, headers);
    assert.deepEqual([mug.json.data.authorName, mug.json.data.isVerifiedPurchase], ['Ada L.', false]);
    const stale = await review(
      'stoneware-mug',
      { rating: 4, title: 'Nice', content: 'x' },
      { 'X-Customer-Token': 'cst_unknown' },
    );
    assert.deepEqual(
      [stale.status, stale.json.data.authorName],
      [201, 'Anonymous'],
      'a stale token is a guest, not an error',
    );
  });
});
