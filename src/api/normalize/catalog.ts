// The edge for the catalogue: products (images, options, variants), product lists, categories.
import type {
  Category,
  OptionValueRef,
  Product,
  ProductImage,
  ProductListMeta,
  ProductOption,
  Rendition,
  Variant,
} from '../types/catalog.js';
import type { List, ListMeta } from '../types/common.js';
import {
  bad,
  currency,
  each,
  idN,
  idOf,
  isNum,
  isObj,
  listOf,
  need,
  num,
  numN,
  obj,
  safeUrl,
  str,
  strN,
  type WireObject,
} from './primitives.js';

// Largest first: `url` falls back to the best rendition present.
const RENDITIONS: readonly Rendition[] = ['gallery2x', 'gallery', 'card2x', 'card', 'thumb'];

function image(v: unknown, i: number, owner: string): ProductImage {
  const m = obj(v);
  const urls: Partial<Record<Rendition, string>> = {};
  const wire = obj(m.urls);
  for (const r of RENDITIONS) {
    const u = safeUrl(wire[r]);
    if (u) urls[r] = u;
  }
  const w = numN(m.width);
  const h = numN(m.height);
  return {
    id: idOf(m.id) ?? `${owner}-image-${i}`,
    url: safeUrl(m.url) ?? RENDITIONS.map((r) => urls[r]).find(Boolean) ?? null,
    urls,
    alt: str(m.alt),
    width: w && w > 0 ? w : null,
    height: h && h > 0 ? h : null,
    variantId: idN(m.variantId),
  };
}

function option(v: unknown): ProductOption {
  const o = obj(v);
  return {
    id: need(idOf(o.id), 'an option'),
    name: str(o.name),
    values: each(o.values, (x) => {
      const val = obj(x);
      return {
        id: need(idOf(val.id), 'an option value'),
        value: str(val.value, str(val.name)),
        color: strN(val.color),
      };
    }),
  };
}

/**
 * A variant's option values, whichever way the wire spells them: objects, bare value ids, or
 * `optionValueIds`. Bare ids are resolved against the product's options; one that names no value
 * of them cannot be matched by a shopper's choice anyway, so it is left out.
 */
function optionValues(v: WireObject, byValue: Map<string, OptionValueRef>): OptionValueRef[] {
  const out = new Map<string, OptionValueRef>();
  const wire = [
    ...(Array.isArray(v.optionValues) ? v.optionValues : []),
    ...(Array.isArray(v.optionValueIds) ? v.optionValueIds : []),
  ];
  for (const e of wire) {
    const id = isObj(e) ? idOf(e.valueId ?? e.id) : idOf(e);
    if (!id || out.has(id)) continue;
    const known = byValue.get(id);
    const o = obj(e);
    const optionId = idOf(o.optionId) ?? known?.optionId;
    if (!optionId) continue;
    out.set(id, {
      optionId,
      optionName: str(o.optionName, known?.optionName ?? ''),
      valueId: id,
      value: str(o.value, known?.value ?? ''),
    });
  }
  return [...out.values()];
}

function variant(v: unknown, byValue: Map<string, OptionValueRef>): Variant {
  const x = obj(v);
  const price = x.price;
  if (!isNum(price)) throw bad('a variant');
  const sellable = numN(x.sellableQuantity);
  const out: Variant = {
    id: need(idOf(x.id), 'a variant'),
    sku: strN(x.sku),
    price,
    compareAtPrice: numN(x.compareAtPrice),
    isDefault: x.isDefault === true,
    optionValues: optionValues(x, byValue),
    mediaId: idN(x.mediaId),
    // Missing or null: this read did not resolve stock, so it is unlimited, never 0.
    sellableQuantity: sellable === null ? null : Math.max(0, Math.floor(sellable)),
    inventoryPolicy: x.inventoryPolicy === 'continue' ? 'continue' : 'deny',
  };
  if (typeof x.name === 'string') out.name = x.name;
  return out;
}

