// Several tabs of one cart (issue 15, items 1–3): one writer, every click counted once, through
// outages, lost answers, closed tabs, orders and pages without Web Locks. The tabs here are
// engines of one shop in one page: they share IndexedDB, the BroadcastChannel and Web Locks
// exactly as tabs of one origin do.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { CartEngine } from '../../src/store/cart.js';
import { openStorage } from '../../src/store/storage.js';
import { CartToken } from '../../src/store/token.js';
import { fakeCartApi } from './fake-cart-api.js';

type Fake = ReturnType<typeof fakeCartApi>;
const open: CartEngine[] = [];
const namespace = () => `pk_test_tabs_${Math.random().toString(36).slice(2)}`;

async function openTab(fake: Fake, ns: string): Promise<CartEngine> {
  const storage = await openStorage(ns);
  const tab = new CartEngine({
    api: fake.api,
    token: new CartToken(storage),
    storage,
    namespace: ns,
    settleMs: 30,
    retryMs: 20,
    retryCapMs: 80,
  });
  open.push(tab);
  await tab.start();
  return tab;
}

async function closeTab(tab: CartEngine): Promise<void> {
  open.splice(open.indexOf(tab), 1);
  await tab.dispose();
}

const lineWrites = (fake: Fake) => fake.mutations().filter((entry) => entry.path.startsWith('/cart/items'));

/** Replaces `navigator.locks` for one test (an `http://` page has none; a sandboxed frame throws). */
function withLocks(value: unknown): () => void {
  Object.defineProperty(navigator, 'locks', { value, configurable: true });
  return () => void delete (navigator as { locks?: unknown }).locks;
}

