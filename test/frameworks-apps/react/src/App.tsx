// The React 19 recipe of docs/recipes.md, as an app installed from npm writes it.
import 'tote-storefront/define';
import type {} from 'tote-storefront/react';
import { createShop, type CartChangeDetail, type Product, type ToteEventMap, type ToteStore } from 'tote-storefront';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';

export interface AppProps {
  publicKey: string;
  apiBase: string;
}

/**
 * Listens for a Tote event on the element in `ref`. Unlike an `ontote-*` prop, this works on a page
 * that `hydrateRoot` took over from the server's HTML: React 19 attaches a custom element's event
 * props on a client render only, not while hydrating (facebook/react#35446).
 */
function useToteEvent<Name extends keyof ToteEventMap>(
  ref: RefObject<HTMLElement | null>,
  name: Name,
  handler: (event: ToteEventMap[Name]) => void,
) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const element = ref.current;
    const listener = (event: Event) => latest.current(event as ToteEventMap[Name]);
    element?.addEventListener(name, listener);
    return () => element?.removeEventListener(name, listener);
  }, [ref, name]);
}

const summary = (cart: CartChangeDetail | null) => (cart ? `${cart.itemCount} in your cart` : 'Your cart');

export function App({ publicKey, apiBase }: AppProps) {
  const [cart, setCart] = useState<CartChangeDetail | null>(null);
  const [heard, setHeard] = useState<CartChangeDetail | null>(null);
  const store = useRef<ToteStore>(null);
  useToteEvent(store, 'tote-cart-change', (e) => setHeard(e.detail));
  return (
    <tote-store ref={store} public-key={publicKey} api-base={apiBase} ontote-cart-change={(e) => setCart(e.detail)}>
      <header>
        <QuickAdd publicKey={publicKey} apiBase={apiBase} product="gift-card" />
        <tote-cart-toggle />
      </header>
      {/* the same news twice: through the event prop, and through the listener of useToteEvent */}
      <p data-testid="summary">{summary(cart)}</p>
      <p data-testid="summary-heard">{summary(heard)}</p>
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
