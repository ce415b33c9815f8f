// The account session (src/store/account/) over a scripted fetch and memory storage: every answer of
// POST /customer/otp in the contract's order (the cooldown first), each refusal of a code, the token
// stored at once and sent as X-Customer-Token (never Authorization), a 401 and expiry signing out,
// sign-out dropping the token before the server hears of it, and what a stored record must be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../src/api/index.js';
import { accountOf, codeRefusal, RESEND_COOLDOWN_MS, Session } from '../../../src/store/account/index.js';
import { SIGN_IN_KEY } from '../../../src/store/account/stored-sign-in.js';
import type { CustomerTokenHome } from '../../../src/store/customer-token.js';
import { createShop } from '../../../src/store/index.js';
import { memoryStorage } from '../../../src/store/storage.js';
import { client, fakeFetch, type Handler, type Req } from '../api/fake-fetch.js';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const DAY = 864e5;
const TOKEN = 'cst_abcdefghijklmnopqrstuvwx';
const VERIFIED = {
  data: {
    token: TOKEN,
    expiresAt: new Date(T0 + 30 * DAY).toISOString(),
    customer: { id: 'cus_1', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
  },
};
const ORDER = {
  id: 'ord_1',
  orderNumber: '1001',
  status: 'paid',
  paymentStatus: 'paid',
  fulfillmentStatus: 'unfulfilled',
  currencyCode: 'USD',
  total: 2500,
  placedAt: '2026-01-01T10:00:00Z',
};
const refusal = (message: string) => ({
  status: 422,
  body: { error: { code: 'VALIDATION_ERROR', message, details: [{ field: 'code', message }] } },
});

/** A session over a scripted API; `clock.now` is its time. */
function setup(
  handler?: Handler,
  home: CustomerTokenHome = { storage: memoryStorage(), namespace: `ns-${Math.random()}` },
) {
  const clock = { now: T0 };
  const f = fakeFetch(handler);
  const api = client(f, { customerToken: () => home.token?.(), limiterOptions: { now: () => clock.now } });
  const session = new Session({ api, home, now: () => clock.now });
  const on = (path: string) => f.sent.filter((r) => r.path === path);
  return { f, api, home, clock, session, on };
}

async function signIn(s: ReturnType<typeof setup>): Promise<void> {
  await s.session.requestCode('ada@example.com');
  await s.session.verify('123 456');
}

const header = (r: Req | undefined, name: string) => r?.headers[name];

describe('account session: asking for a code', () => {
  it('an invalid email is refused before any request', async () => {
    const { session, f } = setup();
    for (const email of ['', '  ', 'ada', 'ada@', 'a b@c.d']) {
      await session.requestCode(email);
      assert.equal(session.state.problem?.key, 'account.email-invalid', email);
    }
    assert.equal(f.sent.length, 0);
    assert.equal(session.state.ready, true);
  });

  it('a resend cooldown is checked first: "wait", never "no account", and the code form stays open', async () => {
    const cooldown = { body: { data: { sent: false, recognised: true, retryAfterSeconds: 42 } } };
    const { session, clock } = setup(() => cooldown);
    await session.requestCode('ada@example.com');
    assert.equal(session.state.problem?.key, 'account.wait');
    assert.equal(session.state.retryAt, clock.now + 42_000);
    assert.equal(session.state.phase, 'code-sent', 'a code went out within the cooldown');
    // A cooldown with recognised: false (a wire that says less) is still a wait, not "no account".
    const quiet = setup(() => ({ body: { data: { sent: false, recognised: false, retryAfterSeconds: 9 } } }));
    await quiet.session.requestCode('ada@example.com');
    assert.deepEqual([quiet.session.state.problem?.key, quiet.session.state.phase], ['account.wait', 'signed-out']);
  });

  it('an email the shop does not know: a calm message, the shopper goes on as a guest', async () => {
    const { session } = setup(() => ({ body: { data: { sent: false, recognised: false, retryAfterSeconds: null } } }));
    await session.requestCode('new@example.com');
    assert.deepEqual(
      [session.state.phase, session.state.recognised, session.state.problem?.key],
      ['signed-out', false, 'account.unknown-email'],
    );
  });

  it('a code sent: the code form, and a minute before the same email may ask again (no request spent)', async () => {
    const { session, clock, on } = setup();
    await session.requestCode(' ada@example.com ');
    assert.deepEqual(
      [session.state.phase, session.state.email, session.state.problem],
      ['code-sent', 'ada@example.com', null],
    );
    assert.equal(session.state.retryAt, T0 + RESEND_COOLDOWN_MS);
    clock.now += 20_000;
    await session.requestCode('ADA@example.com');
    assert.equal(on('/customer/otp').length, 1);
    assert.equal(session.state.problem?.key, 'account.wait');
    // Another email is not held by this one's cooldown.
    session.changeEmail();
    assert.deepEqual([session.state.phase, session.state.retryAt], ['signed-out', 0]);
    await session.requestCode('grace@example.com');
    assert.equal(on('/customer/otp').length, 2);
    clock.now += RESEND_COOLDOWN_MS;
    await session.requestCode('grace@example.com');
    assert.equal(on('/customer/otp').length, 3);
  });

  it('a double click sends one request', async () => {
    const { session, on } = setup();
    await Promise.all([session.requestCode('ada@example.com'), session.requestCode('ada@example.com')]);
    assert.equal(on('/customer/otp').length, 1);
  });

  it('a 429 and a lost answer: "wait" with the server’s time; the network, with the form where it was', async () => {
    const limited = setup(() => ({ status: 429, headers: { 'Retry-After': '17' }, body: {} }));
    await limited.session.requestCode('ada@example.com');
    assert.equal(limited.session.state.problem?.key, 'account.wait');
    assert.equal(limited.session.state.retryAt, T0 + 17_000);
    assert.equal(limited.on('/customer/otp').length, 1, 'not sent again');
    const lost = setup((r) => (r.path === '/customer/otp' ? 'drop' : undefined));
    await lost.session.requestCode('ada@example.com');
    assert.deepEqual([lost.session.state.problem?.key, lost.session.state.phase], ['error.network', 'signed-out']);
    assert.equal(lost.on('/customer/otp').length, 1);
    const down = setup(() => ({ status: 503, body: {} }));
    await down.session.requestCode('ada@example.com');
    assert.equal(down.session.state.problem?.key, 'error.busy');
  });

  it('the server’s 422 on the email is the email problem, with its sentence', async () => {
    const { session } = setup(() => ({
      status: 422,
      body: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'Bad',
          details: [{ field: 'email', message: 'Must be an email address.' }],
        },
      },
    }));
    await session.requestCode('ada@example.com');
    assert.deepEqual(session.state.problem, { key: 'account.email-invalid', text: 'Bad', field: 'email' });
  });
});

