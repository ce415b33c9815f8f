// The edge: every answer the endpoints return is turned into the shapes of types.ts here, so the
// store and the views never guess. The live wire leaves many fields out, spells some two ways and
// may, through a proxy, a bad deploy or a hostile admin, send JSON of the wrong shape. The rules:
//  - a missing optional field gets the contract's default; an unknown field is dropped;
//  - one bad entry of a list is dropped, not the whole list (a grid still shows the other 23);
//  - an answer that cannot be used at all (no id, a price that is not a number, a cart without
//    totals) throws `ApiError(…, 'BAD_RESPONSE')`, which the element shows as its error state;
//  - every URL is checked here (`safeUrl`), once, so no view has to remember to.
// What a page needs for its first paint (store, catalogue, cart) is here; the answers of checkout,
// account, reviews and lookups are normalized by normalize-more.ts, loaded with the first of them.
import { ApiError } from './errors.js';
import type {
  Address,
  Cart,
  CartItem,
  Category,
  CheckoutSettings,
  CodeError,
  FieldMode,
  List,
  ListMeta,
  OptionValueRef,
  Product,
  ProductImage,
  ProductListMeta,
  ProductOption,
  Rendition,
  Store,
  TaxLine,
  Variant,
} from './types.js';

export type O = Record<string, unknown>;

export const bad = (what: string) => new ApiError(200, 'BAD_RESPONSE', `The API sent ${what} in an unexpected shape.`);

export const isObj = (v: unknown): v is O => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): O => (isObj(v) ? v : {});
export const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
export const strN = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const num = (v: unknown, d = 0): number => (isNum(v) ? v : d);
export const numN = (v: unknown): number | null => (isNum(v) ? v : null);
export const bool = (v: unknown, d = false): boolean => (typeof v === 'boolean' ? v : d);
/** An id: a non-empty string, or a number (some wires use integer ids). */
export const idOf = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : isNum(v) ? String(v) : undefined);
export const idN = (v: unknown): string | null => idOf(v) ?? null;
export const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw bad(what);
  return v;
};
/** `v` if it is one of `allowed`, else `d`. */
export const oneOf = <T extends string>(v: unknown, allowed: readonly T[], d: T): T => (allowed.includes(v as T) ? (v as T) : d);

/**
 * Maps a list, dropping the entries that cannot be used (their normalizer threw or gave nothing),
 * so one bad entry does not take the rest with it. Not an array: an empty list.
 */
export function each<T>(v: unknown, f: (x: unknown, i: number) => T | undefined): T[] {
  const out: T[] = [];
  if (Array.isArray(v))
    v.forEach((x, i) => {
      try {
        const y = f(x, i);
        if (y !== undefined) out.push(y);
      } catch {
        // dropped: see above
      }
    });
  return out;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A URL from the API, or null: absolute `https:`, or `http:` on a loopback host (a local reference
 * store). Everything else (`javascript:`, `data:`, relative paths that would resolve against the
 * embedding page, plain-http hosts a network could rewrite) is refused. Returns the parsed form,
 * which percent-encodes quotes and spaces.
 */
export function safeUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * An ISO-4217 code, or the fallback. A wrong code makes `Intl.NumberFormat` throw a RangeError in
 * the middle of a render, which would freeze the view, so it never gets through. Lower case is
 * repaired; anything else falls back to `XXX`, ISO's "no currency": prices still render (as
 * "¤12.34", two decimals) without claiming a currency the store may not use.
 */
export function currency(v: unknown, fallback = 'XXX'): string {
  const c = typeof v === 'string' ? v.trim().toUpperCase() : '';
  return /^[A-Z]{3}$/.test(c) ? c : fallback;
}

/** A BCP 47 tag `Intl` accepts (a bad one throws a RangeError, like a bad currency), or `en`. */
function locale(v: unknown): string {
  try {
    return (typeof v === 'string' && v && Intl.getCanonicalLocales(v)[0]) || 'en';
  } catch {
    return 'en';
  }
}

export const country = (v: unknown): string | null => {
  const c = typeof v === 'string' ? v.trim().toUpperCase() : '';
  return /^[A-Z]{2}$/.test(c) ? c : null;
};

// ---------------------------------------------------------------------------------------- store

