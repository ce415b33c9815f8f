import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { storeStyles } from './store.styles.js';

/**
 * The optional root of a Tote shop: it names the store that every Tote element inside it talks to.
 *
 * @summary Provides a shop (publishable key, API base, locale) to the Tote elements inside it.
 * @slot - The shop's content: product grids, cart buttons, a cart, a checkout.
 */
export class ToteStore extends LitElement {
  static override styles = storeStyles;

  /** The shop's publishable key (`pk_live_…` or `pk_test_…`). Secret keys are refused. */
  @property({ attribute: 'public-key' }) publicKey = '';

  /** Base URL of the public API; defaults to Shoprocket's production API. */
  @property({ attribute: 'api-base' }) apiBase = 'https://api.shoprocket.io/v3';

  /** BCP 47 language tag for texts, numbers and prices; defaults to the page's language. */
  @property() locale = '';

  override render() {
    return html`<slot></slot>`;
  }
}
