// What the catalogue elements need to know about a product, computed from its variants alone
// (the API has no product-level price or stock). Pure functions: no DOM, no Lit, tested directly.
import type { Product, Variant } from '../api/index.js';
import { fractionDigits } from './money.js';
import { variantName } from './line-display.js';
import { isSellable } from './variants.js';

export {
  addableQuantity,
  isSellable,
  priceSummary,
  srcset,
  stockCount,
  thumbOf,
  type PriceSummary,
} from './variants.js';
export { imageFor, lineDisplay, variantName } from './line-display.js';

/** Option id → value id. */
export type Selection = Record<string, string>;

export function selectionOf(variant: Variant | undefined): Selection {
  const selection: Selection = {};
  for (const ov of variant?.optionValues ?? []) selection[ov.optionId] = ov.valueId;
  return selection;
}

const matches = (variant: Variant, selection: Selection): boolean =>
  Object.entries(selection).every(([optionId, valueId]) =>
    variant.optionValues.some((ov) => ov.optionId === optionId && ov.valueId === valueId),
  );

/** The variant a full selection names (a product without options has exactly one). */
export function variantFor(product: Product, selection: Selection): Variant | undefined {
  if (product.options.length === 0) return product.variants[0];
  if (product.options.some((option) => !selection[option.id])) return undefined;
  return product.variants.find((variant) => matches(variant, selection));
}

/** The variant shown first: the one asked for, else the default if sellable, else the first sellable. */
export function initialVariant(product: Product, variantId?: string | null): Variant | undefined {
  const asked = variantId ? product.variants.find((variant) => variant.id === variantId) : undefined;
  if (asked) return asked;
  const fallback = product.variants.find((variant) => variant.isDefault) ?? product.variants[0];
  const sellable = (variant: Variant) => isSellable(variant, product);
  return fallback && sellable(fallback) ? fallback : (product.variants.find(sellable) ?? fallback);
}

/** Why an option value cannot be chosen now: it is sold out, or that combination is not made. */
export type Unavailable = 'sold-out' | 'no-combination' | null;

/**
 * Options are read in order, like a shopper reads them: a value is available when some sellable
 * variant has it together with the values already chosen in the options *before* it. So the first
 * option never depends on the last, and choosing an earlier value never strands a later one
 * without a way forward (`choose` moves later values to available ones).
 */
export function availability(
  product: Product,
  selection: Selection,
  optionIndex: number,
  valueId: string,
): Unavailable {
  const earlier: Selection = {};
  for (const option of product.options.slice(0, optionIndex)) {
    const chosen = selection[option.id];
    if (chosen) earlier[option.id] = chosen;
  }
  const option = product.options[optionIndex];
  if (!option) return 'no-combination';
  const candidates = product.variants.filter((variant) => matches(variant, { ...earlier, [option.id]: valueId }));
  if (candidates.length === 0) return 'no-combination';
  return candidates.some((variant) => isSellable(variant, product)) ? null : 'sold-out';
}

/**
 * The selection after the shopper picks `valueId` for option `optionIndex`. Each later option takes
 * the value the shopper last picked for it (`wanted`) when that is available with the choices
 * before it, else keeps its current one while that stays available, else moves to the first
 * available value (or keeps its own when nothing is available, so the view can say "sold out"
 * rather than guess). So arrowing through sizes comes back to the shopper's colour wherever it is
 * made, instead of drifting away from it.
 */
export function choose(
  product: Product,
  selection: Selection,
  optionIndex: number,
  valueId: string,
  wanted: Selection = {},
): Selection {
  const option = product.options[optionIndex];
  if (!option) return selection;
  const next: Selection = { ...selection, [option.id]: valueId };
  product.options.forEach((later, index) => {
    if (index <= optionIndex) return;
    const open = (id: string | undefined) => id !== undefined && availability(product, next, index, id) === null;
    const value = [wanted[later.id], next[later.id]].find(open) ?? later.values.find((v) => open(v.id))?.id;
    if (value) next[later.id] = value;
  });
  return next;
}

/**
 * schema.org `Product` with one `Offer` per variant, for search engines. Returned as text for a
 * `<script type="application/ld+json">`: `<` is escaped so merchant text can never close the tag.
 */
export function productJsonLd(product: Product, currency: string, url: string): string {
  const availabilityOf = (variant: Variant) =>
    product.kind !== 'gift_card' && variant.sellableQuantity != null && variant.sellableQuantity <= 0
      ? variant.inventoryPolicy === 'continue'
        ? 'https://schema.org/BackOrder'
        : 'https://schema.org/OutOfStock'
      : 'https://schema.org/InStock';
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.summary || undefined,
    sku: product.variants.length === 1 ? (product.variants[0]?.sku ?? undefined) : undefined,
    image: product.images.map((image) => image.url).filter(Boolean),
    url,
    offers: product.variants.map((variant) => ({
      '@type': 'Offer',
      sku: variant.sku ?? undefined,
      name: variantName(variant) ?? undefined,
      price: (variant.price / 10 ** fractionDigits(currency)).toFixed(fractionDigits(currency)),
      priceCurrency: currency,
      availability: availabilityOf(variant),
      url,
    })),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
