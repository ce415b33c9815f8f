// The headless shop: one per publishable key and API base, shared by every element of the page.
import { createApiClient, DEFAULT_API_BASE, type ApiClient } from '../api/client.js';
import { assertPublishableKey } from '../api/keys.js';
import { ShopCart } from './shop-cart.js';
import { Catalog } from './catalog.js';
import { customerTokenHomes, type CustomerTokenHome } from './customer-token.js';
import { deferredStorage, openStorage } from './storage.js';
import { takeRecoveryToken } from './recovery-link.js';

export interface ShopOptions {
  /** The shop's publishable key; a secret key throws `ToteKeyError` before any request. */
  publicKey: string;
  /** Default: Shoprocket's production API. */
  apiBase?: string;
  /** BCP 47 tag for `Accept-Language` and formatting; default: the page's language. */
  locale?: string;
  /**
   * Adopt the cart of an abandoned-cart email's `?cart_token=` link — only while the shopper's own
   * cart is empty. Off by default: a planted link would make a shopper fill someone else's cart.
   * The parameter is taken off the address bar either way.
   */
  cartRecovery?: boolean;
}

/** One shop on the page: its API client, its catalogue and its cart. */
export interface ToteShop {
  readonly publicKey: string;
  readonly apiBase: string;
  readonly locale: string;
  readonly api: ApiClient;
  readonly catalog: Catalog;
  readonly cart: ShopCart;
}

const shops = new Map<string, ToteShop>();
const localeViews = new Map<string, ToteShop>();

/**
 * The headless shop for one publishable key. Calling it again with the same key and API base
 * returns the same shop, so every element on a page shares one cart, one cache and one rate
 * budget; two keys get two shops that never share a token. A second locale for the same shop
 * (two `<tote-store>`s in two languages) shares all of that and differs only in `locale`.
 */
export function createShop(options: ShopOptions): ToteShop {
  assertPublishableKey(options.publicKey); // a refused key: no storage, no request, nothing
  const apiBase = (options.apiBase || DEFAULT_API_BASE).replace(/\/+$/, '');
  const locale =
    options.locale ||
    (typeof document !== 'undefined' && document.documentElement.lang) ||
    (typeof navigator !== 'undefined' && navigator.language) ||
    'en';
  const key = `${options.publicKey}@${apiBase}`;
  const recoveryToken = takeRecoveryToken(options.cartRecovery);
  const existing = shops.get(key);
  if (existing) {
    if (existing.locale === locale) return existing;
    const view = `${key}#${locale}`;
    if (!localeViews.has(view)) localeViews.set(view, Object.freeze({ ...existing, locale }));
    return localeViews.get(view)!;
  }

  const namespace = key; // the shop's storage is named like the shop
  const storage = deferredStorage(openStorage(namespace));
  const home: CustomerTokenHome = { storage, namespace };
  const api = createApiClient({
    publicKey: options.publicKey,
    apiBase,
    locale,
    cartToken: () => cart.cartToken(), // stateful requests come from code that uses the cart anyway
    customerToken: () => home.token?.(),
  });
  customerTokenHomes.set(api, home);
  const catalog = new Catalog(api);
  const cart: ShopCart = new ShopCart({
    api,
    storage,
    namespace,
    findVariant: (variantId) => catalog.findVariant(variantId),
    recoveryToken,
  });
  const shop: ToteShop = { publicKey: options.publicKey, apiBase, locale, api, catalog, cart };
  shops.set(key, shop);
  return shop;
}
