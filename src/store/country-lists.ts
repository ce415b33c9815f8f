// The shop's country lists from `GET /countries` (ship-to, or every country), read once per shop
// and language and shared by everything that offers a country: the checkout's address forms and
// the cart's shipping estimate. The Intl list stands in when the API cannot be read or has none;
// a read that failed is asked again by the next caller.
import type { Countries, Country } from '../api/index.js';
import { fallbackCountries } from '../model/countries.js';

/** `ship`: the store's shipping destinations (the shipping form, the estimate); `all`: billing. */
export type CountryListKind = 'ship' | 'all';

/** What a country list is read with (an `ApiClient` has it). */
export interface CountriesApi {
  countries(query: { shippable?: boolean; locale?: string }): Promise<Countries>;
}

const lists = new WeakMap<CountriesApi, Map<string, Promise<Country[]>>>();

export function countryList(api: CountriesApi, locale: string, kind: CountryListKind): Promise<Country[]> {
  let byKey = lists.get(api);
  if (!byKey) lists.set(api, (byKey = new Map()));
  const key = `${kind}|${locale}`;
  let list = byKey.get(key);
  if (!list) {
    list = api.countries(kind === 'ship' ? { shippable: true, locale } : { locale }).then(
      (answer) => (answer.countries.length ? answer.countries : fallbackCountries(locale)),
      () => {
        byKey.delete(key); // a flaky network: the next caller asks again
        return fallbackCountries(locale);
      },
    );
    byKey.set(key, list);
  }
  return list;
}
