// `tote-continue-shopping`: "Continue shopping" on the receipt (`<tote-checkout>`). No detail.

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-continue-shopping': Event;
  }
}

export {};
