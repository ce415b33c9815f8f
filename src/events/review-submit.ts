// `tote-review-submit`: a review was posted and the shop accepted it (`<tote-reviews>`).
import type { ReviewInput } from '../api/index.js';

/** Detail of `tote-review-submit`: the product and what the shopper wrote. */
export interface ReviewSubmitDetail {
  /** The product's id or slug, as the element's `product` attribute names it. */
  productId: string;
  review: ReviewInput;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-review-submit': CustomEvent<ReviewSubmitDetail>;
  }
}