/** What Tote assumes when the store sends no `checkout` block (the contract's defaults). */
export const DEFAULT_CHECKOUT: Readonly<CheckoutSettings> = Object.freeze({
  termsMode: 'hidden',
  termsDisplay: 'url',
  termsUrl: null,
  termsText: null,
  termsNoticeText: null,
  privacyPolicyUrl: null,
  refundPolicyUrl: null,
  showMarketingOptIn: false,
  precheckMarketingOptIn: false,
  companyNameField: 'optional',
  phoneNumberField: 'optional',
  addressLine2Field: 'optional',
  showCouponField: true,
  showNotesField: false,
  showGiftCardField: true,
  confirmationMessage: null,
  redirectAfterCheckout: false,
  redirectUrl: null,
  minimumOrderValue: null,
});

const FIELD_MODES: readonly FieldMode[] = ['required', 'optional', 'hidden'];
// The settings with a fixed set of values; of the rest, a boolean default makes a flag, a name
// ending in `Url` a checked URL (`safeUrl`), any other a text or null (`minimumOrderValue` aside).
const CHOICES: Partial<Record<keyof CheckoutSettings, readonly string[]>> = {
  termsMode: ['required_checkbox', 'notice', 'hidden'],
  termsDisplay: ['url', 'text'],
  companyNameField: FIELD_MODES,
  phoneNumberField: FIELD_MODES,
  addressLine2Field: FIELD_MODES,
};

function checkoutSettings(v: unknown): CheckoutSettings {
  const c = obj(v);
  const out: O = {};
  for (const [k, d] of Object.entries(DEFAULT_CHECKOUT)) {
    const x = c[k];
    const choices = CHOICES[k as keyof CheckoutSettings];
    out[k] = choices ? oneOf(x, choices, d as string) : typeof d === 'boolean' ? bool(x, d) : k.endsWith('Url') ? safeUrl(x) : strN(x);
  }
  const min = numN(c.minimumOrderValue);
  out.minimumOrderValue = min !== null && min > 0 ? min : null;
  return out as unknown as CheckoutSettings;
}

/** `GET /`. The official client also unwraps a `store` member. */
export function normStore(v: unknown): Store {
  const s0 = obj(v);
  const s = isObj(s0.store) ? s0.store : s0;
  return {
    id: need(idOf(s.id), 'the store'),
    name: str(s.name),
    // `baseCurrencyCode` is the older spelling; with neither, prices render without a symbol.
    currency: currency(s.currency, currency(s.baseCurrencyCode)),
    locale: locale(s.locale),
    storeMode: s.storeMode === 'test' ? 'test' : 'live',
    checkout: checkoutSettings(s.checkout),
    features: { addressAutocomplete: obj(s.features).addressAutocomplete === true },
  };
}

// ------------------------------------------------------------------------------------ catalogue

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
      return { id: need(idOf(val.id), 'an option value'), value: str(val.value, str(val.name)), color: strN(val.color) };
    }),
  };
}

/**
 * A variant's option values, whichever way the wire spells them: objects, bare value ids, or
 * `optionValueIds`. Bare ids are resolved against the product's options; one that names no value
 * of them cannot be matched by a shopper's choice anyway, so it is left out.
 */
