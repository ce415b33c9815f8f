// The account session against the real reference store, with real IndexedDB and BroadcastChannel:
// the code read from the store's outbox (as the demo's mailbox shows it), the order placed earlier,
// a 401 dropping the token, two tabs, six code requests in a minute, and what a stored record must be.
import { expect } from '@open-wc/testing';
import { createApiClient, type ApiClient } from '../../../src/api/index.js';
import { Session } from '../../../src/store/account/index.js';
import { SIGN_IN_KEY, type StoredSignIn } from '../../../src/store/account/stored-sign-in.js';
import type { CustomerTokenHome } from '../../../src/store/customer-token.js';
import { openStorage } from '../../../src/store/storage.js';
import { CartToken } from '../../../src/store/token.js';
import {
  API_BASE,
  DEMO_KEY,
  control,
  counters,
  freshStore,
  requireReferenceStore,
  loginCodeFor,
} from '../../helpers/reference-store.js';
import { waitUntil } from '../../helpers/wait.js';

const ADA = 'ada@example.com';
const ADDRESS = {
  name: 'Ada Lovelace',
  company: null,
  line1: '1 Main St',
  line2: null,
  city: 'Brooklyn',
  region: 'NY',
  postalCode: '11201',
  countryCode: 'US',
  phone: null,
};

const open: Session[] = [];
const namespace = () => `${DEMO_KEY}@account-${Math.random().toString(36).slice(2)}`;

/** One tab of the shop: its own client and session over the namespace's storage. */
async function openTab(ns: string) {
  const storage = await openStorage(ns);
  const home: CustomerTokenHome = { storage, namespace: ns };
  const cartToken = new CartToken(storage);
  const sent: Request[] = [];
  const api = createApiClient({
    publicKey: DEMO_KEY,
    apiBase: API_BASE,
    cartToken: () => cartToken.get(),
    customerToken: () => home.token?.(),
    fetch: (input, init) => (sent.push(new Request(input, init)), fetch(input, init)),
  });
  const session = new Session({ api, home });
  open.push(session);
  await waitUntil(() => session.state.ready, 'the stored sign-in is read');
  return { api, session, storage, sent };
}

/** A guest's order under `email` (bank transfer: no payment page). */
async function placeOrder(api: ApiClient, email: string): Promise<string> {
  const { data } = await api.products({ perPage: 50 });
  const variant = data
    .filter((product) => product.kind === 'physical')
    .flatMap((product) => product.variants)
    .find((v) => v.sellableQuantity === null)!;
  await api.addItem({ variantId: variant.id, quantity: 1 });
  let cart = await api.updateCart({ email, shippingAddress: ADDRESS, billingAddress: ADDRESS });
  const shipping = await api.shippingOptions();
  if (shipping.options.length) cart = await api.updateCart({ shippingRateId: shipping.options[0]!.id });
  const store = await api.store();
  const placed = await api.checkout({
    paymentMethod: { kind: 'manual', manualMethodId: 'bank_transfer' },
    expectedTotal: cart.totals.total,
    agreeToTerms: store.checkout.termsMode === 'required_checkbox' ? true : undefined,
  });
  return placed.orderNumber;
}

async function signIn(session: Session, email = ADA): Promise<void> {
  await session.requestCode(email);
  expect(session.state.phase, String(session.state.problem?.key)).to.equal('code-sent');
  await session.verify(await loginCodeFor(email));
  expect(session.state.phase, String(session.state.problem?.key)).to.equal('signed-in');
}

