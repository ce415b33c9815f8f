import { Task } from '../../controllers/task.js';
import { html, nothing, type PropertyValues } from 'lit';
import { ApiError, type Product, type ProductImage, type Variant } from '../../api/index.js';
import { currencyOf, knownCurrency } from '../../store/currency.js';
import { priceView } from '../base/price-view.js';
import {
  addableQuantity,
  choose,
  imageFor,
  initialVariant,
  isSellable,
  stockCount,
  productJsonLd,
  selectionOf,
  variantFor,
  type Selection,
} from '../../model/product.js';
import { sanitizeFragment } from '../../dom/sanitize.js';
import { whenUsed } from '../../dom/lazy-define.js';
import { setJsonText } from '../../dom/trusted-types.js';
import { LazyToteElement } from '../base/lazy-element.js';
import { ratingSentence, starStyles, starsView } from '../base/star-rating.js';
import { localRating } from '../base/stars.js';
import { formatNumber } from '../../i18n/messages.js';
import { formatMoney } from '../../model/money.js';
import { LOW_STOCK } from '../../model/variants.js';
import { AddController, addAnnouncers } from '../../controllers/add-to-cart.js';
import { galleryView } from './gallery.js';
import { optionsView } from './options.js';
import { productStyles } from './product.styles.js';

/**
 * One product: gallery, options, price, rating, stock, quantity, add to cart and description; its
 * reviews open under the description on request.
 * A product the page already listed (in a `<tote-products>` grid) is shown without a request.
 *
 * @summary A product page: gallery, variant options, stock, quantity and add to cart.
 * @tagname tote-product
 *
 * @fires {CustomEvent<AddDetail>} tote-add - The shopper added to the cart; `detail: {productId, variantId, quantity}`.
 *
 * @csspart base - The whole view.
 * @csspart gallery - Main image and thumbnails.
 * @csspart media - The main image's fixed-ratio box.
 * @csspart image - The main image.
 * @csspart thumb - A thumbnail button.
 * @csspart info - Name, price, options, stock and buttons.
 * @csspart name - The product name (a heading).
 * @csspart price - The price of the chosen variant.
 * @csspart option - One option (a fieldset of values).
 * @csspart value - One option value (a chip or a colour swatch).
 * @csspart stock - The stock message.
 * @csspart quantity - The quantity stepper.
 * @csspart add-button - The add-to-cart button.
 * @csspart description - The merchant's description (sanitised HTML).
 * @csspart rating - The stars, average and count of the product's reviews, and the button that shows them.
 * @csspart reviews - The `<tote-reviews>` shown under the description.
 * @csspart error - The message shown when the product could not be read.
 *
 * @cssprop --tote-image-ratio - Aspect ratio of the gallery's images (default 1).
 * @cssprop --tote-star - The filled stars of the rating (default amber).
 */
export class ToteProduct extends LazyToteElement {
  static override properties = {
    product: {},
    variant: {},
    noStructuredData: { type: Boolean, attribute: 'no-structured-data' },
    selection: { state: true },
    choiceNote: { state: true },
    quantity: { state: true },
    pickedImage: { state: true },
    showReviews: { state: true },
  };
  static override styles = [super.styles, starStyles, productStyles];
  static override watchCart = true;

  /** The product's id or slug. */
  product = '';

  /** A variant id to show first (default: the default variant, else the first that can be bought). */
  variant = '';

  /** Leave out the schema.org `Product` JSON-LD that is otherwise added for search engines. */
  noStructuredData = false;

  private selection: Selection = {};
  /** The values the shopper picked, by option: a later option comes back to them where it can. */
  #wanted: Selection = {};
  /** What a choice changed besides itself ("Colour is now Blue (was Navy).", the new price), said aloud and shown. */
  private choiceNote = '';
  private quantity = 1;
  private pickedImage: ProductImage | undefined;
  private showReviews = false;

  #jsonLd: HTMLScriptElement | undefined;
  #adding = new AddController(this);

