// The edge (src/api/normalize-*.ts): every latitude the contract allows is accepted, defaults are
// filled, hostile values are neutralized, and only truly unusable answers are refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../src/api/errors';
import * as cart from '../../../src/api/normalize/cart';
import * as catalog from '../../../src/api/normalize/catalog';
import * as onDemand from '../../../src/api/normalize/on-demand';
import * as primitives from '../../../src/api/normalize/primitives';
import * as store from '../../../src/api/normalize/store';

const n = { ...primitives, ...store, ...catalog, ...cart, ...onDemand };

const isBad = (e: unknown) => e instanceof ApiError && e.code === 'BAD_RESPONSE' && e.status === 200;
const V = (over: Record<string, unknown> = {}) => ({ id: 'v1', price: 1200, ...over });
const P = (over: Record<string, unknown> = {}) => ({
  id: 'p1',
  name: 'Mug',
  slug: 'mug',
  images: [],
  variants: [V()],
  ...over,
});
const totals = { subtotal: 2400, discountTotal: 0, taxTotal: 0, shippingTotal: 0, total: 2400 };
const line = (over: Record<string, unknown> = {}) => ({
  id: 'i1',
  variantId: 'v1',
  quantity: 2,
  unitPrice: 1200,
  subtotal: 2400,
  name: 'Mug',
  ...over,
});
const C = (over: Record<string, unknown> = {}) => ({ id: 'c1', currencyCode: 'USD', items: [line()], totals, ...over });

describe('safeUrl', () => {
  it('keeps https and loopback http, refuses everything else', () => {
    assert.equal(n.safeUrl('https://cdn.shop/a.png'), 'https://cdn.shop/a.png');
    assert.equal(n.safeUrl('  https://cdn.shop/a b.png '), 'https://cdn.shop/a%20b.png');
    assert.equal(n.safeUrl('http://localhost:8000/x'), 'http://localhost:8000/x');
    assert.equal(n.safeUrl('http://127.0.0.1/x'), 'http://127.0.0.1/x');
    assert.equal(n.safeUrl('http://[::1]:9/x'), 'http://[::1]:9/x');
    for (const bad of [
      'http://cdn.shop/a.png',
      'http://localhost.evil.com/x',
      'http://127.0.0.2/x',
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>1</script>',
      'vbscript:x',
      'blob:https://x/1',
      'file:///etc/passwd',
      '//evil.com/x.png',
      '/relative.png',
      '" onerror="alert(1)',
      '',
      42,
      null,
      { href: 'https://x' },
    ])
      assert.equal(n.safeUrl(bad), null, String(bad));
  });
  it('percent-encodes quotes so an attribute cannot be broken out of', () => {
    assert.equal(n.safeUrl('https://x.test/a"onerror="b.png'), 'https://x.test/a%22onerror=%22b.png');
  });
});

describe('currency', () => {
  it('accepts ISO codes, repairs case, falls back to XXX (no currency) so Intl never throws', () => {
    assert.equal(n.currency('EUR'), 'EUR');
    assert.equal(n.currency(' gbp '), 'GBP');
    for (const bad of ['EURO', '€', '', null, 12, 'U$D', '<b>']) {
      const c = n.currency(bad);
      assert.equal(c, 'XXX');
      assert.doesNotThrow(() => new Intl.NumberFormat('en', { style: 'currency', currency: c }).format(1));
    }
    assert.equal(n.currency('nope', 'USD'), 'USD');
  });
});

