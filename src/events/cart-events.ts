// The events of the cart and checkout elements: typed details, one way to fire them (bubbling and
// composed, so a listener on `document` hears them from inside any shadow root).

export interface CartChangeDetail {
  /** Items in the cart as the shopper sees it now. */
  itemCount: number;
  /** The server's total (minor units) and currency, once known. */
  total: number | null;
  currencyCode: string | null;
}

export interface CheckoutStartDetail {
  itemCount: number;
  total: number | null;
  currencyCode: string | null;
}

export interface OrderCompleteDetail {
  orderId: string;
  orderNumber: string;
  /** Minor units. */
  total: number;
  currencyCode: string;
  paymentStatus: string;
}

export interface CartErrorDetail {
  /** The `ApiError` code (`NETWORK`, `RATE_LIMITED`, `VALIDATION_ERROR`…) or `CHECKOUT_REJECTED`. */
  code: string;
  message: string;
  /** The element that could not do its job. */
  source: string;
}

/** Fires a Tote event from `host`: bubbles, composed, optionally cancelable. Returns false if vetoed. */
export function fire<K extends keyof ToteCartEvents>(host: HTMLElement, type: K, detail: ToteCartEvents[K]['detail'], cancelable = false): boolean {
  return host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

export interface ToteCartEvents {
  'tote-cart-change': CustomEvent<CartChangeDetail>;
  'tote-checkout-start': CustomEvent<CheckoutStartDetail>;
  'tote-order-complete': CustomEvent<OrderCompleteDetail>;
  'tote-error': CustomEvent<CartErrorDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends ToteCartEvents {}
}
