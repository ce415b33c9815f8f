// Signing in by emailed code, in the detail a client's messages depend on: which refusal is which
// (details[0].reason), the code's 10 minutes and 5 tries, the token's 30 days, and a signed-in
// shopper's orders, addresses and verified reviews.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
let clock = Date.parse('2026-11-22T12:00:00Z');
before(async () => {
  h = await startStore({ now: () => clock });
});
after(() => h.close());
beforeEach(async () => {
  clock += 3_600_000; // no cooldown or code of an earlier test is still running
  await h.control({ reset: true });
});

const customer = (method: string, path: string, options: { body?: unknown; customerToken?: string } = {}) =>
  h.call(method, path, {
    token: null,
    body: options.body,
    headers: options.customerToken ? { 'X-Customer-Token': options.customerToken } : {},
  });

const ask = (email: string) => customer('POST', '/customer/otp', { body: { email } });
const verify = (email: string, code: unknown) => customer('POST', '/customer/otp/verify', { body: { email, code } });
const codeFor = async (email: string): Promise<string> => {
  const code = (await h.lastMail(email, 'login_code'))?.code;
  assert.match(code ?? '', /^\d{6}$/, `a code for ${email} in the outbox`);
  return code as string;
};
const wrongFor = (code: string): string => (code === '000000' ? '111111' : '000000');

/** The refusal as a client reads it: status, envelope code, the field and its reason. */
const refusal = (r: { status: number; json: { error: { code: string; details: Record<string, unknown>[] } } }) => ({
  status: r.status,
  code: r.json.error.code,
  field: r.json.error.details[0]?.field,
  reason: r.json.error.details[0]?.reason,
  attemptsLeft: r.json.error.details[0]?.attemptsLeft,
});

async function signIn(email: string): Promise<string> {
  assert.equal((await ask(email)).json.data.sent, true);
  const r = await verify(email, await codeFor(email));
  assert.equal(r.status, 200, r.text);
  return r.json.data.token;
}

/** Places (and with `pay`, pays for) an order of one product, optionally while signed in. */
async function placeOrder(
  email: string,
  productId: string,
  options: { customerToken?: string; pay?: boolean } = {},
): Promise<{ orderId: string; orderNumber: string }> {
  const token = newToken();
  const headers: Record<string, string> = options.customerToken ? { 'X-Customer-Token': options.customerToken } : {};
  await h.call('POST', '/cart/items', { token, body: { productId } });
  await h.call('PATCH', '/cart', {
    token,
    body: { email, shippingAddress: { ...US_ADDRESS, line1: `${productId} St` }, shippingRateId: 'ship_us_standard' },
  });
  const placed = await h.call('POST', '/cart/checkout', {
    token,
    headers,
    body: { agreeToTerms: true, paymentMethod: CARD },
  });
  assert.equal(placed.status, 201, placed.text);
  if (options.pay) {
    const pay = await h.call('POST', `/orders/${placed.json.data.orderId}/pay`, {
      token,
      body: { returnUrl: 'https://shop.example/' },
    });
    await fetch(pay.json.data.handoff.redirectUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=pay&card=4242424242424242',
    });
  }
  return placed.json.data;
}

describe('POST /customer/otp', () => {
  it('answers 200 for any well-formed email and 422 on `email` for anything else', async () => {
    for (const email of ['ada@example.com', 'nobody@example.org', 'Mixed.Case+tag@Example.COM']) {
      const r = await ask(email);
      assert.equal(r.status, 200, email);
      assert.deepEqual(Object.keys(r.json.data).sort(), ['recognised', 'retryAfterSeconds', 'sent']);
    }
    for (const body of [{}, { email: '' }, { email: 'ada' }, { email: 42 }, { email: null }]) {
      const r = await customer('POST', '/customer/otp', { body });
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.equal(r.json.error.code, 'VALIDATION_ERROR');
      assert.equal(r.json.error.details[0].field, 'email');
    }
  });

  it('keeps the code out of every public answer; the cooldown is per email', async () => {
    const r = await ask('ada@example.com');
    const code = await codeFor('ada@example.com');
    assert.ok(!r.text.includes(code));
    assert.ok(![...r.headers.values()].some((v) => v.includes(code)));
    assert.deepEqual((await ask('ada@example.com')).json.data, {
      sent: false,
      recognised: true,
      retryAfterSeconds: 60,
    });
    assert.equal((await ask('grace@example.com')).json.data.sent, true, 'another email is not held back');
    const session = await verify('ada@example.com', code);
    assert.ok(!session.text.includes(code));
  });
});

