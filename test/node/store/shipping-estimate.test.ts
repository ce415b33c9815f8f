// The cart's shipping estimate (src/store/shipping-estimate.ts) without a DOM: the country is
// stored on the cart only while it has no address the shopper gave, the options come from the
// server, an unchanged country costs no write, and the ship-to list falls back to Intl names.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Cart, CartUpdate, ShippingOptions } from '../../../src/api/index.js';
import {
  cheapestOption,
  estimateShipping,
  hasSavedAddress,
  needsShipping,
  shipToCountries,
  type EstimateShop,
} from '../../../src/store/shipping-estimate.js';

const OPTIONS: ShippingOptions = {
  options: [
    { id: 'express', name: 'Express', description: null, cost: 1500, estimatedDaysMin: 1, estimatedDaysMax: 2 },
    { id: 'standard', name: 'Standard', description: null, cost: 500, estimatedDaysMin: 3, estimatedDaysMax: 5 },
  ],
  addressRequired: false,
};

function fakeShop(address: Partial<NonNullable<Cart['shippingAddress']>> | null, countries?: () => Promise<unknown>) {
  let server = { id: 'c', shippingAddress: address, requiresShipping: true } as unknown as Cart;
  const patches: CartUpdate[] = [];
  const accepted: Cart[] = [];
  let settled = 0;
  const shop: EstimateShop = {
    locale: 'en',
    api: {
      updateCart: async (patch: CartUpdate) => {
        patches.push(patch);
        server = { ...server, shippingAddress: { ...server.shippingAddress, ...patch.shippingAddress } } as Cart;
        return server;
      },
      shippingOptions: async () => OPTIONS,
      countries: (countries ?? (async () => ({ countries: [], locale: 'en' }))) as EstimateShop['api']['countries'],
    },
    cart: {
      settled: async () => void (settled += 1),
      accept: (cart: Cart) => void accepted.push(cart),
      get state() {
        return { server } as EstimateShop['cart']['state'];
      },
    },
  };
  return { shop, patches, accepted, settled: () => settled };
}

describe('estimateShipping', () => {
  it('stores the country on a cart without an address, then reads its options', async () => {
    const { shop, patches, accepted, settled } = fakeShop(null);
    const estimate = await estimateShipping(shop, 'CA');
    assert.deepEqual(patches, [{ shippingAddress: { countryCode: 'CA' } }]);
    assert.equal(accepted.length, 1, 'the cart adopts the answer');
    assert.equal(settled(), 1, 'the lines settle first');
    assert.deepEqual(estimate, {
      countryCode: 'CA',
      options: OPTIONS.options,
      addressRequired: false,
      savedAddress: false,
    });
  });

  it('changes the country of a partial address (no first line)', async () => {
    const { shop, patches } = fakeShop({ countryCode: 'US', line1: null, postalCode: '10001' });
    await estimateShipping(shop, 'CA');
    assert.deepEqual(patches, [{ shippingAddress: { countryCode: 'CA' } }]);
  });

  it('costs no write when the cart has that country already', async () => {
    const { shop, patches } = fakeShop({ countryCode: 'CA', line1: null });
    const estimate = await estimateShipping(shop, 'CA');
    assert.deepEqual(patches, []);
    assert.equal(estimate.options.length, 2);
  });

  it('never overwrites an address the shopper gave: quotes for it instead', async () => {
    const { shop, patches } = fakeShop({ countryCode: 'US', line1: '1 Main St' });
    const estimate = await estimateShipping(shop, 'DE');
    assert.deepEqual(patches, []);
    assert.equal(estimate.savedAddress, true);
    assert.equal(estimate.countryCode, 'US');
  });

  it('rejects with the API error and leaves the cart alone when the write fails', async () => {
    const { shop, accepted } = fakeShop(null);
    shop.api.updateCart = async () => {
      throw new Error('offline');
    };
    await assert.rejects(estimateShipping(shop, 'CA'), /offline/);
    assert.equal(accepted.length, 0);
  });
});

describe('the estimate helpers', () => {
  it('knows a saved address, a cart that ships and the cheapest option', () => {
    assert.equal(hasSavedAddress(null), false);
    assert.equal(hasSavedAddress({ shippingAddress: { line1: '  ' } } as Cart), false);
    assert.equal(hasSavedAddress({ shippingAddress: { line1: '1 Main St' } } as Cart), true);
    assert.equal(needsShipping({} as Cart), true, 'a missing flag means it ships');
    assert.equal(needsShipping({ requiresShipping: false } as Cart), false);
    assert.equal(cheapestOption(OPTIONS.options)?.id, 'standard');
    assert.equal(cheapestOption([]), undefined);
  });

  it('reads the ship-to countries once, and falls back to the Intl list', async () => {
    let calls = 0;
    const countries = async () => {
      calls += 1;
      return { countries: [{ code: 'CA', name: 'Canada' }], locale: 'en' };
    };
    const { shop } = fakeShop(null, countries);
    assert.deepEqual(
      (await shipToCountries(shop)).map((c) => c.code),
      ['CA'],
    );
    await shipToCountries(shop);
    assert.equal(calls, 1);

    const failing = fakeShop(null, async () => {
      throw new Error('down');
    }).shop;
    const list = await shipToCountries(failing);
    assert.ok(list.length > 200 && list.some((c) => c.code === 'DE' && c.name === 'Germany'));
  });
});
