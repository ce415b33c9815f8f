// Answers that overtake a line's request (docs/cart-engine.md, "Which answers settle a wish"): a
// server cart made before (or while) a request for a line was on the wire does not show that
// request, so it must not settle the line's newer wish — found by cart-property.test.ts, made
// deterministic here by holding answers the server has already made.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { Cart } from '../../src/api/index.js';
import { CartEngine } from '../../src/store/cart.js';
import { emptyLedger, record, type Ledger } from '../../src/store/ledger.js';
import { openStorage, type KeyValueStorage } from '../../src/store/storage.js';
import { CartToken } from '../../src/store/token.js';
import { CartWriter, type WriterHost } from '../../src/store/writer.js';
import { fakeCartApi } from './fake-cart-api.js';
import { rememberCartToken } from '../helpers/returning-visitor.js';

type Fake = ReturnType<typeof fakeCartApi>;
type Method = 'cart' | 'updateItem' | 'addItem';
const open: CartEngine[] = [];
const namespace = () => `pk_test_race_${Math.random().toString(36).slice(2)}`;

async function openTab(fake: Fake, ns = namespace(), retryMs = 2): Promise<CartEngine> {
  const storage = await openStorage(ns);
  if (Object.keys(fake.quantities()).length) await rememberCartToken(storage); // the visitor's cart is on the server
  const tab = new CartEngine({
    api: fake.api,
    token: new CartToken(storage),
    storage,
    namespace: ns,
    settleMs: 5,
    retryMs,
    retryCapMs: retryMs * 4,
  });
  open.push(tab);
  await tab.start();
  return tab;
}

/**
 * Holds the answer of the next `method` call that `match` picks: the server handles the request at
 * once (applies it, makes its cart), but the answer reaches the engine only on `release()`.
 */
function holdAnswer(fake: Fake, method: Method, match: (...args: unknown[]) => boolean = () => true) {
  const api = fake.api as unknown as Record<Method, (...args: unknown[]) => Promise<Cart>>;
  const original = api[method];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = { made: false, release };
  api[method] = async (...args: unknown[]) => {
    if (!match(...args)) return original(...args);
    api[method] = original;
    try {
      return await original(...args);
    } finally {
      held.made = true;
      await released;
    }
  };
  return held;
}

async function closeTab(tab: CartEngine): Promise<void> {
  open.splice(open.indexOf(tab), 1);
  await tab.dispose();
}

const quantityShown = (tab: CartEngine, variantId: string) =>
  tab.state.server?.items.find((item) => item.variantId === variantId)?.quantity;