describe('CartEngine: several tabs of one cart', () => {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((tab) => tab.dispose()));
  });

  it('two tabs opened at once on a first visit share one cart token (one cart, not two)', async () => {
    const ns = namespace();
    const [one, two] = await Promise.all([openStorage(ns), openStorage(ns)]);
    const tokens = await Promise.all([new CartToken(one).get(), new CartToken(two).get()]);
    expect([one.kind, two.kind]).to.deep.equal(['indexeddb', 'indexeddb']);
    expect(tokens[0]).to.be.a('string').and.equal(tokens[1]);
  });

  it('two tabs each add 1 during an outage: the server holds 2, and both tabs say so', async () => {
    const fake = fakeCartApi();
    const ns = namespace();
    const [a, b] = [await openTab(fake, ns), await openTab(fake, ns)];
    fake.setOffline(true);
    a.add('v1', 1);
    b.add('v1', 1);
    await Promise.all([a.stored(), b.stored()]);
    await new Promise((resolve) => setTimeout(resolve, 150)); // retries fail meanwhile
    fake.setOffline(false);
    await Promise.all([a.settled(), b.settled()]);
    expect(fake.quantities()).to.deep.equal({ v1: 2 });
    await waitUntil(() => a.state.lines[0]?.quantity === 2 && b.state.lines[0]?.quantity === 2, 'both tabs show 2');
    expect(b.state.lines[0]!.status).to.equal('saved');
  });

  it('three tabs × three lines under lost answers and 5xx: 9 of 9 units, sent by one tab', async () => {
    const fake = fakeCartApi();
    const ns = namespace();
    const tabs = [await openTab(fake, ns), await openTab(fake, ns), await openTab(fake, ns)];
    fake.fail('lost', '5xx', 'lost', 'network', '5xx', 'lost');
    for (const variant of ['a', 'b', 'c']) for (const tab of tabs) tab.add(variant, 1);
    await Promise.all(tabs.map((tab) => tab.settled()));
    expect(fake.quantities()).to.deep.equal({ a: 3, b: 3, c: 3 });
    for (const tab of tabs) await waitUntil(() => tab.state.itemCount === 9, 'every tab shows 9');
  });

  it('a tab closed while its add is on the wire: another tab takes over at once, and the unit counts once', async () => {
    const fake = fakeCartApi();
    const ns = namespace();
    const writer = await openTab(fake, ns);
    const other = await openTab(fake, ns);
    const release = fake.pause();
    fake.fail('lost'); // the closing tab never reads the answer of the add the server applies
    writer.add('v1', 1);
    await waitUntil(() => lineWrites(fake).length === 1, 'the add is on the wire');
    await closeTab(writer);
    release();
    const started = Date.now();
    await other.settled();
    expect(Date.now() - started, 'adopted within seconds').to.be.below(3000);
    expect(fake.quantities()).to.deep.equal({ v1: 1 });
    expect(other.state.lines[0]).to.include({ quantity: 1, status: 'saved' });
  });

  it('a removal made in another tab of a line whose add was on the wire when its tab closed reaches the server', async () => {
    const fake = fakeCartApi();
    const ns = namespace();
    const writer = await openTab(fake, ns);
    const other = await openTab(fake, ns);
    const release = fake.pause();
    fake.fail('lost');
    writer.add('v1', 2);
    await waitUntil(() => lineWrites(fake).length === 1, 'the add is on the wire');
    await closeTab(writer);
    other.remove('v1');
    release();
    await other.settled();
    expect(fake.quantities()).to.deep.equal({});
    expect(other.state.lines).to.deep.equal([]);
  });

  it("after an order, a closed tab's pending add is not sent into the next cart", async () => {
    const fake = fakeCartApi();
    const ns = namespace();
    const closing = await openTab(fake, ns);
    const buyer = await openTab(fake, ns);
    fake.setOffline(true);
    closing.add('v9', 2); // made for the cart that is about to be bought
    await closing.stored();
    await closeTab(closing);
    // The order is placed (here: while the network is down, so nothing of v9 got through): a fresh token.
    await buyer.startOver().catch(() => undefined);
    const before = lineWrites(fake).length;
    fake.setOffline(false);
    dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = lineWrites(fake).slice(before);
    expect(
      after.filter((entry) => JSON.stringify(entry.body).includes('v9')),
      'nothing of the bought cart',
    ).to.deep.equal([]);
    expect(fake.quantities()).to.deep.equal({});
    expect(buyer.state.pending).to.equal(0);
  });

  it('without Web Locks (an http:// page), two tabs send one click once', async () => {
    const restore = withLocks(undefined);
    try {
      const fake = fakeCartApi();
      const ns = namespace();
      const a = await openTab(fake, ns);
      fake.setOffline(true);
      a.add('v1', 1);
      await a.stored();
      const b = await openTab(fake, ns); // opened while the click waits: it must not send it too
      fake.setOffline(false);
      dispatchEvent(new Event('online'));
      await Promise.all([a.settled(), b.settled()]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fake.quantities()).to.deep.equal({ v1: 1 });
      b.add('v1', 1); // whichever tab holds the lease, the other's click counts
      await b.settled();
      expect(fake.quantities()).to.deep.equal({ v1: 2 });
    } finally {
      restore();
    }
  });

  it("without Web Locks, when the writer's tab closes, another takes the lease and sends", async () => {
    const restore = withLocks(undefined);
    try {
      const fake = fakeCartApi();
      const ns = namespace();
      const first = await openTab(fake, ns);
      const second = await openTab(fake, ns);
      fake.setOffline(true);
      first.add('v1', 1);
      second.add('v2', 1);
      await Promise.all([first.stored(), second.stored()]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await closeTab(first);
      fake.setOffline(false);
      await second.settled();
      expect(fake.quantities()).to.deep.equal({ v1: 1, v2: 1 });
    } finally {
      restore();
    }
  });

  it('in a sandboxed frame whose navigator.locks throws, the cart becomes ready and an add lands', async () => {
    const denied = () => {
      throw new DOMException('The request was denied.', 'SecurityError');
    };
    const restore = withLocks({ request: denied, query: denied });
    try {
      const fake = fakeCartApi();
      const tab = await openTab(fake, namespace());
      expect(tab.state.ready).to.equal(true);
      tab.add('v1', 2);
      await tab.settled();
      expect(fake.quantities()).to.deep.equal({ v1: 2 });
    } finally {
      restore();
    }
  });
});
