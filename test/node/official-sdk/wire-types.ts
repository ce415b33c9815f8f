// The answers Shoprocket's official core SDK (shoprocket/shoprocket-js, packages/core, checked at
// revision 0335196) expects, as runtime checkers. Written from the SDK's published TypeScript
// types, not copied from them: a field is required here exactly when the SDK's type has no `?`
// on it, and may be null exactly when its type says `| null`. Unknown extra fields are allowed,
// because the SDK ignores them.
//
// Two readings go a little past the bare TypeScript, both stated by the SDK's own comments and by
// the contract (../../../../shared/api-contract.md): amounts are integer minor units (`cents`),
// and timestamps are ISO-8601 strings (`timestamp`).
//
// `check(shape, value, 'receipt')` returns every mismatch with its path
// ("receipt.addresses[0].kind: missing"); `mismatches()` folds repeats across list items.

/** One mismatch: where, and what was wrong there. */
export interface Mismatch {
  path: string;
  problem: string;
}

/** A checker for one JSON value. `T` is the static type a passing value has. */
export interface Shape<T> {
  /** How the expected value reads in a message, e.g. `string`, `"a" | "b"`, `object`. */
  readonly label: string;
  inspect(value: unknown, path: string, out: Mismatch[]): void;
  /** Phantom: carries `T` for `Infer`, never set. */
  readonly __type?: T;
}

/** Marks an object field the SDK types as optional (`field?:`). */
export interface Optional<T> {
  readonly optional: true;
  readonly shape: Shape<T>;
}

export type Infer<S> = S extends Shape<infer T> ? T : S extends Optional<infer T> ? T : never;

type FieldSet = Record<string, Shape<unknown> | Optional<unknown>>;
type RequiredKeys<F extends FieldSet> = { [K in keyof F]: F[K] extends Optional<unknown> ? never : K }[keyof F];
type OptionalKeys<F extends FieldSet> = { [K in keyof F]: F[K] extends Optional<unknown> ? K : never }[keyof F];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjectOf<F extends FieldSet> = Flat<
  { [K in RequiredKeys<F>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Infer<F[K]> }
>;

export interface ObjectShape<F extends FieldSet> extends Shape<ObjectOf<F>> {
  readonly fields: F;
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** What a value actually is, for a message: `null`, `array`, `number 12.5`, `string "x"`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === 'object') return 'object';
  const preview = JSON.stringify(value);
  return `${typeof value} ${preview.length > 40 ? `${preview.slice(0, 37)}…` : preview}`;
}

function primitive<T>(label: string, accepts: (value: unknown) => boolean): Shape<T> {
  return {
    label,
    inspect(value, path, out) {
      if (!accepts(value)) out.push({ path, problem: `expected ${label}, got ${describeValue(value)}` });
    },
  };
}

export const string = primitive<string>('string', (v) => typeof v === 'string');
export const number = primitive<number>('number', (v) => typeof v === 'number' && Number.isFinite(v));
export const boolean = primitive<boolean>('boolean', (v) => typeof v === 'boolean');
/** Integer minor units: "Integer cents, as served" in the SDK's types. */
export const cents = primitive<number>('integer (minor units)', (v) => typeof v === 'number' && Number.isInteger(v));
export const integer = primitive<number>('integer', (v) => typeof v === 'number' && Number.isInteger(v));
/** An ISO-8601 timestamp string. */
export const timestamp = primitive<string>(
  'ISO-8601 timestamp',
  (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)),
);
/** Anything at all (the SDK types it `any`). */
export const anything: Shape<unknown> = { label: 'any', inspect() {} };

/** One of a fixed set of strings (a TypeScript string-literal union). */
export function oneOf<const L extends readonly string[]>(...values: L): Shape<L[number]> {
  const label = values.map((v) => JSON.stringify(v)).join(' | ');
  return primitive<L[number]>(label, (v) => typeof v === 'string' && values.includes(v));
}

export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return {
    label: `${shape.label} | null`,
    inspect(value, path, out) {
      if (value !== null) shape.inspect(value, path, out);
    },
  };
}

export function optional<T>(shape: Shape<T>): Optional<T> {
  return { optional: true, shape };
}

