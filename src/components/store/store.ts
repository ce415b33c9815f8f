import { html, type PropertyValues } from 'lit';
import { DEFAULT_API_BASE } from '../../api/client.js';
import { ToteKeyError } from '../../api/keys.js';
import { configProblemStyles } from '../base/config-problem.js';
import { ToteElement } from '../base/tote-element.js';
import { provideShop } from '../../context/shop-context.js';
import { createShop, type ToteShop } from '../../store/shop.js';
import { storeStyles } from './store.styles.js';

/**
 * The optional root of a Tote shop: it names the store that every Tote element inside it talks to.
 * Without it, elements use the page default set by the drop-in script or `configure()`.
 *
 * @summary Provides a shop (publishable key, API base, locale) to the Tote elements inside it.
 * @tagname tote-store
 * @attr theme - Changes nothing here: the store shows the page's own content (set `theme` on the elements inside it).
 * @slot - The shop's content: product grids, cart buttons, a cart, a checkout.
 * @csspart config-error - The message shown instead of the shop when the key is missing or refused.
 */
export class ToteStore extends ToteElement {
  static override properties = {
    publicKey: { attribute: 'public-key' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    cartRecovery: { attribute: 'cart-recovery', type: Boolean },
    configError: { state: true },
  };
  // Not the theme's styles (super.styles): they would colour the page's own content inside the store.
  static override styles = [storeStyles, configProblemStyles];
  static override providesShop = true;

  /** The shop's publishable key (`pk_…`: Shoprocket's random form, `pk_live_…` or `pk_test_…`). Secret keys are refused. */
  publicKey = '';

  /**
   * Base URL of the public API; defaults to Shoprocket's production API.
   * @type {string}
   */
  apiBase = DEFAULT_API_BASE;

  /** BCP 47 language tag for texts, numbers and prices; defaults to the page's language. */
  locale = '';

  /** Adopt `?cart_token=` recovery links while the shopper's own cart is empty (read when the shop is first made). */
  cartRecovery = false;

  private configError: string | undefined;

  #provider = provideShop(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.#provider.announce();
  }

  /** The shop this element provides, once its key has been accepted. */
  override get shop(): ToteShop | undefined {
    return this.#provider.value;
  }

  /** The same box every element shows when it has no shop. */
  protected override get problem(): string | undefined {
    return this.configError;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('publicKey') && !changed.has('apiBase') && !changed.has('locale')) return;
    this.configError = undefined;
    let shop: ToteShop | undefined;
    if (!this.publicKey) {
      this.configError = 'This shop has no key: add public-key="pk_live_…" (your publishable key) to <tote-store>.';
    } else {
      try {
        shop = createShop({
          publicKey: this.publicKey,
          apiBase: this.apiBase,
          locale: this.locale,
          cartRecovery: this.cartRecovery,
        });
      } catch (error) {
        if (!(error instanceof ToteKeyError)) throw error;
        this.configError = error.message;
      }
    }
    if (this.configError) console.error(`[tote] <tote-store>: ${this.configError}`);
    this.#provider.setValue(shop);
  }

  protected override renderShop() {
    return html`<slot></slot>`;
  }
}
