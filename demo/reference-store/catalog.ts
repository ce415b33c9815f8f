// One store's catalogue: lookups, the GET /products query language, and the wire shapes of
// Product and Category. Stock lives on the variant records and is changed only by orders.ts
// (reservations) and control.ts (merchant edits). A `minimal` store serves only the fields the
// contract requires, as the live wire may.
import { serializeImage, imageUrl } from './images.js';
import { fold, stripTags } from './text.js';
import type { CategoryRec, ProductRec, StoreConfig, StoreSeed, VariantRec } from './types.js';

/** Where product cards get their stars from (reviews.ts). */
export interface RatingSource {
  stats(productId: string): { reviewCount: number; averageRating: number };
}
import type { Issues } from './validate.js';
import { throwIfIssues } from './validate.js';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

export function sellableQuantity(variant: VariantRec): number | null {
  return variant.stock === null ? null : Math.max(0, variant.stock);
}

/** Whether a shopper could add one more of this variant right now. Gift cards are never gated. */
export function isSellable(variant: VariantRec, product?: ProductRec): boolean {
  if (!variant.available) return false;
  return (
    product?.kind === 'gift_card' ||
    variant.stock === null ||
    variant.stock > 0 ||
    variant.inventoryPolicy === 'continue'
  );
}

/** "S / Navy", or null for a variant without options. */
export function variantLabel(variant: VariantRec): string | null {
  return variant.optionValues.map((v) => v.value).join(' / ') || null;
}

export interface ProductQuery {
  page: number;
  perPage: number;
  q: string | null;
  categoryIds: Set<string> | null;
  ids: string[] | null;
  sort: { key: 'featured' | 'name' | 'price' | 'newest'; descending: boolean };
  priceMin: number | null;
  priceMax: number | null;
  inStock: boolean;
}

export class Catalogue {
  readonly config: StoreConfig;
  readonly products: ProductRec[];
  readonly categories: CategoryRec[];
  private readonly searchText = new Map<string, string>();
  private readonly variantIndex = new Map<string, { product: ProductRec; variant: VariantRec }>();
  // Building a collator costs more than sorting 48 names, so build it once.
  private readonly collator: Intl.Collator;
  // Serialised images never change for a product and origin; rebuilding their 6 URLs each is the
  // largest cost of GET /products. Bounded, because the origin comes from the Host header.
  private readonly imageCache = new Map<string, Record<string, unknown>[]>();

  constructor(
    seed: StoreSeed,
    private readonly ratings: RatingSource,
  ) {
    this.config = seed.config;
    this.products = seed.products;
    this.categories = [...seed.categories].sort((a, b) => a.sortOrder - b.sortOrder);
    this.collator = new Intl.Collator(this.config.locale);
    for (const product of this.products) {
      for (const variant of product.variants) this.variantIndex.set(variant.id, { product, variant });
      const categoryNames = product.categoryIds.map((id) => this.categories.find((c) => c.id === id)?.name ?? '');
      const values = product.options.flatMap((o) => o.values.map((v) => v.value));
      this.searchText.set(
        product.id,
        fold(
          [
            product.name,
            product.summary,
            stripTags(product.description),
            ...categoryNames,
            ...values,
            ...product.variants.map((v) => v.sku),
          ].join(' '),
        ),
      );
    }
  }

  /** Published products only: a withdrawn product is gone from the shop. */
  findProduct(idOrSlug: string): ProductRec | undefined {
    const product = this.products.find((p) => p.id === idOrSlug || p.slug === idOrSlug);
    return product && this.isListed(product) ? product : undefined;
  }

  /** Any variant, even a withdrawn one: carts still hold lines that point at it. */
  findVariant(variantId: string): { product: ProductRec; variant: VariantRec } | undefined {
    return this.variantIndex.get(variantId);
  }

  findCategory(idOrSlug: string): CategoryRec | undefined {
    return this.categories.find((c) => c.id === idOrSlug || c.slug === idOrSlug);
  }

  isListed(product: ProductRec): boolean {
    return product.available && product.variants.some((v) => v.available);
  }

  /** A category and everything below it: filtering by "Apparel" includes T-shirts. */
  private withDescendants(categoryId: string): string[] {
    const children = this.categories.filter((c) => c.parentId === categoryId);
    return [categoryId, ...children.flatMap((c) => this.withDescendants(c.id))];
  }

  productsIn(categoryId: string): ProductRec[] {
    const ids = new Set(this.withDescendants(categoryId));
    return this.products.filter((p) => this.isListed(p) && p.categoryIds.some((id) => ids.has(id)));
  }

