// The checkout's two country lists (ship-to for the shipping form, every country for billing):
// read once per flow from the shop's shared lists (country-lists.ts: the Intl list stands in when
// the API has none), and each form's country prefilled from the saved one, the visitor's hint or
// the shopper's language.
import type { Country } from '../../api/index.js';
import type { AddressKind } from '../../model/address.js';
import { defaultCountry, findCountry } from '../../model/countries.js';
import { countryList, type CountryListKind } from '../country-lists.js';
import type { FlowDeps, FlowState } from './flow-types.js';

/** What the country lists need of the flow: its state, and the way to change it. */
interface FlowStateHolder {
  readonly state: FlowState;
  set(patch: Partial<FlowState>): void;
}

export class FlowCountries {
  #flow: FlowStateHolder;
  #deps: Pick<FlowDeps, 'api' | 'locale'>;
  #loading: Partial<Record<CountryListKind, Promise<Country[]>>> = {};

  constructor(flow: FlowStateHolder, deps: Pick<FlowDeps, 'api' | 'locale'>) {
    this.#flow = flow;
    this.#deps = deps;
  }

  /** The countries a form offers: ship-to countries for shipping, every country for billing. */
  list(kind: AddressKind): Country[] {
    const { shipCountries, allCountries } = this.#flow.state;
    return (kind === 'shipping' ? shipCountries : allCountries) ?? [];
  }

  /** The country currently chosen in a form, with its rules. */
  of(kind: AddressKind): Country | undefined {
    const { address, billing } = this.#flow.state;
    return findCountry(this.list(kind), (kind === 'shipping' ? address : billing).countryCode);
  }

  /** The shopper picked a country in a form: its region list, label and postal rules follow. */
  choose(kind: AddressKind, countryCode: string): void {
    const key = kind === 'shipping' ? 'address' : 'billing';
    const current = this.#flow.state[key];
    if (current.countryCode === countryCode) return;
    this.#flow.set({ [key]: { ...current, countryCode, region: null }, postalHint: null });
  }

  /**
   * `GET /countries` once per list (ship-to, all), cached for the flow; the Intl list when it fails.
   * Each form's country is filled in when it has none the list offers (a billing form shown late too).
   */
  async load(which: CountryListKind): Promise<Country[]> {
    // Once per flow, whatever its outcome (the shared list may ask again after a failed read).
    const list = await (this.#loading[which] ??= countryList(this.#deps.api, this.#deps.locale, which));
    this.#flow.set(which === 'ship' ? { shipCountries: list } : { allCountries: list });
    this.#prefill();
    return list;
  }

  /** A form without a country starts at the saved one, else the visitor hint, else the language's. */
  #prefill(): void {
    const { address, billing, cart } = this.#flow.state;
    const visitor = cart?.visitorCountryCode;
    const locale = this.#deps.locale;
    const ship = this.list('shipping');
    const all = this.list('billing');
    if (ship.length && !findCountry(ship, address.countryCode)) {
      this.#flow.set({
        address: { ...address, countryCode: defaultCountry(ship, address.countryCode, visitor, locale) },
      });
    }
    if (all.length && !findCountry(all, billing.countryCode)) {
      const countryCode = defaultCountry(
        all,
        billing.countryCode || this.#flow.state.address.countryCode,
        visitor,
        locale,
      );
      this.#flow.set({ billing: { ...billing, countryCode } });
    }
  }
}
