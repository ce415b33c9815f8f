import { configure, defaultShop } from '../internal/page-default.js';
import { whenUsed } from '../internal/lazy-define.js';
import type { CartState, StoreOptions, ToteShop } from '../store/index.js';
import { VERSION } from '../version.js';

/** What `Tote.cart.add()` takes: a variant, or a product that has exactly one variant. */
export type AddRequest = { variantId: string; quantity?: number } | { productId: string; quantity?: number };

/** `window.Tote`: the page's script API for merchants who use the drop-in script. */
export interface ToteGlobal {
  readonly version: string;
  /** Sets the page's shop (what `data-public-key` on the script tag does). */
  configure(options: StoreOptions): void;
  readonly cart: {
    /** Opens the cart drawer (adding one to the page if there is none). */
    open(): Promise<void>;
    close(): void;
    /** Adds to the cart like a click does; resolves with the cart once the server has confirmed. */
    add(request: AddRequest): Promise<CartState>;
    /** The cart as the shopper sees it now. */
    get(): CartState | undefined;
  };
  /** Listens to a `tote-*` event anywhere on the page; returns the function that stops listening. */
  on(event: string, listener: (detail: unknown, event: Event) => void): () => void;
}

function requireShop(): ToteShop {
  const shop = defaultShop();
  if (!shop) {
    throw new Error('Tote has no shop yet: add data-public-key="pk_…" to the Tote script tag, or call Tote.configure({ publicKey }).');
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
    throw new TypeError(`"${product.name}" has ${product.variants.length} variants: pass the variantId of the one to add.`);
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

export function createWindowApi(): ToteGlobal {
  return {
    version: VERSION,
    configure: (options) => void configure(options),
    cart: {
      open: async () => (await cartElement()).show(),
      close: () => (document.querySelector('tote-cart') as (HTMLElement & { hide?(): void }) | null)?.hide?.(),
      add: async (request) => {
        const shop = requireShop();
        const quantity = request.quantity ?? 1;
        if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`Tote.cart.add: quantity must be a whole number ≥ 1, got ${quantity}.`);
        const variantId = await variantOf(shop, request);
        void shop.cart.start();
        shop.cart.add(variantId, quantity);
        await shop.cart.confirmed(variantId);
        return shop.cart.state;
      },
      get: () => defaultShop()?.cart.state,
    },
    on: (event, listener) => {
      const handler = (e: Event) => listener((e as CustomEvent).detail, e);
      document.addEventListener(event, handler);
      return () => document.removeEventListener(event, handler);
    },
  };
}

declare global {
  interface Window {
    Tote?: ToteGlobal;
  }
}