describe('account session against the reference store', function () {
  this.timeout(30_000);
  before(() => requireReferenceStore());
  beforeEach(() => freshStore());
  afterEach(() => open.splice(0).forEach((session) => session.dispose()));

  it('signs in by the code from the outbox, shows the order placed earlier, signs out', async () => {
    const guest = await openTab(namespace());
    const orderNumber = await placeOrder(guest.api, ADA);
    const { session, storage, sent } = await openTab(namespace());
    await signIn(session);
    expect(session.state.orders!.map((order) => order.orderNumber)).to.include(orderNumber);
    expect(session.state.addresses!.map((address) => address.city)).to.include('Brooklyn');
    expect(session.state.customer).to.include({ firstName: 'Ada', email: ADA });

    const stored = (await storage.get(SIGN_IN_KEY)) as StoredSignIn;
    expect(stored.token).to.be.a('string').and.not.empty;
    expect(stored.expiresAt - Date.now()).to.be.within(29 * 864e5, 30 * 864e5 + 6e4);
    const me = sent.find((request) => request.url.endsWith('/customer/me'))!;
    expect(me.headers.get('X-Customer-Token')).to.equal(stored.token);
    expect(me.headers.get('Authorization')).to.equal(`Bearer ${DEMO_KEY}`);

    await session.signOut();
    expect(session.state.phase).to.equal('signed-out');
    expect(await storage.get(SIGN_IN_KEY)).to.equal(undefined);
    // The server has forgotten the token too.
    const after = await fetch(`${API_BASE}/public/${DEMO_KEY}/customer/me`, {
      headers: { 'X-Customer-Token': stored.token },
    });
    expect(after.status).to.equal(401);
  });

  it('a 401 (the server no longer knows the token) signs out and drops it', async () => {
    const { session, storage } = await openTab(namespace());
    await signIn(session);
    const { token } = (await storage.get(SIGN_IN_KEY)) as StoredSignIn;
    // Signed out elsewhere (another device, the server's expiry): the token is dead.
    await fetch(`${API_BASE}/public/${DEMO_KEY}/customer/signout`, {
      method: 'POST',
      headers: { 'X-Customer-Token': token, 'Content-Type': 'application/json' },
      body: '{}',
    });
    await session.refresh();
    expect(session.state.phase).to.equal('signed-out');
    expect(session.state.problem?.key).to.equal('account.signed-out-expired');
    expect(await storage.get(SIGN_IN_KEY)).to.equal(undefined);
    expect(await session.token()).to.equal(null);
  });

  it('wrong codes are counted by the server: four say "wrong", the fifth locks the code', async () => {
    const { session } = await openTab(namespace());
    await session.requestCode(ADA);
    const code = await loginCodeFor(ADA);
    const wrong = String((Number(code) + 1) % 1e6).padStart(6, '0');
    for (let i = 0; i < 4; i++) {
      await session.verify(wrong);
      expect(session.state.problem?.key).to.equal('account.code-wrong');
    }
    await session.verify(wrong);
    expect(session.state.problem?.key).to.equal('account.code-locked');
    await session.verify(code);
    expect(session.state.problem?.key, 'the right code no longer opens a locked one').to.equal('account.code-locked');
    expect(session.state.phase).to.equal('code-sent');
  });

  it('two tabs of the shop: signing in and out in one is seen in the other', async () => {
    const ns = namespace();
    const [one, two] = [await openTab(ns), await openTab(ns)];
    await signIn(one.session);
    await waitUntil(() => two.session.state.phase === 'signed-in', 'the other tab is signed in');
    await waitUntil(() => two.session.state.orders !== null, 'the other tab reads the orders itself');
    expect(await two.session.token()).to.equal(await one.session.token());
    await one.session.signOut();
    await waitUntil(() => two.session.state.phase === 'signed-out', 'the other tab is signed out');
    expect(await two.session.token()).to.equal(null);
    expect(two.session.state.problem).to.equal(null);
  });

  it('six code requests in a minute: the sixth is held back with a countdown, and the server counts no 429', async () => {
    const { session } = await openTab(namespace());
    const started = Date.now();
    for (let i = 0; i < 5; i++) {
      await session.requestCode(`shopper${i}@example.com`);
      expect(session.state.problem?.key).to.equal('account.unknown-email');
      session.changeEmail();
    }
    await session.requestCode('shopper5@example.com');
    expect(session.state.problem?.key).to.equal('account.wait');
    expect(session.state.retryAt - started).to.be.within(50_000, 62_000);
    const c = await counters();
    expect(c.requests['POST /customer/otp']).to.equal(5);
    expect(c.rateLimited).to.equal(0);
  });

  it('an expired stored sign-in is dropped on read; a corrupted one is ignored, and the cart still works', async () => {
    const ns = namespace();
    const storage = await openStorage(ns);
    const customer = { id: 'cus_x', email: ADA, firstName: null, lastName: null };
    await storage.set(SIGN_IN_KEY, { token: 'cst_expired_token_123', expiresAt: Date.now() - 1, email: ADA, customer });
    const expired = await openTab(ns);
    expect(expired.session.state.phase).to.equal('signed-out');
    expect(await storage.get(SIGN_IN_KEY)).to.equal(undefined);

    for (const corrupt of [
      { token: 'line\nbreak-token-1234', expiresAt: Date.now() + 864e5, email: ADA, customer },
      'x',
      [1],
    ]) {
      await storage.set(SIGN_IN_KEY, corrupt);
      const tab = await openTab(ns);
      expect(tab.session.state.phase).to.equal('signed-out');
      await tab.api.cart(); // a token fetch could not send would fail every stateful request
      expect(tab.sent.at(-1)!.headers.get('X-Customer-Token')).to.equal(null);
    }
  });

  it('a lost answer to the code request keeps the form; asking again meets the cooldown and can enter the code', async () => {
    const { session } = await openTab(namespace());
    await control({ faults: 'lost=1' });
    await session.requestCode(ADA);
    await control({ faults: null });
    expect(session.state.problem?.key).to.equal('error.network');
    expect(session.state.phase).to.equal('signed-out');
    await session.requestCode(ADA); // the code did go out: the store says "wait", not "no account"
    expect(session.state.problem?.key).to.equal('account.wait');
    expect(session.state.phase).to.equal('code-sent');
    await session.verify(await loginCodeFor(ADA));
    expect(session.state.phase).to.equal('signed-in');
  });
});