  parseQuery(params: URLSearchParams): ProductQuery {
    const issues: Issues = [];
    const page = queryInt(params, 'page', issues, 1, 100_000) ?? 1;
    const perPage = queryInt(params, 'perPage', issues, 1, MAX_PER_PAGE) ?? DEFAULT_PER_PAGE;
    const q = params.get('q');
    if (q !== null && q.length > 200) issues.push({ field: 'q', message: 'Must be at most 200 characters.' });

    let categoryIds: Set<string> | null = null;
    const category = params.get('category');
    if (category !== null && category.trim() !== '') {
      categoryIds = new Set();
      for (const ref of splitList(category)) {
        const found = this.findCategory(ref);
        if (found) for (const id of this.withDescendants(found.id)) categoryIds.add(id);
        else issues.push({ field: 'category', message: `Unknown category "${ref.slice(0, 60)}".` });
      }
    }
    const idsParam = params.get('ids');
    const ids = idsParam !== null && idsParam.trim() !== '' ? splitList(idsParam) : null;
    if (ids && ids.length > MAX_PER_PAGE)
      issues.push({ field: 'ids', message: `At most ${MAX_PER_PAGE} ids at once.` });

    const sortParam = params.get('sort') ?? 'featured';
    const sortMatch = /^(-?)(featured|name|price|newest)$/.exec(sortParam);
    if (!sortMatch)
      issues.push({ field: 'sort', message: 'Must be featured, name, price or newest, optionally prefixed with "-".' });

    const priceMin = queryInt(params, 'priceMin', issues, 0, 1_000_000_000);
    const priceMax = queryInt(params, 'priceMax', issues, 0, 1_000_000_000);
    if (priceMin != null && priceMax != null && priceMin > priceMax) {
      issues.push({ field: 'priceMin', message: 'Must not be greater than priceMax.' });
    }
    const inStockParam = params.get('inStock');
    let inStock = false;
    if (inStockParam !== null && inStockParam !== '') {
      if (inStockParam === 'true' || inStockParam === '1') inStock = true;
      else if (inStockParam !== 'false' && inStockParam !== '0')
        issues.push({ field: 'inStock', message: 'Must be true or false.' });
    }
    throwIfIssues(issues, 'The product query is not valid.');
    return {
      page,
      perPage,
      q: q && q.trim() !== '' ? q : null,
      categoryIds,
      ids,
      sort: { key: (sortMatch?.[2] ?? 'featured') as ProductQuery['sort']['key'], descending: sortMatch?.[1] === '-' },
      priceMin: priceMin ?? null,
      priceMax: priceMax ?? null,
      inStock,
    };
  }

  query(query: ProductQuery): { items: ProductRec[]; total: number; priceMin: number | null; priceMax: number | null } {
    const terms = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
    const idSet = query.ids ? new Set(query.ids) : null;
    // Everything but the price range: the range in meta describes what a price slider may offer.
    const matched = this.products.filter((product) => {
      if (!this.isListed(product)) return false;
      if (idSet && !idSet.has(product.id) && !idSet.has(product.slug)) return false;
      if (query.categoryIds && !product.categoryIds.some((id) => query.categoryIds?.has(id))) return false;
      if (query.inStock && !product.variants.some((v) => isSellable(v, product))) return false;
      const text = this.searchText.get(product.id) ?? '';
      return terms.every((term) => text.includes(term));
    });
    const prices = matched.flatMap((p) => p.variants.filter((v) => v.available).map((v) => v.price));
    const inRange = matched.filter((product) =>
      product.variants.some(
        (v) =>
          v.available &&
          (query.priceMin === null || v.price >= query.priceMin) &&
          (query.priceMax === null || v.price <= query.priceMax),
      ),
    );

    const collator = this.collator;
    const fromPrices = new Map(
      inRange.map((p) => [p, Math.min(...p.variants.filter((v) => v.available).map((v) => v.price))]),
    );
    const fromPrice = (p: ProductRec): number => fromPrices.get(p) ?? 0;
    const compare: Record<ProductQuery['sort']['key'], (a: ProductRec, b: ProductRec) => number> = {
      featured: (a, b) => a.featuredRank - b.featuredRank,
      name: (a, b) => collator.compare(a.name, b.name),
      price: (a, b) => fromPrice(a) - fromPrice(b),
      // "newest" reads newest-first; "-newest" flips it to oldest-first.
      newest: (a, b) => b.createdAt - a.createdAt,
    };
    const order = compare[query.sort.key];
    const sorted = [...inRange].sort((a, b) => {
      const primary = query.sort.descending ? order(b, a) : order(a, b);
      return primary !== 0 ? primary : a.featuredRank - b.featuredRank;
    });
    const start = (query.page - 1) * query.perPage;
    return {
      items: sorted.slice(start, start + query.perPage),
      total: sorted.length,
      priceMin: prices.length ? Math.min(...prices) : null,
      priceMax: prices.length ? Math.max(...prices) : null,
    };
  }

