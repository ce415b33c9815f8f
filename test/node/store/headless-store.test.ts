// The headless store outside a browser (server-side rendering, scripts, the soak): Node 20 has
// fetch and BroadcastChannel but no window events, navigator or IndexedDB. `createShop` must
// still work — memory storage, no tab events — against the reference store on loopback.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startReferenceStore, type RunningStore } from '../../../demo/reference-store/index';
import { createShop } from '../../../src/store/index.js';

describe('createShop in Node (no DOM)', () => {
  let running: RunningStore;
  before(async () => {
    running = await startReferenceStore({ port: 0, limits: { '*': 1_000_000 } });
  });
  after(() => running.close());

  it('reads the catalogue and fills a cart with memory storage', async () => {
    const shop = createShop({ publicKey: 'pk_test_tote_demo', apiBase: running.url });
    try {
      // No document here; Node 20 has no navigator either (Node 21+ has navigator.language).
      const fallback = (globalThis as { navigator?: { language?: string } }).navigator?.language || 'en';
      assert.equal(shop.locale, fallback, 'the runtime language, else en, without a document');
      const page = await shop.catalog.products({ perPage: 3 });
      assert.equal(page.data.length, 3);
      await shop.cart.start();
      assert.equal(shop.cart.state.persistence, 'memory');
      const variant = (await shop.catalog.product('gift-card')).variants[0]!.id; // unlimited stock
      shop.cart.add(variant, 2);
      await shop.cart.settled();
      const server = await shop.cart.refresh();
      assert.deepEqual(
        server.items.map((item) => [item.variantId, item.quantity]),
        [[variant, 2]],
      );
    } finally {
      await shop.cart.dispose(); // even after a failed assertion, or its timers keep the file running
    }
  });

  it('takes an explicit locale and sends it with every request', async () => {
    // A store of its own: another API base is another shop (createShop keeps one per key and API
    // base, and a second locale for a known shop is only a view that shares the first one's client).
    const other = await startReferenceStore({ port: 0, limits: { '*': 1_000_000 } });
    const languages: (string | undefined)[] = [];
    other.server.on('request', (req: { headers: Record<string, string | string[] | undefined> }) => {
      const header = req.headers['accept-language'];
      languages.push(Array.isArray(header) ? header.join(',') : header);
    });
    const shop = createShop({ publicKey: 'pk_test_tote_demo', apiBase: other.url, locale: 'pl-PL' });
    try {
      assert.equal(shop.locale, 'pl-PL');
      await shop.catalog.products({ perPage: 1 });
      await shop.cart.start();
      const server = await shop.cart.refresh();
      // The demo shop is at home in the US: the visitor's country comes from the request's language.
      assert.equal(server.visitorCountryCode, 'PL', 'the store read the locale from Accept-Language');
      assert.ok(languages.length >= 2, `requests seen: ${languages.length}`);
      assert.deepEqual([...new Set(languages)], ['pl-PL'], 'every request carried Accept-Language: pl-PL');
    } finally {
      await shop.cart.dispose(); // even after a failed assertion, or its timers keep the file running
      await other.close();
    }
  });

  it('redeems and takes off a gift card and a discount code without any element', async () => {
    // Another shop than the test above (its engine is disposed, and createShop keeps one per key).
    const shop = createShop({ publicKey: 'pk_test_tote_pl', apiBase: running.url });
    await shop.cart.start();
    const product = (await shop.catalog.products({ perPage: 1 })).data[0]!;
    shop.cart.add(product.variants[0]!.id, 2);
    const refused = await shop.cart.applyGiftCard('GIFT-EXPIRED-TEST');
    assert.equal(refused.giftCard, null);
    assert.equal(refused.giftCardError?.reason, 'expired');
    const accepted = await shop.cart.applyGiftCard('gift-25-test');
    assert.equal(accepted.items.length, 1, 'the add settled before the code was sent');
    assert.equal(accepted.giftCard?.amount, Math.min(2500, accepted.totals.total));
    assert.equal(accepted.totals.amountDue, accepted.totals.total - accepted.giftCard!.amount);
    assert.equal(shop.cart.state.server?.giftCard?.last4, accepted.giftCard!.last4);
    assert.equal((await shop.cart.removeGiftCard()).giftCard, null);
    assert.equal((await shop.cart.applyDiscountCode('rabat10')).discounts.length, 1);
    assert.equal((await shop.cart.removeDiscountCode()).discounts.length, 0);
    await shop.cart.dispose();
  });
});