/** `GET /products/{idOrSlug}`, and each entry of a product list. */
export function normProduct(v: unknown): Product {
  const p = obj(v);
  const id = need(idOf(p.id), 'a product');
  // The contract's required fields: an id and a name (a nameless card tells a shopper nothing).
  if (typeof p.name !== 'string') throw bad('a product');
  const options = each(p.options, option);
  const byValue = new Map<string, OptionValueRef>();
  for (const o of options)
    for (const val of o.values)
      byValue.set(val.id, { optionId: o.id, optionName: o.name, valueId: val.id, value: val.value });
  const variants = each(p.variants, (x) => variant(x, byValue));
  // Variants were sent but none can be priced: selling it would be a guess.
  if (Array.isArray(p.variants) && p.variants.length && !variants.length) throw bad('a product');
  const out: Product = {
    id,
    name: p.name,
    slug: str(p.slug) || id,
    kind: p.kind === 'gift_card' ? 'gift_card' : 'physical',
    summary: str(p.summary),
    description: str(p.description),
    images: each(p.images, (x, i) => image(x, i, id)),
    options,
    variants,
    categories: each(p.categories, (x) => {
      const c = obj(x);
      const cid = need(idOf(c.id), 'a category');
      return { id: cid, slug: str(c.slug) || cid, name: str(c.name) };
    }),
  };
  if (typeof p.fullDescription === 'string') out.fullDescription = p.fullDescription;
  if (typeof p.brand === 'string') out.brand = p.brand;
  if (isNum(p.reviewCount)) out.reviewCount = p.reviewCount;
  if (isNum(p.averageRating)) out.averageRating = p.averageRating;
  return out;
}

function listMeta(m: WireObject, n: number, perPageDefault: number): ListMeta {
  const perPage = Math.max(1, num(m.perPage, perPageDefault || 1));
  const total = Math.max(0, num(m.total, n));
  return {
    page: Math.max(1, num(m.page, 1)),
    perPage,
    total,
    totalPages: num(m.totalPages, Math.ceil(total / perPage)),
  };
}

/** `GET /products`. */
export function normProductList(v: unknown): List<Product, ProductListMeta> {
  const { data, meta, n } = listOf(v, normProduct, 'a product list');
  return {
    data,
    meta: {
      ...listMeta(meta, n, n),
      // The list says its currency; a bad one must not freeze the grid (see `currency`).
      currency: currency(meta.currency),
      priceMin: numN(meta.priceMin),
      priceMax: numN(meta.priceMax),
    },
  };
}

/** `GET /categories/{idOrSlug}`, and each entry of the category list. */
export function normCategory(v: unknown): Category {
  const c = obj(v);
  const id = need(idOf(c.id), 'a category');
  const parentId = idN(c.parentId);
  const out: Category = {
    id,
    slug: str(c.slug) || id,
    name: str(c.name),
    description: strN(c.description),
    // A category that names itself as parent would make the tree builder loop.
    parentId: parentId === id ? null : parentId,
    productsCount: Math.max(0, num(c.productsCount)),
    imageUrl: safeUrl(c.imageUrl),
  };
  if (isNum(c.level)) out.level = c.level;
  if (isNum(c.sortOrder)) out.sortOrder = c.sortOrder;
  if (Array.isArray(c.children)) out.children = each(c.children, normCategory);
  if (isObj(c.parent) && idOf(c.parent.id)) {
    const p = c.parent;
    out.parent = { id: idOf(p.id)!, name: str(p.name), slug: str(p.slug) || idOf(p.id)! };
    if (isNum(p.level)) out.parent.level = p.level;
  }
  return out;
}

/** `GET /categories`. */
export function normCategoryList(v: unknown): List<Category> {
  const { data, meta, n } = listOf(v, normCategory, 'a category list');
  return { data, meta: listMeta(meta, n, n) };
}