describe('refused codes say why (details[0].reason)', () => {
  it('wrong, with the tries left; the fifth miss locks it, and then even the right code is refused', async () => {
    await ask('ada@example.com');
    const code = await codeFor('ada@example.com');
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(refusal(await verify('ada@example.com', wrongFor(code))));
    const wrong = (attemptsLeft: number) => ({
      status: 422,
      code: 'VALIDATION_ERROR',
      field: 'code',
      reason: 'wrong',
      attemptsLeft,
    });
    assert.deepEqual(seen, [wrong(4), wrong(3), wrong(2), wrong(1), { ...wrong(0), reason: 'locked' }]);
    const locked = await verify('ada@example.com', code);
    assert.deepEqual(refusal(locked), { ...wrong(0), reason: 'locked' });
    assert.match(locked.json.error.message, /locked/);
    // A new code after the cooldown works again.
    clock += 60_000;
    assert.equal((await ask('ada@example.com')).json.data.sent, true);
    assert.equal((await verify('ada@example.com', await codeFor('ada@example.com'))).status, 200);
  });

  it('expired: after 10 minutes, once used, or when no code was sent (known and unknown emails alike)', async () => {
    await ask('ada@example.com');
    const code = await codeFor('ada@example.com');
    clock += 10 * 60_000 - 1;
    assert.equal((await verify('ada@example.com', wrongFor(code))).json.error.details[0].reason, 'wrong');
    clock += 1;
    const expired = await verify('ada@example.com', code);
    assert.deepEqual(refusal(expired), {
      status: 422,
      code: 'VALIDATION_ERROR',
      field: 'code',
      reason: 'expired',
      attemptsLeft: undefined,
    });
    clock += 60_000;
    await ask('ada@example.com');
    const fresh = await codeFor('ada@example.com');
    assert.equal((await verify('ADA@example.com', fresh)).status, 200, 'the email is matched case-insensitively');
    assert.equal(refusal(await verify('ada@example.com', fresh)).reason, 'expired', 'a used code');
    const known = await verify('grace@example.com', '123456');
    const unknown = await verify('nobody@example.org', '123456');
    assert.deepEqual(refusal(known), refusal(unknown));
    assert.equal(known.json.error.message, unknown.json.error.message);
    assert.equal(refusal(known).reason, 'expired');
  });

  it('a malformed code is a plain validation error that costs no try', async () => {
    await ask('ada@example.com');
    const code = await codeFor('ada@example.com');
    for (const bad of ['12345', '1234567', '12 456', 123456, null]) {
      const r = await verify('ada@example.com', bad);
      assert.equal(r.status, 422);
      assert.equal(r.json.error.details[0].field, 'code');
      assert.equal(r.json.error.details[0].reason, undefined, JSON.stringify(bad));
    }
    assert.equal((await verify('ada@example.com', wrongFor(code))).json.error.details[0].attemptsLeft, 4);
  });
});

describe('the customer token', () => {
  it('works for 30 days and not a moment longer; 401 when missing, unknown or signed out', async () => {
    const token = await signIn('grace@example.com');
    clock += 30 * 86_400_000 - 1;
    assert.equal((await customer('GET', '/customer/me', { customerToken: token })).status, 200);
    clock += 1;
    for (const path of ['/customer/me', '/customer/addresses', '/customer/orders']) {
      assert.equal((await customer('GET', path, { customerToken: token })).status, 401, `${path} expired`);
      assert.equal((await customer('GET', path)).status, 401, `${path} without a token`);
      assert.equal((await customer('GET', path, { customerToken: 'cst_nope' })).status, 401, `${path} unknown`);
    }
    const again = await signIn('grace@example.com');
    assert.equal((await customer('POST', '/customer/signout', { body: {}, customerToken: again })).status, 200);
    assert.equal((await customer('GET', '/customer/orders', { customerToken: again })).status, 401);
  });
});

