// `tote-line-select`: the shopper chose a cart line's product (its name, in `<tote-cart>`).
// Cancelable: a page that has its own product pages shows the product itself (it navigates);
// otherwise the cart shows the product in place, with a way back to the lines.

/** Detail of `tote-line-select`: the line's product and variant. */
export interface LineSelectDetail {
  productId: string;
  variantId: string;
  /** The line's product name, as the cart shows it. */
  name: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-line-select': CustomEvent<LineSelectDetail>;
  }
}