describe('account session: checking the code', () => {
  it('each refusal has its own key: wrong, expired, locked, anything else', async () => {
    const sentences: [string, string][] = [
      ['That code is not right. 4 tries left.', 'account.code-wrong'],
      ['This code has expired or was already used. Ask for a new one.', 'account.code-expired'],
      ['That code is not right, and it is now locked after 5 wrong tries. Ask for a new one.', 'account.code-locked'],
      ['This code is locked after 5 wrong tries. Ask for a new one.', 'account.code-locked'],
      ['Computer says no.', 'account.code-refused'],
    ];
    for (const [message, key] of sentences) {
      const { session, f } = setup((r) => (r.path === '/customer/otp/verify' ? refusal(message) : undefined));
      await session.requestCode('ada@example.com');
      await session.verify('000000');
      assert.equal(session.state.problem?.key, key, message);
      assert.equal(session.state.problem?.field, 'code');
      assert.equal(session.state.phase, 'code-sent');
      assert.equal(f.sent.filter((r) => r.path === '/customer/otp/verify').length, 1);
    }
    const forbidden = setup((r) =>
      r.path === '/customer/otp/verify' ? { status: 403, body: { error: 'No' } } : undefined,
    );
    await forbidden.session.requestCode('ada@example.com');
    await forbidden.session.verify('000000');
    assert.deepEqual(forbidden.session.state.problem, { key: 'account.code-refused', text: 'No', field: 'code' });
  });

  it('a machine-readable reason beside the sentence wins over the words', () => {
    const error = new ApiError(422, 'VALIDATION_ERROR', 'Nope', [
      { field: 'code', message: 'Nope', reason: 'expired' } as never,
    ]);
    assert.equal(codeRefusal(error), 'account.code-expired');
  });

  it('the right code: stored at once with its expiry, signed in, then profile, orders and addresses', async () => {
    const s = setup((r) =>
      r.path === '/customer/otp/verify'
        ? { body: VERIFIED }
        : r.path === '/customer/orders'
          ? { body: { data: [ORDER] } }
          : undefined,
    );
    await signIn(s);
    assert.deepEqual(s.on('/customer/otp/verify')[0]!.body, { email: 'ada@example.com', code: '123456' });
    assert.equal(s.session.state.phase, 'signed-in');
    assert.deepEqual(await s.home.storage.get(SIGN_IN_KEY), {
      token: TOKEN,
      expiresAt: T0 + 30 * DAY,
      email: 'ada@example.com',
      customer: VERIFIED.data.customer,
    });
    assert.equal(s.session.state.orders?.[0]?.orderNumber, '1001');
    assert.deepEqual(s.session.state.addresses, []);
    assert.equal(s.session.state.customer?.email, 'a@b.c', 'the profile read replaces the identity');
    for (const path of ['/customer/me', '/customer/orders', '/customer/addresses']) {
      const request = s.on(path)[0];
      assert.equal(header(request, 'X-Customer-Token'), TOKEN, path);
      assert.ok(!String(header(request, 'Authorization')).includes(TOKEN), 'never as Authorization');
    }
    // The cart and checkout carry it too; the simple reads never do.
    await s.api.cart();
    await s.api.products();
    assert.equal(header(s.on('/cart')[0], 'X-Customer-Token'), TOKEN);
    assert.equal(header(s.on('/products')[0], 'X-Customer-Token'), undefined);
    assert.equal(await s.session.token(), TOKEN);
  });

  it('one list that fails leaves it unread and the shopper signed in; a 401 signs out and drops the token', async () => {
    const partly = setup((r) =>
      r.path === '/customer/otp/verify'
        ? { body: VERIFIED }
        : r.path === '/customer/addresses'
          ? { status: 500, body: {} }
          : undefined,
    );
    await signIn(partly);
    assert.deepEqual(
      [
        partly.session.state.phase,
        partly.session.state.addresses,
        partly.session.state.orders,
        partly.session.state.problem?.key,
      ],
      ['signed-in', null, [], 'error.busy'],
    );
    const expired = setup((r) =>
      r.path === '/customer/otp/verify'
        ? { body: VERIFIED }
        : r.path === '/customer/orders'
          ? { status: 401, body: {} }
          : undefined,
    );
    await signIn(expired);
    assert.deepEqual(
      [expired.session.state.phase, expired.session.state.problem?.key, expired.session.state.orders],
      ['signed-out', 'account.signed-out-expired', null],
    );
    assert.equal(await expired.home.storage.get(SIGN_IN_KEY), undefined);
    assert.equal(await expired.session.token(), null);
    await expired.api.cart();
    assert.equal(header(expired.on('/cart')[0], 'X-Customer-Token'), undefined);
  });

  it('a verify that gets no answer is not sent again', async () => {
    const { session, on } = setup((r) => (r.path === '/customer/otp/verify' ? 'drop' : undefined));
    await session.requestCode('ada@example.com');
    await session.verify('123456');
    assert.deepEqual([session.state.phase, session.state.problem?.key], ['code-sent', 'error.network']);
    assert.equal(on('/customer/otp/verify').length, 1);
  });
});