function optionValues(v: O, byValue: Map<string, OptionValueRef>): OptionValueRef[] {
  const out = new Map<string, OptionValueRef>();
  const wire = [...(Array.isArray(v.optionValues) ? v.optionValues : []), ...(Array.isArray(v.optionValueIds) ? v.optionValueIds : [])];
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
  for (const o of options) for (const val of o.values) byValue.set(val.id, { optionId: o.id, optionName: o.name, valueId: val.id, value: val.value });
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

/**
 * A list: `{data, meta}`, or a bare array (the `data ?? body` tolerance). Bad entries are dropped;
 * when entries came and none is usable, the answer as a whole is wrong (an error state, not an
 * empty one that would say "nothing matched").
 */
export function listOf<T>(v: unknown, item: (x: unknown, i: number) => T, what: string): { data: T[]; meta: O; n: number } {
  const body = Array.isArray(v) ? { data: v } : obj(v);
  if (!Array.isArray(body.data)) throw bad(what);
  const data = each(body.data, item);
  if (body.data.length && !data.length) throw bad(what);
  return { data, meta: obj(body.meta), n: body.data.length };
}

function listMeta(m: O, n: number, perPageDefault: number): ListMeta {
  const perPage = Math.max(1, num(m.perPage, perPageDefault || 1));
  const total = Math.max(0, num(m.total, n));
  return { page: Math.max(1, num(m.page, 1)), perPage, total, totalPages: num(m.totalPages, Math.ceil(total / perPage)) };
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

// ----------------------------------------------------------------------------------------- cart

const ADDRESS_KEYS = ['name', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'countryCode', 'phone'] as const;
export function address(v: unknown): Address | null {
  if (!isObj(v)) return null;
  const a = {} as Address;
  for (const k of ADDRESS_KEYS) a[k] = strN(v[k]);
  return a;
}

const codeError = (v: unknown): CodeError | null =>
  isObj(v) ? { reason: str(v.reason, 'unknown'), message: str(v.message, str(v.reason)) } : null;

export const taxLines = (v: unknown): TaxLine[] =>
  each(v, (x) => {
    const t = obj(x);
    return { name: str(t.name), rateMilliPercent: num(t.rateMilliPercent), amount: num(t.amount) };
  });

/**
 * A cart line. Unlike a product in a grid, a line is never dropped: the cart engine matches lines
 * by variant, and a line it cannot see would be added again. So a line without its id, variant or
 * quantity makes the whole cart unusable.
 */
function cartItem(v: unknown): CartItem {
  const l = obj(v);
  const quantity = l.quantity;
  if (!isNum(quantity) || quantity < 0) throw bad('a cart line');
  return { id: need(idOf(l.id), 'a cart line'), variantId: need(idOf(l.variantId), 'a cart line'), ...lineFields(l, quantity) };
}

/** What a cart line and a receipt line share past their ids and quantity, which each reads by its own rule. */
export function lineFields(l: O, quantity: number): Omit<CartItem, 'id' | 'variantId'> {
  const unitPrice = num(l.unitPrice);
  const out: Omit<CartItem, 'id' | 'variantId'> = {
    productId: idN(l.productId),
    name: str(l.name),
    variantName: strN(l.variantName),
    sku: strN(l.sku),
    unitPrice,
    quantity,
    subtotal: num(l.subtotal, unitPrice * quantity),
    imageUrl: safeUrl(l.imageUrl),
  };
  if (isNum(l.position)) out.position = l.position;
  return out;
}

/**
 * `GET /cart` and every cart mutation's answer. The totals are the server's: the client never
 * computes them from the lines (it would miss discounts, tax and shipping), so a cart without
 * `totals.subtotal` and `totals.total` is a bad answer. Only the gift-card pair, which the wire may
 * omit, is derived — from the server's own total and card amount.
 */
export function normCart(v: unknown): Cart {
  const c = obj(v);
  const id = need(idOf(c.id), 'a cart');
  const t = obj(c.totals);
  if (!isNum(t.subtotal) || !isNum(t.total)) throw bad('a cart');
  if (c.items !== undefined && !Array.isArray(c.items)) throw bad('a cart');
  const items = ((c.items as unknown[] | undefined) ?? []).map(cartItem);
  const g = obj(c.giftCard);
  const giftCard =
    isObj(c.giftCard) && typeof g.last4 === 'string'
      ? { id: str(idOf(g.id)), last4: g.last4.slice(-4), amount: num(g.amount), remainingBalance: num(g.remainingBalance) }
      : null;
  const giftCardTotal = num(t.giftCardTotal, giftCard?.amount ?? 0);
  const cart: Cart = {
    id,
    // A bad code falls back to XXX: see `currency`.
    currencyCode: currency(c.currencyCode),
    email: strN(c.email),
    items,
    shippingAddress: address(c.shippingAddress),
    billingAddress: address(c.billingAddress),
    shippingRateId: idN(c.shippingRateId),
    shippingMethodName: strN(c.shippingMethodName),
    discounts: each(c.discounts, (x, i) => {
      const d = obj(x);
      return { id: idOf(d.id) ?? `discount-${i}`, code: strN(d.code), name: str(d.name, str(d.code)), amount: num(d.amount), automatic: d.automatic === true };
    }),
    discountCode: strN(c.discountCode),
    discountError: codeError(c.discountError),
    giftCard,
    giftCardError: codeError(c.giftCardError),
    totals: {
      subtotal: t.subtotal,
      discountTotal: num(t.discountTotal),
      taxTotal: num(t.taxTotal),
      shippingTotal: num(t.shippingTotal),
      total: t.total,
      giftCardTotal,
      amountDue: num(t.amountDue, Math.max(0, t.total - giftCardTotal)),
    },
    taxBreakdown: taxLines(c.taxBreakdown),
    taxInclusive: c.taxInclusive === true,
    itemCount: num(c.itemCount, items.reduce((n, l) => n + l.quantity, 0)),
    // Missing: the cart ships. Only an explicit false skips the shipping step.
    requiresShipping: c.requiresShipping !== false,
    visitorCountryCode: country(c.visitorCountryCode),
    expiresAt: str(c.expiresAt),
    updatedAt: str(c.updatedAt),
  };
  if ('customerName' in c) cart.customerName = strN(c.customerName);
  return cart;
}

