import { Task } from '../../controllers/task.js';
import { html, nothing } from 'lit';
import type { Variant } from '../../api/index.js';
import { currencyOf } from '../../store/currency.js';
import { formatMoney } from '../../model/money.js';
import { addableQuantity, initialVariant, isSellable } from '../../model/product.js';
import { LazyToteElement } from '../base/lazy-element.js';
import { requestCart } from '../../events/cart-request.js';
import { AddController } from '../../controllers/add-to-cart.js';
import { buyButtonStyles } from './buy-button.styles.js';

/**
 * The smallest embed: one button that adds a product (or one of its variants) to the cart, or
 * buys it at once.
 *
 * @summary An add-to-cart or buy-now button for one product.
 * @tagname tote-buy-button
 *
 * @fires {CustomEvent<AddDetail>} tote-add - The shopper added to the cart; `detail: {productId, variantId, quantity}`.
 * @fires {CustomEvent<AddDetail>} tote-buy - With `action="buy"`, after the add: the page should open the checkout.
 *   Cancelable; by default the page's drawer `<tote-cart>` opens at its checkout (else a `<tote-checkout>` on the page gets focus).
 *
 * @slot - The button's label (default: "Add to cart · $28.00" or "Buy now · $28.00").
 *
 * @csspart button - The button.
 * @csspart status - The message under the button (added, sold out, failed).
 *
 */
export class ToteBuyButton extends LazyToteElement {
  static override properties = {
    product: {},
    variant: {},
    quantity: { type: Number },
    action: {},
  };
  static override styles = [super.styles, buyButtonStyles];
  static override watchCart = true;

  /** The product's id or slug. */
  product = '';

  /** Which variant (default: the product's default variant, else the first that can be bought). */
  variant = '';

  /** How many to add. */
  quantity = 1;

  /** `add` puts it in the cart; `buy` adds it and goes straight to checkout. */
  action: 'add' | 'buy' = 'add';

  #adding = new AddController(this);

  #data = new Task(this, {
    task: async ([shop, idOrSlug], { signal }) => {
      if (!shop || !idOrSlug) return new Promise<never>(() => {});
      const [product, currency] = await Promise.all([shop.catalog.product(idOrSlug, signal), currencyOf(shop)]);
      return { product, currency };
    },
    args: () => [this.shop, this.product] as const,
  });

  protected override renderShop() {
    const verb = this.t(this.action === 'buy' ? 'product.buy' : 'product.add');
    const loading = () =>
      html`<button part="button" class="button" aria-disabled="true" aria-busy="true">${verb}</button>`;
    return this.#data.render({
      initial: loading,
      pending: loading,
      error:
        () => html`<button part="button" class="button secondary" @click=${() => this.#data.run()}>${this.t('error.retry')}</button>
        <span part="status" class="status failed" role="alert">${this.t('product.error')}</span>`,
      complete: ({ product, currency }) => {
        const variant = initialVariant(product, this.variant);
        const inCart = variant ? (this.cart?.lines.find((line) => line.variantId === variant.id)?.quantity ?? 0) : 0;
        const cap = variant ? addableQuantity(variant, inCart, product) : 0;
        const quantity = Math.max(1, Math.floor(this.quantity) || 1);
        const can =
          !!variant &&
          isSellable(variant, product) &&
          (cap === null || cap >= quantity) &&
          this.#adding.state !== 'adding';
        const label =
          this.#adding.state === 'adding'
            ? this.t('product.adding')
            : this.#adding.state === 'added'
              ? this.t('product.added')
              : !variant || !isSellable(variant, product)
                ? this.t('stock.sold-out')
                : `${verb} · ${formatMoney(variant.price * quantity, currency, this.shopLocale)}`;
        return html`<button
            part="button"
            class="button ${this.#adding.state}"
            aria-disabled=${can ? 'false' : 'true'}
            @click=${() => can && variant && this.#add(variant, quantity)}
          >
            <slot>${label}</slot><span class="visually-hidden"> — ${product.name}</span>
          </button>
          <span part="status" class="status ${this.#adding.state}" role="status"
            >${this.#adding.state === 'failed' ? this.t('product.add-failed', { reason: this.t(this.#adding.failure) }) : cap === 0 && variant && isSellable(variant, product) ? this.t('product.all-in-cart') : nothing}</span
          >`;
      },
    });
  }

  async #add(variant: Variant, quantity: number): Promise<void> {
    const shop = this.shop;
    const product = this.#data.value?.product;
    if (!shop || !product) return;
    const outcome = await this.#adding.add(shop, product, variant, quantity);
    if (!outcome.ok) return;
    if (this.action !== 'buy') return;
    if (!this.emit('tote-buy', { productId: product.id, variantId: variant.id, quantity }, { cancelable: true }))
      return;
    // The page's drawer opens at its checkout (it answers by cancelling the request); else a
    // standalone checkout on the page is brought into view with focus on it.
    if (await requestCart(this, 'checkout')) return;
    const checkout = document.querySelector<HTMLElement>('tote-checkout');
    checkout?.scrollIntoView({ block: 'start' });
    checkout?.shadowRoot?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true });
  }
}