describe("CartEngine: an answer older than a line's request does not settle its wish", () => {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((tab) => tab.dispose()));
  });

  it("another line's answer, made before PATCH a→5 landed, does not settle the newer wish a=2", async () => {
    const fake = fakeCartApi();
    fake.setServer('a', 2);
    fake.setServer('b', 1);
    const tab = await openTab(fake);
    const bAnswer = holdAnswer(fake, 'updateItem', (itemId) => itemId === 'item_b');
    tab.setQuantity('b', 3);
    await waitUntil(() => bAnswer.made, "the server has made b's answer, with a still at 2");
    const aAnswer = holdAnswer(fake, 'updateItem', (itemId) => itemId === 'item_a');
    tab.setQuantity('a', 5);
    await waitUntil(() => aAnswer.made, 'PATCH a→5 has landed; its answer is on its way');
    tab.setQuantity('a', 2); // the shopper's last word on a, while PATCH a→5 is on the wire
    await tab.stored();
    bAnswer.release(); // shows a=2: equal to the wish, but made before PATCH a→5 landed
    await waitUntil(() => quantityShown(tab, 'b') === 3, "b's answer is in");
    aAnswer.release();
    await tab.settled();
    expect(fake.quantities()).to.deep.equal({ a: 2, b: 3 });
    expect(quantityShown(tab, 'a')).to.equal(2);
  });

  it('a PATCH whose answer was lost may have landed: the wish is sent even if the cart the tab has shows it', async () => {
    const fake = fakeCartApi();
    fake.setServer('a', 2);
    const tab = await openTab(fake);
    const release = fake.pause();
    fake.fail('lost'); // PATCH a→5 lands, its answer does not come back
    tab.setQuantity('a', 5);
    await waitUntil(() => fake.mutations().length === 1, 'PATCH a→5 is on its way');
    tab.setQuantity('a', 2); // the tab's cart still shows a=2, from before PATCH a→5
    await tab.stored();
    release();
    await tab.settled();
    expect(fake.quantities()).to.deep.equal({ a: 2 });
    expect(quantityShown(tab, 'a')).to.equal(2);
  });

  it("another tab's read, made before the writer's PATCH a→5 landed, does not settle the newer wish a=2", async () => {
    const fake = fakeCartApi();
    fake.setServer('a', 2);
    const ns = namespace();
    const writer = await openTab(fake, ns);
    const reader = await openTab(fake, ns);
    const read = holdAnswer(fake, 'cart');
    const reading = reader.refresh();
    await waitUntil(() => read.made, "the server has made the read's answer, with a at 2");
    const aAnswer = holdAnswer(fake, 'updateItem', (itemId) => itemId === 'item_a');
    writer.setQuantity('a', 5);
    await waitUntil(() => aAnswer.made, 'PATCH a→5 has landed; its answer is on its way');
    writer.setQuantity('a', 2);
    await writer.stored();
    read.release(); // the reader records a=2 in the shared ledger
    await reading;
    aAnswer.release();
    await Promise.all([writer.settled(), reader.settled()]);
    expect(fake.quantities()).to.deep.equal({ a: 2 });
    await waitUntil(() => quantityShown(writer, 'a') === 2 && quantityShown(reader, 'a') === 2, 'both tabs show a=2');
  });

  it('a writer that takes over reads the stored ledger: a POST its tab has not heard was on the wire is not sent again blindly', async () => {
    // A writer's tab closed with POST b=3 on the wire (and landed): the stored ledger says so (`sent`),
    // but the news of it is still on its way to the tab that now gets the writer's lock.
    const fake = fakeCartApi();
    let server: Cart | null = await fake.api.cart(); // the tab's cart: from before the POST
    fake.setServer('b', 3); // the POST landed
    const wish = { quantity: 3, base: 0, requestId: 'request_b', display: null };
    let stored: Ledger = { ...emptyLedger('token_1', 2), wishes: { b: { ...wish, sent: true } } };
    let copy: Ledger = { ...emptyLedger('token_1', 1), wishes: { b: wish } };
    const tab: { writer?: CartWriter } = {};
    const host: WriterHost = {
      options: {
        api: fake.api,
        storage: { kind: 'indexeddb' } as WriterHost['options']['storage'],
        namespace: namespace(),
        settleMs: 5,
        retryMs: 2,
        retryCapMs: 8,
      },
      tab: 'tab_1',
      get ledger() {
        return copy;
      },
      get server() {
        return server;
      },
      live: true,
      online: true,
      // As the engine does: an atomic change of the stored ledger, whose result is the tab's copy.
      update: async (change) => {
        copy = stored = { ...change(stored), rev: stored.rev + 1 };
        tab.writer?.onLedger();
      },
      adopt: async (cart) => {
        server = cart;
        await host.update((ledger) => record(ledger, cart));
      },
      moveTo: async () => {
        throw new Error('no converted cart in this test');
      },
    };
    tab.writer = new CartWriter(host);
    try {
      await waitUntil(() => !copy.wishes.b, 'the wish is done');
      expect(fake.quantities()).to.deep.equal({ b: 3 });
      expect(fake.mutations(), 'no second POST').to.deep.equal([]);
    } finally {
      await tab.writer.dispose();
    }
  });

  it("settled() in a tab that has not heard of another tab's click yet waits for that click", async () => {
    const fake = fakeCartApi();
    const ns = namespace();
    const [one, two] = [await openTab(fake, ns), await openTab(fake, ns)];
    const release = fake.pause(); // nothing reaches the server until the end
    two.add('v1', 1);
    await two.stored(); // in the shared ledger; the news of it is still on its way to the first tab
    let settled = false;
    const settling = one.settled().then(() => void (settled = true));
    await closeTab(two); // and the tab that made it is gone
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled, 'settled while the click had not reached the server').to.equal(false);
    release();
    await settling;
    expect(fake.quantities()).to.deep.equal({ v1: 1 });
  });

  it("a writer that takes over does not trust its cart for a line whose PATCH failed in the closed writer's tab", async () => {
    const fake = fakeCartApi();
    fake.setServer('c', 2);
    const ns = namespace();
    const one = await openTab(fake, ns, 60_000); // the writer: it would retry only in a minute
    const two = await openTab(fake, ns);
    const release = fake.pause();
    fake.fail('lost'); // PATCH c→3 lands, its answer does not come back
    one.setQuantity('c', 3);
    await waitUntil(() => fake.mutations().length === 1, 'PATCH c→3 is on its way');
    one.setQuantity('c', 2); // back to what every tab's cart still shows
    await one.stored();
    release(); // PATCH c→3 lands now; its answer is lost
    await closeTab(one); // the writer's tab closes before it sends c=2
    await two.settled();
    expect(fake.quantities()).to.deep.equal({ c: 2 });
  });

  it("a new tab's stored copy, read before another tab's newer cart came in, does not hide that cart", async () => {
    const fake = fakeCartApi();
    fake.setServer('a', 2);
    const ns = namespace();
    const one = await openTab(fake, ns); // keeps a=2 as the stored copy
    const storage = await openStorage(ns);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let copyRead = false;
    // The new tab's storage, as slow as it may be: the stored copy is read, and handed over late.
    const slow: KeyValueStorage = {
      kind: storage.kind,
      get: async <T>(key: string) => {
        const value = await storage.get<T>(key);
        if (key === 'cart' && !copyRead) {
          copyRead = true;
          await gate;
        }
        return value;
      },
      set: (key, value) => storage.set(key, value),
      delete: (key) => storage.delete(key),
      update: (key, change) => storage.update(key, change),
    };
    const two = new CartEngine({
      api: fake.api,
      token: new CartToken(slow),
      storage: slow,
      namespace: ns,
      settleMs: 5,
    });
    open.push(two);
    const starting = two.start();
    await waitUntil(() => copyRead, 'the new tab has read the stored copy (a=2)');
    fake.setServer('a', 3); // another device
    await one.refresh(); // the first tab reads a=3 and posts it to the others
    await waitUntil(() => quantityShown(two, 'a') === 3, "the new tab has the first tab's cart");
    fake.fail('network'); // the new tab's own first read fails
    release();
    await starting;
    expect(quantityShown(two, 'a')).to.equal(3);
  });
});
