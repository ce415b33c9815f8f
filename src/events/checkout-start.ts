// `tote-checkout-start`: the shopper chose to check out (`<tote-cart>`). Cancelable.
import type { CartSummaryDetail } from './cart-change.js';

/** Detail of `tote-checkout-start`: the cart as it stands (the same shape as `tote-cart-change`'s). */
export type CheckoutStartDetail = CartSummaryDetail;

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-checkout-start': CustomEvent<CheckoutStartDetail>;
  }
}
