// The cart engine against the real reference store (mounted by the test runner), with real
// IndexedDB and BroadcastChannel: the scenarios of issue 5's "Done when".
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import sinon from 'sinon';
import { createApiClient } from '../../src/api/index.js';
import { CartEngine } from '../../src/store/cart.js';
import { createShop } from '../../src/store/index.js';
import { openStorage, type KeyValueStorage } from '../../src/store/storage.js';
import { CartToken } from '../../src/store/token.js';
import { API_BASE, DEMO_KEY, control, counters, freshStore, mutationCount } from '../helpers/reference-store.js';

const PRINT = 'var_d29_01'; // Art Print — Mountains: unlimited stock
const SPOON = 'var_d28_01'; // Olive Wood Spoon: unlimited
const PIN = 'var_d43_01'; // Enamel Pin: unlimited

const engines: CartEngine[] = [];

/** One "page" of the shop: its own API client and engine over shared storage (same namespace). */
async function openPage(namespace: string, storage?: KeyValueStorage) {
  const kv = storage ?? (await openStorage(namespace));
  const token = new CartToken(kv);
  const api = createApiClient({ publicKey: DEMO_KEY, apiBase: API_BASE, cartToken: () => token.get() });
  const engine = new CartEngine({ api, token, storage: kv, namespace, retryMs: 200, retryCapMs: 2000 });
  engines.push(engine);
  await engine.start();
  return { engine, api, token, storage: kv };
}

const freshNamespace = () => `${DEMO_KEY}@test-${Math.random().toString(36).slice(2)}`;
const quantities = (engine: Pick<CartEngine, 'state'>) =>
  Object.fromEntries((engine.state.server?.items ?? []).map((item) => [item.variantId, item.quantity]));