describe('store', () => {
  it('fills a store without checkout, storeMode or features with the contract defaults', () => {
    const s = n.normStore({ id: 's1', name: 'Shop', currency: 'USD', locale: 'en-US', tracking: { x: 1 } });
    assert.deepEqual(s, {
      id: 's1',
      name: 'Shop',
      currency: 'USD',
      locale: 'en-US',
      storeMode: 'live',
      checkout: { ...n.DEFAULT_CHECKOUT },
      features: { addressAutocomplete: false },
    });
    assert.equal(n.DEFAULT_CHECKOUT.termsMode, 'hidden');
    assert.equal(n.DEFAULT_CHECKOUT.showCouponField, true);
    assert.equal(n.DEFAULT_CHECKOUT.showGiftCardField, true);
    assert.equal(n.DEFAULT_CHECKOUT.showNotesField, false);
    assert.equal(n.DEFAULT_CHECKOUT.addressLine2Field, 'optional');
    assert.ok(Object.isFrozen(n.DEFAULT_CHECKOUT));
  });
  it('unwraps a `store` member, reads baseCurrencyCode, test mode and features', () => {
    const s = n.normStore({
      store: { id: 7, name: 'S', baseCurrencyCode: 'eur', storeMode: 'test', features: { addressAutocomplete: true } },
    });
    assert.equal(s.id, '7');
    assert.equal(s.currency, 'EUR');
    assert.equal(s.storeMode, 'test');
    assert.equal(s.features.addressAutocomplete, true);
    assert.equal(s.locale, 'en');
  });
  it('a bad currency or locale does not get through (a render would throw)', () => {
    const s = n.normStore({ id: 's', currency: 'DOLLARS', locale: 'not a locale!!' });
    assert.equal(s.currency, 'XXX');
    assert.equal(s.locale, 'en');
    assert.equal(n.normStore({ id: 's', currency: 'b4d', baseCurrencyCode: 'CHF' }).currency, 'CHF');
  });
  it('checks every checkout setting: enums, booleans, URLs', () => {
    const s = n.normStore({
      id: 's',
      checkout: {
        termsMode: 'required_checkbox',
        termsDisplay: 'text',
        termsUrl: 'javascript:alert(1)',
        termsText: 'Be nice',
        privacyPolicyUrl: 'https://shop.test/privacy',
        refundPolicyUrl: 'http://shop.test/refunds',
        showMarketingOptIn: 'yes',
        precheckMarketingOptIn: true,
        companyNameField: 'required',
        phoneNumberField: 'mandatory',
        addressLine2Field: 'hidden',
        showCouponField: false,
        redirectAfterCheckout: true,
        redirectUrl: 'data:text/html,x',
        minimumOrderValue: 5000,
        confirmationMessage: 3,
      },
    });
    const c = s.checkout;
    assert.equal(c.termsMode, 'required_checkbox');
    assert.equal(c.termsDisplay, 'text');
    assert.equal(c.termsUrl, null);
    assert.equal(c.termsText, 'Be nice');
    assert.equal(c.privacyPolicyUrl, 'https://shop.test/privacy');
    assert.equal(c.refundPolicyUrl, null, 'plain http on a real host');
    assert.equal(c.showMarketingOptIn, false);
    assert.equal(c.precheckMarketingOptIn, true);
    assert.equal(c.companyNameField, 'required');
    assert.equal(c.phoneNumberField, 'optional');
    assert.equal(c.addressLine2Field, 'hidden');
    assert.equal(c.showCouponField, false);
    assert.equal(c.showGiftCardField, true);
    assert.equal(c.redirectAfterCheckout, true);
    assert.equal(c.redirectUrl, null);
    assert.equal(c.minimumOrderValue, 5000);
    assert.equal(c.confirmationMessage, null);
    assert.equal(
      n.normStore({ id: 's', checkout: { termsMode: 'sometimes', minimumOrderValue: -1 } }).checkout.termsMode,
      'hidden',
    );
    assert.equal(n.normStore({ id: 's', checkout: { minimumOrderValue: -1 } }).checkout.minimumOrderValue, null);
  });
  it('no checkout link (terms, privacy, refunds, after-checkout) is ever a script or data URL, in any spelling', () => {
    const keys = ['termsUrl', 'privacyPolicyUrl', 'refundPolicyUrl', 'redirectUrl'] as const;
    for (const bad of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.test/x',
    ]) {
      const c = n.normStore({ id: 's', checkout: Object.fromEntries(keys.map((k) => [k, bad])) }).checkout;
      for (const k of keys) assert.equal(c[k], null, `${k}: ${JSON.stringify(bad)}`);
    }
  });
  it('refuses a store without an id', () => {
    assert.throws(() => n.normStore({ name: 'x' }), isBad);
    assert.throws(() => n.normStore(null), isBad);
    assert.throws(() => n.normStore([]), isBad);
  });
});

