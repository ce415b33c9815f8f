// What window.Tote's cart commands do; loaded on their first use (see window-api.ts).
import { defaultShop } from '../context/page-default.js';
import { whenUsed } from '../dom/lazy-define.js';
import { drawersReady } from '../dom/cart-drawers.js';
import type { CartState, ToteShop } from '../store/index.js';

/** What `Tote.cart.add()` takes: a variant, or a product that has exactly one variant. */
export type AddRequest = { variantId: string; quantity?: number } | { productId: string; quantity?: number };

function requireShop(): ToteShop {
  const shop = defaultShop();
  if (!shop) {
    throw new Error(
      'Tote has no shop yet: add data-public-key="pk_…" to the Tote script tag, or call Tote.configure({ publicKey }).',
    );
  }
  return shop;
}

async function variantOf(shop: ToteShop, request: AddRequest): Promise<string> {
  if ('variantId' in request && request.variantId) return request.variantId;
  const productId = (request as { productId?: string }).productId;
  if (!productId) throw new TypeError('Tote.cart.add needs { variantId } or { productId }.');
  const product = await shop.catalog.product(productId);
  const [only, ...more] = product.variants;
  if (!only || more.length) {
    throw new TypeError(
      `"${product.name}" has ${product.variants.length} variants: pass the variantId of the one to add.`,
    );
  }
  return only.id;
}

async function cartElement(): Promise<HTMLElement & { show(): void; hide(): void }> {
  let cart = document.querySelector('tote-cart');
  if (!cart) {
    cart = document.createElement('tote-cart');
    cart.setAttribute('mode', 'drawer');
    document.body.append(cart);
  }
  await whenUsed('tote-cart');
  return cart as unknown as HTMLElement & { show(): void; hide(): void };
}

/** Opens the cart drawer, adding one to the page if there is none. */
export async function openCart(): Promise<void> {
  (await cartElement()).show();
}

export function closeCart(): void {
  (document.querySelector('tote-cart') as (HTMLElement & { hide?(): void }) | null)?.hide?.();
}

/** Adds like a click does (same coalescing and rate limits); resolves once the server confirmed. */
export async function addToCart(request: AddRequest): Promise<CartState> {
  const shop = requireShop();
  const quantity = request.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1)
    throw new RangeError(`Tote.cart.add: quantity must be a whole number ≥ 1, got ${quantity}.`);
  const variantId = await variantOf(shop, request);
  // A drawer opens on an add it sees happen: it is loaded and shown the cart (after the first read) before it.
  await shop.cart.start();
  await drawersReady();
  shop.cart.add(variantId, quantity);
  await shop.cart.confirmed(variantId);
  return shop.cart.state;
}
