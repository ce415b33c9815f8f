// `tote-cart-request`: a cart button (or a buy button's "Buy now") asks the page's drawer
// `<tote-cart>` to open; the first drawer of the page answers it by cancelling it.
import { whenUsed } from '../dom/lazy-define.js';
import { fire } from './fire.js';

/** Detail of `tote-cart-request`. */
export interface CartRequestDetail {
  /** `checkout`: open straight at the checkout (a buy button's "Buy now"). */
  action: 'toggle' | 'open' | 'checkout';
  /** The element focus returns to when the drawer closes. */
  opener: HTMLElement;
}

/**
 * Asks the page's drawer `<tote-cart>` to open, close or show its checkout (it answers by
 * cancelling the event). A drawer not loaded yet (it loads when first needed) is loaded and waited for once.
 * Resolves with whether a drawer answered.
 */
export async function requestCart(opener: HTMLElement, action: CartRequestDetail['action']): Promise<boolean> {
  const request = () => !fire(opener, 'tote-cart-request', { action, opener }, { cancelable: true });
  if (request()) return true;
  const loading = prepareDrawer();
  if (!loading) return false;
  await loading;
  await new Promise(requestAnimationFrame);
  return request();
}

/** Starts loading the page's drawer if it has one still undefined (the shopper is reaching for the cart). */
export function prepareDrawer(): Promise<unknown> | undefined {
  return document.querySelector('tote-cart') && !customElements.get('tote-cart') ? whenUsed('tote-cart') : undefined;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-cart-request': CustomEvent<CartRequestDetail>;
  }
}
