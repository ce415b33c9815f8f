import { LitElement, html, type PropertyValues } from 'lit';
import { DEFAULT_API_BASE } from '../../api/client.js';
import { ToteKeyError } from '../../api/keys.js';
import { configProblemStyles, configProblemView } from '../base/config-problem.js';
import { provideShop } from '../../context/shop-context.js';
import { createStore, type ToteShop } from '../../store/index.js';
import { storeStyles } from './store.styles.js';

/**
 * The optional root of a Tote shop: it names the store that every Tote element inside it talks to.
 * Without it, elements use the page default set by the drop-in script or `configure()`.
 *
 * @summary Provides a shop (publishable key, API base, locale) to the Tote elements inside it.
 * @tagname tote-store
 * @slot - The shop's content: product grids, cart buttons, a cart, a checkout.
 * @csspart config-error - The message shown instead of the shop when the key is missing or refused.
 * @cssprop --tote-danger - Colour of the configuration error's border.
 */
export class ToteStore extends LitElement {
  static override properties = {
    publicKey: { attribute: 'public-key' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    cartRecovery: { attribute: 'cart-recovery', type: Boolean },
    configError: { state: true },
  };
  static override styles = [storeStyles, configProblemStyles];

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
  get shop(): ToteShop | undefined {
    return this.#provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('publicKey') && !changed.has('apiBase') && !changed.has('locale')) return;
    this.configError = undefined;
    let shop: ToteShop | undefined;
    if (!this.publicKey) {
      this.configError = 'This shop has no key: add public-key="pk_live_…" (your publishable key) to <tote-store>.';
    } else {
      try {
        shop = createStore({ publicKey: this.publicKey, apiBase: this.apiBase, locale: this.locale, cartRecovery: this.cartRecovery });
      } catch (error) {
        if (!(error instanceof ToteKeyError)) throw error;
        this.configError = error.message;
      }
    }
    if (this.configError) console.error(`[tote] <tote-store>: ${this.configError}`);
    this.#provider.setValue(shop);
  }

  override render() {
    // The same box every element shows when it has no shop.
    return this.configError ? configProblemView(this.configError) : html`<slot></slot>`;
  }
}