export function list<T>(item: Shape<T>): Shape<T[]> {
  return {
    label: `${item.label}[]`,
    inspect(value, path, out) {
      if (!Array.isArray(value)) {
        out.push({ path, problem: `expected an array of ${item.label}, got ${describeValue(value)}` });
        return;
      }
      value.forEach((entry, i) => item.inspect(entry, `${path}[${i}]`, out));
    },
  };
}

/** `Record<number, V>`: a JSON object whose keys are whole numbers. */
export function numericRecord<T>(entry: Shape<T>): Shape<Record<number, T>> {
  return {
    label: `Record<number, ${entry.label}>`,
    inspect(value, path, out) {
      if (!isPlainObject(value)) {
        out.push({ path, problem: `expected an object keyed by number, got ${describeValue(value)}` });
        return;
      }
      for (const [key, v] of Object.entries(value)) {
        if (!/^-?\d+$/.test(key)) out.push({ path: `${path}[${JSON.stringify(key)}]`, problem: 'key is not a number' });
        else entry.inspect(v, `${path}[${JSON.stringify(key)}]`, out);
      }
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object<F extends FieldSet>(fields: F, label = 'object'): ObjectShape<F> {
  return {
    label,
    fields,
    inspect(value, path, out) {
      if (!isPlainObject(value)) {
        out.push({ path, problem: `expected ${label}, got ${describeValue(value)}` });
        return;
      }
      for (const [key, spec] of Object.entries(fields)) {
        const where = `${path}.${key}`;
        const isOptional = 'optional' in spec;
        if (!Object.prototype.hasOwnProperty.call(value, key) || value[key] === undefined) {
          if (!isOptional) out.push({ path: where, problem: 'missing' });
          continue;
        }
        (isOptional ? spec.shape : spec).inspect(value[key], where, out);
      }
    },
  };
}

/** An interface that `extends` another: the base's fields plus more. */
export function extend<B extends FieldSet, F extends FieldSet>(
  base: ObjectShape<B>,
  more: F,
  label?: string,
): ObjectShape<B & F> {
  return object({ ...base.fields, ...more } as B & F, label ?? base.label);
}

/** `A | B`: passes when any alternative passes; otherwise reports the closest one's mismatches. */
export function either<S extends Shape<unknown>[]>(...alternatives: S): Shape<Infer<S[number]>> {
  const label = alternatives.map((a) => a.label).join(' | ');
  return {
    label,
    inspect(value, path, out) {
      // The closest alternative is one that matched the value's kind (an object where an object
      // was expected) and failed only inside it; its mismatches say what to fix.
      let best: Mismatch[] | undefined;
      for (const alternative of alternatives) {
        const found: Mismatch[] = [];
        alternative.inspect(value, path, found);
        if (found.length === 0) return;
        if (found.every((m) => m.path !== path) && (!best || found.length < best.length)) best = found;
      }
      if (best) out.push(...best);
      else out.push({ path, problem: `expected ${label}, got ${describeValue(value)}` });
    },
  };
}

/** A discriminated union: the `tag` field picks which object shape the value must have. */
export function tagged<K extends string, C extends Record<string, FieldSet>>(
  tag: K,
  cases: C,
): Shape<{ [V in Extract<keyof C, string>]: Flat<{ [P in K]: V } & ObjectOf<C[V]>> }[Extract<keyof C, string>]> {
  const tags = Object.keys(cases);
  const label = `{ ${tag}: ${tags.map((t) => JSON.stringify(t)).join(' | ')} }`;
  return {
    label,
    inspect(value, path, out) {
      if (!isPlainObject(value)) {
        out.push({ path, problem: `expected ${label}, got ${describeValue(value)}` });
        return;
      }
      const chosen = value[tag];
      const fields =
        typeof chosen === 'string' && Object.prototype.hasOwnProperty.call(cases, chosen) ? cases[chosen] : undefined;
      if (!fields) {
        out.push({
          path: `${path}.${tag}`,
          problem:
            chosen === undefined
              ? 'missing'
              : `expected ${tags.map((t) => JSON.stringify(t)).join(' | ')}, got ${describeValue(chosen)}`,
        });
        return;
      }
      object(fields).inspect(value, path, out);
    },
  };
}

/** A shape that refers to itself (a category's `children`), resolved when first used. */
export function lazy<T>(resolve: () => Shape<T>, label: string): Shape<T> {
  return {
    label,
    inspect(value, path, out) {
      resolve().inspect(value, path, out);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

/** Every mismatch of `value` against `shape`, rooted at `root`. */
export function check<T>(shape: Shape<T>, value: unknown, root: string): Mismatch[] {
  const out: Mismatch[] = [];
  shape.inspect(value, root, out);
  return out;
}

/**
 * The mismatches as lines, with repeats across list items folded into one line:
 * `products.data[0].images[0].url: missing (and 47 more like it)`.
 */
export function mismatches(found: Mismatch[], limit = 25): string[] {
  const groups = new Map<string, { first: Mismatch; count: number }>();
  for (const m of found) {
    const key = `${m.path.replace(/\[\d+\]/g, '[]')}\u0000${m.problem.replace(/got .*/, 'got')}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: m, count: 1 });
  }
  const lines = [...groups.values()].map(
    ({ first, count }) => `${first.path}: ${first.problem}${count > 1 ? ` (and ${count - 1} more like it)` : ''}`,
  );
  return lines.length > limit ? [...lines.slice(0, limit), `… and ${lines.length - limit} more`] : lines;
}

/** Thrown when an answer does not carry what the SDK's type requires. */
export class WireMismatch extends Error {
  constructor(
    readonly typeName: string,
    readonly found: Mismatch[],
  ) {
    const lines = mismatches(found);
    super(
      `the answer does not match the SDK's ${typeName} (${found.length} mismatch${found.length === 1 ? '' : 'es'}):\n  ${lines.join('\n  ')}`,
    );
    this.name = 'WireMismatch';
  }
}

/** Returns `value` typed as the shape's type, or throws a `WireMismatch` naming every bad path. */
export function expectShape<T>(typeName: string, shape: Shape<T>, value: unknown, root: string): T {
  const found = check(shape, value, root);
  if (found.length > 0) throw new WireMismatch(typeName, found);
  return value as T;
}

// ---------------------------------------------------------------------------------------------
// The SDK's answer types
// ---------------------------------------------------------------------------------------------

// ---- Lists ----

export const ListMeta = object({ page: integer, perPage: integer, total: integer, totalPages: integer }, 'ListMeta');
export const CatalogMeta = extend(
  ListMeta,
  { currency: string, priceMin: nullable(cents), priceMax: nullable(cents) },
  'CatalogMeta',
);

// ---- Catalogue ----

export const TaxBreakdownItem = object({ name: string, rateMilliPercent: integer, amount: cents }, 'TaxBreakdownItem');

export const MediaUrls = object(
  {
    thumb: optional(string),
    card: optional(string),
    card2x: optional(string),
    gallery: optional(string),
    gallery2x: optional(string),
  },
  'MediaUrls',
);

export const Media = object(
  {
    id: string,
    url: optional(string),
    urls: optional(MediaUrls),
    kind: optional(oneOf('image', 'video')),
    mime: optional(string),
    width: optional(nullable(number)),
    height: optional(nullable(number)),
    alt: optional(string),
    position: optional(number),
    variantId: optional(nullable(string)),
  },
  'Media',
);

const OptionValueChoice = object({ id: string, value: string, color: optional(nullable(string)) }, 'option value');
export const ProductOption = object({ id: string, name: string, values: list(OptionValueChoice) }, 'ProductOption');

export const VariantOptionValue = object(
  { optionId: string, optionName: string, valueId: string, value: string },
  'VariantOptionValue',
);

export const ProductVariant = object(
  {
    id: string,
    name: optional(string),
    sku: optional(string),
    price: cents,
    compareAtPrice: optional(nullable(cents)),
    isDefault: optional(boolean),
    mediaId: optional(string),
    optionValues: optional(list(either(VariantOptionValue, string))),
    optionValueIds: optional(list(string)),
    inventoryQuantity: optional(number),
    sellableQuantity: optional(nullable(number)),
    inventoryPolicy: optional(oneOf('deny', 'continue')),
  },
  'ProductVariant',
);

const BundleComponentVariant = object(
  {
    id: string,
    name: optional(string),
    price: cents,
    inStock: boolean,
    inventoryQuantity: optional(number),
    optionValues: optional(list(string)),
  },
  'BundleComponentVariant',
);
const BundleComponent = object(
  {
    id: string,
    product: object({ id: string, name: string, images: list(Media), options: optional(list(ProductOption)) }),
    variants: list(BundleComponentVariant),
  },
  'BundleComponent',
);
export const BundleConfig = object(
  {
    minQuantity: number,
    maxQuantity: nullable(number),
    quantityIncrement: number,
    allowDuplicates: boolean,
    showComponentPrices: boolean,
    components: list(BundleComponent),
  },
  'BundleConfig',
);

export const Product = object(
  {
    id: string,
    name: string,
    slug: string,
    kind: optional(oneOf('physical', 'gift_card')),
    summary: optional(string),
    description: optional(string),
    fullDescription: optional(string),
    images: list(Media),
    variants: optional(list(ProductVariant)),
    options: optional(list(ProductOption)),
    categories: optional(list(object({ id: string, slug: string, name: string }))),
    brand: optional(string),
    status: optional(string),
    productType: optional(string),
    bundleConfig: optional(BundleConfig),
    reviewCount: optional(number),
    averageRating: optional(number),
  },
  'Product',
);

/**
 * `GET /products` as the SDK reads it (`{data, meta}`). The SDK's return type marks `meta`
 * optional; the contract serves it on every list and a catalogue grid pages by it, so it is
 * required here.
 */
export const ProductList = object({ data: list(Product), meta: CatalogMeta }, 'product list');

export interface CategoryWire {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  status: string;
  parentId: string | null;
  level: number;
  sortOrder: number;
  productsCount: number;
  imageUrl: string | null;
  metaTitle: string | null;
  metaDescription: string | null;
  children?: CategoryWire[];
  parent?: { id: string; name: string; slug: string; level: number };
  createdAt: string;
  updatedAt: string;
}

export const Category: Shape<CategoryWire> = object(
  {
    id: string,
    slug: string,
    name: string,
    description: nullable(string),
    status: string,
    parentId: nullable(string),
    level: integer,
    sortOrder: number,
    productsCount: integer,
    imageUrl: nullable(string),
    metaTitle: nullable(string),
    metaDescription: nullable(string),
    children: optional(list(lazy(() => Category, 'Category'))),
    parent: optional(object({ id: string, name: string, slug: string, level: integer }, 'parent')),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  'Category',
);

/** `GET /categories` (the SDK hands back the body itself). `meta` required as for products. */
export const CategoryList = object({ data: list(Category), meta: ListMeta }, 'category list');
/** `GET /categories/{idOrSlug}` (the body itself: `{data, meta?}`). */
export const CategoryDetail = object({ data: Category, meta: optional(anything) }, 'category detail');

// ---- Store ----

const FieldVisibility = oneOf('required', 'optional', 'hidden');

export const CheckoutSettings = object(
  {
    termsMode: oneOf('required_checkbox', 'notice', 'hidden'),
    termsDisplay: oneOf('url', 'text'),
    termsUrl: nullable(string),
    termsText: nullable(string),
    termsNoticeText: nullable(string),
    privacyPolicyUrl: nullable(string),
    refundPolicyUrl: nullable(string),
    showMarketingOptIn: boolean,
    precheckMarketingOptIn: boolean,
    companyNameField: FieldVisibility,
    phoneNumberField: FieldVisibility,
    addressLine2Field: FieldVisibility,
    showCouponField: boolean,
    showNotesField: boolean,
    confirmationMessage: nullable(string),
    redirectAfterCheckout: boolean,
    redirectUrl: nullable(string),
    minimumOrderValue: optional(nullable(cents)),
  },
  'CheckoutSettings',
);

export const Store = object(
  {
    id: string,
    name: string,
    currency: string,
    locale: string,
    baseCurrencyCode: optional(string),
    checkout: optional(CheckoutSettings),
    tracking: optional(
      object({
        googleAnalytics: optional(object({ enabled: boolean, measurementId: string })),
        facebookPixel: optional(object({ enabled: boolean, pixelId: string })),
        googleAds: optional(object({ enabled: boolean, conversionId: string })),
      }),
    ),
  },
  'Store',
);

// ---- Cart ----

export const CartItem = object(
  {
    id: string,
    productId: nullable(string),
    variantId: string,
    name: string,
    variantName: nullable(string),
    sku: nullable(string),
    unitPrice: cents,
    quantity: integer,
    subtotal: cents,
    position: number,
    imageUrl: nullable(string),
  },
  'CartItem',
);

export const CartTotals = object(
  {
    subtotal: cents,
    discountTotal: cents,
    taxTotal: cents,
    shippingTotal: cents,
    total: cents,
    giftCardTotal: cents,
    amountDue: cents,
  },
  'CartTotals',
);

export const CartAddress = object(
  {
    name: nullable(string),
    company: nullable(string),
    line1: nullable(string),
    line2: nullable(string),
    city: nullable(string),
    region: nullable(string),
    postalCode: nullable(string),
    countryCode: nullable(string),
    phone: nullable(string),
  },
  'CartAddress',
);

export const AppliedDiscount = object(
  { id: string, code: nullable(string), name: string, amount: cents, automatic: boolean },
  'AppliedDiscount',
);
const ReasonAndMessage = object({ reason: string, message: string }, '{reason, message}');
export const AppliedGiftCard = object(
  { id: string, last4: string, amount: cents, remainingBalance: cents },
  'AppliedGiftCard',
);

export const Cart = object(
  {
    id: string,
    currencyCode: string,
    email: nullable(string),
    items: list(CartItem),
    shippingAddress: nullable(CartAddress),
    billingAddress: nullable(CartAddress),
    shippingRateId: nullable(string),
    shippingMethodName: nullable(string),
    discounts: list(AppliedDiscount),
    discountCode: nullable(string),
    discountError: nullable(ReasonAndMessage),
    giftCard: nullable(AppliedGiftCard),
    giftCardError: nullable(ReasonAndMessage),
    totals: CartTotals,
    taxBreakdown: optional(list(TaxBreakdownItem)),
    itemCount: optional(integer),
    requiresShipping: optional(boolean),
    taxInclusive: optional(boolean),
    visitorCountryCode: optional(nullable(string)),
    expiresAt: timestamp,
    updatedAt: timestamp,
  },
  'Cart',
);

export const ShippingOption = object(
  {
    id: string,
    name: string,
    description: nullable(string),
    cost: cents,
    estimatedDaysMin: nullable(number),
    estimatedDaysMax: nullable(number),
  },
  'ShippingOption',
);
export const ShippingOptions = object({ options: list(ShippingOption), addressRequired: boolean }, 'ShippingOptions');

// ---- Payment methods, checkout, payment ----

export const SelectedPaymentMethod = tagged('kind', {
  gateway: { gateway: string },
  manual: { manualMethodId: string },
});

export const PaymentMethodSdk = tagged('provider', {
  paypal: { clientId: string, merchantId: string, bnCode: string },
});

export const StorefrontPaymentMethod = object(
  {
    select: SelectedPaymentMethod,
    name: string,
    description: nullable(string),
    icon: oneOf('card', 'paypal', 'crypto', 'bank'),
    testMode: boolean,
    sdk: optional(nullable(PaymentMethodSdk)),
  },
  'StorefrontPaymentMethod',
);

export const StorefrontPaymentMethods = object(
  { methods: list(StorefrontPaymentMethod), checkoutDisabled: boolean, checkoutDisabledReason: nullable(string) },
  'StorefrontPaymentMethods',
);

export const CheckoutAccepted = object(
  {
    orderId: string,
    orderNumber: string,
    total: cents,
    currencyCode: string,
    paymentStatus: string,
    reservationExpiresAt: timestamp,
  },
  'CheckoutAccepted',
);

export const PaymentHandoff = tagged('kind', {
  redirect: { redirectUrl: string },
  paypal_order: { paypalOrderId: string },
});

export const StartPaymentResult = object(
  { paymentId: string, status: string, gateway: string, handoff: PaymentHandoff, amount: cents, currencyCode: string },
  'StartPaymentResult',
);

export const OrderPaymentState = object(
  { id: string, orderNumber: string, status: string, paymentStatus: string, total: cents, currencyCode: string },
  'OrderPaymentState',
);

export const CapturePaymentResult = object(
  { orderId: string, orderNumber: string, paymentStatus: string, total: cents, currencyCode: string },
  'CapturePaymentResult',
);

export const OrderReceiptItem = object(
  {
    id: string,
    productId: nullable(string),
    variantId: nullable(string),
    name: string,
    variantName: nullable(string),
    sku: nullable(string),
    unitPrice: cents,
    quantity: integer,
    subtotal: cents,
    position: number,
    imageUrl: nullable(string),
  },
  'OrderReceiptItem',
);

export const OrderReceiptAddress = extend(
  CartAddress,
  { id: string, kind: oneOf('billing', 'shipping') },
  'OrderReceiptAddress',
);

/** The receipt is flat: totals sit on the order itself, addresses are a list found by `kind`. */
export const OrderReceipt = object(
  {
    id: string,
    orderNumber: string,
    status: string,
    paymentStatus: string,
    currencyCode: string,
    email: nullable(string),
    customerName: nullable(string),
    items: list(OrderReceiptItem),
    subtotal: cents,
    discountTotal: cents,
    discountCode: nullable(string),
    taxTotal: cents,
    taxes: list(TaxBreakdownItem),
    taxInclusive: boolean,
    shippingTotal: cents,
    shippingMethodName: nullable(string),
    total: cents,
    giftCardTotal: cents,
    amountDue: cents,
    paymentMethodName: nullable(string),
    paymentInstructions: nullable(string),
    addresses: list(OrderReceiptAddress),
    placedAt: timestamp,
  },
  'OrderReceipt',
);

// ---- Reviews ----

export const Review = object(
  {
    id: string,
    rating: integer,
    title: string,
    content: string,
    authorName: string,
    isVerifiedPurchase: boolean,
    source: oneOf('organic', 'imported', 'manual'),
    createdAt: timestamp,
  },
  'Review',
);

export const ReviewsResponse = object(
  {
    data: list(Review),
    meta: object(
      {
        avgRating: number,
        reviewCount: integer,
        ratingDistribution: numericRecord(integer),
        page: integer,
        perPage: integer,
        total: integer,
      },
      'ReviewStats & {page, perPage, total}',
    ),
  },
  'ReviewsResponse',
);

// ---- Customer account ----

export const RequestCodeResult = object(
  { sent: boolean, recognised: boolean, retryAfterSeconds: nullable(number) },
  'RequestCodeResult',
);

export const CustomerIdentity = object(
  { id: string, email: nullable(string), firstName: nullable(string), lastName: nullable(string) },
  'CustomerIdentity',
);

export const VerifyCodeResult = object(
  { token: string, expiresAt: timestamp, customer: CustomerIdentity },
  'VerifyCodeResult',
);

export const CustomerAddress = object(
  {
    id: string,
    name: nullable(string),
    company: nullable(string),
    line1: string,
    line2: nullable(string),
    city: string,
    region: nullable(string),
    postalCode: nullable(string),
    countryCode: string,
    phone: nullable(string),
  },
  'CustomerAddress',
);
export const CustomerAddresses = list(CustomerAddress);

export const CustomerOrder = object(
  {
    id: string,
    orderNumber: string,
    status: string,
    paymentStatus: string,
    fulfillmentStatus: string,
    currencyCode: string,
    total: cents,
    placedAt: nullable(timestamp),
  },
  'CustomerOrder',
);
export const CustomerOrders = list(CustomerOrder);

// ---- Location ----

export const Country = object(
  {
    code: string,
    name: string,
    phoneCode: optional(string),
    currency: optional(string),
    requiresState: optional(boolean),
    subdivisions: optional(nullable(list(object({ code: string, name: string }, 'subdivision')))),
    stateNameType: optional(nullable(string)),
    postalRegex: optional(nullable(string)),
    postalExample: optional(nullable(string)),
    flag: optional(string),
  },
  'Country',
);

export const CountriesResponse = object(
  { success: boolean, data: object({ countries: list(Country), locale: string }) },
  'CountriesResponse',
);

export const State = object({ code: string, iso3166_2: optional(nullable(string)), name: string }, 'State');

export const StatesResponse = object(
  { success: boolean, data: object({ country: object({ code: string, name: string }), states: list(State) }) },
  'StatesResponse',
);
