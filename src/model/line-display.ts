// How a cart line is described before the server has it: one function for the headless store
// (which draws a line from what the catalogue knows) and the views (which draw it from the product
// the shopper is looking at), so both show the same name, variant and picture. No DOM, no Lit.
import type { Product, ProductImage, Variant } from '../api/index.js';
import { thumbOf } from './variants.js';

/** What the shopper wants a line to show before the server has it. */
export interface LineDisplay {
  productId: string | null;
  name: string;
  variantName: string | null;
  sku: string | null;
  unitPrice: number;
  imageUrl: string | null;
}

/** A line nothing is known of yet (a variant id from another tab or an old cart): the server's answer fills it in. */
export const unknownLine = (): LineDisplay => ({
  productId: null,
  name: '',
  variantName: null,
  sku: null,
  unitPrice: 0,
  imageUrl: null,
});

/**
 * The image for a variant: the media item tied to it (`variantId`), else the one its `mediaId`
 * names, else the one whose variant shares most option values with it (a colour's photo for every
 * size of that colour), else the first.
 */
export function imageFor(product: Product, variant: Variant | undefined): ProductImage | undefined {
  if (!variant) return product.images[0];
  let best = variant.mediaId ? product.images.find((image) => image.id === variant.mediaId) : undefined;
  let bestScore = best ? Infinity : 0;
  for (const image of product.images) {
    if (!image.variantId) continue;
    if (image.variantId === variant.id) return image;
    const other = product.variants.find((candidate) => candidate.id === image.variantId);
    const score = other
      ? other.optionValues.filter((ov) => variant.optionValues.some((mine) => mine.valueId === ov.valueId)).length
      : 0;
    if (score > bestScore) [best, bestScore] = [image, score];
  }
  return best ?? product.images[0];
}

/** "Black / M" — the variant's name for a cart line (its options, else its own name); `null` for none. */
export function variantName(variant: Variant): string | null {
  return variant.optionValues.map((ov) => ov.value).join(' / ') || variant.name || null;
}

/** A cart line as the shopper should see it before the server confirms it. */
export function lineDisplay(product: Product, variant: Variant): LineDisplay {
  return {
    productId: product.id,
    name: product.name,
    variantName: variantName(variant),
    sku: variant.sku ?? null,
    unitPrice: variant.price,
    imageUrl: thumbOf(imageFor(product, variant)),
  };
}
