// The shop's country lists (src/store/country-lists.ts): one read per shop, language and kind,
// shared by the checkout's forms and the cart's estimate; a failed read gives the Intl list and is
// asked again by the next caller.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Countries } from '../../../src/api/index';
import { countryList } from '../../../src/store/country-lists';

const FR = {
  code: 'FR',
  name: 'France',
  subdivisions: null,
  stateNameType: null,
  postalRegex: null,
  postalExample: null,
};

function fakeApi(fail = false) {
  const asked: string[] = [];
  return {
    asked,
    countries: async (query: { shippable?: boolean; locale?: string }): Promise<Countries> => {
      asked.push(`${query.shippable ? 'ship' : 'all'}:${query.locale}`);
      if (fail) throw new Error('offline');
      return { countries: [FR], locale: query.locale ?? 'en' };
    },
  };
}

describe('country lists', () => {
  it('one read per kind and language, shared by every caller of the shop', async () => {
    const api = fakeApi();
    const [a, b] = await Promise.all([countryList(api, 'fr', 'ship'), countryList(api, 'fr', 'ship')]);
    assert.equal(a, b);
    assert.deepEqual(a, [FR]);
    await countryList(api, 'fr', 'all');
    await countryList(api, 'de', 'ship');
    await countryList(api, 'fr', 'ship');
    assert.deepEqual(api.asked, ['ship:fr', 'all:fr', 'ship:de']);
  });

  it('a failed read gives the Intl list, and the next caller asks again', async () => {
    const api = fakeApi(true);
    const list = await countryList(api, 'en', 'ship');
    assert.ok(list.length > 100, 'the Intl list stands in');
    await countryList(api, 'en', 'ship');
    assert.deepEqual(api.asked, ['ship:en', 'ship:en']);
  });
});
