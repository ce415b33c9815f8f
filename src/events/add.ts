// `tote-add`: the shopper added to the cart (`<tote-product>`, `<tote-buy-button>`).

/** Detail of `tote-add` (and `tote-buy`): what the shopper put in the cart. */
export interface AddDetail {
  productId: string;
  variantId: string;
  quantity: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-add': CustomEvent<AddDetail>;
  }
}
