// The catalogue fields the real wire carries: kind, Media renditions, ratings, full categories and
// category detail with children/parent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PL, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());

describe('products on the wire', () => {
  it('marks gift cards kind gift_card, never stock-gated, and everything else physical', async () => {
    const gift = (await h.call('GET', '/products/gift-card')).json.data;
    assert.equal(gift.kind, 'gift_card');
    assert.equal(gift.productType, 'Gift card');
    assert.ok(
      gift.variants.every(
        (v: { sellableQuantity: number | null; inventoryQuantity?: number }) =>
          v.sellableQuantity === null && v.inventoryQuantity === undefined,
      ),
    );
    const list = (await h.call('GET', '/products?perPage=100')).json.data;
    assert.deepEqual(
      list.filter((p: { kind: string }) => p.kind === 'gift_card').map((p: { slug: string }) => p.slug),
      ['gift-card'],
    );
    assert.equal((await h.call('GET', '/products/karta-podarunkowa', { key: PL })).json.data.kind, 'gift_card');
    const token = newToken();
    assert.equal(
      (await h.call('POST', '/cart/items', { token, body: { variantId: gift.variants[0].id, quantity: 999 } })).status,
      200,
    );
  });

  it('serves Media with url, every rendition, kind, mime, size, alt and position', async () => {
    const tee = (await h.call('GET', '/products/classic-tee')).json.data;
    const [first, second] = tee.images;
    assert.deepEqual(Object.keys(first).sort(), [
      'alt',
      'height',
      'id',
      'kind',
      'mime',
      'position',
      'url',
      'urls',
      'variantId',
      'width',
    ]);
    assert.deepEqual([first.kind, first.mime, first.position, second.position], ['image', 'image/svg+xml', 0, 1]);
    const variant = tee.variants.find((v: { mediaId?: string }) => v.mediaId === second.id);
    assert.ok(variant, 'a variant names its image by mediaId');
  });

  it('counts reviews on the product (reviewCount, averageRating), 0 and 0 without any', async () => {
    const tee = (await h.call('GET', '/products/classic-tee')).json.data;
    assert.deepEqual([tee.reviewCount, tee.averageRating], [3, 4.7]);
    const keychain = (await h.call('GET', '/products/keychain')).json.data;
    assert.deepEqual([keychain.reviewCount, keychain.averageRating], [0, 0]);
  });

  it('serves inventoryQuantity as on hand including committed units (so never a thing to gate on)', async () => {
    const knife = (await h.call('GET', '/products/chefs-knife')).json.data.variants[0];
    assert.deepEqual([knife.sellableQuantity, knife.inventoryQuantity], [3, 3]);
  });
});

describe('categories on the wire', () => {
  it('serves every Category field, flat and ordered by sortOrder, roots at level 0', async () => {
    const r = await h.call('GET', '/categories');
    const first = r.json.data[0];
    assert.deepEqual(Object.keys(first).sort(), [
      'createdAt',
      'description',
      'id',
      'imageUrl',
      'level',
      'metaDescription',
      'metaTitle',
      'name',
      'parentId',
      'productsCount',
      'slug',
      'sortOrder',
      'status',
      'updatedAt',
    ]);
    const orders = r.json.data.map((c: { sortOrder: number }) => c.sortOrder);
    assert.deepEqual(
      orders,
      [...orders].sort((a, b) => a - b),
    );
    const tees = r.json.data.find((c: { slug: string }) => c.slug === 'tees');
    const apparel = r.json.data.find((c: { slug: string }) => c.slug === 'apparel');
    assert.deepEqual([apparel.level, tees.level, tees.status], [0, 1, 'active']);
    assert.ok(!Number.isNaN(Date.parse(tees.createdAt)));
  });

  it('GET /categories/{idOrSlug} includes direct children and the immediate parent on request', async () => {
    const plain = await h.call('GET', '/categories/apparel');
    assert.equal(plain.status, 200);
    assert.equal(plain.json.data.children, undefined);
    const apparel = (await h.call('GET', '/categories/apparel?include=children,parent&lang=de')).json.data;
    assert.deepEqual(
      apparel.children.map((c: { slug: string }) => c.slug),
      ['tees', 'outerwear'],
    );
    assert.equal(apparel.parent, undefined, 'a root has no parent');
    const tees = (await h.call('GET', `/categories/${apparel.children[0].id}?include=parent`)).json.data;
    assert.deepEqual(tees.parent, { id: apparel.id, name: 'Apparel', slug: 'apparel', level: 0 });
    assert.equal(tees.children, undefined);
    const missing = await h.call('GET', '/categories/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'NOT_FOUND');
  });

  it('is a CORS-simple read (no headers needed)', async () => {
    assert.equal((await fetch(`${h.url}/public/pk_test_tote_demo/categories/tees?include=children`)).status, 200);
  });
});
