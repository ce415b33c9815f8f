import { LitElement, html, nothing } from 'lit';
import { prepareDrawer, requestCart } from '../../events/cart-request.js';
import { ToteElement } from '../base/tote-element.js';
import { formatNumber } from '../../i18n/messages.js';
import { cartToggleStyles } from './cart-toggle.styles.js';

/**
 * The cart button: a real `<button>` named "Cart, 3 items", with a live count badge and a dot
 * while changes are saving (or the shopper is offline). It opens the page's drawer `<tote-cart>`,
 * which starts loading as soon as a pointer is on the button or focus in it.
 *
 * @summary The cart button with a live item-count badge.
 * @tagname tote-cart-toggle
 * @fires {CustomEvent<CartRequestDetail>} tote-cart-request - On click: asks the page's drawer `<tote-cart>` to open or close
 *   (`detail: {action, opener}`). Cancelable; the drawer cancels it to answer. Cancel it yourself
 *   to open your own cart instead.
 * @slot icon - Replaces the bag icon.
 * @csspart button - The button.
 * @csspart count - The item-count badge.
 * @csspart status - The saving/offline dot.
 * @cssprop --tote-toggle-offset - Distance from the viewport edges when floating (default 1rem).
 * @cssprop --tote-toggle-radius - Button corner radius (default: a pill).
 * @cssprop --tote-z-index - Stacking order when floating (default 1000).
 */
export class ToteCartToggle extends ToteElement {
  static override properties = {
    position: { reflect: true },
  };
  static override styles = [super.styles, cartToggleStyles];
  static override watchCart = 'count' as const;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Float the button in a corner of the viewport: `bottom-right`, `bottom-left`, `top-right`, `top-left` (right = inline end). */
  position: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | undefined;

  protected override renderShop() {
    const cart = this.cart;
    const count = cart?.itemCount ?? 0;
    let label = this.t('cart.label', { count });
    const status = cart && !cart.online ? 'offline' : cart?.pending ? 'pending' : null;
    if (status) label += `, ${this.t(status === 'offline' ? 'offline.short' : 'cart.pending')}`;
    return html`<button part="button" type="button" aria-label=${label} aria-haspopup="dialog" @click=${this.#onClick} @pointerenter=${prepareDrawer} @focus=${prepareDrawer}>
      <slot name="icon"
        ><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
          <path d="M5 8h14l-1.2 11.1a2 2 0 0 1-2 1.9H8.2a2 2 0 0 1-2-1.9Z" />
          <path d="M9 10V7a3 3 0 0 1 6 0v3" /></svg
      ></slot>
      <span part="count" class="count" ?data-empty=${count === 0} aria-hidden="true">${formatNumber(this.shopLocale, count)}</span>
      ${status ? html`<span part="status" class="status" data-kind=${status}></span>` : nothing}
    </button>`;
  }

  async #onClick(): Promise<void> {
    if (!(await requestCart(this, 'toggle')))
      console.warn('[tote] <tote-cart-toggle>: there is no <tote-cart> (mode="drawer") on this page to open.');
  }
}
