// Every event a Tote element fires, in one map for typed listeners (`addEventListener`,
// `window.Tote.on`, the React and Vue typings). Each event has a file of its own in this folder:
// the type of its detail and its one declaration on `GlobalEventHandlersEventMap`. `fire.ts`
// fires them. The tags are declared on `HTMLElementTagNameMap` once, in src/define.ts.
//
// The detail types are re-exported so that a declaration file importing this one also loads the
// modules that declare the events (their `declare global` blocks).
export type { AddDetail } from './add.js';
export type {} from './buy.js';
export type { ProductSelectDetail } from './product-select.js';
export type { CartRequestDetail } from './cart-request.js';
export type { LineSelectDetail } from './line-select.js';
export type { CartChangeDetail, CartSummaryDetail } from './cart-change.js';
export type { CheckoutStartDetail } from './checkout-start.js';
export type { OrderCompleteDetail } from './order-complete.js';
export type {} from './continue-shopping.js';
export type { CartErrorDetail } from './error.js';
export type { SignInDetail } from './sign-in.js';
export type {} from './sign-out.js';
export type { ReviewSubmitDetail } from './review-submit.js';
export type { CategorySelectDetail } from './category-select.js';

/** All `tote-*` events: bubbling and composed, so a listener on `document` hears them all. */
export interface ToteEventMap {
  /** The shopper added to the cart (`<tote-product>`, `<tote-buy-button>`). */
  'tote-add': GlobalEventHandlersEventMap['tote-add'];
  /** With `action="buy"`, after the add (`<tote-buy-button>`). Cancelable. */
  'tote-buy': GlobalEventHandlersEventMap['tote-buy'];
  /** A product card was chosen (`<tote-products>`). Cancelable. */
  'tote-product-select': GlobalEventHandlersEventMap['tote-product-select'];
  /** A cart button asks for the drawer (`<tote-cart-toggle>`); the drawer cancels it to answer. */
  'tote-cart-request': GlobalEventHandlersEventMap['tote-cart-request'];
  /** The cart's item count or total changed (`<tote-cart>`). */
  'tote-cart-change': GlobalEventHandlersEventMap['tote-cart-change'];
  /** A cart line's product was chosen (`<tote-cart>`). Cancelable: the page shows it itself. */
  'tote-line-select': GlobalEventHandlersEventMap['tote-line-select'];
  /** The shopper chose to check out (`<tote-cart>`). Cancelable. */
  'tote-checkout-start': GlobalEventHandlersEventMap['tote-checkout-start'];
  /** The order is placed (`<tote-checkout>`). */
  'tote-order-complete': GlobalEventHandlersEventMap['tote-order-complete'];
  /** "Continue shopping" on the receipt (`<tote-checkout>`). */
  'tote-continue-shopping': GlobalEventHandlersEventMap['tote-continue-shopping'];
  /** Something an element could not do (`<tote-cart>`, `<tote-checkout>`). */
  'tote-error': GlobalEventHandlersEventMap['tote-error'];
  /** The shopper signed in with an emailed code (`<tote-account>`). */
  'tote-sign-in': GlobalEventHandlersEventMap['tote-sign-in'];
  /** The shopper signed out (`<tote-account>`). */
  'tote-sign-out': GlobalEventHandlersEventMap['tote-sign-out'];
  /** A review was posted (`<tote-reviews>`). */
  'tote-review-submit': GlobalEventHandlersEventMap['tote-review-submit'];
  /** A category (or "All products") was chosen (`<tote-categories>`). Cancelable. */
  'tote-category-select': GlobalEventHandlersEventMap['tote-category-select'];
}

export type ToteEventName = keyof ToteEventMap;
