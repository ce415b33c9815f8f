// The server's cart as this shop last saw it: kept in storage (the next page shows it before its
// first read) and posted to the other tabs, and read back from either like an API answer.
import type { Cart } from '../api/types/cart.js';
import { normCart } from '../api/normalize/cart.js';
import { obj, str } from '../api/normalize/primitives.js';
import { CART_COPY_KEY } from './cart-keys.js';
import type { KeyValueStorage } from './storage.js';

/** A stored or posted cart copy, read like an API answer: storage and the tab channel may hold anything. */
export function readCartCopy(value: unknown): Cart | null {
  try {
    return value === undefined ? null : normCart(value);
  } catch {
    return null;
  }
}

/** The copy an earlier page kept, if any (storage that fails reads as none). */
export function loadCartCopy(storage: KeyValueStorage): Promise<Cart | null> {
  return storage.get(CART_COPY_KEY).then(readCartCopy, () => null);
}

/**
 * The cart as it may be kept and shared: a refused gift-card code's answer belongs to the request
 * that sent it (the contract), and a server could echo the code in its message, so it is neither
 * stored nor shared with other tabs.
 */
export function shareableCart(cart: Cart): Cart {
  return cart.giftCardError ? { ...cart, giftCardError: null } : cart;
}

/** Keeps `cart` as the copy. Tabs keep their answers in any order: an older picture of the same cart never replaces a newer one. */
export function keepCartCopy(storage: KeyValueStorage, cart: Cart): void {
  const newer = (old: unknown) => (obj(old).id === cart.id && str(obj(old).updatedAt) > cart.updatedAt ? old : cart);
  void storage.update(CART_COPY_KEY, newer).catch(() => undefined);
}
