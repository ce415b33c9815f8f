// `?cart_token=` recovery links (the contract's "Recovery links"): opt-in only, adopted only while
// the shopper's own cart is empty, and taken off the address bar at once either way — against the
// reference store, with real carts under real tokens.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createApiClient } from '../../src/api/index.js';
import { readScriptConfig } from '../../src/embed/script-config.js';
import { CartEngine } from '../../src/store/cart.js';
import { openStorage } from '../../src/store/storage.js';
import { takeRecoveryToken } from '../../src/store/recovery-link.js';
import { CartToken } from '../../src/store/token.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';
import { rememberCartToken } from '../helpers/returning-visitor.js';

const PRINT = 'var_d29_01'; // Art Print — Mountains: unlimited stock
const SPOON = 'var_d28_01'; // Olive Wood Spoon: unlimited
const engines: CartEngine[] = [];

/** A cart on the server under `token` (an abandoned cart, as the email's link names it). */
async function serverCart(token: string, variantId: string): Promise<void> {
  const response = await fetch(`${API_BASE}/public/${DEMO_KEY}/cart/items`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Cart-Token': token, Authorization: `Bearer ${DEMO_KEY}` },
    body: JSON.stringify({ variantId, quantity: 2 }),
  });
  expect(response.status, await response.clone().text()).to.be.oneOf([200, 201]);
}

async function openShop(recoveryToken: string | undefined, ownLine?: string) {
  const namespace = `${DEMO_KEY}@recovery-${Math.random().toString(36).slice(2)}`;
  const storage = await openStorage(namespace);
  // The shopper's own cart, made on an earlier visit (whose page minted the token and kept it).
  if (ownLine) await serverCart(await rememberCartToken(storage), ownLine);
  const token = new CartToken(storage);
  const api = createApiClient({ publicKey: DEMO_KEY, apiBase: API_BASE, cartToken: () => token.get() });
  const engine = new CartEngine({ api, token, storage, namespace, recoveryToken });
  engines.push(engine);
  await engine.start();
  return { engine, token };
}

const linkToken = () => `cart_${crypto.randomUUID()}`; // the official widget's form: 41 characters
const variants = (engine: CartEngine) => engine.state.lines.map((line) => line.variantId);

describe('cart recovery links', function () {
  this.timeout(30_000);
  const start = location.pathname + location.search + location.hash;

  beforeEach(() => freshStore());
  afterEach(async () => {
    sinon.restore();
    history.replaceState(history.state, '', start);
    await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
  });

  const visit = (query: string, hash = '') =>
    history.replaceState(history.state, '', `${location.pathname}?${query}${hash}`);

  it('opt-in off: the token is ignored, but taken off the address bar at once (other parameters and the hash kept)', () => {
    visit('utm_source=mail&cart_token=abcdefghijklmnop1234&q=a%20b', '#top');
    expect(takeRecoveryToken(false)).to.equal(undefined);
    expect(location.search).to.equal('?utm_source=mail&q=a%20b');
    expect(location.hash).to.equal('#top');
    visit('cart_token=abcdefghijklmnop1234');
    expect(takeRecoveryToken(undefined)).to.equal(undefined);
    expect(location.search).to.equal('');
  });

  it('a crafted path ("//other.example/…") neither throws nor keeps the token in the address bar', () => {
    // On its own, "//other.example/" reads as another origin: replaceState would throw a SecurityError.
    history.replaceState(history.state, '', `${location.origin}//other.example/?cart_token=abcdefghijklmnop1234&x=1`);
    expect(location.pathname).to.equal('//other.example/');
    expect(takeRecoveryToken(true)).to.equal('abcdefghijklmnop1234');
    expect(location.search).to.equal('?x=1');
    expect(location.pathname).to.equal('//other.example/', 'still on this origin, same path');
  });

  it('opt-in on: a well-formed token is taken; a malformed one is stripped and refused', () => {
    const token = linkToken();
    visit(`cart_token=${token}&page=2`);
    expect(takeRecoveryToken(true)).to.equal(token);
    expect(location.search).to.equal('?page=2');
    for (const bad of ['short', 'a'.repeat(129), 'abcdefghijklmnop%3Cx%3E', 'abcdefghijklmnop.qrs', '']) {
      visit(`cart_token=${bad}`);
      expect(takeRecoveryToken(true), bad).to.equal(undefined);
      expect(location.search, bad).to.equal('');
    }
    visit('other=1');
    expect(takeRecoveryToken(true)).to.equal(undefined);
    expect(location.search, 'a page without a link is left alone').to.equal('?other=1');
  });

  it('the drop-in reads data-cart-recovery (absent or "false": off)', () => {
    const script = document.createElement('script');
    script.dataset.publicKey = DEMO_KEY;
    expect(readScriptConfig(script)!.cartRecovery).to.equal(false);
    script.dataset.cartRecovery = '';
    expect(readScriptConfig(script)!.cartRecovery).to.equal(true);
    script.dataset.cartRecovery = 'false';
    expect(readScriptConfig(script)!.cartRecovery).to.equal(false);
  });

  it("on, with an empty own cart: the link's cart is adopted, and its token kept for the next page", async () => {
    const recovered = linkToken();
    await serverCart(recovered, PRINT);
    const { engine, token } = await openShop(recovered);
    expect(engine.state.recovery).to.equal('adopted');
    expect(await token.get()).to.equal(recovered);
    expect(variants(engine)).to.deep.equal([PRINT]);
    expect(engine.state.lines[0]!.quantity).to.equal(2);
  });

  it("on, with a non-empty own cart: the shopper's own cart is kept, and that is said", async () => {
    const info = sinon.stub(console, 'info');
    const recovered = linkToken();
    await serverCart(recovered, PRINT);
    const { engine, token } = await openShop(recovered, SPOON);
    expect(engine.state.recovery).to.equal('kept');
    expect(await token.get()).not.to.equal(recovered);
    expect(variants(engine)).to.deep.equal([SPOON]);
    expect(info.calledWithMatch(/recovery link/)).to.equal(true);
    expect(JSON.stringify(info.args), 'the token is not logged').not.to.contain(recovered);
  });

  it('off: nothing is adopted (no recovery outcome at all)', async () => {
    const { engine } = await openShop(undefined);
    expect(engine.state.recovery).to.equal(null);
    expect(engine.state.lines).to.deep.equal([]);
  });
});
