// Tote in a React 19 app — the recipe of docs/recipes.md, rendered by test/frameworks/react.test.tsx
// against the reference store and type-checked by `npm run typecheck`.
//
// In an app installed from npm the imports read:
//   import 'tote-storefront/define';                                   // registers the <tote-*> tags
//   import { createShop, type AddDetail, … } from 'tote-storefront';  // headless store and types
//   import type {} from 'tote-storefront/react';                       // JSX types for the tags
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import '../../../src/define.js';
import {
  createShop,
  type AddDetail,
  type CartChangeDetail,
  type OrderCompleteDetail,
  type Product,
  type ToteShop,
} from '../../../src/index.js';
import type {} from '../../../src/jsx/react.js';

export interface ShopAppProps {
  publicKey: string;
  /** Default: Shoprocket's production API. */
  apiBase?: string;
  /** The product (id or slug) of the app's own "quick add" button and of the buy button. */
  featured?: string;
  /** Analytics hook: every Tote event the app hears, by name. */
  onTrack?: (event: string, detail: unknown) => void;
}

/**
 * A shop page: Tote's grid, cart button and cart drawer, a Tote buy button, and the app's own add
 * button and cart summary built on the headless store.
 */
export function ShopApp({ publicKey, apiBase, featured = 'gift-card', onTrack }: ShopAppProps) {
  const [lastAdded, setLastAdded] = useState<AddDetail | null>(null);
  const [cart, setCart] = useState<CartChangeDetail | null>(null);
  const [order, setOrder] = useState<OrderCompleteDetail | null>(null);

  return (
    // Attributes in their HTML spelling; events as `on` + the exact event name (React 19).
    // Events bubble out of every element (and its shadow root), so one listener on the store hears
    // the grid's, the buy button's and the cart's.
    <tote-store
      public-key={publicKey}
      api-base={apiBase}
      ontote-add={(event) => {
        setLastAdded(event.detail);
        onTrack?.('tote-add', event.detail);
      }}
      ontote-cart-change={(event) => setCart(event.detail)}
      ontote-order-complete={(event) => {
        setOrder(event.detail);
        onTrack?.('tote-order-complete', event.detail);
      }}
    >
      <header className="shop-header">
        <h1>Tote Supply Co.</h1>
        <QuickAdd publicKey={publicKey} apiBase={apiBase} product={featured} />
        <tote-buy-button product={featured} quantity={2}>
          Buy two
        </tote-buy-button>
        <tote-cart-toggle />
      </header>

      <p role="status" data-testid="cart-summary">
        {cart ? `${cart.itemCount} in your cart` : 'Your cart'}
        {lastAdded ? ` · added ${lastAdded.quantity} × ${lastAdded.variantId}` : ''}
      </p>
      {order && <p data-testid="thanks">Thank you! Order {order.orderNumber} is placed.</p>}

      <tote-products
        per-page={8}
        controls="search sort"
        ontote-product-select={(event) => onTrack?.('tote-product-select', { productId: event.detail.product.id })}
      />
      <tote-cart open-on-add="false" />
    </tote-store>
  );
}

interface QuickAddProps {
  publicKey: string;
  apiBase?: string;
  product: string;
}

/**
 * The app's own add-to-cart button on the headless store. `createShop` returns the shop that
 * `<tote-store>` uses for the same key and API base, so Tote's cart button and drawer show what
 * this button adds.
 */
function QuickAdd({ publicKey, apiBase, product: idOrSlug }: QuickAddProps) {
  const shop: ToteShop = useMemo(() => createShop({ publicKey, apiBase }), [publicKey, apiBase]);
  const [product, setProduct] = useState<Product | null>(null);
  // The cart is an external store: subscribe() calls back on every change, and `state` is the
  // same object until the cart changes — the stable snapshot useSyncExternalStore needs.
  // The third argument is the snapshot a server render reads (without it renderToString throws).
  const { itemCount } = useSyncExternalStore(
    (onChange) => shop.cart.subscribe(onChange),
    () => shop.cart.state,
    () => shop.cart.state,
  );

  useEffect(() => {
    void shop.cart.start(); // reads the stored cart; idempotent, the elements call it too
    const controller = new AbortController();
    shop.catalog.product(idOrSlug, controller.signal).then(setProduct, (error: unknown) => {
      if (!controller.signal.aborted) console.error(error);
    });
    return () => controller.abort();
  }, [shop, idOrSlug]);

  const variant = product?.variants.find((candidate) => candidate.isDefault) ?? product?.variants[0];
  return (
    <button
      type="button"
      className="quick-add"
      disabled={!variant}
      // add() shows the line at once and confirms it with the server; await shop.cart.settled()
      // to know when it has.
      onClick={() => variant && shop.cart.add(variant.id, 1)}
    >
      {product ? `Quick add: ${product.name}` : 'Loading…'} ({itemCount} in cart)
    </button>
  );
}
