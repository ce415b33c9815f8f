// `tote-error`: something an element could not do (`<tote-cart>`, `<tote-checkout>`).

/** Detail of `tote-error`. */
export interface CartErrorDetail {
  /** The `ApiError` code (`NETWORK`, `RATE_LIMITED`, `VALIDATION_ERROR`…) or `CHECKOUT_REJECTED`. */
  code: string;
  message: string;
  /** The element that could not do its job. */
  source: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-error': CustomEvent<CartErrorDetail>;
  }
}