describe('CartEngine against the reference store', function () {
  this.timeout(90_000);

  beforeEach(() => freshStore());
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
    await control({ faults: null });
    sinon.restore();
  });

  it('20 + clicks within 2 s: at most 2 mutation requests, final = start + 20, zero 429', async () => {
    const { engine } = await openPage(freshNamespace());
    engine.add(PRINT, 2);
    await engine.settled();
    await control({ resetStats: true });
    for (let click = 0; click < 20; click += 1) {
      engine.add(PRINT, 1);
      await new Promise((resolve) => setTimeout(resolve, 90));
    }
    await engine.settled();
    const c = await counters();
    expect(quantities(engine)).to.deep.equal({ [PRINT]: 22 });
    expect(mutationCount(c)).to.be.at.most(2);
    expect(c.rateLimited).to.equal(0);
  });

  it('typing 5, 7, 3 quickly: the server ends at 3 with at most 2 requests', async () => {
    const { engine } = await openPage(freshNamespace());
    engine.add(SPOON, 1);
    await engine.settled();
    await control({ resetStats: true });
    engine.setQuantity(SPOON, 5);
    await new Promise((resolve) => setTimeout(resolve, 60));
    engine.setQuantity(SPOON, 7);
    await new Promise((resolve) => setTimeout(resolve, 60));
    engine.setQuantity(SPOON, 3);
    await engine.settled();
    expect(quantities(engine)).to.deep.equal({ [SPOON]: 3 });
    expect(mutationCount(await counters())).to.be.at.most(2);
  });

  it('a lost answer after the server applied an add: the add is applied once', async () => {
    const { engine } = await openPage(freshNamespace());
    await control({ faults: 'lost=1' });
    engine.add(PIN, 2);
    await waitUntil(async () => (await counters()).requests['POST /cart/items'] === 1, 'the add reached the store', {
      timeout: 5000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await control({ faults: null });
    await engine.settled();
    expect(quantities(engine)).to.deep.equal({ [PIN]: 2 });
    expect((await counters()).requests['POST /cart/items']).to.equal(1);
  });

  it('15 operations on 3 lines while offline, 2 reloads, then online: each applied exactly once', async () => {
    const namespace = freshNamespace();
    const storage = await openStorage(namespace);
    let page = await openPage(namespace, storage);
    page.engine.add(PRINT, 1);
    page.engine.add(SPOON, 1);
    await page.engine.settled();
    await control({ faults: 'drop=1' }); // every connection is cut: the shopper is offline
    const expected: Record<string, number> = { [PRINT]: 1, [SPOON]: 1 };
    const ops: [string, 'add' | 'set', number][] = [
      [PRINT, 'add', 2],
      [SPOON, 'set', 5],
      [PIN, 'add', 1],
      [PRINT, 'add', 1],
      [PIN, 'add', 2],
      [SPOON, 'add', 1],
      [PRINT, 'set', 2],
      [PIN, 'set', 4],
      [SPOON, 'add', 2],
      [PRINT, 'add', 3],
      [PIN, 'add', 1],
      [SPOON, 'set', 1],
      [PRINT, 'add', 1],
      [PIN, 'set', 3],
      [SPOON, 'add', 4],
    ];
    for (const [index, [variant, kind, n]] of ops.entries()) {
      if (kind === 'add') page.engine.add(variant, n);
      else page.engine.setQuantity(variant, n);
      expected[variant] = kind === 'add' ? (expected[variant] ?? 0) + n : n;
      if (index === 4 || index === 9) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await page.engine.dispose(); // reload
        page = await openPage(namespace, storage);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(page.engine.state.pending).to.equal(3);
    await control({ faults: null }); // back online
    dispatchEvent(new Event('online'));
    await page.engine.settled();
    await page.engine.refresh();
    expect(quantities(page.engine)).to.deep.equal(expected);
    expect(page.engine.state.pending).to.equal(0);
    const journal = await storage.get<unknown[]>('intents');
    expect(journal ?? [], JSON.stringify(journal)).to.have.length(0);
  });

  it('30 s of 5xx: nothing lost, everything drained soon after recovery, no 429', async () => {
    const { engine } = await openPage(freshNamespace());
    engine.add(PRINT, 1);
    await engine.settled();
    await control({ faults: 'error5xx=1', resetStats: true });
    engine.add(PRINT, 2);
    engine.add(SPOON, 3);
    await waitUntil(() => engine.state.lines.some((line) => line.status === 'queued'), 'lines show they are queued', {
      timeout: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    expect(engine.state.pending).to.equal(2);
    await control({ faults: null });
    const recovered = performance.now();
    await engine.settled();
    const drainMs = performance.now() - recovered;
    expect(quantities(engine)).to.deep.equal({ [PRINT]: 3, [SPOON]: 3 });
    expect(drainMs).to.be.below(5_000); // bounded by the retry cap (2 s here), not by luck
    const c = await counters();
    expect(c.rateLimited).to.equal(0);
    // One probe at a time during the outage: ~30 s / ≤2 s, each with the transport's own retries.
    expect(mutationCount(c)).to.be.at.most(60);
  });

  it('two tabs adding at the same time end with the same cart, within budget', async () => {
    const namespace = freshNamespace();
    const tabA = await openPage(namespace);
    const tabB = await openPage(namespace);
    await control({ resetStats: true });
    for (let round = 0; round < 5; round += 1) {
      tabA.engine.add(PRINT, 1);
      tabB.engine.add(SPOON, 1);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await Promise.all([tabA.engine.settled(), tabB.engine.settled()]);
    await waitUntil(
      () =>
        JSON.stringify(quantities(tabA.engine)) === JSON.stringify(quantities(tabB.engine)) &&
        Object.keys(quantities(tabA.engine)).length === 2,
      'both tabs show the same server cart',
    );
    expect(quantities(tabA.engine)).to.deep.equal({ [PRINT]: 5, [SPOON]: 5 });
    const c = await counters();
    expect(c.rateLimited).to.equal(0);
    expect(mutationCount(c)).to.be.at.most(6);
  });

  // Clicks 0, 15 and 45 ms apart: each spacing interleaves the tabs' requests and messages
  // differently (all three lost adds before the engine stopped trusting equal numbers).
  for (const gapMs of [0, 15, 45]) {
    it(`three tabs adding the same new line together (${gapMs} ms apart): exactly what was asked`, async () => {
      const namespace = freshNamespace();
      const tabs = [await openPage(namespace), await openPage(namespace), await openPage(namespace)];
      await control({ resetStats: true });
      for (let round = 0; round < 5; round += 1) {
        for (const tab of tabs) tab.engine.add(PIN, 1);
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      await Promise.all(tabs.map((tab) => tab.engine.settled()));
      await tabs[0]!.engine.refresh();
      expect(quantities(tabs[0]!.engine)).to.deep.equal({ [PIN]: 15 });
      expect((await counters()).rateLimited).to.equal(0);
    });
  }

  it('IndexedDB blocked: the shop still works, in memory, and says so', async () => {
    sinon.stub(indexedDB, 'open').throws(new DOMException('blocked', 'SecurityError'));
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('blocked', 'SecurityError'));
    const shop = createShop({ publicKey: DEMO_KEY, apiBase: `${API_BASE}/` });
    await shop.cart.start();
    expect(shop.cart.state.persistence).to.equal('memory');
    shop.cart.add(PIN, 1);
    await shop.cart.settled();
    expect(quantities(shop.cart)).to.deep.equal({ [PIN]: 1 });
    await shop.cart.dispose();
  });

  it("a refused quantity reports the server's reason on the line and keeps the rest", async () => {
    const limited = 'var_d11_01'; // Pullover Hoodie, one left
    const { engine } = await openPage(freshNamespace());
    engine.add(PRINT, 1);
    engine.add(limited, 5);
    await engine.settled();
    const line = engine.state.lines.find((l) => l.variantId === limited);
    expect(quantities(engine)).to.deep.equal({ [PRINT]: 1 });
    expect(line, 'the refused line stays visible').to.exist;
    expect(line!.status).to.equal('failed');
    // The reason the wire names (a refused quantity), said in the shopper's language by its key.
    expect(line!.message).to.equal('line.refused-stock');
    engine.dismiss(limited);
    expect(engine.state.lines.map((l) => l.variantId)).to.deep.equal([PRINT]);
  });
});

describe('CartEngine property against the reference store under random faults', function () {
  this.timeout(120_000);

  after(() => control({ faults: null, limits: { '*': null } }));

  it('ends every run with the server cart equal to the fold of the operations', async () => {
    const fc = (await import('fast-check')).default;
    // Many short shopper sessions from one IP: lift the limits so the run measures correctness.
    await control({ reset: true, resetLimits: true, limits: { mutation: 2000, read: 2000 } });
    const variants = [PRINT, SPOON, PIN];
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            add: fc.boolean(),
            variant: fc.constantFrom(...variants),
            n: fc.integer({ min: 0, max: 4 }),
            pause: fc.constantFrom(0, 0, 20, 150),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (operations, seed) => {
          runs += 1;
          const page = await openPage(freshNamespace());
          await control({ faults: 'error5xx=0.15,drop=0.1,lost=0.1,malformed=0.05,latency=0-30', seed });
          const expected: Record<string, number> = {};
          for (const { add, variant, n, pause } of operations) {
            if (add) page.engine.add(variant, n);
            else page.engine.setQuantity(variant, n);
            expected[variant] = add ? (expected[variant] ?? 0) + n : n;
            if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
          }
          await page.engine.settled();
          await control({ faults: null });
          await page.engine.refresh();
          const wanted = Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0));
          expect(quantities(page.engine)).to.deep.equal(wanted);
          await page.engine.dispose();
        },
      ),
      { numRuns: 12, seed: 7 },
    );
    expect(runs).to.equal(12);
  });
});
