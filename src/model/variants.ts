// The little the grid needs to know about a product (its price range, whether it is sold out, its
// image sizes), kept apart from product-model.ts so the grid's first download stays small.
import type { Product, ProductImage, Rendition, Variant } from '../api/index.js';

/** What gates a variant: a gift card is never stock-gated (the platform mints value per unit). */
type Kind = Pick<Product, 'kind'> | undefined;

/** Whether the shop sells a variant without counting: gift card, back-order, or stock not resolved. */
const unlimited = (variant: Variant, product: Kind): boolean =>
  product?.kind === 'gift_card' || variant.inventoryPolicy === 'continue' || variant.sellableQuantity == null;

/** A variant can be bought now: a gift card, unlimited, in stock, or sold on back-order. */
export function isSellable(variant: Variant, product?: Kind): boolean {
  return unlimited(variant, product) || variant.sellableQuantity! > 0;
}

/** How many more of a variant the shopper may add, given what is already in the cart; `null` = no cap. */
export function addableQuantity(variant: Variant, inCart: number, product?: Kind): number | null {
  return unlimited(variant, product) ? null : Math.max(0, variant.sellableQuantity! - inCart);
}

/** The stock figure to show and gate on; `null` when nothing is counted (gift card, unlimited). */
export function stockCount(variant: Variant, product?: Kind): number | null {
  return product?.kind === 'gift_card' ? null : (variant.sellableQuantity ?? null);
}

/** Whether a grid's quick add adds a product at once: one variant (or none listed) and no options. */
export const addsAtOnce = (product: Product): boolean => product.variants.length <= 1 && product.options.length === 0;

/** At most this many left, and the shop says "Only N left" (on the product, and on its card). */
export const LOW_STOCK = 5;

export interface PriceSummary {
  /** The lowest price among sellable variants (all variants when none is sellable). */
  min: number;
  max: number;
  /** The compare-at price of the cheapest variant when it is on sale (shown struck through). */
  compareAt: number | null;
  /** A product whose variants did not load counts as in stock. */
  soldOut: boolean;
  /** False when no variant (so no price) is known. */
  priced: boolean;
  /** How many can still be bought in all, when every sellable variant counts its stock; else `null`. */
  left: number | null;
}

export function priceSummary(product: Product): PriceSummary {
  const sellable = product.variants.filter((variant) => isSellable(variant, product));
  const pool = sellable.length ? sellable : product.variants;
  let cheapest: Variant | undefined;
  let max = 0;
  for (const variant of pool) {
    if (!cheapest || variant.price < cheapest.price) cheapest = variant;
    max = Math.max(max, variant.price);
  }
  const min = cheapest?.price ?? 0;
  const compareAt = cheapest?.compareAtPrice != null && cheapest.compareAtPrice > min ? cheapest.compareAtPrice : null;
  const counted = sellable.length > 0 && sellable.every((variant) => !unlimited(variant, product));
  const left = counted ? sellable.reduce((sum, variant) => sum + variant.sellableQuantity!, 0) : null;
  return { min, max, compareAt, soldOut: pool.length > 0 && sellable.length === 0, priced: !!cheapest, left };
}

// The renditions for each use, smallest first, with their intrinsic widths for `srcset`.
const RENDITIONS: Record<'card' | 'gallery', [Rendition, number][]> = {
  card: [
    ['thumb', 160],
    ['card', 400],
    ['card2x', 800],
  ],
  gallery: [
    ['thumb', 160],
    ['gallery', 800],
    ['gallery2x', 1600],
  ],
};

/**
 * `src` and `srcset` for a card or gallery image: only the renditions the server sent are listed,
 * `src` is the use's own rendition, else the original, else any rendition; `undefined` when the
 * image has no address at all (draw a placeholder).
 */
export function srcset(image: ProductImage, kind: 'card' | 'gallery'): { src: string; srcset?: string } | undefined {
  const urls = image.urls ?? {};
  const present = RENDITIONS[kind].filter(([name]) => urls[name]);
  const src = urls[kind] ?? image.url ?? (present[0] && urls[present[0][0]]) ?? Object.values(urls)[0];
  if (!src) return undefined;
  return present.length > 1
    ? { src, srcset: present.map(([name, width]) => `${urls[name]} ${width}w`).join(', ') }
    : { src };
}

/** The small picture of an image (cart lines, gallery thumbnails): `thumb`, else the original, else any. */
export function thumbOf(image: ProductImage | undefined): string | null {
  return image ? (image.urls?.thumb ?? image.url ?? Object.values(image.urls ?? {})[0] ?? null) : null;
}
