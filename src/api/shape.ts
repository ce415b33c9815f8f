// The transport trusts a 2xx body once it parses and has `data`; the views then index into it.
// A proxy, a bad deploy or a hostile API can send well-formed JSON of the wrong shape, which would
// throw inside a render (an uncaught error and a blank element). The reads that views render
// straight away are checked here, so such an answer becomes an `ApiError` (`BAD_RESPONSE`) and
// the element shows its error state. The store layer applies them (catalog.ts, cart.ts refresh). Only the fields the views index into are checked, and only
// on reads: a mutation's answer is checked by the cart engine's next read, and turning it into an
// error here could make a caller repeat work the server has already done.
import { ApiError } from './errors.js';
import type { Cart, List, Product } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const bad = (what: string) => new ApiError(200, 'BAD_RESPONSE', `The API sent ${what} in an unexpected shape.`);

function productOk(p: unknown): boolean {
  if (!isObject(p) || typeof p.id !== 'string' || typeof p.name !== 'string') return false;
  if (!Array.isArray(p.images) || !Array.isArray(p.options) || !Array.isArray(p.variants)) return false;
  return (
    p.images.every((i) => isObject(i) && typeof i.url === 'string') &&
    p.options.every((o) => isObject(o) && Array.isArray(o.values)) &&
    p.variants.every((v) => isObject(v) && typeof v.id === 'string' && typeof v.price === 'number' && Array.isArray(v.optionValues))
  );
}

export function checkProduct(p: Product): Product {
  if (!productOk(p)) throw bad('a product');
  return p;
}

export function checkProductList<M>(list: List<Product, M>): List<Product, M> {
  if (!isObject(list) || !Array.isArray(list.data) || !isObject(list.meta) || !list.data.every(productOk)) throw bad('a product list');
  return list;
}

export function checkCart(cart: Cart): Cart {
  const ok =
    isObject(cart) &&
    Array.isArray(cart.items) &&
    cart.items.every((i) => isObject(i) && typeof i.id === 'string' && typeof i.variantId === 'string' && typeof i.quantity === 'number') &&
    (cart.totals === undefined || isObject(cart.totals));
  if (!ok) throw bad('a cart');
  return cart;
}