describe('account session: signing out, expiry, what storage holds', () => {
  it('sign-out drops the token before the server is told, tells it with that token, and then sends none', async () => {
    let storedWhenTold: unknown = 'unread';
    const s = setup((r) => {
      if (r.path === '/customer/otp/verify') return { body: VERIFIED };
      if (r.path === '/customer/signout') {
        void s.home.storage.get(SIGN_IN_KEY).then((value) => (storedWhenTold = value));
        return 'drop'; // best effort: the outcome does not matter
      }
      return undefined;
    });
    await signIn(s);
    await s.session.signOut();
    assert.equal(storedWhenTold, undefined);
    assert.equal(header(s.on('/customer/signout')[0], 'X-Customer-Token'), TOKEN);
    assert.deepEqual(
      [s.session.state.phase, s.session.state.customer, s.session.state.problem],
      ['signed-out', null, null],
    );
    await s.api.cart();
    assert.equal(header(s.on('/cart').at(-1), 'X-Customer-Token'), undefined);
    assert.equal(s.on('/customer/signout').length, 1);
  });

  it('a stored token is read back on the next page; an expired one is dropped on read', async () => {
    const home: CustomerTokenHome = { storage: memoryStorage(), namespace: 'ns-reload' };
    const first = setup((r) => (r.path === '/customer/otp/verify' ? { body: VERIFIED } : undefined), home);
    await signIn(first);
    const next = setup(undefined, { storage: home.storage, namespace: home.namespace });
    assert.equal(await next.session.token(), TOKEN);
    assert.equal(next.session.state.phase, 'signed-in');

    // A month later: the token has expired. Read, it is dropped, never sent.
    const later = setup(undefined, { storage: home.storage, namespace: home.namespace });
    later.clock.now = T0 + 31 * DAY;
    assert.equal(await later.session.token(), null);
    assert.equal(later.session.state.phase, 'signed-out');
    assert.equal(await home.storage.get(SIGN_IN_KEY), undefined);
    await later.api.cart();
    assert.equal(header(later.on('/cart')[0], 'X-Customer-Token'), undefined);
  });

  it('a token that expires during the page is dropped at its next use', async () => {
    const s = setup((r) => (r.path === '/customer/otp/verify' ? { body: VERIFIED } : undefined));
    await signIn(s);
    s.clock.now = T0 + 30 * DAY;
    await s.api.cart();
    assert.equal(header(s.on('/cart').at(-1), 'X-Customer-Token'), undefined);
    assert.deepEqual(
      [s.session.state.phase, s.session.state.problem?.key],
      ['signed-out', 'account.signed-out-expired'],
    );
  });

  it('a corrupted stored record is ignored (and removed), never sent', async () => {
    const good = {
      token: TOKEN,
      expiresAt: T0 + DAY,
      email: 'a@b.c',
      customer: { id: 'c', email: null, firstName: null, lastName: null },
    };
    const corrupt: unknown[] = [
      'cst_plain_string_token',
      42,
      [],
      { ...good, token: 'has spaces in it 1234' },
      { ...good, token: 'tök_with_non_ascii_1234' },
      { ...good, token: 'short' },
      { ...good, expiresAt: 'tomorrow' },
      { ...good, expiresAt: null },
      { ...good, email: 7 },
      { ...good, customer: null },
      { ...good, customer: { id: 3 } },
      { ...good, customer: { ...good.customer, firstName: {} } },
    ];
    for (const value of corrupt) {
      const storage = memoryStorage();
      await storage.set(SIGN_IN_KEY, value);
      const s = setup(undefined, { storage, namespace: 'ns-corrupt' });
      assert.equal(await s.session.token(), null, JSON.stringify(value));
      assert.equal(s.session.state.phase, 'signed-out');
      assert.equal(await storage.get(SIGN_IN_KEY), undefined);
      await s.api.cart();
      assert.equal(header(s.on('/cart')[0], 'X-Customer-Token'), undefined);
    }
  });

  it('a token no header could carry is not stored: signing in fails visibly, the shop keeps working', async () => {
    const bad = { data: { ...VERIFIED.data, token: 'line\nbreak token' } };
    const s = setup((r) => (r.path === '/customer/otp/verify' ? { body: bad } : undefined));
    await signIn(s);
    assert.deepEqual([s.session.state.phase, s.session.state.problem?.key], ['code-sent', 'error.busy']);
    await s.api.cart();
    assert.equal(header(s.on('/cart')[0], 'X-Customer-Token'), undefined);
  });
});

describe('accountOf', () => {
  it('one session per shop, shared by its locale views; a shop without storage is refused', async () => {
    const apiBase = `https://account-${Math.random().toString(36).slice(2)}.test/v3`;
    const shop = createShop({ publicKey: 'pk_test_tote_demo', apiBase, locale: 'en' });
    const polish = createShop({ publicKey: 'pk_test_tote_demo', apiBase, locale: 'pl' });
    try {
      const session = accountOf(shop);
      assert.equal(accountOf(shop), session);
      assert.equal(accountOf(polish), session);
      assert.equal(await session.token(), null);
      assert.equal(session.state.ready, true);
      assert.throws(() => accountOf({ api: client(fakeFetch()) }), /createShop/);
    } finally {
      await shop.cart.dispose();
      (accountOf(shop) as Session).dispose();
    }
  });
});
