// Turns a compact, hand-written store description into full catalogue records: ids, the cartesian
// product of options as variants, SKUs, per-variant prices and stock, and image art. Keeping the
// data files declarative makes the catalogue easy to read and to extend.
import { mulberry32 } from '../rng.js';
import { fold, slugify } from '../text.js';
import type {
  ArtShape,
  CategoryRec,
  CustomerSpec,
  GiftCardSpec,
  ImageArt,
  ImageForm,
  ImageRec,
  InventoryPolicy,
  OptionValueRef,
  ProductKind,
  ProductRec,
  ReviewSpec,
  StoreConfig,
  StoreSeed,
  VariantRec,
} from '../types.js';

export interface CategorySpec {
  slug: string;
  name: string;
  description?: string;
  parent?: string;
  art: ArtShape;
  hue: number;
}

export interface OptionSpec {
  name: string;
  /** A plain label, or [label, swatch hex] for colour options. */
  values: Array<string | [string, string]>;
}

export interface ProductSpec {
  name: string;
  slug?: string;
  /** `gift_card`: never stock-gated, never shipped, never taxed (it is tender, not a sale). */
  kind?: ProductKind;
  skuBase: string;
  summary: string;
  description: string;
  categories: string[];
  price: number;
  /** Regular price shown struck through; applies to variants matching `saleOn` (all if omitted). */
  compareAt?: number;
  saleOn?: string[];
  /** Extra cost for variants having a given option value (e.g. XL +200). */
  surcharge?: Record<string, number>;
  options?: OptionSpec[];
  /** Units per variant; null = unlimited; 'varied' = deterministic 0–24 with some sold out. */
  stock: number | null | 'varied';
  /** Variants with any of these option values are sold out. */
  soldOut?: string[];
  policy?: InventoryPolicy;
  shipping?: boolean;
  featured?: boolean;
  art: ArtShape;
  hue: number;
  color?: string;
  aspect?: 'square' | 'landscape' | 'portrait';
  /** Number of images for a product without colour swatches (default 2; 0 = none). */
  images?: number;
  /** Which URL fields its images are served with (default both `url` and `urls`). */
  imageForm?: ImageForm;
  /** Extra merchant HTML for `fullDescription` (appended to `description`). */
  details?: string;
}

/** What a store seeds besides its catalogue. */
export interface SeedExtras {
  giftCards: GiftCardSpec[];
  customers: CustomerSpec[];
  reviews: ReviewSpec[];
}

const DAY = 86_400_000;
const ASPECTS = { square: [1600, 1600], landscape: [1600, 1200], portrait: [1200, 1600] } as const;

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

const abbrev = (value: string): string =>
  fold(value)
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 3)
    .toUpperCase();
const pad = (n: number): string => String(n).padStart(2, '0');

