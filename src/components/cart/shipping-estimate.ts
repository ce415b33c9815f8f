// The cart footer's "Estimate shipping" disclosure: a ship-to country, then the shipping options
// and their prices for it. What an estimate does (which country is stored on the cart, and never
// over an address the shopper gave) is the store's (`store/shipping-estimate.ts`); this only draws
// it and keeps the disclosure's state. A native <details>: keyboard and screen readers know it.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Cart, Country, ShippingOption } from '../../api/index.js';
import { formatMoney } from '../../model/money.js';
import { defaultCountry, findCountry } from '../../model/countries.js';
import { msg } from '../../i18n/messages.js';
import type { ToteShop } from '../../store/index.js';
import {
  cheapestOption,
  estimateShipping,
  hasSavedAddress,
  needsShipping,
  shipToCountries,
  type ShippingEstimate,
} from '../../store/shipping-estimate.js';

/** What the options depend on: a change of it while an estimate is shown asks again. */
const signature = (cart: Cart | null | undefined) =>
  cart
    ? `${cart.items.map((i) => `${i.variantId}:${i.quantity}`).join()}|${cart.totals.subtotal}|${cart.totals.discountTotal}|${cart.shippingAddress?.countryCode ?? ''}|${hasSavedAddress(cart)}`
    : '';

export class ShippingEstimator implements ReactiveController {
  countries: Country[] | null = null;
  /** The country in the select. */
  chosen = '';
  busy = false;
  result: ShippingEstimate | null = null;
  error = '';
  #open = false;
  #for = '';
  #host: ReactiveControllerHost;
  #shop: () => ToteShop | undefined;
  #cart: () => Cart | null | undefined;

  constructor(host: ReactiveControllerHost, shop: () => ToteShop | undefined, cart: () => Cart | null | undefined) {
    this.#host = host;
    this.#shop = shop;
    this.#cart = cart;
    host.addController(this);
  }

  /** The lines or the address changed under a shown estimate: it is asked again (a GET, or the same country). */
  hostUpdate(): void {
    const cart = this.#cart();
    if (this.result && !this.busy && this.#for !== signature(cart) && needsShipping(cart))
      void this.estimate(this.result.countryCode);
  }

  /** Asks the store for the options of `countryCode` (the saved address's, when the cart has one). */
  async estimate(countryCode: string): Promise<void> {
    const shop = this.#shop();
    if (!shop || this.busy || !countryCode) return;
    this.busy = true;
    this.error = '';
    this.#host.requestUpdate();
    try {
      this.result = await estimateShipping(shop, countryCode);
      this.chosen = this.result.countryCode;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.#for = signature(shop.cart.state.server);
    this.busy = false;
    this.#host.requestUpdate();
  }

  #onToggle = async (event: Event) => {
    this.#open = (event.currentTarget as HTMLDetailsElement).open;
    const shop = this.#shop();
    if (!this.#open || !shop) return;
    this.countries ??= await shipToCountries(shop);
    const cart = this.#cart();
    const stored = cart?.shippingAddress?.countryCode;
    this.chosen ||= defaultCountry(this.countries, stored, cart?.visitorCountryCode, shop.locale);
    this.#host.requestUpdate();
    // A country already on the cart costs no write: its options are shown at once.
    if (!this.result && (stored || hasSavedAddress(cart))) void this.estimate(stored || this.chosen);
  };

  render(locale: string, cart: Cart) {
    if (!needsShipping(cart)) return nothing;
    const t = (key: string, params?: Record<string, string | number>) => msg(locale, key, params);
    const saved = hasSavedAddress(cart);
    const countries = this.countries;
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      void this.estimate(this.chosen);
    };
    const form = html`<form class="estimate-form" @submit=${submit} novalidate>
      <label for="estimate-country">${t('cart.estimate.country')}</label>
      <div class="row">
        <select id="estimate-country" ?disabled=${!countries}
          @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
          ${countries?.map((c) => html`<option value=${c.code} ?selected=${c.code === this.chosen}>${c.name}</option>`)}
        </select>
        <button class="button secondary" ?disabled=${this.busy || !countries}>${t('cart.estimate.submit')}</button>
      </div>
    </form>`;
    return html`<details part="estimate" class="estimate" @toggle=${this.#onToggle}>
      <summary>${t('cart.estimate')}</summary>
      ${saved ? nothing : form}
      <div class="estimate-result" aria-live="polite" aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.busy ? html`<p class="field-note">${t('cart.estimate.loading')}</p>` : this.#renderResult(locale, cart)}
      </div>
    </details>`;
  }

  #renderResult(locale: string, cart: Cart) {
    if (this.error)
      return html`<p class="field-error" role="alert">${msg(locale, 'cart.estimate.error', { message: this.error })}</p>`;
    const result = this.result;
    if (!result) return nothing;
    const country = findCountry(this.countries, result.countryCode)?.name ?? regionName(locale, result.countryCode);
    const money = (o: ShippingOption) =>
      o.cost === 0 ? msg(locale, 'cart.estimate.free') : formatMoney(o.cost, cart.currencyCode, locale);
    const cheapest = cheapestOption(result.options);
    if (!cheapest) return html`<p class="field-note">${msg(locale, 'cart.estimate.none', { country })}</p>`;
    return html`${result.savedAddress ? html`<p class="field-note">${msg(locale, 'cart.estimate.saved', { country })}</p>` : nothing}
      <p class="estimate-from">${msg(locale, 'cart.estimate.from', { country, price: money(cheapest) })}</p>
      <ul class="estimate-options">
        ${result.options.map(
          (o) => html`<li>
            <span class="estimate-name">${o.name}</span>
            <span class="price">${money(o)}</span>
            ${
              o.estimatedDaysMin !== null
                ? html`<small>${msg(locale, 'cart.estimate.days', { min: o.estimatedDaysMin, max: o.estimatedDaysMax ?? o.estimatedDaysMin })}</small>`
                : nothing
            }
          </li>`,
        )}
      </ul>`;
  }
}

function regionName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale || 'en', 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
