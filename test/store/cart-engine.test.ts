import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { CartEngine } from '../../src/store/cart.js';
import { memoryStorage, openStorage, type KeyValueStorage } from '../../src/store/storage.js';
import { CartToken } from '../../src/store/token.js';
import { fakeCartApi } from './fake-cart-api.js';
import { rememberCartToken } from '../helpers/returning-visitor.js';

const engines: CartEngine[] = [];
const namespace = () => `pk_test_engine_${Math.random().toString(36).slice(2)}`;

async function makeEngine(fake: ReturnType<typeof fakeCartApi>, storage?: KeyValueStorage, ns = namespace()) {
  const store = storage ?? (await openStorage(ns));
  if (Object.keys(fake.quantities()).length) await rememberCartToken(store); // the visitor's cart is on the server
  const engine = new CartEngine({
    api: fake.api,
    token: new CartToken(store),
    storage: store,
    namespace: ns,
    settleMs: 60,
    retryMs: 20,
    retryCapMs: 80,
  });
  engines.push(engine);
  await engine.start();
  return engine;
}

describe('CartEngine (against an in-memory API)', () => {
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
  });

  it('merges 20 rapid + clicks on one line into at most 2 requests, ending at 20', async () => {
    const fake = fakeCartApi();
    const engine = await makeEngine(fake);
    for (let click = 0; click < 20; click += 1) {
      engine.add('v1', 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(engine.state.lines[0]!.quantity).to.equal(20); // optimistic at once
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 20 });
    expect(fake.mutations().length).to.be.at.most(2);
    expect(engine.state.lines[0]).to.include({ quantity: 20, status: 'saved' });
  });

  it('a token minted on this page names no cart: ready at once without a read, and the first add creates the cart', async () => {
    const fake = fakeCartApi();
    const engine = await makeEngine(fake);
    expect(engine.state.ready).to.equal(true);
    expect(engine.state.lines).to.deep.equal([]);
    expect(fake.log, 'no request before the first change').to.deep.equal([]);
    engine.add('v1', 2);
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 2 });
    expect(fake.log.map((entry) => entry.method)).to.deep.equal(['POST']);
  });

  it('a kept cart copy whose token was lost: the new token is minted, and its cart read, not assumed empty', async () => {
    const fake = fakeCartApi();
    const ns = namespace();
    const storage = await openStorage(ns);
    const first = await makeEngine(fake, storage, ns);
    first.add('v1', 1);
    await first.settled();
    await first.dispose();
    await storage.delete('cartToken');
    const reads = fake.log.length;
    const next = new CartEngine({ api: fake.api, token: new CartToken(storage), storage, namespace: ns });
    engines.push(next);
    await next.start();
    expect(fake.log.slice(reads).map((entry) => `${entry.method} ${entry.path}`)).to.deep.equal(['GET /cart']);
  });

  it('typing 5, 7, 3 quickly ends at 3 with at most 2 requests (last write wins)', async () => {
    const fake = fakeCartApi();
    fake.setServer('v1', 1);
    const engine = await makeEngine(fake);
    engine.setQuantity('v1', 5);
    engine.setQuantity('v1', 7);
    engine.setQuantity('v1', 3);
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 3 });
    expect(fake.mutations().length).to.be.at.most(2);
  });

  it('shows each line as saving while its request is out, then saved', async () => {
    const fake = fakeCartApi();
    const engine = await makeEngine(fake);
    const release = fake.pause();
    engine.add('v1', 2, {
      productId: 'p1',
      name: 'Linen shirt',
      variantName: 'M',
      sku: null,
      unitPrice: 4500,
      imageUrl: null,
    });
    await waitUntil(() => fake.mutations().length === 1);
    expect(engine.state.lines[0]).to.include({ name: 'Linen shirt', quantity: 2, subtotal: 9000, status: 'saving' });
    expect(engine.state.pending).to.equal(1);
    release();
    await engine.settled();
    expect(engine.state.lines[0]).to.include({ status: 'saved', itemId: 'item_v1' });
    expect(engine.state.pending).to.equal(0);
  });

  it('applies an add exactly once when the server applied it but the answer was lost', async () => {
    const fake = fakeCartApi();
    const engine = await makeEngine(fake);
    fake.fail('lost');
    engine.add('v1', 3);
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 3 });
    expect(fake.log.filter((entry) => entry.method === 'POST')).to.have.length(1);
  });

  it('an add lost after it landed, with more clicks meanwhile: the server ends at what was asked', async () => {
    const fake = fakeCartApi();
    const engine = await makeEngine(fake);
    const release = fake.pause();
    fake.fail('lost');
    engine.add('v1', 2);
    await waitUntil(() => fake.mutations().length === 1, 'the first add is on its way');
    engine.add('v1', 1); // while the first answer is still out (and about to be lost)
    release();
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 3 });
  });

  it('re-sends only what is missing when an add was lost before it reached the server', async () => {
    const fake = fakeCartApi();
    const engine = await makeEngine(fake);
    fake.fail('network');
    engine.add('v1', 3);
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 3 });
    expect(fake.log.filter((entry) => entry.method === 'POST')).to.have.length(2);
  });

  it('keeps a wish through server errors, queued, and sends it when the server recovers', async () => {
    const fake = fakeCartApi();
    fake.setServer('v1', 1);
    const engine = await makeEngine(fake);
    fake.fail('5xx', '5xx', '5xx');
    // Every state the line passes through is recorded: polling could miss the short queued spells
    // between retries (tens of milliseconds here) on a busy machine.
    const statuses: string[] = [];
    const unsubscribe = engine.subscribe((state) => {
      const status = state.lines[0]?.status;
      if (status && status !== statuses.at(-1)) statuses.push(status);
    });
    engine.setQuantity('v1', 4);
    await engine.settled();
    unsubscribe();
    expect(statuses).to.include('queued');
    expect(statuses.at(-1)).to.equal('saved');
    expect(fake.quantities()).to.deep.equal({ v1: 4 });
  });

  it('reuses the request id across retries of one wish, and a new wish gets a new id', async () => {
    const fake = fakeCartApi();
    fake.setServer('v1', 1);
    const engine = await makeEngine(fake);
    fake.fail('5xx');
    engine.setQuantity('v1', 2);
    await engine.settled();
    engine.setQuantity('v1', 5);
    await engine.settled();
    const ids = fake.mutations().map((entry) => entry.requestId);
    expect(ids).to.have.length(3);
    expect(ids[0]).to.equal(ids[1]);
    expect(ids[2]).not.to.equal(ids[0]);
  });

  it('state is the same object until the cart changes: a snapshot useSyncExternalStore can hold', async () => {
    const fake = fakeCartApi();
    fake.setServer('v1', 1);
    const engine = await makeEngine(fake);
    const first = engine.state;
    expect(engine.state, 'read twice, nothing changed').to.equal(first);
    engine.add('v1', 1);
    const adding = engine.state;
    expect(adding, 'a change: a new snapshot').to.not.equal(first);
    expect(adding.lines[0]!.quantity).to.equal(2);
    expect(engine.state).to.equal(adding);
    await engine.settled();
    const settled = engine.state;
    expect(settled.lines[0]).to.include({ quantity: 2, status: 'saved' });
    expect(engine.state).to.equal(settled);
  });

  it("reports a refusal on its line with the server's reason, and loses nothing else", async () => {
    // The reason the wire names (the quantity refused) is a message key, said in the shopper's language.
    const fake = fakeCartApi({ stock: { v2: 2 } });
    fake.setServer('v1', 1);
    fake.setServer('v2', 1);
    const engine = await makeEngine(fake);
    engine.setQuantity('v2', 5);
    engine.add('v1', 1);
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 2, v2: 1 });
    const refused = engine.state.lines.find((line) => line.variantId === 'v2')!;
    expect(refused).to.include({ status: 'failed', quantity: 1, message: 'line.refused-stock' });
    engine.dismiss('v2');
    expect(engine.state.lines.find((line) => line.variantId === 'v2')!.status).to.equal('saved');
  });

  it('replays offline wishes after reloads, each exactly once', async () => {
    const fake = fakeCartApi();
    fake.setServer('a', 1);
    fake.setServer('b', 1);
    const ns = namespace();
    const storage = await openStorage(ns);
    let engine = await makeEngine(fake, storage, ns); // the cart was read while online…
    fake.setOffline(true); // …then the network went away
    const expected: Record<string, number> = { a: 1, b: 1 };
    const ops: [string, 'add' | 'set', number][] = [
      ['a', 'add', 2],
      ['b', 'set', 5],
      ['c', 'add', 1],
      ['a', 'add', 1],
      ['c', 'add', 2],
      ['b', 'add', 1],
      ['a', 'set', 2],
      ['c', 'set', 4],
      ['b', 'add', 2],
      ['a', 'add', 3],
      ['c', 'add', 1],
      ['b', 'set', 1],
      ['a', 'add', 1],
      ['c', 'set', 0],
      ['b', 'add', 4],
    ];
    for (const [index, [variant, kind, n]] of ops.entries()) {
      if (kind === 'add') engine.add(variant, n);
      else engine.setQuantity(variant, n);
      expected[variant] = kind === 'add' ? (expected[variant] ?? 0) + n : n;
      if (index === 4 || index === 9) {
        await new Promise((resolve) => setTimeout(resolve, 10)); // let the journal write land
        await engine.dispose(); // a reload: this page is gone, its wishes stay in storage
        engine = await makeEngine(fake, storage, ns);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(engine.state.pending).to.be.greaterThan(0);
    fake.setOffline(false);
    dispatchEvent(new Event('online'));
    await engine.settled();
    const final = Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0));
    expect(fake.quantities()).to.deep.equal(final);
    expect(engine.state.pending).to.equal(0);
  });

  it('a corrupted stored cart ({items: [null]}) and ledger are discarded, not trusted: the shop works (issue 15, item 7)', async () => {
    const fake = fakeCartApi();
    fake.setServer('v1', 1);
    const ns = namespace();
    const storage = await openStorage(ns);
    await storage.set('cart', { id: 'cart_1', items: [null], totals: { subtotal: 1, total: 1 } });
    await storage.set('ledger', {
      rev: 'x',
      wishes: { v2: { quantity: -3, requestId: 7 }, v3: null, v4: { quantity: 1e300, requestId: 'r' } },
      server: [null],
      refused: 'no',
    });
    const engine = await makeEngine(fake, storage, ns);
    expect(engine.state.ready).to.equal(true);
    expect(engine.state.lines.map((line) => [line.variantId, line.quantity])).to.deep.equal([['v1', 1]]);
    engine.add('v1', 1);
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 2 });
  });

  it('says when the cart lives only in memory', async () => {
    const fake = fakeCartApi();
    const engine = await makeEngine(fake, memoryStorage());
    expect(engine.state.persistence).to.equal('memory');
    engine.add('v1');
    await engine.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 1 });
  });

  it('shares the cart with another tab of the same shop without that tab reading it', async () => {
    const fake = fakeCartApi();
    const ns = namespace();
    const tabA = await makeEngine(fake, await openStorage(ns), ns);
    const tabB = await makeEngine(fake, await openStorage(ns), ns);
    const readsBefore = fake.log.filter((entry) => entry.method === 'GET').length;
    tabA.add('v1', 2);
    await waitUntil(() => tabB.state.lines[0]?.quantity === 2, 'tab B sees the wish');
    await tabA.settled();
    await waitUntil(() => tabB.state.server?.items[0]?.quantity === 2, 'tab B has the server cart');
    expect(fake.log.filter((entry) => entry.method === 'GET').length).to.equal(readsBefore);
    tabB.add('v1', 1); // B builds on what A did
    await tabB.settled();
    expect(fake.quantities()).to.deep.equal({ v1: 3 });
    await waitUntil(() => tabA.state.lines[0]?.quantity === 3, 'tab A follows');
  });
});