export function buildStore(
  prefix: string,
  config: StoreConfig,
  categorySpecs: CategorySpec[],
  productSpecs: ProductSpec[],
  epoch: number,
  extras: SeedExtras,
): StoreSeed {
  const art = new Map<string, ImageArt & { width: number; height: number }>();
  const categoryIdBySlug = new Map<string, string>();
  categorySpecs.forEach((spec, i) => categoryIdBySlug.set(spec.slug, `cat_${prefix}${pad(i + 1)}`));

  const categories: CategoryRec[] = categorySpecs.map((spec, i) => {
    const id = `cat_${prefix}${pad(i + 1)}`;
    const imageId = `img_${prefix}c${pad(i + 1)}`;
    art.set(imageId, {
      shape: spec.art,
      label: spec.name,
      caption: '',
      color: `hsl(${spec.hue} 55% 45%)`,
      hue: spec.hue,
      width: 1600,
      height: 1200,
    });
    const parentId = spec.parent ? categoryIdBySlug.get(spec.parent) : null;
    if (parentId === undefined) throw new Error(`seed: unknown parent category ${spec.parent}`);
    return {
      id,
      slug: spec.slug,
      name: spec.name,
      description: spec.description ?? null,
      parentId,
      imageId,
      sortOrder: i + 1,
      createdAt: epoch - (categorySpecs.length - i) * DAY,
    };
  });

  const featuredCount = productSpecs.filter((p) => p.featured).length;
  const products = productSpecs.map((spec, i): ProductRec => {
    const n = pad(i + 1);
    const id = `prod_${prefix}${n}`;
    const rng = mulberry32(7919 * (i + 1) + prefix.charCodeAt(0));
    const options = (spec.options ?? []).map((option, k) => ({
      id: `opt_${prefix}${n}_${k + 1}`,
      name: option.name,
      values: option.values.map((raw, j) => {
        const [value, color] = typeof raw === 'string' ? [raw, null] : raw;
        return { id: `val_${prefix}${n}_${k + 1}_${j + 1}`, value, color };
      }),
    }));

    const combos = cartesian(options.map((o) => o.values.map((v) => ({ option: o, value: v }))));
    const variants = combos.map((combo, j): VariantRec => {
      const optionValues: OptionValueRef[] = combo.map(({ option, value }) => ({
        optionId: option.id,
        optionName: option.name,
        valueId: value.id,
        value: value.value,
      }));
      const labels = combo.map((c) => c.value.value);
      const surcharge = labels.reduce((sum, label) => sum + (spec.surcharge?.[label] ?? 0), 0);
      const onSale = spec.compareAt !== undefined && (!spec.saleOn || labels.some((l) => spec.saleOn?.includes(l)));
      let stock: number | null;
      if (spec.stock === 'varied') {
        const units = Math.floor(rng() * 25);
        stock = rng() < 0.15 ? 0 : units;
      } else {
        stock = spec.stock;
      }
      if (spec.soldOut && labels.some((l) => spec.soldOut?.includes(l))) stock = 0;
      return {
        id: `var_${prefix}${n}_${pad(j + 1)}`,
        sku: [spec.skuBase, ...labels.map(abbrev)].join('-'),
        price: spec.price + surcharge,
        compareAtPrice: onSale && spec.compareAt !== undefined ? spec.compareAt + surcharge : null,
        isDefault: j === 0,
        optionValues,
        // A gift card's value is minted per unit, so it has no stock to count.
        stock: spec.kind === 'gift_card' ? null : stock,
        committed: 0,
        inventoryPolicy: spec.policy ?? 'deny',
        available: true,
        requiresShipping: spec.kind === 'gift_card' ? false : (spec.shipping ?? true),
        imageId: null,
      };
    });

    // Images: one per colour swatch (tied to the first variant of that colour), else plain views.
    const [width, height] = ASPECTS[spec.aspect ?? 'square'];
    const images: ImageRec[] = [];
    const colourOption = options.find((o) => o.values.some((v) => v.color));
    if (colourOption && spec.images !== 0) {
      colourOption.values.forEach((value, k) => {
        const first = variants.find((v) => v.optionValues.some((ov) => ov.valueId === value.id));
        const imageId = `img_${prefix}${n}_${k + 1}`;
        images.push({
          id: imageId,
          alt: `${spec.name} in ${value.value}`,
          width,
          height,
          variantId: first?.id ?? null,
          form: spec.imageForm ?? 'both',
        });
        art.set(imageId, {
          shape: spec.art,
          label: spec.name,
          caption: value.value,
          color: value.color ?? '#888',
          hue: spec.hue,
          width,
          height,
        });
        for (const variant of variants) {
          if (variant.optionValues.some((ov) => ov.valueId === value.id)) variant.imageId = imageId;
        }
      });
    } else {
      const count = spec.images ?? 2;
      for (let k = 0; k < count; k++) {
        const imageId = `img_${prefix}${n}_${k + 1}`;
        images.push({
          id: imageId,
          alt: count > 1 ? `${spec.name}, view ${k + 1}` : spec.name,
          width,
          height,
          variantId: null,
          form: spec.imageForm ?? 'both',
        });
        art.set(imageId, {
          shape: spec.art,
          label: spec.name,
          caption: count > 1 ? `${k + 1}/${count}` : '',
          color: spec.color ?? `hsl(${spec.hue} 60% ${40 + k * 12}%)`,
          hue: spec.hue,
          width,
          height,
        });
      }
      for (const variant of variants) variant.imageId = images[0]?.id ?? null;
    }

    const categoryIds = spec.categories.map((slug) => {
      const cid = categoryIdBySlug.get(slug);
      if (!cid) throw new Error(`seed: ${spec.name} names unknown category ${slug}`);
      return cid;
    });
    const featuredIndex = productSpecs.filter((p, k) => p.featured && k < i).length;
    const kind = spec.kind ?? 'physical';
    return {
      id,
      name: spec.name,
      slug: spec.slug ?? slugify(spec.name),
      kind,
      summary: spec.summary,
      description: spec.description,
      fullDescription: spec.details ? `${spec.description}${spec.details}` : spec.description,
      brand: config.name,
      productType:
        kind === 'gift_card'
          ? 'Gift card'
          : (categorySpecs.find((c) => c.slug === spec.categories[0])?.name ?? 'General'),
      images,
      options,
      variants,
      categoryIds,
      featuredRank: spec.featured ? featuredIndex : featuredCount + i,
      // Spread creation dates so "newest" differs from catalogue order.
      createdAt: epoch - ((i * 7) % productSpecs.length) * DAY,
      available: true,
    };
  });

  // A copy per build: control edits the checkout settings at run time, and a reset must undo them.
  const own: StoreConfig = { ...config, checkout: config.checkout ? { ...config.checkout } : null };
  return { config: own, categories, products, art, epoch, ...extras };
}
