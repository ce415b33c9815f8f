// shop.cart (store/shop-cart.ts) as the elements get it — through shop.ts, not the headless entry,
// so the cart engine is not loaded from the start — against the reference store, with real
// IndexedDB and BroadcastChannel: what the count shows before the engine loads, what loads it,
// and that nothing the shopper did before it loaded is lost.
import { expect } from '@open-wc/testing';
import { createApiClient } from '../../src/api/index.js';
import { ShopCart } from '../../src/store/shop-cart.js';
import { openStorage, type KeyValueStorage } from '../../src/store/storage.js';
import { API_BASE, DEMO_KEY, counters, freshStore } from '../helpers/reference-store.js';
import { waitUntil } from '../helpers/wait.js';

const PRINT = 'var_d29_01'; // Art Print — Mountains: unlimited stock
const PIN = 'var_d43_01'; // Enamel Pin: unlimited

const carts: ShopCart[] = [];
const freshNamespace = () => `${DEMO_KEY}@shop-cart-${Math.random().toString(36).slice(2)}`;

/** One page's cart over `namespace`'s storage, counting this page's requests. */
async function openPage(namespace: string, storage?: KeyValueStorage, network: typeof fetch = window.fetch) {
  const kv = storage ?? (await openStorage(namespace));
  const requests: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.replace(/^.*\/public\/[^/]+/, '')}`);
    return network(input, init);
  };
  const api = createApiClient({ publicKey: DEMO_KEY, apiBase: API_BASE, cartToken: () => cart.cartToken(), fetch });
  const cart: ShopCart = new ShopCart({ api, storage: kv, namespace, retryMs: 200, retryCapMs: 2000 });
  carts.push(cart);
  return { cart, requests, storage: kv };
}

const serverQuantities = (cart: ShopCart) =>
  Object.fromEntries((cart.state.server?.items ?? []).map((item) => [item.variantId, item.quantity]));

describe('shop.cart before and after its engine loads', function () {
  this.timeout(30_000);

  beforeEach(() => freshStore());
  afterEach(async () => {
    await Promise.all(carts.splice(0).map((cart) => cart.dispose()));
  });

  it('a first visit: the count is 0 and known, with no request and no token minted', async () => {
    const { cart, requests, storage } = await openPage(freshNamespace());
    const seen: number[] = [];
    cart.subscribe((state) => state.ready && seen.push(state.itemCount));
    await cart.preview();
    expect(cart.state.ready).to.equal(true);
    expect(cart.state.itemCount).to.equal(0);
    expect(seen).to.deep.equal([0]);
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the page's idle moment
    expect(requests).to.deep.equal([]);
    expect(await storage.get('cartToken')).to.equal(undefined);
  });

  it('a first add: the engine loads with it, creates the cart without reading it first, and the server has the line', async () => {
    const { cart, requests } = await openPage(freshNamespace());
    await cart.preview();
    cart.add(PRINT, 2);
    await cart.settled();
    expect(serverQuantities(cart)).to.deep.equal({ [PRINT]: 2 });
    expect(requests, 'a freshly minted token has no cart to read').to.deep.equal(['POST /cart/items']);
  });

  it('changes made before the engine has loaded all arrive, in order', async () => {
    const { cart } = await openPage(freshNamespace());
    cart.add(PRINT, 1);
    cart.add(PRINT, 2);
    cart.add(PIN, 5);
    cart.setQuantity(PIN, 1);
    expect(() => cart.add(PRINT, Number.NaN)).to.throw(RangeError);
    await cart.settled();
    expect(serverQuantities(cart)).to.deep.equal({ [PRINT]: 3, [PIN]: 1 });
  });

  it('a returning visitor: the stored count at once, then the server read when the page is idle', async () => {
    const namespace = freshNamespace();
    const first = await openPage(namespace);
    first.cart.add(PIN, 3);
    await first.cart.settled();
    await first.cart.dispose();

    const { cart, requests } = await openPage(namespace);
    await cart.preview();
    expect(cart.state.itemCount, 'from the stored copy').to.equal(3);
    expect(cart.state.ready, 'not read from the server yet').to.equal(false);
    expect(requests).to.deep.equal([]);
    await waitUntil(() => cart.state.ready && requests.includes('GET /cart'), 'the engine did not load when idle');
    expect(cart.state.itemCount).to.equal(3);
  });

  it("another tab's add loads this tab's engine, which shows it", async () => {
    const namespace = freshNamespace();
    const storage = await openStorage(namespace);
    const { cart } = await openPage(namespace, storage);
    await cart.preview();
    expect(cart.state.itemCount).to.equal(0);

    const other = await openPage(namespace, storage);
    await other.cart.start();
    other.cart.add(PRINT, 4);
    await other.cart.settled();
    await waitUntil(() => cart.state.itemCount === 4, "this tab's count did not follow the other tab");
    expect(serverQuantities(cart)).to.deep.equal({ [PRINT]: 4 });
  });

  it('a closed tab left a change unsent: the next page loads the engine at once and sends it', async () => {
    const namespace = freshNamespace();
    const storage = await openStorage(namespace);
    // The first page's requests never get through: it stores the click, then goes away.
    const first = await openPage(namespace, storage, () => new Promise<Response>(() => undefined));
    await first.cart.start();
    first.cart.add(PIN, 2);
    await first.cart.stored();
    await first.cart.dispose();

    const { cart } = await openPage(namespace, storage);
    await cart.preview();
    await cart.settled();
    expect(serverQuantities(cart)).to.deep.equal({ [PIN]: 2 });
    expect((await counters()).rateLimited).to.equal(0);
  });
});
