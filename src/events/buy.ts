// `tote-buy`: with `action="buy"`, after the add (`<tote-buy-button>`). Cancelable.
import type { AddDetail } from './add.js';

export type { AddDetail };

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-buy': CustomEvent<AddDetail>;
  }
}
