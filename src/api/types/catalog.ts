// The catalogue: products with their images, options and variants, the product query, categories.
import type { ListMeta } from './common.js';

export interface ProductListMeta extends ListMeta {
  currency: string;
  /** Bounds over the whole matching set (not just the page); null when nothing matched. */
  priceMin: number | null;
  priceMax: number | null;
}

export type Rendition = 'thumb' | 'card' | 'card2x' | 'gallery' | 'gallery2x';
export interface ProductImage {
  id: string;
  /** Normalized: the wire's `url`, else the largest rendition present, else null (draw a placeholder). */
  url: string | null;
  /** Only the renditions the server sent. */
  urls: Partial<Record<Rendition, string>>;
  /** Normalized: '' when missing. */
  alt: string;
  width: number | null;
  height: number | null;
  variantId: string | null;
}
export interface ProductOption {
  id: string;
  name: string;
  values: { id: string; value: string; color: string | null }[];
}
export interface OptionValueRef {
  optionId: string;
  optionName: string;
  valueId: string;
  value: string;
}
export interface Variant {
  id: string;
  name?: string;
  /** Normalized: null when missing. */
  sku: string | null;
  price: number;
  /** Normalized: null when missing. On sale when greater than `price`. */
  compareAtPrice: number | null;
  /** Normalized: false when missing (the default variant is the `isDefault` one, else the first). */
  isDefault: boolean;
  /** Normalized: bare value ids on the wire (strings, or `optionValueIds`) are resolved against the product's options. */
  optionValues: OptionValueRef[];
  /** The media item that shows this variant. */
  mediaId: string | null;
  /** Normalized: null when missing — unlimited (this read did not resolve stock), never 0. */
  sellableQuantity: number | null;
  /** Normalized: `deny` when missing. `continue` never gates. */
  inventoryPolicy: 'deny' | 'continue';
}
export interface Product {
  id: string;
  name: string;
  slug: string;
  /** Normalized: `physical` when missing. A gift card is never stock-gated. */
  kind: 'physical' | 'gift_card';
  /** Plain text; normalized: '' when missing. */
  summary: string;
  /** Merchant HTML: untrusted, sanitize before rendering. Normalized: '' when missing. */
  description: string;
  fullDescription?: string;
  /** Normalized: [] when missing. */
  images: ProductImage[];
  /** Normalized: [] when missing. */
  options: ProductOption[];
  /** Normalized: [] when missing (a product whose variants did not load counts as in stock). */
  variants: Variant[];
  /** Normalized: [] when missing. */
  categories: { id: string; slug: string; name: string }[];
  brand?: string;
  reviewCount?: number;
  averageRating?: number;
}

export type ProductSort = 'featured' | 'name' | 'price' | 'newest' | '-featured' | '-name' | '-price' | '-newest';
export interface ProductQuery {
  page?: number;
  perPage?: number;
  q?: string;
  /** Ids or slugs. */
  category?: string | string[];
  /** Ids or slugs. */
  ids?: string | string[];
  sort?: ProductSort;
  priceMin?: number;
  priceMax?: number;
  /** Only ever sent as `true`. */
  inStock?: boolean;
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  /** Normalized: null when missing. */
  description: string | null;
  /** Normalized: null when missing. */
  parentId: string | null;
  /** Normalized: 0 when missing. */
  productsCount: number;
  /** Normalized: null when missing or not http(s). */
  imageUrl: string | null;
  level?: number;
  sortOrder?: number;
  children?: Category[];
  parent?: { id: string; name: string; slug: string; level?: number };
}
