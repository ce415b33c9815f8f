// A server cart exists only under a token some page of this browser has used: a page that mints
// its token knows the cart is empty and never reads it (store/cart.ts). A test whose server
// already has a cart for the visitor gives the visitor that cart's token first, as an earlier
// visit would have left it in the shop's storage.
import { CART_TOKEN_KEY } from '../../src/store/cart-keys.js';
import { openStorage, type KeyValueStorage } from '../../src/store/storage.js';

/** Keeps a cart token in `storage` unless one is there already; resolves with the token kept. */
export async function rememberCartToken(storage: KeyValueStorage): Promise<string> {
  const stored = await storage.get<string>(CART_TOKEN_KEY);
  if (stored) return stored;
  const token = `earlier-visit-${Math.random().toString(36).slice(2, 12)}`;
  await storage.set(CART_TOKEN_KEY, token);
  return token;
}

/** The same for a shop as `<tote-store>` makes it: its storage is named `publicKey@apiBase`. */
export async function returningVisitor(publicKey: string, apiBase: string): Promise<string> {
  return rememberCartToken(await openStorage(`${publicKey}@${apiBase.replace(/\/+$/, '')}`));
}
