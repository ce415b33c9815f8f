// `tote-sign-out`: the shopper signed out (`<tote-account>`). No detail.

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-sign-out': Event;
  }
}

export {};