describe('products', () => {
  it('fills a product that has only the required fields', () => {
    const p = n.normProduct({ id: 'p1', name: 'Gift', slug: 'gift', images: [] });
    assert.deepEqual(p, {
      id: 'p1',
      name: 'Gift',
      slug: 'gift',
      kind: 'physical',
      summary: '',
      description: '',
      images: [],
      options: [],
      variants: [],
      categories: [],
    });
  });
  it('reads kind gift_card; anything else is physical', () => {
    assert.equal(n.normProduct(P({ kind: 'gift_card' })).kind, 'gift_card');
    assert.equal(n.normProduct(P({ kind: 'GIFT' })).kind, 'physical');
  });
  it('variant defaults: sellableQuantity missing or null is unlimited (null), never 0', () => {
    const [v] = n.normProduct(P()).variants;
    assert.deepEqual(v, {
      id: 'v1',
      sku: null,
      price: 1200,
      compareAtPrice: null,
      isDefault: false,
      optionValues: [],
      mediaId: null,
      sellableQuantity: null,
      inventoryPolicy: 'deny',
    });
    assert.equal(n.normProduct(P({ variants: [V({ sellableQuantity: null })] })).variants[0]!.sellableQuantity, null);
    assert.equal(n.normProduct(P({ variants: [V({ sellableQuantity: 0 })] })).variants[0]!.sellableQuantity, 0);
    assert.equal(n.normProduct(P({ variants: [V({ sellableQuantity: -3 })] })).variants[0]!.sellableQuantity, 0);
    assert.equal(n.normProduct(P({ variants: [V({ sellableQuantity: '5' })] })).variants[0]!.sellableQuantity, null);
    assert.equal(
      n.normProduct(P({ variants: [V({ inventoryPolicy: 'continue', name: 'Big', isDefault: true })] })).variants[0]!
        .inventoryPolicy,
      'continue',
    );
  });
  it('resolves option values given as objects, bare ids or optionValueIds', () => {
    const options = [
      {
        id: 'o1',
        name: 'Size',
        values: [
          { id: 's', value: 'Small' },
          { id: 'l', value: 'Large' },
        ],
      },
      { id: 'o2', name: 'Colour', values: [{ id: 'r', value: 'Red', color: '#f00' }] },
    ];
    const p = n.normProduct(
      P({
        options,
        variants: [
          V({ id: 'a', optionValues: [{ optionId: 'o1', optionName: 'Size', valueId: 's', value: 'Small' }, 'r'] }),
          V({ id: 'b', optionValueIds: ['l', 'r', 'unknown'] }),
          V({ id: 'c', optionValues: ['l', 'l'], optionValueIds: ['l'] }),
        ],
      }),
    );
    const ids = (i: number) =>
      p.variants[i]!.optionValues.map((o) => `${o.optionId}:${o.valueId}:${o.optionName}:${o.value}`);
    assert.deepEqual(ids(0), ['o1:s:Size:Small', 'o2:r:Colour:Red']);
    assert.deepEqual(ids(1), ['o1:l:Size:Large', 'o2:r:Colour:Red']);
    assert.deepEqual(ids(2), ['o1:l:Size:Large']);
    assert.deepEqual(p.options[1]!.values[0], { id: 'r', value: 'Red', color: '#f00' });
    assert.equal(p.options[0]!.values[0]!.color, null);
  });
  it('images: url from the wire, else the largest rendition present, else null; unsafe URLs dropped', () => {
    const p = n.normProduct(
      P({
        images: [
          { id: 'm1', urls: { thumb: 'https://c/t.jpg', card: 'https://c/c.jpg' } },
          { id: 'm2', url: 'https://c/full.jpg', width: 800, height: 600, alt: 'A mug', variantId: 'v1' },
          { id: 'm3', urls: { gallery2x: 'javascript:alert(1)', gallery: 'https://c/g.jpg', card2x: 'data:x' } },
          { url: 'javascript:alert(1)', urls: { thumb: 'javascript:1' }, alt: 7 },
          'garbage',
        ],
      }),
    );
    assert.deepEqual(
      p.images.map((i) => i.url),
      ['https://c/c.jpg', 'https://c/full.jpg', 'https://c/g.jpg', null, null],
    );
    assert.deepEqual(p.images[0]!.urls, { card: 'https://c/c.jpg', thumb: 'https://c/t.jpg' });
    assert.deepEqual(p.images[2]!.urls, { gallery: 'https://c/g.jpg' });
    assert.deepEqual(p.images[1], {
      id: 'm2',
      url: 'https://c/full.jpg',
      urls: {},
      alt: 'A mug',
      width: 800,
      height: 600,
      variantId: 'v1',
    });
    assert.equal(p.images[3]!.alt, '');
    assert.equal(p.images[3]!.id, 'p1-image-3', 'a missing id is made up, stable');
  });
  it('drops an unusable variant, keeps the product; refuses a product whose every variant is unusable', () => {
    const p = n.normProduct(
      P({ variants: [V({ price: '12.00' }), V({ id: 'v2' }), V({ id: undefined }), V({ price: NaN }), null] }),
    );
    assert.deepEqual(
      p.variants.map((v) => v.id),
      ['v2'],
    );
    assert.throws(() => n.normProduct(P({ variants: [V({ price: '12.00' })] })), isBad);
    assert.throws(() => n.normProduct(P({ variants: [V({ price: Infinity })] })), isBad);
    assert.equal(n.normProduct(P({ variants: [] })).variants.length, 0);
  });
  it('refuses a product without an id or a name; repairs a missing slug and lists of the wrong type', () => {
    assert.throws(() => n.normProduct({ name: 'x' }), isBad);
    assert.throws(() => n.normProduct({ id: 'p1' }), isBad);
    assert.throws(() => n.normProduct({ id: 'p1', name: null }), isBad);
    assert.throws(() => n.normProduct('p1'), isBad);
    const p = n.normProduct({
      id: 9,
      name: '',
      images: 'nope',
      options: {},
      variants: null,
      categories: [{ id: 'c', name: 'C' }, { name: 'no id' }],
    });
    assert.equal(p.id, '9');
    assert.equal(p.name, '');
    assert.equal(p.slug, '9');
    assert.deepEqual(p.images, []);
    assert.deepEqual(p.categories, [{ id: 'c', slug: 'c', name: 'C' }]);
  });
  it('keeps the informational extras only when they have their type; drops unknown fields', () => {
    const p = n.normProduct(
      P({
        brand: 'B',
        reviewCount: 3,
        averageRating: 4.5,
        fullDescription: '<p>x</p>',
        inStock: false,
        hasVariants: true,
        __proto__x: 1,
      }),
    );
    assert.equal(p.brand, 'B');
    assert.equal(p.reviewCount, 3);
    assert.equal(p.averageRating, 4.5);
    assert.equal(p.fullDescription, '<p>x</p>');
    assert.ok(!('inStock' in p) && !('hasVariants' in p));
    const q = n.normProduct(P({ brand: 3, reviewCount: '3' }));
    assert.ok(!('brand' in q) && !('reviewCount' in q));
  });
  it('a list with one bad product keeps the others; meta gets defaults and a safe currency', () => {
    const l = n.normProductList({
      data: [P(), { name: 'no id' }, P({ id: 'p2', variants: [V({ price: null })] }), P({ id: 'p3' })],
      meta: { page: 2, perPage: 2, total: 7, currency: 'usd', priceMin: 100, priceMax: null },
    });
    assert.deepEqual(
      l.data.map((p) => p.id),
      ['p1', 'p3'],
    );
    assert.deepEqual(l.meta, {
      page: 2,
      perPage: 2,
      total: 7,
      totalPages: 4,
      currency: 'USD',
      priceMin: 100,
      priceMax: null,
    });
    assert.equal(n.normProductList({ data: [], meta: { currency: '$$$' } }).meta.currency, 'XXX');
    assert.equal(n.normProductList({ data: [], meta: { total: 0, perPage: 20 } }).meta.totalPages, 0);
  });
  it('a bare array is a list; a list without data is a bad answer', () => {
    const l = n.normProductList([P()]);
    assert.equal(l.data.length, 1);
    assert.deepEqual(l.meta, {
      page: 1,
      perPage: 1,
      total: 1,
      totalPages: 1,
      currency: 'XXX',
      priceMin: null,
      priceMax: null,
    });
    assert.throws(() => n.normProductList({ meta: {} }), isBad);
    // Entries came and none is usable: the answer is wrong as a whole (an error, not "no results").
    assert.throws(() => n.normProductList({ data: [{ id: 'prod_1' }], meta: { page: 1 } }), isBad);
    assert.throws(
      () => n.normProductList({ data: [{ id: 5, name: null, images: 'x', variants: {}, options: 7 }], meta: {} }),
      isBad,
    );
    assert.throws(() => n.normProductList({ data: 'x' }), isBad);
  });
  it('hostile text is kept as text (the views render it inert); it never throws', () => {
    const evil = '<img src=x onerror=alert(1)>\u202E';
    const p = n.normProduct(P({ name: evil, summary: evil, description: evil }));
    assert.equal(p.name, evil);
    assert.equal(p.description, evil);
    assert.doesNotThrow(() =>
      n.normProduct(
        JSON.parse(
          '{"id":"p","name":"n","__proto__":{"polluted":1},"variants":[{"id":"v","price":1,"__proto__":{"x":1}}]}',
        ),
      ),
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('categories', () => {
  it('fills the optional fields and checks imageUrl', () => {
    const c = n.normCategory({ id: 'c1', slug: 'mugs', name: 'Mugs', imageUrl: 'javascript:x' });
    assert.deepEqual(c, {
      id: 'c1',
      slug: 'mugs',
      name: 'Mugs',
      description: null,
      parentId: null,
      productsCount: 0,
      imageUrl: null,
    });
    const d = n.normCategory({
      id: 'c2',
      slug: 's',
      name: 'N',
      parentId: 'c1',
      level: 1,
      sortOrder: 3,
      productsCount: 4,
      imageUrl: 'https://c/x.png',
      children: [{ id: 'c3', name: 'Kid' }, { nope: 1 }],
      parent: { id: 'c1', name: 'Mugs', slug: 'mugs', level: 0 },
    });
    assert.equal(d.parentId, 'c1');
    assert.equal(d.imageUrl, 'https://c/x.png');
    assert.deepEqual(
      d.children!.map((k) => k.id),
      ['c3'],
    );
    assert.deepEqual(d.parent, { id: 'c1', name: 'Mugs', slug: 'mugs', level: 0 });
    assert.equal(d.level, 1);
  });
  it('a category that is its own parent is a root (the tree builder would loop)', () => {
    assert.equal(n.normCategory({ id: 'c', parentId: 'c' }).parentId, null);
  });
  it('lists drop bad entries', () => {
    const l = n.normCategoryList({
      data: [{ id: 'a' }, {}, { id: 'b', parentId: 'a' }],
      meta: { page: 1, perPage: 50, total: 2, totalPages: 1 },
    });
    assert.deepEqual(
      l.data.map((c) => c.id),
      ['a', 'b'],
    );
    assert.deepEqual(l.meta, { page: 1, perPage: 50, total: 2, totalPages: 1 });
    assert.throws(() => n.normCategory({ name: 'x' }), isBad);
  });
});

describe('cart', () => {
  it('fills every optional field from the contract', () => {
    const c = n.normCart({ id: 'c1', currencyCode: 'USD', items: [line()], totals });
    assert.equal(c.requiresShipping, true);
    assert.equal(c.itemCount, 2);
    assert.deepEqual(c.taxBreakdown, []);
    assert.equal(c.taxInclusive, false);
    assert.equal(c.giftCard, null);
    assert.equal(c.giftCardError, null);
    assert.equal(c.discountError, null);
    assert.deepEqual(c.discounts, []);
    assert.equal(c.email, null);
    assert.equal(c.shippingAddress, null);
    assert.equal(c.visitorCountryCode, null);
    assert.deepEqual(c.totals, { ...totals, giftCardTotal: 0, amountDue: 2400 });
    assert.ok(!('customerName' in c));
    assert.deepEqual(c.items[0], {
      id: 'i1',
      productId: null,
      variantId: 'v1',
      name: 'Mug',
      variantName: null,
      sku: null,
      unitPrice: 1200,
      quantity: 2,
      subtotal: 2400,
      imageUrl: null,
    });
  });
  it('a cart without items is empty; itemCount sums the quantities when missing, and is kept when sent', () => {
    assert.equal(n.normCart({ id: 'c', totals }).items.length, 0);
    assert.equal(n.normCart(C({ items: [line(), line({ id: 'i2', variantId: 'v2', quantity: 3 })] })).itemCount, 5);
    assert.equal(n.normCart(C({ itemCount: 9 })).itemCount, 9);
  });
  it('requiresShipping: only an explicit false skips shipping', () => {
    assert.equal(n.normCart(C({ requiresShipping: false })).requiresShipping, false);
    assert.equal(n.normCart(C({ requiresShipping: 'false' })).requiresShipping, true);
    assert.equal(n.normCart(C({ requiresShipping: null })).requiresShipping, true);
  });
  it('gift card: giftCardTotal from the card when missing, amountDue = max(0, total − giftCardTotal)', () => {
    const c = n.normCart(C({ giftCard: { id: 'g', last4: '1234', amount: 3000, remainingBalance: 500 } }));
    assert.deepEqual(c.giftCard, { id: 'g', last4: '1234', amount: 3000, remainingBalance: 500 });
    assert.equal(c.totals.giftCardTotal, 3000);
    assert.equal(c.totals.amountDue, 0);
    const d = n.normCart(C({ totals: { ...totals, giftCardTotal: 400, amountDue: 2000 } }));
    assert.deepEqual([d.totals.giftCardTotal, d.totals.amountDue], [400, 2000]);
    assert.equal(n.normCart(C({ giftCard: { amount: 5 } })).giftCard, null, 'a card without last4 is no card');
    assert.deepEqual(n.normCart(C({ giftCardError: { reason: 'depleted', message: 'Empty' } })).giftCardError, {
      reason: 'depleted',
      message: 'Empty',
    });
    assert.deepEqual(n.normCart(C({ giftCardError: { message: 'Odd' } })).giftCardError, {
      reason: 'unknown',
      message: 'Odd',
    });
  });
  it('tax lines, addresses, discounts and codes', () => {
    const c = n.normCart(
      C({
        taxInclusive: true,
        taxBreakdown: [{ name: 'VAT', rateMilliPercent: 20000, amount: 400 }, 'x', { name: 3 }],
        shippingAddress: { name: 'A', line1: 'L', countryCode: 'GB', extra: 1, city: 5 },
        billingAddress: 'same',
        discounts: [{ code: null, name: 'Auto', amount: 100, automatic: true }],
        discountCode: 'SAVE',
        discountError: { reason: 'expired', message: 'Expired' },
        visitorCountryCode: 'de',
        customerName: 'Ann',
        email: 'a@b.c',
      }),
    );
    assert.equal(c.taxInclusive, true);
    assert.deepEqual(c.taxBreakdown, [
      { name: 'VAT', rateMilliPercent: 20000, amount: 400 },
      { name: '', rateMilliPercent: 0, amount: 0 },
      { name: '', rateMilliPercent: 0, amount: 0 },
    ]);
    assert.deepEqual(c.shippingAddress, {
      name: 'A',
      company: null,
      line1: 'L',
      line2: null,
      city: null,
      region: null,
      postalCode: null,
      countryCode: 'GB',
      phone: null,
    });
    assert.equal(c.billingAddress, null);
    assert.deepEqual(c.discounts, [{ id: 'discount-0', code: null, name: 'Auto', amount: 100, automatic: true }]);
    assert.equal(c.discountCode, 'SAVE');
    assert.deepEqual(c.discountError, { reason: 'expired', message: 'Expired' });
    assert.equal(c.visitorCountryCode, 'DE');
    assert.equal(c.customerName, 'Ann');
  });
  it('line images are URL-checked; a line keeps a deleted product (productId null)', () => {
    const c = n.normCart(C({ items: [line({ imageUrl: 'javascript:alert(1)', productId: null })] }));
    assert.equal(c.items[0]!.imageUrl, null);
    assert.equal(c.items[0]!.productId, null);
    assert.equal(
      n.normCart(C({ items: [line({ imageUrl: 'https://c/i.png' })] })).items[0]!.imageUrl,
      'https://c/i.png',
    );
  });
  it('a cart without totals, or with a total that is not a number, is a bad answer (the totals are the server’s)', () => {
    assert.throws(() => n.normCart({ id: 'c', items: [] }), isBad);
    assert.throws(() => n.normCart(C({ totals: { ...totals, total: '24.00' } })), isBad);
    assert.throws(() => n.normCart(C({ totals: { ...totals, subtotal: undefined } })), isBad);
    assert.throws(() => n.normCart(C({ totals: [] })), isBad);
  });
  it('a line without id, variant or a usable quantity makes the cart bad (a dropped line would be added again)', () => {
    for (const bad of [
      line({ id: undefined }),
      line({ variantId: null }),
      line({ quantity: '2' }),
      line({ quantity: -1 }),
      'line',
    ])
      assert.throws(() => n.normCart(C({ items: [line({ id: 'ok' }), bad] })), isBad, JSON.stringify(bad));
    assert.throws(() => n.normCart(C({ items: 'none' })), isBad);
    assert.throws(() => n.normCart(C({ id: undefined })), isBad);
  });
  it('a bad currency code falls back to XXX', () => {
    assert.equal(n.normCart(C({ currencyCode: 'us dollars' })).currencyCode, 'XXX');
  });
});

describe('shipping options and payment methods', () => {
  it('shipping options: defaults, an option without a cost is dropped, a bare array is read', () => {
    const s = n.normShippingOptions({
      options: [
        { id: 'r1', name: 'Post', cost: 500 },
        { id: 'r2', name: 'Free?' },
      ],
      addressRequired: false,
    });
    assert.deepEqual(s, {
      options: [
        { id: 'r1', name: 'Post', description: null, cost: 500, estimatedDaysMin: null, estimatedDaysMax: null },
      ],
      addressRequired: false,
    });
    assert.equal(n.normShippingOptions([{ id: 'x', cost: 0 }]).options[0]!.cost, 0);
    assert.equal(n.normShippingOptions({}).addressRequired, false);
  });
  it('payment methods: sdk only for PayPal with its ids; unknown providers are redirect-only; unknown icons draw a card', () => {
    const pm = n.normPaymentMethods({
      methods: [
        { select: { kind: 'gateway', gateway: 'stripe' }, name: 'Card', icon: 'card', testMode: true },
        {
          select: { kind: 'gateway', gateway: 'paypal' },
          name: 'PayPal',
          icon: 'paypal',
          sdk: { provider: 'paypal', clientId: 'AbC-1', merchantId: 'M1', bnCode: 'BN_1' },
        },
        {
          select: { kind: 'gateway', gateway: 'klarna' },
          name: 'K',
          icon: 'rocket',
          sdk: { provider: 'klarna', clientId: 'x', merchantId: 'y' },
        },
        {
          select: { kind: 'gateway', gateway: 'paypal' },
          name: 'PP no ids',
          sdk: { provider: 'paypal', clientId: 'a&currency=XXX', merchantId: 'M' },
        },
        {
          select: { kind: 'manual', manualMethodId: 'bank_transfer' },
          name: 'Bank',
          icon: 'bank',
          description: 'Pay later',
        },
        { select: { kind: 'gift' }, name: 'unusable' },
        { name: 'no select' },
      ],
      checkoutDisabled: false,
      checkoutDisabledReason: null,
    });
    assert.deepEqual(
      pm.methods.map((m) => m.name),
      ['Card', 'PayPal', 'K', 'PP no ids', 'Bank'],
    );
    assert.deepEqual(pm.methods[1]!.sdk, { provider: 'paypal', clientId: 'AbC-1', merchantId: 'M1', bnCode: 'BN_1' });
    assert.equal(pm.methods[0]!.sdk, null);
    assert.equal(pm.methods[0]!.testMode, true);
    assert.equal(pm.methods[2]!.sdk, null);
    assert.equal(pm.methods[2]!.icon, 'card');
    assert.equal(pm.methods[3]!.sdk, null, 'an id that would smuggle a query parameter');
    assert.deepEqual(pm.methods[4], {
      select: { kind: 'manual', manualMethodId: 'bank_transfer' },
      name: 'Bank',
      description: 'Pay later',
      icon: 'bank',
      testMode: false,
      sdk: null,
    });
    const off = n.normPaymentMethods({ methods: [], checkoutDisabled: true, checkoutDisabledReason: 'Paused' });
    assert.deepEqual(off, { methods: [], checkoutDisabled: true, checkoutDisabledReason: 'Paused' });
    assert.equal(n.normPaymentMethods([{ select: { kind: 'gateway', gateway: 'x' } }]).methods.length, 1);
  });
});

describe('checkout, pay, capture, status, receipt', () => {
  it('checkout result needs an order id', () => {
    assert.deepEqual(
      n.normCheckoutResult({
        orderId: 'o1',
        orderNumber: '1001',
        total: 500,
        currencyCode: 'USD',
        paymentStatus: 'pending',
      }),
      {
        orderId: 'o1',
        orderNumber: '1001',
        total: 500,
        currencyCode: 'USD',
        paymentStatus: 'pending',
        reservationExpiresAt: null,
      },
    );
    assert.throws(() => n.normCheckoutResult({ orderNumber: '1' }), isBad);
  });
  it('pay: both hand-off kinds; an unsafe redirect, a PayPal hand-off without its id or an unknown kind is bad', () => {
    const base = { paymentId: 'pay1', status: 'pending', gateway: 'test_card', amount: 500, currencyCode: 'USD' };
    assert.deepEqual(
      n.normPayment({ ...base, handoff: { kind: 'redirect', redirectUrl: 'https://pay.test/x' } }).handoff,
      { kind: 'redirect', redirectUrl: 'https://pay.test/x' },
    );
    assert.deepEqual(
      n.normPayment({ ...base, handoff: { kind: 'paypal_order', paypalOrderId: '5O190127TN364715T' } }).handoff,
      {
        kind: 'paypal_order',
        paypalOrderId: '5O190127TN364715T',
      },
    );
    for (const handoff of [
      { kind: 'redirect', redirectUrl: 'javascript:alert(document.cookie)' },
      { kind: 'redirect', redirectUrl: 'http://pay.test/x' },
      { kind: 'redirect' },
      { kind: 'paypal_order' },
      { kind: 'paypal_order', paypalOrderId: 'x"><script>' },
      { kind: 'qr', url: 'https://x' },
      undefined,
    ])
      assert.throws(() => n.normPayment({ ...base, handoff }), isBad, JSON.stringify(handoff));
    assert.equal(
      n.normPayment({ ...base, handoff: { kind: 'redirect', redirectUrl: 'http://localhost:9/pay' } }).handoff.kind,
      'redirect',
    );
  });
  it('capture: paymentStatus (or status) is the point', () => {
    assert.deepEqual(
      n.normCapture({ orderId: 'o', orderNumber: '1', paymentStatus: 'processing', total: 5, currencyCode: 'EUR' }),
      {
        orderId: 'o',
        orderNumber: '1',
        paymentStatus: 'processing',
        total: 5,
        currencyCode: 'EUR',
      },
    );
    assert.equal(n.normCapture({ status: 'paid' }).paymentStatus, 'paid');
    assert.throws(() => n.normCapture({ orderId: 'o' }), isBad);
  });
  it('order status: paymentStatus ← status when missing; neither: unknown (keep polling)', () => {
    assert.equal(n.normOrderStatus({ id: 'o', status: 'paid' }).paymentStatus, 'paid');
    assert.equal(n.normOrderStatus({ id: 'o', status: 'open', paymentStatus: 'pending' }).paymentStatus, 'pending');
    assert.equal(n.normOrderStatus({ id: 'o' }).paymentStatus, 'unknown');
    assert.equal(n.normOrderStatus({ orderId: 'o2', currencyCode: '??' }).currencyCode, 'XXX');
  });
  it('receipt: flat, taxes and addresses default to [], amountDue derived when missing', () => {
    const r = n.normReceipt({
      id: 'o1',
      orderNumber: '1001',
      status: 'open',
      paymentStatus: 'pending',
      currencyCode: 'GBP',
      items: [{ id: 'l1', name: 'Mug', unitPrice: 1000, quantity: 2, imageUrl: 'javascript:1' }, 'bad'],
      subtotal: 2000,
      total: 2400,
      giftCardTotal: 400,
      paymentMethodName: 'Bank transfer',
      paymentInstructions: 'IBAN …',
      placedAt: '2026-01-01T00:00:00Z',
    });
    assert.deepEqual(r.taxes, []);
    assert.deepEqual(r.addresses, []);
    assert.equal(r.amountDue, 2000);
    assert.equal(r.taxInclusive, false);
    assert.equal(r.items.length, 2);
    assert.deepEqual(r.items[0], {
      id: 'l1',
      productId: null,
      variantId: null,
      name: 'Mug',
      variantName: null,
      sku: null,
      unitPrice: 1000,
      quantity: 2,
      subtotal: 2000,
      imageUrl: null,
    });
    assert.equal(r.items[1]!.id, 'line-1');
    assert.equal(r.paymentInstructions, 'IBAN …');
    assert.equal(r.shippingMethodName, null);
  });
  it('receipt: a negative amount due or quantity from a hostile API never reads as "paid" or "× -3"', () => {
    const r = n.normReceipt({
      id: 'o',
      total: 5000,
      giftCardTotal: 1000,
      amountDue: -4000,
      items: [{ id: 'l1', name: 'Mug', unitPrice: 100, quantity: -3 }],
    });
    assert.equal(r.amountDue, 4000, 'derived from the total and the gift card, as when missing');
    assert.equal(r.items[0]!.quantity, 0);
  });
  it('receipt: addresses by kind; an unknown kind is dropped; the older nested form is read too', () => {
    const r = n.normReceipt({
      id: 'o',
      total: 0,
      amountDue: 0,
      addresses: [
        { id: 'a1', kind: 'billing', name: 'B', countryCode: 'US' },
        { id: 'a2', kind: 'pickup' },
      ],
      taxes: [{ name: 'VAT', rateMilliPercent: 20000, amount: 1 }],
    });
    assert.deepEqual(
      r.addresses.map((a) => [a.id, a.kind, a.name]),
      [['a1', 'billing', 'B']],
    );
    assert.equal(r.taxes.length, 1);
    const old = n.normReceipt({
      id: 'o',
      totals: { subtotal: 10, total: 12, taxTotal: 2 },
      shippingAddress: { line1: 'x' },
    });
    assert.deepEqual([old.subtotal, old.total, old.taxTotal, old.amountDue], [10, 12, 2, 12]);
    assert.deepEqual(
      old.addresses.map((a) => a.kind),
      ['shipping'],
    );
  });
  it('a receipt without an id or a total is bad (the success screen falls back)', () => {
    assert.throws(() => n.normReceipt({ total: 5 }), isBad);
    assert.throws(() => n.normReceipt({ id: 'o', total: '5' }), isBad);
  });
});

describe('countries, states, places', () => {
  const US = {
    code: 'US',
    name: 'United States',
    requiresState: true,
    subdivisions: [{ code: 'CA', name: 'California' }, { name: 'no code' }],
    stateNameType: 'state',
    postalRegex: '\\d{5}',
    postalExample: '12345',
  };
  it('countries as {countries, locale} or a bare array; a bad entry is dropped', () => {
    const c = n.normCountries({
      countries: [US, { code: 'gb', name: 'UK', subdivisions: null }, { code: 'Narnia' }, 5],
      locale: 'en',
    });
    assert.deepEqual(
      c.countries.map((x) => x.code),
      ['US', 'GB'],
    );
    assert.deepEqual(c.countries[0]!.subdivisions, [{ code: 'CA', name: 'California' }]);
    assert.equal(c.countries[0]!.requiresState, true);
    assert.deepEqual(c.countries[1], {
      code: 'GB',
      name: 'UK',
      subdivisions: null,
      stateNameType: null,
      postalRegex: null,
      postalExample: null,
    });
    assert.equal(c.locale, 'en');
    assert.equal(n.normCountries([US]).countries.length, 1);
    assert.throws(() => n.normCountries({ locale: 'en' }), isBad);
  });
  it('states, and a bare array of them', () => {
    const s = n.normStates({
      country: { code: 'US', name: 'United States' },
      states: [{ code: 'CA', iso3166_2: 'US-CA', name: 'California' }, {}],
    });
    assert.deepEqual(s, {
      country: { code: 'US', name: 'United States' },
      states: [{ code: 'CA', iso3166_2: 'US-CA', name: 'California' }],
    });
    assert.deepEqual(n.normStates([{ code: 'NSW', name: 'New South Wales' }]).states, [
      { code: 'NSW', name: 'New South Wales' },
    ]);
  });
  it('places: predictions (wrapped or bare), details with "" for unknown', () => {
    assert.deepEqual(
      n.normPredictions({
        predictions: [{ placeId: 'p1', mainText: '1 Main St', secondaryText: 'Town' }, { mainText: 'no id' }],
      }),
      [{ placeId: 'p1', mainText: '1 Main St', secondaryText: 'Town' }],
    );
    assert.equal(n.normPredictions([{ placeId: 'x' }]).length, 1);
    assert.deepEqual(n.normPredictions({}), []);
    assert.deepEqual(n.normPlaceDetails({ line1: '1 Main', city: 'Town', countryCode: 'us', postalCode: 5 }), {
      line1: '1 Main',
      line2: '',
      city: 'Town',
      stateCode: '',
      countryCode: 'US',
      postalCode: '',
    });
  });
});

describe('reviews', () => {
  it('reviews and their meta; pages from total / perPage (perPage defaults to 10)', () => {
    const r = n.normReviews({
      data: [
        {
          id: 'r1',
          rating: 5,
          title: 'Great',
          content: 'Yes',
          authorName: 'A.',
          isVerifiedPurchase: true,
          source: 'organic',
          createdAt: '2026',
        },
        { id: 'r2', rating: 9 },
        { rating: 3 },
      ],
      meta: { page: 1, total: 21, avgRating: 4.2, ratingDistribution: { '5': 10, '1': 'x', '6': 4 } },
    });
    assert.deepEqual(
      r.data.map((x) => x.id),
      ['r1'],
    );
    assert.deepEqual(r.meta, {
      page: 1,
      perPage: 10,
      total: 21,
      avgRating: 4.2,
      reviewCount: 21,
      ratingDistribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 10 },
    });
    assert.deepEqual(n.normReview({ id: 'x', rating: 4.4 }), {
      id: 'x',
      rating: 4,
      title: '',
      content: '',
      authorName: '',
      isVerifiedPurchase: false,
      source: 'organic',
      createdAt: '',
    });
    assert.throws(() => n.normReview({ id: 'x', rating: 0 }), isBad);
  });
});

describe('customer', () => {
  it('login code: cooldown, recognised in either spelling', () => {
    assert.deepEqual(n.normOtpRequest({ sent: true, recognised: true, retryAfterSeconds: null }), {
      sent: true,
      recognised: true,
      retryAfterSeconds: null,
    });
    assert.deepEqual(n.normOtpRequest({ sent: false, recognized: true, retryAfterSeconds: 41.2 }), {
      sent: false,
      recognised: true,
      retryAfterSeconds: 42,
    });
    assert.deepEqual(n.normOtpRequest({}), { sent: false, recognised: false, retryAfterSeconds: null });
  });
  it('verify needs the token and the customer id', () => {
    const v = n.normOtpVerify({ token: 'ct_1', expiresAt: '2026', customer: { id: 'cu1', email: 'a@b.c' } });
    assert.deepEqual(v, {
      token: 'ct_1',
      expiresAt: '2026',
      customer: { id: 'cu1', email: 'a@b.c', firstName: null, lastName: null },
    });
    assert.throws(() => n.normOtpVerify({ customer: { id: 'cu1' } }), isBad);
    assert.throws(() => n.normOtpVerify({ token: 't', customer: {} }), isBad);
  });
  it('me: identity required, extras when present', () => {
    assert.deepEqual(n.normCustomer({ id: 'cu', email: null, firstName: 'A', lastName: 'B' }), {
      id: 'cu',
      email: null,
      firstName: 'A',
      lastName: 'B',
    });
    const full = n.normCustomer({
      id: 'cu',
      phone: '1',
      ordersCount: 2,
      totalSpent: 300,
      lastOrderAt: null,
      createdAt: '2025',
    });
    assert.deepEqual(
      [full.phone, full.ordersCount, full.totalSpent, full.lastOrderAt, full.createdAt],
      ['1', 2, 300, null, '2025'],
    );
    assert.throws(() => n.normCustomer({ email: 'x' }), isBad);
  });
  it('addresses and orders: arrays or {data, meta}; bad rows dropped', () => {
    const a = n.normCustomerAddresses([
      { id: 'a1', line1: '1 Main', city: 'T', countryCode: 'us', name: 'N' },
      { line1: 'no id' },
    ]);
    assert.deepEqual(a, [
      {
        id: 'a1',
        name: 'N',
        company: null,
        line1: '1 Main',
        line2: null,
        city: 'T',
        region: null,
        postalCode: null,
        countryCode: 'US',
        phone: null,
      },
    ]);
    const o = n.normCustomerOrders({
      data: [{ id: 'o1', orderNumber: '1001', status: 'paid', total: 500, currencyCode: 'USD', placedAt: '2026' }, {}],
      meta: { total: 1 },
    });
    assert.deepEqual(o, [
      {
        id: 'o1',
        orderNumber: '1001',
        status: 'paid',
        paymentStatus: 'paid',
        fulfillmentStatus: '',
        currencyCode: 'USD',
        total: 500,
        placedAt: '2026',
      },
    ]);
    assert.deepEqual(n.normCustomerOrders('nope'), []);
  });
  it('sign-out', () => {
    assert.deepEqual(n.normSignOut({ signedOut: true }), { signedOut: true });
    assert.deepEqual(n.normSignOut({}), { signedOut: true });
  });
});
