// The third seed, "Latitude Goods" (pk_Xq3vT9mLr2WbN8cYhK4dE): what the live wire may legitimately
// send, for end-to-end tests of a tolerant client.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GB_ADDRESS, LIVE, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());

const live = (method: string, path: string, options: Parameters<Harness['call']>[2] = {}) =>
  h.call(method, path, { key: LIVE, ...options });

describe('the live-latitude store', () => {
  it('serves products with only the required fields', async () => {
    const r = await live('GET', '/products');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.meta, {
      page: 1,
      perPage: 20,
      total: 5,
      totalPages: 1,
      currency: 'GBP',
      priceMin: 1200,
      priceMax: 3800,
    });
    for (const p of r.json.data) {
      const keys = Object.keys(p).sort();
      assert.deepEqual(
        keys,
        p.slug === 'gift-card'
          ? ['id', 'images', 'kind', 'name', 'slug', 'variants']
          : ['id', 'images', 'name', 'slug', 'variants'],
        p.slug,
      );
      for (const v of p.variants)
        assert.deepEqual(Object.keys(v).sort(), ['id', 'price'], `${p.slug}: no stock fields, no isDefault`);
    }
    const bySlug = (slug: string) => r.json.data.find((p: { slug: string }) => p.slug === slug);
    assert.equal(bySlug('gift-card').kind, 'gift_card');
  });

  it('has images with renditions only, with url only, and a product without images', async () => {
    const notebook = (await live('GET', '/products/field-notebook')).json.data.images;
    assert.equal(notebook.length, 2);
    for (const image of notebook) {
      assert.deepEqual(Object.keys(image).sort(), ['id', 'urls']);
      assert.deepEqual(Object.keys(image.urls).sort(), ['card', 'card2x', 'gallery', 'gallery2x', 'thumb']);
    }
    const bag = (await live('GET', '/products/canvas-roll-bag')).json.data.images;
    assert.deepEqual(Object.keys(bag[0]).sort(), ['id', 'url']);
    assert.equal((await fetch(bag[0].url)).status, 200);
    assert.deepEqual((await live('GET', '/products/camp-mug')).json.data.images, []);
  });

  it('still refuses what stock cannot cover, though the wire never said how much there is', async () => {
    const token = newToken();
    const socks = (await live('GET', '/products/wool-socks')).json.data.variants[0];
    assert.equal(
      (await live('POST', '/cart/items', { token, body: { variantId: socks.id, quantity: 5 } })).status,
      200,
    );
    const over = await live('POST', '/cart/items', { token, body: { variantId: socks.id, quantity: 1 } });
    assert.equal(over.status, 422);
    assert.equal(over.json.error.details[0].field, 'quantity');
  });

  it('checks out with no checkout object: no terms needed, billing copied from shipping', async () => {
    const token = newToken();
    const notebook = (await live('GET', '/products/field-notebook')).json.data.variants[0];
    await live('POST', '/cart/items', { token, body: { variantId: notebook.id } });
    const shipping = (await live('GET', '/cart/shipping-options', { token })).json.data;
    assert.deepEqual(shipping, { options: [], addressRequired: true });
    await live('PATCH', '/cart', {
      token,
      body: {
        email: 'sam@example.co.uk',
        shippingAddress: { ...GB_ADDRESS, postalCode: 'nw1 6xe' },
        shippingRateId: 'ship_gb_tracked48',
      },
    });
    const placed = await live('POST', '/cart/checkout', {
      token,
      body: { paymentMethod: { kind: 'gateway', gateway: 'paypal' } },
    });
    assert.equal(placed.status, 201, placed.text);
    assert.match(placed.json.data.orderNumber, /^LAT-/);
    const receipt = (await live('GET', `/orders/${placed.json.data.orderId}`, { token })).json.data;
    assert.deepEqual(
      receipt.addresses.map((a: { kind: string }) => a.kind),
      ['shipping', 'billing'],
    );
  });

  it('ships to Great Britain only', async () => {
    const token = newToken();
    const notebook = (await live('GET', '/products/field-notebook')).json.data.variants[0];
    await live('POST', '/cart/items', { token, body: { variantId: notebook.id } });
    await live('PATCH', '/cart', {
      token,
      body: { shippingAddress: { ...GB_ADDRESS, countryCode: 'FR', postalCode: '75001' } },
    });
    assert.deepEqual((await live('GET', '/cart/shipping-options', { token })).json.data, {
      options: [],
      addressRequired: false,
    });
  });
});
