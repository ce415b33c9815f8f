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
  await h.control({ reset: true });
});

/** Customer routes need no cart token; the helper's default one is left off to prove it. */
const customer = (method: string, path: string, options: { body?: unknown; customerToken?: string } = {}) =>
  h.call(method, path, {
    token: null,
    body: options.body,
    headers: options.customerToken ? { 'X-Customer-Token': options.customerToken } : {},
  });

async function signIn(email: string): Promise<{ token: string; expiresAt: string; customer: Record<string, unknown> }> {
  const sent = await customer('POST', '/customer/otp', { body: { email } });
  assert.deepEqual(sent.json.data, { sent: true, recognised: true, retryAfterSeconds: null });
  const code = (await h.lastMail(email, 'login_code'))?.code;
  assert.match(code ?? '', /^\d{6}$/);
  const r = await customer('POST', '/customer/otp/verify', { body: { email, code } });
  assert.equal(r.status, 200, r.text);
  return r.json.data;
}

describe('POST /customer/otp', () => {
  it('sends a code to a known customer (into the outbox, never into the answer), with a 60 s cooldown', async () => {
    const r = await customer('POST', '/customer/otp', { body: { email: 'Ada@Example.com' } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.data, { sent: true, recognised: true, retryAfterSeconds: null });
    const mail = await h.lastMail('ada@example.com', 'login_code');
    assert.ok(mail);
    assert.ok(!r.text.includes(mail.code), 'the code is never in a public response');
    const snapshot = (await (await fetch(`${h.origin}/__control`)).json()).data;
    assert.equal(snapshot.outbox[0].code, mail.code, 'the control snapshot shows the outbox too');
    clock += 20_000;
    const again = await customer('POST', '/customer/otp', { body: { email: 'ada@example.com' } });
    assert.deepEqual(again.json.data, { sent: false, recognised: true, retryAfterSeconds: 40 });
    clock += 40_000;
    assert.equal(
      (await customer('POST', '/customer/otp', { body: { email: 'ada@example.com' } })).json.data.sent,
      true,
    );
  });

  it('answers an unknown email calmly (sent and recognised false), a malformed one with 422', async () => {
    assert.deepEqual((await customer('POST', '/customer/otp', { body: { email: 'stranger@example.com' } })).json.data, {
      sent: false,
      recognised: false,
      retryAfterSeconds: null,
    });
    assert.equal(await h.lastMail('stranger@example.com'), undefined);
    const bad = await customer('POST', '/customer/otp', { body: { email: 'nope' } });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.error.details[0].field, 'email');
  });

  it('recognises anyone who has placed an order', async () => {
    const token = newToken();
    await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife' } });
    await h.call('PATCH', '/cart', {
      token,
      body: {
        email: 'new@example.com',
        customerName: 'Nia Newton',
        shippingAddress: US_ADDRESS,
        shippingRateId: 'ship_us_standard',
      },
    });
    assert.equal(
      (await h.call('POST', '/cart/checkout', { token, body: { agreeToTerms: true, paymentMethod: CARD } })).status,
      201,
    );
    const session = await signIn('new@example.com');
    assert.deepEqual(session.customer.firstName, 'Nia');
    const addresses = (await customer('GET', '/customer/addresses', { customerToken: session.token })).json.data;
    assert.equal(addresses.length, 1, 'the delivery address is remembered');
    assert.equal(addresses[0].line1, US_ADDRESS.line1);
  });
});

