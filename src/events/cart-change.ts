// `tote-cart-change`: the cart's item count or total changed (`<tote-cart>`).

/** The cart in three numbers: the detail of `tote-cart-change` and of `tote-checkout-start`. */
export interface CartSummaryDetail {
  /** Items in the cart as the shopper sees it now. */
  itemCount: number;
  /** The server's total (minor units) and currency, once known. */
  total: number | null;
  currencyCode: string | null;
}

/** Detail of `tote-cart-change`. */
export type CartChangeDetail = CartSummaryDetail;

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-cart-change': CustomEvent<CartChangeDetail>;
  }
}
