import { html, nothing } from 'lit';
import type { Product } from '../../api/index.js';
import { msg } from '../../i18n/messages.js';
import { priceView } from '../base/price-view.js';
import { ratingText } from '../base/stars.js';
import { LOW_STOCK, priceSummary, srcset, type PriceSummary } from '../../model/variants.js';

/** The card's one badge, the most useful first: sold out, only a few left, on sale. */
function badgeOf(locale: string, price: PriceSummary) {
  const [kind, text] = price.soldOut
    ? ['sold-out', msg(locale, 'stock.sold-out')]
    : price.left !== null && price.left <= LOW_STOCK
      ? ['low', msg(locale, 'stock.left', { count: price.left })]
      : price.compareAt !== null
        ? ['sale', msg(locale, 'badge.sale')]
        : [];
  return kind ? html`<span part="badge" class="badge" data-kind=${kind}>${text}</span>` : nothing;
}

/** A card's quick add button (grid-extras.ts), drawn under the card when the grid has `quick-add`. */
export type QuickAddView = (product: Product, index: number, soldOut: boolean) => unknown;

/**
 * One card of the grid: a button (the whole card opens the product) with the image in a box of
 * fixed aspect ratio (nothing shifts when it loads), the name (two lines kept, whether it takes one
 * or two), the price and, when the list carries reviews, the rating on one line, and a badge: sold
 * out, "Only N left" or "Sale".
 * The image is decorative here — the card's name says what it is — so its `alt` is empty and the
 * button's accessible name is "name, price, sold out".
 */
export function productCard(product: Product, index: number, locale: string, currency: string, quick?: QuickAddView) {
  const price = priceSummary(product);
  const image = product.images[0];
  // No address (or no image): the placeholder; no size: the box's own aspect ratio holds the space.
  const source = image && srcset(image, 'card');
  return html`<li part="item">
    <button
      type="button"
      part="card"
      class="card"
      data-index=${index}
      data-product=${product.id}
    >
      <span part="media" class="media">
        ${
          source
            ? html`<img
              part="image"
              src=${source.src}
              srcset=${source.srcset ?? nothing}
              sizes="(min-width: 60rem) 20rem, 50vw"
              width=${image.width ?? nothing}
              height=${image.height ?? nothing}
              loading="lazy"
              decoding="async"
              alt=""
            />`
            : html`<span class="no-image" aria-hidden="true"></span>`
        }
        ${badgeOf(locale, price)}
      </span>
      <span part="name" class="name"><bdi>${product.name}</bdi></span>
      <span class="meta"
        >${price.priced ? priceView(locale, currency, price.min, price.compareAt, price.max > price.min) : nothing}${
          product.reviewCount ? ratingText(locale, product.averageRating ?? 0, product.reviewCount) : nothing
        }</span
      >
    </button>
    ${quick ? quick(product, index, price.soldOut) : nothing}
  </li>`;
}

/**
 * A grey placeholder card, shown while the page loads: the same boxes as a real card (the name's
 * two lines, the price's line, the quick add's button), so nothing moves when the real ones arrive.
 */
export const skeletonCard = (quick: boolean) => html`<li part="item" aria-hidden="true">
  <span class="card">
    <span class="media skeleton"></span>
    <span class="name"><span class="skeleton line"></span></span>
    <span class="meta"><span class="skeleton line short"></span></span>
  </span>
  ${quick ? html`<span class="quick skeleton"></span>` : nothing}
</li>`;