describe('POST /customer/otp/verify', () => {
  it('exchanges a code for a 30-day token once; the code is single use', async () => {
    const session = await signIn('ada@example.com');
    assert.match(session.token, /^cst_/);
    assert.equal(Date.parse(session.expiresAt) - clock, 30 * 86_400_000);
    assert.deepEqual(session.customer, {
      id: 'cus_seed01',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const code = (await h.lastMail('ada@example.com', 'login_code'))?.code;
    const reused = await customer('POST', '/customer/otp/verify', { body: { email: 'ada@example.com', code } });
    assert.equal(reused.status, 422);
    assert.equal(reused.json.error.details[0].field, 'code');
  });

  it('burns the code after 5 wrong tries, and expires it after 10 minutes', async () => {
    await customer('POST', '/customer/otp', { body: { email: 'ada@example.com' } });
    const code = (await h.lastMail('ada@example.com', 'login_code'))?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await customer('POST', '/customer/otp/verify', { body: { email: 'ada@example.com', code: wrong } });
      assert.equal(r.status, 422);
      assert.equal(r.json.error.details[0].field, 'code');
    }
    assert.equal(
      (await customer('POST', '/customer/otp/verify', { body: { email: 'ada@example.com', code } })).status,
      422,
      'burnt',
    );
    clock += 60_000;
    await customer('POST', '/customer/otp', { body: { email: 'ada@example.com' } });
    const fresh = (await h.lastMail('ada@example.com', 'login_code'))?.code;
    clock += 10 * 60_000;
    assert.equal(
      (await customer('POST', '/customer/otp/verify', { body: { email: 'ada@example.com', code: fresh } })).status,
      422,
      'expired',
    );
    assert.deepEqual(
      (
        await customer('POST', '/customer/otp/verify', { body: { email: 'ada@example.com', code: '12' } })
      ).json.error.details.map((d: { field: string }) => d.field),
      ['code'],
    );
  });

  it('does not touch the cart', async () => {
    const token = newToken();
    const cart = (await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife' } })).json.data;
    await signIn('ada@example.com');
    const after = (await h.call('GET', '/cart', { token })).json.data;
    assert.equal(after.updatedAt, cart.updatedAt);
  });
});

describe('signed-in reads', () => {
  it('/me, /addresses and /orders answer with X-Customer-Token; 401 without, with another header or expired', async () => {
    const { token } = await signIn('ada@example.com');
    const me = (await customer('GET', '/customer/me', { customerToken: token })).json.data;
    assert.deepEqual(me, {
      id: 'cus_seed01',
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+1 212 555 0100',
      ordersCount: 0,
      totalSpent: 0,
      lastOrderAt: null,
      createdAt: me.createdAt,
    });
    const addresses = (await customer('GET', '/customer/addresses', { customerToken: token })).json.data;
    assert.deepEqual(
      addresses.map((a: { city: string }) => a.city),
      ['Brooklyn', 'London'],
    );
    assert.deepEqual(Object.keys(addresses[0]).sort(), [
      'city',
      'company',
      'countryCode',
      'id',
      'line1',
      'line2',
      'name',
      'phone',
      'postalCode',
      'region',
    ]);
    for (const path of ['/customer/me', '/customer/addresses', '/customer/orders']) {
      assert.equal((await customer('GET', path)).status, 401, path);
      // Never as Authorization: the server ignores it there (and it is not the store key).
      assert.equal((await h.call('GET', path, { token: null, auth: `Bearer ${token}` })).status, 401, path);
    }
    clock += 30 * 86_400_000;
    const expired = await customer('GET', '/customer/me', { customerToken: token });
    assert.equal(expired.status, 401);
    assert.equal(expired.json.error.code, 'UNAUTHORIZED');
  });

  it('lists orders under the customer’s email, newest first, unpaged', async () => {
    const placed: string[] = [];
    for (const email of ['ada@example.com', 'other@example.com', 'ADA@example.com']) {
      const token = newToken();
      await h.call('POST', '/cart/items', { token, body: { productId: 'olive-wood-spoon' } });
      await h.call('PATCH', '/cart', {
        token,
        body: { email, shippingAddress: US_ADDRESS, shippingRateId: 'ship_us_standard' },
      });
      placed.push(
        (await h.call('POST', '/cart/checkout', { token, body: { agreeToTerms: true, paymentMethod: CARD } })).json.data
          .orderNumber,
      );
      clock += 1000;
    }
    const { token } = await signIn('ada@example.com');
    const orders = (await customer('GET', '/customer/orders', { customerToken: token })).json.data;
    assert.deepEqual(
      orders.map((o: { orderNumber: string }) => o.orderNumber),
      [placed[2], placed[0]],
    );
    assert.deepEqual(Object.keys(orders[0]).sort(), [
      'currencyCode',
      'fulfillmentStatus',
      'id',
      'orderNumber',
      'paymentStatus',
      'placedAt',
      'status',
      'total',
    ]);
    assert.equal(orders[0].fulfillmentStatus, 'unfulfilled');
    const me = (await customer('GET', '/customer/me', { customerToken: token })).json.data;
    assert.deepEqual([me.ordersCount, me.lastOrderAt], [2, orders[0].placedAt]);
  });

  it('signs out with 200 whatever the token, and the token stops working', async () => {
    const { token } = await signIn('ada@example.com');
    const out = await customer('POST', '/customer/signout', { body: {}, customerToken: token });
    assert.deepEqual([out.status, out.json.data], [200, { signedOut: true }]);
    assert.equal((await customer('GET', '/customer/me', { customerToken: token })).status, 401);
    assert.equal((await customer('POST', '/customer/signout', { body: {} })).status, 200);
    assert.equal(
      (await customer('POST', '/customer/signout', { body: {}, customerToken: 'cst_nonsense' })).status,
      200,
    );
  });

  it('does not serve profile edits, single customer orders or passwords (404)', async () => {
    const { token } = await signIn('ada@example.com');
    for (const [method, path] of [
      ['PATCH', '/customer/me'],
      ['PUT', '/customer/me'],
      ['GET', '/customer/orders/ord_x'],
      ['POST', '/customer/password'],
      ['POST', '/customer/addresses'],
    ]) {
      const r = await customer(method as string, path as string, { body: {}, customerToken: token });
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.equal(r.json.error.code, 'NOT_FOUND');
    }
  });
});
