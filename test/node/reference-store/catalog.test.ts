import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { PL, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const names = (reply: { json: any }): string[] => reply.json.data.map((p: { name: string }) => p.name);

describe('GET / (the store)', () => {
  it('describes the demo store with its checkout settings and absolute legal URLs', async () => {
    const r = await h.call('GET', '/');
    assert.equal(r.status, 200);
    assert.equal(r.json.data.currency, 'USD');
    assert.equal(r.json.data.locale, 'en-US');
    assert.equal(r.json.data.checkout.termsMode, 'required_checkbox');
    assert.equal(r.json.data.checkout.termsUrl, `${h.origin}/v3/legal/pk_test_tote_demo/terms`);
    for (const key of [
      'privacyPolicyUrl',
      'showCouponField',
      'showNotesField',
      'phoneNumberField',
      'companyNameField',
      'addressLine2Field',
      'minimumOrderValue',
      'confirmationMessage',
    ]) {
      assert.ok(key in r.json.data.checkout, key);
    }
    const terms = await fetch(r.json.data.checkout.termsUrl);
    assert.equal(terms.status, 200);
    assert.match(await terms.text(), /Terms and conditions/);
  });

  it('serves the Polish store in PLN with a different checkout', async () => {
    const r = await h.call('GET', '/', { key: PL });
    assert.equal(r.json.data.currency, 'PLN');
    assert.equal(r.json.data.locale, 'pl-PL');
    assert.equal(r.json.data.checkout.termsMode, 'notice');
    assert.equal(r.json.data.checkout.phoneNumberField, 'required');
    assert.equal(r.json.data.checkout.minimumOrderValue, 2000);
  });
});

describe('GET /products', () => {
  it('lists 48 products, 20 per page by default, with contract meta', async () => {
    const r = await h.call('GET', '/products');
    assert.equal(r.status, 200);
    assert.equal(r.json.data.length, 20);
    assert.deepEqual(
      { ...r.json.meta, priceMin: typeof r.json.meta.priceMin, priceMax: typeof r.json.meta.priceMax },
      { page: 1, perPage: 20, total: 48, totalPages: 3, currency: 'USD', priceMin: 'number', priceMax: 'number' },
    );
    const last = await h.call('GET', '/products?page=3');
    assert.equal(last.json.data.length, 8);
    const beyond = await h.call('GET', '/products?page=4');
    assert.deepEqual(beyond.json.data, []);
  });

  it('pages without overlap and covers every product once', async () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 5; page++) {
      const r = await h.call('GET', `/products?perPage=10&page=${page}`);
      for (const p of r.json.data) seen.add(p.id);
    }
    assert.equal(seen.size, 48);
  });

  it('returns products in the contract shape: prices and stock only on variants', async () => {
    const r = await h.call('GET', '/products/classic-tee');
    const p = r.json.data;
    // The reference store serves every field of the contract's Product (the list grew with it).
    assert.deepEqual(Object.keys(p).sort(), [
      'averageRating',
      'brand',
      'categories',
      'description',
      'fullDescription',
      'id',
      'images',
      'kind',
      'name',
      'options',
      'productType',
      'reviewCount',
      'slug',
      'status',
      'summary',
      'variants',
    ]);
    assert.equal(p.kind, 'physical');
    assert.equal(p.options.length, 2);
    const colour = p.options.find((o: { name: string }) => o.name === 'Colour');
    assert.ok(
      colour.values.every((v: { color: string | null }) => /^#[0-9a-f]{6}$/.test(v.color ?? '')),
      'colour swatches',
    );
    const size = p.options.find((o: { name: string }) => o.name === 'Size');
    assert.ok(size.values.every((v: { color: string | null }) => v.color === null));
    assert.equal(p.variants.length, 20);
    const v = p.variants[0];
    assert.deepEqual(Object.keys(v).sort(), [
      'compareAtPrice',
      'id',
      'inventoryPolicy',
      'inventoryQuantity',
      'isDefault',
      'mediaId',
      'name',
      'optionValueIds',
      'optionValues',
      'price',
      'sellableQuantity',
      'sku',
    ]);
    assert.deepEqual(
      v.optionValueIds,
      v.optionValues.map((o: { valueId: string }) => o.valueId),
    );
    assert.equal(p.variants.filter((x: { isDefault: boolean }) => x.isDefault).length, 1);
    assert.deepEqual(Object.keys(v.optionValues[0]).sort(), ['optionId', 'optionName', 'value', 'valueId']);
    // XS is sold out in every colour; XL costs $2 more.
    const xs = p.variants.filter((x: { optionValues: { value: string }[] }) =>
      x.optionValues.some((o) => o.value === 'XS'),
    );
    assert.ok(xs.every((x: { sellableQuantity: number }) => x.sellableQuantity === 0));
    const xl = p.variants.find((x: { optionValues: { value: string }[] }) =>
      x.optionValues.some((o) => o.value === 'XL'),
    );
    assert.equal(xl.price, 3000);
    assert.deepEqual(p.categories, [{ id: 'cat_d02', slug: 'tees', name: 'T-shirts' }]);
  });

  it('has images with absolute URLs for every rendition, sizes, alt text and variant links', async () => {
    const r = await h.call('GET', '/products/classic-tee');
    const image = r.json.data.images[0];
    assert.equal(image.width, 1600);
    assert.equal(image.height, 1600);
    assert.equal(image.alt, 'Classic Tee in Black');
    assert.equal(image.variantId, r.json.data.variants[0].id);
    assert.deepEqual(Object.keys(image.urls).sort(), ['card', 'card2x', 'gallery', 'gallery2x', 'thumb']);
    for (const url of [image.url, ...Object.values(image.urls)] as string[])
      assert.ok(url.startsWith(`${h.origin}/v3/images/`), url);
    const svg = await fetch(image.urls.card);
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    const text = await svg.text();
    assert.match(text, /^<svg[^>]* width="400" height="400"/);
    assert.doesNotMatch(text, /<script/i);
  });

  it('keeps the aspect ratio in renditions of non-square images', async () => {
    const r = await h.call('GET', '/products/tank-top');
    const image = r.json.data.images[0];
    assert.equal(image.width, 1200);
    assert.equal(image.height, 1600);
    const text = await (await fetch(image.urls.card)).text();
    assert.match(text, /width="400" height="533"/);
  });

  it('builds image URLs from the Host header (so a mounting server on another port works)', async () => {
    const port = new URL(h.url).port;
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v3/public/pk_test_tote_demo/products/classic-tee',
          headers: { Host: 'localhost:5173' },
        },
        (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve(data));
        },
      );
      req.on('error', reject);
      req.end();
    });
    const product = JSON.parse(body).data;
    assert.ok(product.images[0].url.startsWith('http://localhost:5173/v3/images/'), product.images[0].url);
  });

  it('covers the stock cases: limited, unlimited, sold out, backorder', async () => {
    const variantOf = async (slug: string) => (await h.call('GET', `/products/${slug}`)).json.data.variants;
    assert.equal((await variantOf('chefs-knife'))[0].sellableQuantity, 3);
    assert.equal((await variantOf('gift-card'))[0].sellableQuantity, null);
    const wallet = (await variantOf('leather-wallet'))[0];
    assert.deepEqual([wallet.sellableQuantity, wallet.inventoryPolicy], [0, 'deny']);
    const throw_ = (await variantOf('wool-throw'))[0];
    assert.deepEqual([throw_.sellableQuantity, throw_.inventoryPolicy], [0, 'continue']);
  });

  it('has sale prices, single-variant products, a product without images and an unsafe description', async () => {
    const hoodie = (await h.call('GET', '/products/pullover-hoodie')).json.data;
    assert.ok(
      hoodie.variants.some(
        (v: { compareAtPrice: number | null; price: number }) =>
          v.compareAtPrice !== null && v.compareAtPrice > v.price,
      ),
    );
    assert.ok(hoodie.variants.some((v: { compareAtPrice: number | null }) => v.compareAtPrice === null));
    const knife = (await h.call('GET', '/products/chefs-knife')).json.data;
    assert.deepEqual([knife.options.length, knife.variants.length, knife.variants[0].optionValues.length], [0, 1, 0]);
    assert.deepEqual((await h.call('GET', '/products/keychain')).json.data.images, []);
    const pin = (await h.call('GET', '/products/enamel-pin')).json.data.description;
    assert.match(pin, /<img [^>]*onerror=/);
    assert.match(pin, /<script>/);
  });

  it('finds a product by id as well as by slug, and 404s an unknown one', async () => {
    const bySlug = await h.call('GET', '/products/classic-tee');
    const byId = await h.call('GET', `/products/${bySlug.json.data.id}`);
    assert.equal(byId.json.data.slug, 'classic-tee');
    const missing = await h.call('GET', '/products/no-such-thing');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'NOT_FOUND');
  });

  it('searches name, description and SKU, case- and accent-insensitively, all terms required', async () => {
    assert.deepEqual(names(await h.call('GET', '/products?q=MUG')), ['Stoneware Mug', 'Enamel Mug']);
    assert.deepEqual(names(await h.call('GET', '/products?q=enamel%20mug')), ['Enamel Mug']);
    assert.deepEqual(names(await h.call('GET', '/products?q=KNF-CHF')), ["Chef's Knife"]);
    assert.deepEqual(names(await h.call('GET', '/products?q=marini%C3%A8re')), ['Breton Stripe Tee']);
    assert.equal((await h.call('GET', '/products?q=zzzz')).json.meta.total, 0);
    // Polish: "lyzka" finds "Łyżka", "swieca" finds "Świeca".
    assert.deepEqual(names(await h.call('GET', '/products?q=lyzka', { key: PL })), ['Łyżka z drewna oliwnego']);
    assert.deepEqual(names(await h.call('GET', '/products?q=swieca', { key: PL })), ['Świeca sojowa']);
  });

  it('filters by category id or slug, including child categories, and by several', async () => {
    const tees = await h.call('GET', '/products?category=tees&perPage=100');
    assert.equal(tees.json.meta.total, 10);
    const byId = await h.call('GET', '/products?category=cat_d02&perPage=100');
    assert.deepEqual(names(byId), names(tees));
    const apparel = await h.call('GET', '/products?category=apparel&perPage=100');
    assert.equal(apparel.json.meta.total, 20, 'tees + outerwear + products tagged Apparel directly');
    const two = await h.call('GET', '/products?category=tees,kitchen&perPage=100');
    assert.equal(two.json.meta.total, 20);
  });

  it('filters by ids (ids or slugs; unknown ones are simply absent)', async () => {
    const r = await h.call('GET', '/products?ids=prod_d02,chefs-knife,prod_nope');
    assert.deepEqual(names(r).sort(), ["Chef's Knife", 'Pocket Tee']);
  });

  it('sorts by name, price and newest, ascending and descending', async () => {
    const byName = names(await h.call('GET', '/products?sort=name&perPage=100'));
    assert.deepEqual(
      byName,
      [...byName].sort((a, b) => a.localeCompare(b, 'en-US')),
    );
    assert.deepEqual(names(await h.call('GET', '/products?sort=-name&perPage=100')), [...byName].reverse());
    const cheap = (await h.call('GET', '/products?sort=price&perPage=100')).json.data;
    const fromPrice = (p: { variants: { price: number }[] }) => Math.min(...p.variants.map((v) => v.price));
    for (let i = 1; i < cheap.length; i++) assert.ok(fromPrice(cheap[i - 1]) <= fromPrice(cheap[i]));
    const dear = (await h.call('GET', '/products?sort=-price&perPage=3')).json.data;
    assert.equal(dear[0].name, 'Quilted Jacket');
    const newest = names(await h.call('GET', '/products?sort=newest&perPage=100'));
    const oldest = names(await h.call('GET', '/products?sort=-newest&perPage=100'));
    assert.equal(newest[0], oldest[oldest.length - 1]);
    assert.notDeepEqual(newest, names(await h.call('GET', '/products?perPage=100')));
  });

  it('puts featured products first by default', async () => {
    const first = (await h.call('GET', '/products?perPage=3')).json.data.map((p: { slug: string }) => p.slug);
    assert.deepEqual(first, ['classic-tee', 'pullover-hoodie', 'rain-jacket']);
  });

  it('filters by price range (any variant in range) and reports the range without it', async () => {
    const r = await h.call('GET', '/products?priceMin=10000&priceMax=15000&perPage=100');
    assert.ok(r.json.meta.total > 0);
    for (const p of r.json.data)
      assert.ok(
        p.variants.some((v: { price: number }) => v.price >= 10000 && v.price <= 15000),
        p.name,
      );
    assert.equal(r.json.meta.priceMin, 900, 'meta range ignores the price filter itself');
    assert.equal(r.json.meta.priceMax, 16900);
  });

  it('inStock=true leaves out products nobody can buy but keeps backorders and unlimited', async () => {
    const all = names(await h.call('GET', '/products?perPage=100'));
    const inStock = names(await h.call('GET', '/products?inStock=true&perPage=100'));
    assert.ok(all.includes('Leather Wallet'));
    assert.ok(!inStock.includes('Leather Wallet'));
    assert.ok(inStock.includes('Wool Throw'));
    assert.ok(inStock.includes('Gift Card'));
  });

  it('refuses bad query values with 422 and one detail per field', async () => {
    const r = await h.call(
      'GET',
      '/products?page=0&perPage=500&sort=cheapest&priceMin=abc&inStock=maybe&category=nope',
    );
    assert.equal(r.status, 422);
    assert.equal(r.json.error.code, 'VALIDATION_ERROR');
    const fields = r.json.error.details.map((d: { field: string }) => d.field).sort();
    assert.deepEqual(fields, ['category', 'inStock', 'page', 'perPage', 'priceMin', 'sort']);
    assert.equal((await h.call('GET', '/products?priceMin=500&priceMax=100')).status, 422);
    assert.equal((await h.call('GET', '/products?perPage=1.5')).status, 422);
  });
});

