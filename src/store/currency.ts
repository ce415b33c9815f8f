import type { ToteShop } from './index.js';

// The shop's currency, learned from whatever brought it first: a product list's `meta.currency`
// (the grid) or the store itself (`GET /`). Kept here rather than in the catalogue so that opening
// a product from the grid costs no request at all — not even the store's.
const known = new WeakMap<ToteShop, string>();

export function rememberCurrency(shop: ToteShop, currency: string): void {
  known.set(shop, currency);
}

/** The currency if already known (no request). */
export function knownCurrency(shop: ToteShop): string | undefined {
  return known.get(shop);
}

/** The currency, reading the store once when nothing has told us yet. */
export async function currencyOf(shop: ToteShop): Promise<string> {
  const cached = known.get(shop);
  if (cached) return cached;
  const store = await shop.catalog.store();
  known.set(shop, store.currency);
  return store.currency;
}