  #data = new Task(this, {
    task: async ([shop, idOrSlug], { signal }) => {
      if (!shop || !idOrSlug) return new Promise<never>(() => {}); // nothing to show yet
      const [product, currency] = await Promise.all([
        shop.catalog.product(idOrSlug, signal),
        knownCurrency(shop) ?? currencyOf(shop),
      ]);
      const first = initialVariant(product, this.variant);
      this.selection = selectionOf(first);
      this.#wanted = {};
      this.choiceNote = '';
      this.quantity = 1;
      this.pickedImage = undefined;
      this.showReviews = false;
      return { product, currency };
    },
    args: () => [this.shop, this.product] as const,
  });

  /** The variant the shopper has chosen (undefined until the product has loaded). */
  get selectedVariant(): Variant | undefined {
    const product = this.#data.value?.product;
    return product && variantFor(product, this.selection);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#syncJsonLd();
    if (this.#focusOptions && this.#data.value) {
      this.#focusOptions = false;
      const first = this.renderRoot.querySelector('.option');
      const radio =
        first?.querySelector<HTMLInputElement>('input:checked:enabled') ?? first?.querySelector('input:enabled');
      (radio ?? this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
    }
  }

  #focusOptions = false;

  /**
   * Puts focus on the first option (its chosen value), or on the add button when there is none, as
   * soon as the product is shown: a grid's "Choose options" opens the product there.
   */
  focusOptions(): void {
    this.#focusOptions = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#jsonLd?.remove();
    this.#jsonLd = undefined;
  }

  protected override renderShop() {
    return this.#data.render({
      initial: () => this.#skeleton(),
      pending: () => this.#skeleton(),
      complete: ({ product, currency }) => this.#view(product, currency),
      error: (error) => {
        if (error instanceof ApiError && error.code === 'ABORTED') return this.#skeleton();
        const missing = error instanceof ApiError && error.code === 'NOT_FOUND';
        return html`<div part="error" class="problem" role="alert">
          <p>${this.t(missing ? 'product.missing' : 'product.error')}</p>
          ${missing ? nothing : html`<button type="button" class="button" @click=${() => this.#data.run()}>${this.t('error.retry')}</button>`}
        </div>`;
      },
    });
  }

  #skeleton() {
    return html`<div part="base" class="base" aria-busy="true">
      <div class="gallery"><div class="media skeleton"></div></div>
      <div class="info">
        <span class="visually-hidden" role="status">${this.t('product.loading')}</span>
        <div class="skeleton line wide"></div>
        <div class="skeleton line"></div>
        <div class="skeleton line short"></div>
      </div>
    </div>`;
  }

  #view(product: Product, currency: string) {
    const locale = this.shopLocale;
    const variant = variantFor(product, this.selection);
    const inCart = variant ? (this.cart?.lines.find((line) => line.variantId === variant.id)?.quantity ?? 0) : 0;
    const cap = variant ? addableQuantity(variant, inCart, product) : 0;
    const sellable = !!variant && isSellable(variant, product);
    const canAdd = sellable && cap !== 0 && this.#adding.state !== 'adding';
    const quantity = cap === null ? this.quantity : Math.max(1, Math.min(this.quantity, cap));
    const shown = this.pickedImage ?? imageFor(product, variant);
    const description = this.#descriptionOf(product);

    return html`<article part="base" class="base" aria-labelledby="name">
      ${galleryView(product, shown, locale, (image) => (this.pickedImage = image))}
      <div part="info" class="info">
        <h2 part="name" id="name" class="name"><bdi>${product.name}</bdi></h2>
        ${variant ? priceView(locale, currency, variant.price, variant.compareAtPrice) : nothing}
        ${this.#rating(product)}
        ${product.summary ? html`<p class="summary" dir="auto">${product.summary}</p>` : nothing}
        ${optionsView(product, this.selection, locale, (index, valueId) => this.#choose(product, index, valueId, currency))}
        ${product.options.length ? html`<p class="choice-note" role="status">${this.choiceNote}</p>` : nothing}
        <p part="stock" class="stock ${sellable && cap !== 0 ? 'ok' : 'out'}">${this.#stockText(product, variant, cap)}</p>
        <div class="buy">
          <div part="quantity" class="quantity">
            <button type="button" class="step" ?disabled=${!canAdd || quantity <= 1} @click=${() => (this.quantity = quantity - 1)}>
              <span aria-hidden="true">−</span><span class="visually-hidden">${this.t('product.less', { name: product.name })}</span>
            </button>
            <label>
              <span class="visually-hidden">${this.t('product.quantity')}</span>
              <input
                type="number"
                inputmode="numeric"
                min="1"
                max=${cap ?? nothing}
                .value=${String(quantity)}
                ?disabled=${!canAdd}
                @change=${this.#onQuantityInput}
              />
            </label>
            <button type="button" class="step" ?disabled=${!canAdd || (cap !== null && quantity >= cap)} @click=${() => (this.quantity = quantity + 1)}>
              <span aria-hidden="true">+</span><span class="visually-hidden">${this.t('product.more', { name: product.name })}</span>
            </button>
          </div>
          <button
            type="button"
            part="add-button"
            class="button add ${this.#adding.state}"
            aria-disabled=${canAdd ? 'false' : 'true'}
            @click=${() => canAdd && variant && this.#add(product, variant, quantity)}
          >
            ${this.#addLabel(sellable, product.variants.length > 0)}
          </button>
        </div>
        <p class="feedback ${this.#adding.state}" role="status">
          ${this.#adding.state === 'added' ? html`<span aria-hidden=${addAnnouncers.size ? 'true' : nothing}>${this.t('product.added')}</span>` : this.#adding.state === 'failed' ? this.t('product.add-failed', { reason: this.t(this.#adding.failure) }) : nothing}
        </p>
        ${
          description
            ? html`<section part="description" class="description" dir="auto" aria-label=${this.t('product.description')}>${description}</section>`
            : nothing
        }
        ${this.showReviews ? html`<tote-reviews part="reviews" id="reviews" product=${product.id} theme=${this.theme ?? nothing}></tote-reviews>` : nothing}
      </div>
    </article>`;
  }

  /**
   * The stars, the average and the count, when the shop counts reviews (nothing otherwise), and the
   * button that shows `<tote-reviews>` under the description (loaded on first use).
   */
  #rating(product: Product) {
    const count = product.reviewCount;
    if (count === undefined) return nothing;
    const rating = product.averageRating ?? 0;
    return html`<div part="rating" class="rating">
      ${
        count > 0
          ? html`${starsView(rating)}<span aria-hidden="true">${localRating(this.shopLocale, rating)} (${formatNumber(this.shopLocale, count)})</span
              ><span class="visually-hidden">${ratingSentence(this.shopLocale, rating, count)}</span>`
          : nothing
      }
      <button
        type="button"
        class="link"
        aria-expanded=${this.showReviews ? 'true' : 'false'}
        aria-controls=${this.showReviews ? 'reviews' : nothing}
        @click=${() => {
          this.showReviews = !this.showReviews;
          if (this.showReviews) void whenUsed('tote-reviews');
        }}
      >
        ${this.t(count > 0 ? 'reviews.toggle' : 'reviews.first')}
      </button>
    </div>`;
  }

  #description: { product: Product; nodes: DocumentFragment | null } | undefined;

  /**
   * The merchant's description, sanitised once per product into nodes of this element's own (one
   * node can stand in one place only). Lit renders the same fragment object once and leaves it be
   * on later renders; `null` when the product has none.
   */
  #descriptionOf(product: Product): DocumentFragment | null {
    if (this.#description?.product !== product) {
      const nodes = sanitizeFragment(product.description);
      this.#description = { product, nodes: nodes.hasChildNodes() ? nodes : null };
    }
    return this.#description.nodes;
  }

  #stockText(product: Product, variant: Variant | undefined, cap: number | null): string {
    if (!variant) return this.t(product.variants.length ? 'product.choice-sold-out' : 'product.unavailable');
    if (!isSellable(variant, product))
      return this.t(
        product.variants.some((other) => isSellable(other, product)) ? 'product.choice-sold-out' : 'stock.sold-out',
      );
    // A gift card counts no stock: never "only N left", never back-order.
    const count = stockCount(variant, product);
    if (variant.inventoryPolicy === 'continue' && count !== null && count <= 0) return this.t('stock.backorder');
    if (cap === 0) return this.t('product.all-in-cart');
    if (count !== null && count <= LOW_STOCK) return this.t('stock.left', { count });
    return this.t('stock.in');
  }

  #addLabel(sellable: boolean, hasVariants: boolean): string {
    if (!sellable) return this.t(hasVariants ? 'stock.sold-out' : 'product.unavailable');
    if (this.#adding.state === 'adding') return this.t('product.adding');
    if (this.#adding.state === 'added') return this.t('product.added');
    return this.t('product.add');
  }

  #choose(product: Product, optionIndex: number, valueId: string, currency: string): void {
    const before = this.selection;
    const picked = product.options[optionIndex];
    if (picked) this.#wanted = { ...this.#wanted, [picked.id]: valueId };
    this.selection = choose(product, before, optionIndex, valueId, this.#wanted);
    this.choiceNote = this.#whatChanged(product, before, optionIndex, currency);
    this.pickedImage = undefined;
    this.#adding.reset();
  }

  /**
   * Tells the shopper what picking one value did to the others and to the price: nothing changes
   * out of sight, arrow key by arrow key. Empty when only the picked option moved at the same price.
   */
  #whatChanged(product: Product, before: Selection, optionIndex: number, currency: string): string {
    const said: string[] = [];
    product.options.forEach((option, index) => {
      const now = option.values.find((value) => value.id === this.selection[option.id]);
      const was = option.values.find((value) => value.id === before[option.id]);
      if (index !== optionIndex && now && was && now !== was)
        said.push(this.t('product.option-changed', { option: option.name, value: now.value, was: was.value }));
    });
    const price = variantFor(product, this.selection)?.price;
    if (price !== undefined && price !== variantFor(product, before)?.price)
      said.push(this.t('product.price-now', { price: formatMoney(price, currency, this.shopLocale) }));
    return said.join(' ');
  }

  #onQuantityInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const value = Math.floor(Number(input.value));
    this.quantity = Number.isFinite(value) && value >= 1 ? value : 1;
    input.value = String(this.quantity); // the render clamps it further to what can be bought
    this.requestUpdate();
  };

  async #add(product: Product, variant: Variant, quantity: number): Promise<void> {
    const shop = this.shop;
    if (!shop) return;
    await this.#adding.add(shop, product, variant, quantity);
    this.quantity = 1;
  }

  #syncJsonLd(): void {
    const data = this.#data.value;
    if (this.noStructuredData || !data) {
      this.#jsonLd?.remove();
      this.#jsonLd = undefined;
      return;
    }
    // In the light DOM, where crawlers read structured data; a data block, so script-src does not
    // apply (Trusted Types do: setJsonText).
    if (!this.#jsonLd) {
      this.#jsonLd = document.createElement('script');
      this.#jsonLd.type = 'application/ld+json';
      this.#jsonLd.dataset.tote = 'product';
    }
    const text = productJsonLd(data.product, data.currency, location.href);
    try {
      if (this.#jsonLd.textContent !== text) setJsonText(this.#jsonLd, text);
    } catch {
      return; // Trusted Types required and Tote's policy refused (trusted-types.ts): no structured data
    }
    if (this.#jsonLd.parentNode !== this) this.append(this.#jsonLd);
  }
}