describe('GET /categories', () => {
  it('returns a flat list with parents, counts and images', async () => {
    const r = await h.call('GET', '/categories');
    assert.equal(r.status, 200);
    assert.equal(r.json.data.length, 6);
    assert.equal(r.json.meta.total, 6);
    const tees = r.json.data.find((c: { slug: string }) => c.slug === 'tees');
    const apparel = r.json.data.find((c: { slug: string }) => c.slug === 'apparel');
    assert.equal(tees.parentId, apparel.id);
    assert.equal(apparel.parentId, null);
    assert.equal(tees.productsCount, 10);
    assert.ok(tees.imageUrl.startsWith(`${h.origin}/v3/images/`));
    assert.equal((await fetch(tees.imageUrl)).status, 200);
    const paged = await h.call('GET', '/categories?perPage=4&page=2');
    assert.equal(paged.json.data.length, 2);
    assert.equal((await h.call('GET', '/categories?perPage=0')).status, 422);
  });

  it('has Polish categories in the second store', async () => {
    const r = await h.call('GET', '/categories', { key: PL });
    assert.ok(r.json.data.some((c: { name: string }) => c.name === 'Odzież'));
  });
});

describe('images', () => {
  it('404s unknown images and renditions', async () => {
    assert.equal((await fetch(`${h.origin}/v3/images/img_nope/card.svg`)).status, 404);
    assert.equal((await fetch(`${h.origin}/v3/images/img_d01_1/huge.svg`)).status, 404);
  });
});
