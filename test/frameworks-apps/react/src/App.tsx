// The React 19 recipe of docs/recipes.md, as an app installed from npm writes it.
import 'tote-storefront/define';
import type {} from 'tote-storefront/react';
import { createShop, type CartChangeDetail, type Product } from 'tote-storefront';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';

export interface AppProps {
  publicKey: string;
  apiBase: string;
}

export function App({ publicKey, apiBase }: AppProps) {
  const [cart, setCart] = useState<CartChangeDetail | null>(null);
  return (
    <tote-store public-key={publicKey} api-base={apiBase} ontote-cart-change={(e) => setCart(e.detail)}>
      <header>
        <QuickAdd publicKey={publicKey} apiBase={apiBase} product="gift-card" />
        <tote-cart-toggle />
      </header>
      <p data-testid="summary">{cart ? `${cart.itemCount} in your cart` : 'Your cart'}</p>
      <tote-products per-page={4} controls="search sort" />
      <tote-cart open-on-add="false" />
    </tote-store>
  );
}

/** The app's own add button on the headless shop: the one <tote-store> uses for the same key and base. */
function QuickAdd({ publicKey, apiBase, product: idOrSlug }: AppProps & { product: string }) {
  const shop = useMemo(() => createShop({ publicKey, apiBase }), [publicKey, apiBase]);
  const [product, setProduct] = useState<Product | null>(null);
  // `state` is the same object until the cart changes: the stable snapshot React needs. The third
  // argument is the server's snapshot; without it renderToString throws "Missing getServerSnapshot".
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
      onClick={() => variant && shop.cart.add(variant.id, 1)}
    >
      {product ? `Quick add: ${product.name}` : 'Loading…'} ({itemCount} in cart)
    </button>
  );
}
