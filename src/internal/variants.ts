// The little the grid needs to know about a product (its price range, whether it is sold out, its
// image sizes), kept apart from product-model.ts so the grid's first download stays small.
import type { Product, ProductImage, Variant } from '../api/index.js';

/** A variant can be bought now: unlimited, in stock, or sold on back-order. */
export function isSellable(variant: Variant): boolean {
  return variant.inventoryPolicy === 'continue' || variant.sellableQuantity === null || variant.sellableQuantity > 0;
}

/** How many more of a variant the shopper may add, given what is already in the cart; `null` = no cap. */
export function addableQuantity(variant: Variant, inCart: number): number | null {
  if (variant.inventoryPolicy === 'continue' || variant.sellableQuantity === null) return null;
  return Math.max(0, variant.sellableQuantity - inCart);
}

export interface PriceSummary {
  /** The lowest price among sellable variants (all variants when none is sellable). */
  min: number;
  max: number;
  /** The compare-at price of the cheapest variant when it is on sale (shown struck through). */
  compareAt: number | null;
  soldOut: boolean;
}

export function priceSummary(product: Product): PriceSummary {
  const sellable = product.variants.filter(isSellable);
  const pool = sellable.length ? sellable : product.variants;
  let cheapest: Variant | undefined;
  let max = 0;
  for (const variant of pool) {
    if (!cheapest || variant.price < cheapest.price) cheapest = variant;
    max = Math.max(max, variant.price);
  }
  const min = cheapest?.price ?? 0;
  const compareAt = cheapest?.compareAtPrice != null && cheapest.compareAtPrice > min ? cheapest.compareAtPrice : null;
  return { min, max, compareAt, soldOut: sellable.length === 0 };
}

/** `srcset` for a card or gallery image, from the API's renditions (the original alone otherwise). */
export function srcset(image: ProductImage, kind: 'card' | 'gallery'): { src: string; srcset?: string } {
  const urls = image.urls;
  if (!urls) return { src: image.url };
  const [one, two] = kind === 'card' ? [urls.card, urls.card2x] : [urls.gallery, urls.gallery2x];
  const [w1, w2] = kind === 'card' ? [400, 800] : [800, 1600];
  return { src: one, srcset: `${urls.thumb} 160w, ${one} ${w1}w, ${two} ${w2}w` };
}

