// `tote-product-select`: a product card was chosen (`<tote-products>`). Cancelable.
import type { Product } from '../api/index.js';

/** Detail of `tote-product-select`: the product the shopper opened. */
export interface ProductSelectDetail {
  product: Product;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-product-select': CustomEvent<ProductSelectDetail>;
  }
}