describe('a signed-in shopper', () => {
  it('finds orders placed while signed in in their history, whatever email they carry, newest first', async () => {
    const token = await signIn('grace@example.com');
    const first = await placeOrder('grace@example.com', 'chefs-knife');
    clock += 1000;
    const gift = await placeOrder('grace.work@example.net', 'olive-wood-spoon', { customerToken: token, pay: true });
    clock += 1000;
    await placeOrder('someone@example.org', 'stoneware-mug'); // a guest's: not hers
    const orders = (await customer('GET', '/customer/orders', { customerToken: token })).json.data;
    assert.deepEqual(
      orders.map((o: { orderNumber: string }) => o.orderNumber),
      [gift.orderNumber, first.orderNumber],
    );
    assert.deepEqual(
      [orders[0].paymentStatus, orders[0].status, orders[1].paymentStatus],
      ['paid', 'confirmed', 'pending'],
    );
    const me = (await customer('GET', '/customer/me', { customerToken: token })).json.data;
    assert.deepEqual([me.ordersCount, me.lastOrderAt, me.totalSpent], [2, orders[0].placedAt, orders[0].total]);
    const lines = (await customer('GET', '/customer/addresses', { customerToken: token })).json.data.map(
      (a: { line1: string }) => a.line1,
    );
    assert.ok(lines.includes('olive-wood-spoon St'), 'the address of the order placed while signed in is saved');
    // The other email became a customer of its own, who sees that order too.
    assert.equal((await ask('grace.work@example.net')).json.data.recognised, true);
    // The paid order makes her review of the spoon a verified purchase.
    const review = await h.call('POST', '/products/olive-wood-spoon/reviews', {
      token: null,
      headers: { 'X-Customer-Token': token },
      body: { rating: 5, title: 'Smooth', content: 'Oiled it once.' },
    });
    assert.equal(review.status, 201);
    assert.equal(review.json.data.isVerifiedPurchase, true);
  });

  it('verifying a code touches no cart, and an order placed with a stale token is still placed', async () => {
    const cartToken = newToken();
    const cart = (await h.call('POST', '/cart/items', { token: cartToken, body: { productId: 'chefs-knife' } })).json
      .data;
    const token = await signIn('ada@example.com');
    assert.deepEqual((await h.call('GET', '/cart', { token: cartToken })).json.data, cart);
    await customer('POST', '/customer/signout', { body: {}, customerToken: token });
    const placed = await placeOrder('guest@example.org', 'chefs-knife', { customerToken: token });
    assert.ok(placed.orderId, 'a dead token at checkout is a guest, not an error');
    clock += 60_000;
    const ada = await signIn('ada@example.com');
    assert.equal((await customer('GET', '/customer/orders', { customerToken: ada })).json.data.length, 0);
  });
});

describe('reviews in the catalogue', () => {
  it('count in the product list as well as the product', async () => {
    const listed = async () =>
      (await h.call('GET', '/products?ids=keychain')).json.data.map(
        (p: { reviewCount: number; averageRating: number }) => [p.reviewCount, p.averageRating],
      );
    assert.deepEqual(await listed(), [[0, 0]]);
    for (const rating of [5, 4, 4]) {
      await h.call('POST', '/products/keychain/reviews', { token: null, body: { rating, title: 'T', content: 'C' } });
    }
    assert.deepEqual(await listed(), [[3, 4.3]]);
    const page = (await h.call('GET', '/products/keychain/reviews')).json.meta;
    assert.deepEqual(
      [page.avgRating, page.reviewCount, page.ratingDistribution],
      [4.3, 3, { 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 }],
    );
  });
});
