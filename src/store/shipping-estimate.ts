// The cart's shipping estimate, before checkout: the ship-to countries, and the shipping options for
// one of them. `GET /cart/shipping-options` quotes for what is stored on the cart (so the quote and
// the charge cannot differ), so estimating for a country stores that country on the cart — but only
// while the cart has no address the shopper gave (one with a first line): theirs is never
// overwritten, and the estimate is for it. Headless, like every cart rule: the cart view only draws
// it. A module of its own (not a CartEngine method) so that it loads with the cart view, not in the
// first paint.
import { nanoid } from 'nanoid';
import type { ApiClient } from '../api/client.js';
import type { Cart, Country, ShippingOption } from '../api/index.js';
import type { CartEngine } from './cart.js';
import { countryList } from './country-lists.js';

/** What an estimate needs of a shop (a `ToteShop` has it all). */
export interface EstimateShop {
  readonly locale: string;
  readonly api: Pick<ApiClient, 'updateCart' | 'shippingOptions' | 'countries'>;
  readonly cart: Pick<CartEngine, 'settled' | 'accept' | 'state'>;
}

export interface ShippingEstimate {
  /** The country the options are for. */
  countryCode: string;
  /** The options and their prices (`cost` in minor units, free-shipping thresholds applied). */
  options: ShippingOption[];
  /** The server has no country for the cart (an empty list then means "choose one", not "we do not ship there"). */
  addressRequired: boolean;
  /** Quoted for the address the shopper gave at checkout, which was left as it is. */
  savedAddress: boolean;
}

/** Whether the cart holds an address the shopper gave (a first line): an estimate never changes it. */
export function hasSavedAddress(cart: Cart | null | undefined): boolean {
  return !!cart?.shippingAddress?.line1?.trim();
}

/** Whether the cart ships at all (a gift-card-only cart does not; a missing flag means it does). */
export function needsShipping(cart: Cart | null | undefined): boolean {
  return cart?.requiresShipping !== false;
}

/**
 * The shipping options for `countryCode`: once the lines have settled (the options depend on them),
 * `PATCH /cart {shippingAddress: {countryCode}}` (skipped when the cart already has that country, and
 * never made over a saved address), the answer adopted by the cart, then `GET /cart/shipping-options`.
 * With a saved address, the options are that address's, whatever `countryCode` says.
 * Rejects with the API's error; the cart is then as it was, or has the new country.
 */
export async function estimateShipping(shop: EstimateShop, countryCode: string): Promise<ShippingEstimate> {
  await shop.cart.settled();
  let cart = shop.cart.state.server;
  const saved = hasSavedAddress(cart);
  if (!saved && cart?.shippingAddress?.countryCode !== countryCode) {
    cart = await shop.api.updateCart({ shippingAddress: { countryCode } }, { requestId: nanoid() });
    shop.cart.accept(cart);
  }
  const { options, addressRequired } = await shop.api.shippingOptions();
  return {
    countryCode: (saved && cart?.shippingAddress?.countryCode) || countryCode,
    options,
    addressRequired,
    savedAddress: saved,
  };
}

/** The ship-to countries (`GET /countries?shippable=1`), shared with the checkout (country-lists.ts). */
export function shipToCountries(shop: Pick<EstimateShop, 'api' | 'locale'>): Promise<Country[]> {
  return countryList(shop.api, shop.locale, 'ship');
}

/** The cheapest option, for "from $X". */
export function cheapestOption(options: readonly ShippingOption[]): ShippingOption | undefined {
  return options.reduce<ShippingOption | undefined>((low, o) => (!low || o.cost < low.cost ? o : low), undefined);
}