  serializeProduct(origin: string, product: ProductRec): Record<string, unknown> {
    const variants = product.variants.filter((v) => v.available);
    const images = this.imagesOf(origin, product);
    if (this.config.profile === 'minimal') {
      // Only what the contract requires, plus `kind` where it matters (a gift card).
      return {
        id: product.id,
        name: product.name,
        slug: product.slug,
        ...(product.kind === 'gift_card' ? { kind: product.kind } : {}),
        images,
        variants: variants.map((v) => ({ id: v.id, price: v.price })),
      };
    }
    const stats = this.ratings.stats(product.id);
    return {
      id: product.id,
      name: product.name,
      slug: product.slug,
      kind: product.kind,
      summary: product.summary,
      description: product.description,
      fullDescription: product.fullDescription,
      images,
      variants: variants.map((v) => ({
        id: v.id,
        name: variantLabel(v) ?? product.name,
        sku: v.sku,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        isDefault: v.isDefault,
        ...(v.imageId ? { mediaId: v.imageId } : {}),
        optionValues: v.optionValues.map((ov) => ({ ...ov })),
        optionValueIds: v.optionValues.map((ov) => ov.valueId),
        sellableQuantity: sellableQuantity(v),
        // On hand, committed units included: served because the live wire does, never to gate on.
        ...(v.stock !== null ? { inventoryQuantity: Math.max(0, v.stock + v.committed) } : {}),
        inventoryPolicy: v.inventoryPolicy,
      })),
      options: product.options.map((o) => ({ id: o.id, name: o.name, values: o.values.map((v) => ({ ...v })) })),
      categories: product.categoryIds
        .map((id) => this.categories.find((c) => c.id === id))
        .filter((c): c is CategoryRec => c !== undefined)
        .map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
      brand: product.brand,
      status: 'active',
      productType: product.productType,
      reviewCount: stats.reviewCount,
      averageRating: stats.averageRating,
    };
  }

  private imagesOf(origin: string, product: ProductRec): Record<string, unknown>[] {
    const key = `${origin} ${product.id}`;
    let images = this.imageCache.get(key);
    if (!images) {
      if (this.imageCache.size > 10_000) this.imageCache.clear();
      images = product.images.map((image, i) => serializeImage(origin, image, i, this.config.profile));
      this.imageCache.set(key, images);
    }
    return images;
  }

  private levelOf(category: CategoryRec): number {
    let level = 0;
    for (let parent = this.parentOf(category); parent; parent = this.parentOf(parent)) level += 1;
    return level;
  }

  private parentOf(category: CategoryRec): CategoryRec | undefined {
    return category.parentId ? this.categories.find((c) => c.id === category.parentId) : undefined;
  }

  /** The contract's Category; `include` may ask for the direct `children` and the immediate `parent`. */
  serializeCategory(
    origin: string,
    category: CategoryRec,
    include: ReadonlySet<string> = new Set(),
  ): Record<string, unknown> {
    const stamp = new Date(category.createdAt).toISOString();
    const parent = this.parentOf(category);
    return {
      id: category.id,
      slug: category.slug,
      name: category.name,
      description: category.description,
      status: 'active',
      parentId: category.parentId,
      level: this.levelOf(category),
      sortOrder: category.sortOrder,
      productsCount: this.productsIn(category.id).length,
      imageUrl: category.imageId ? imageUrl(origin, category.imageId, 'card') : null,
      metaTitle: `${category.name} — ${this.config.name}`,
      metaDescription: category.description,
      createdAt: stamp,
      updatedAt: stamp,
      ...(include.has('children')
        ? {
            children: this.categories
              .filter((c) => c.parentId === category.id)
              .map((c) => this.serializeCategory(origin, c)),
          }
        : {}),
      ...(include.has('parent') && parent
        ? { parent: { id: parent.id, name: parent.name, slug: parent.slug, level: this.levelOf(parent) } }
        : {}),
    };
  }
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Query integers: digits only (no "1e3", "0x10", "-1", "2.5"). */
export function queryInt(
  params: URLSearchParams,
  key: string,
  issues: Issues,
  min: number,
  max: number,
): number | undefined {
  const raw = params.get(key);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,12}$/.test(raw)) {
    issues.push({ field: key, message: 'Must be a whole number.' });
    return undefined;
  }
  const value = Number(raw);
  if (value < min || value > max) {
    issues.push({ field: key, message: `Must be between ${min} and ${max}.` });
    return undefined;
  }
  return value;
}
