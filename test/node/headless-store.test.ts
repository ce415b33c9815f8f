// The headless store outside a browser (server-side rendering, scripts, the soak): Node 20 has
// fetch and BroadcastChannel but no window events, navigator or IndexedDB. `createStore` must
// still work — memory storage, no tab events — against the reference store on loopback.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startReferenceStore, type RunningStore } from '../../demo/store/index';
import { createStore } from '../../src/store/index.js';

describe('createStore in Node (no DOM)', () => {
  let running: RunningStore;
  before(async () => {
    running = await startReferenceStore({ port: 0, limits: { '*': 1_000_000 } });
  });
  after(() => running.close());

  it('reads the catalogue and fills a cart with memory storage', async () => {
    const shop = createStore({ publicKey: 'pk_test_tote_demo', apiBase: running.url });
    assert.ok(shop.locale, 'a locale even without navigator');
    const page = await shop.catalog.products({ perPage: 3 });
    assert.equal(page.data.length, 3);
    await shop.cart.start();
    assert.equal(shop.cart.state.persistence, 'memory');
    const variant = (await shop.catalog.product('gift-card')).variants[0]!.id; // unlimited stock
    shop.cart.add(variant, 2);
    await shop.cart.settled();
    const server = await shop.cart.refresh();
    assert.deepEqual(server.items.map((item) => [item.variantId, item.quantity]), [[variant, 2]]);
    await shop.cart.dispose();
  });
});
