// Every shape of the Shoprocket v3 Public API as /shared/api-contract.md defines it, as the client
// hands it on. Money is an integer in minor units; timestamps are ISO-8601 strings.
//
// The live wire leaves many fields out (the contract's `field?`). The client normalizes every answer
// at the edge (normalize.ts): a field marked "normalized" below is always present here, filled with
// the contract's default when the server left it out, so views and the store never guess. Fields
// still marked `?` are informational and may be missing. Unknown fields are dropped or ignored.

export interface FieldError {
  field: string;
  message: string;
}

export interface ListMeta {
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
}
export interface ProductListMeta extends ListMeta {
  currency: string;
  /** Bounds over the whole matching set (not just the page); null when nothing matched. */
  priceMin: number | null;
  priceMax: number | null;
}
export interface List<T, M = ListMeta> {
  data: T[];
  meta: M;
}

export type FieldMode = 'required' | 'optional' | 'hidden';
export type TermsMode = 'required_checkbox' | 'notice' | 'hidden';

/** The store's checkout settings. Normalized: a store without `checkout` gets {@link DEFAULT_CHECKOUT}. */
export interface CheckoutSettings {
  termsMode: TermsMode;
  termsDisplay: 'url' | 'text';
  /** Checked: only `http:`/`https:` survive normalization, anything else is null. */
  termsUrl: string | null;
  /** Plain text. */
  termsText: string | null;
  termsNoticeText: string | null;
  privacyPolicyUrl: string | null;
  refundPolicyUrl: string | null;
  showMarketingOptIn: boolean;
  precheckMarketingOptIn: boolean;
  companyNameField: FieldMode;
  phoneNumberField: FieldMode;
  addressLine2Field: FieldMode;
  showCouponField: boolean;
  showNotesField: boolean;
  showGiftCardField: boolean;
  /** Plain text, shown on the receipt. */
  confirmationMessage: string | null;
  redirectAfterCheckout: boolean;
  redirectUrl: string | null;
  /** Minor units, compared with `totals.subtotal`. */
  minimumOrderValue: number | null;
}

export interface Store {
  id: string;
  name: string;
  currency: string;
  locale: string;
  /** Normalized: `live` when missing. `test`: no order is fulfilled (show a banner). */
  storeMode: 'live' | 'test';
  /** Normalized. */
  checkout: CheckoutSettings;
  /** Normalized: `addressAutocomplete` false when missing. */
  features: { addressAutocomplete: boolean };
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

export interface Address {
  name: string | null;
  company: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  countryCode: string | null;
  phone: string | null;
}
export interface CartItem {
  id: string;
  productId: string | null;
  variantId: string;
  name: string;
  variantName: string | null;
  sku: string | null;
  unitPrice: number;
  quantity: number;
  subtotal: number;
  position?: number;
  imageUrl: string | null;
}
export interface Discount {
  id: string;
  code: string | null;
  name: string;
  amount: number;
  automatic: boolean;
}
export interface Totals {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  shippingTotal: number;
  total: number;
  /** Normalized: 0 when missing. Equals `giftCard.amount`. */
  giftCardTotal: number;
  /** What is left to pay: max(0, total − giftCardTotal). Normalized from those when missing. */
  amountDue: number;
}
export interface TaxLine {
  name: string;
  /** Thousandths of a percent: 20000 is 20 %. */
  rateMilliPercent: number;
  amount: number;
}
export interface GiftCard {
  id: string;
  last4: string;
  /** What the card pays toward this cart. */
  amount: number;
  /** What the shopper keeps on the card. */
  remainingBalance: number;
}
export interface CodeError {
  reason: string;
  message: string;
}
export interface Cart {
  id: string;
  currencyCode: string;
  email: string | null;
  /** A reference-store extra; the live cart does not echo it. */
  customerName?: string | null;
  items: CartItem[];
  shippingAddress: Address | null;
  billingAddress: Address | null;
  shippingRateId: string | null;
  shippingMethodName: string | null;
  discounts: Discount[];
  discountCode: string | null;
  /** A bad code is not an HTTP error: the cart comes back with this set. */
  discountError: CodeError | null;
  /** Normalized: null when missing. */
  giftCard: GiftCard | null;
  /** Only on the answer to the request that sent the refused code. Normalized: null. */
  giftCardError: CodeError | null;
  totals: Totals;
  /** Normalized: [] when missing (the row is then labelled "Tax"). */
  taxBreakdown: TaxLine[];
  /** Normalized: false when missing. True: the tax is inside the prices ("Includes …"). */
  taxInclusive: boolean;
  /** Normalized: the sum of the quantities when missing. */
  itemCount: number;
  /** Normalized: true when missing; false skips the shipping step. */
  requiresShipping: boolean;
  /** A geo hint to prefill the country; never an authority. */
  visitorCountryCode: string | null;
  expiresAt: string;
  updatedAt: string;
}

export type AddItem =
  | { variantId: string; productId?: string; quantity: number }
  | { productId: string; quantity: number };
/** Omitted: untouched; `null`: cleared. */
export interface CartUpdate {
  email?: string | null;
  customerName?: string | null;
  shippingAddress?: Partial<Address> | null;
  billingAddress?: Partial<Address> | null;
  shippingRateId?: string | null;
  discountCode?: string | null;
  /** A bearer secret: never log or persist it. */
  giftCardCode?: string | null;
}

export interface ShippingOption {
  id: string;
  name: string;
  description: string | null;
  cost: number;
  estimatedDaysMin: number | null;
  estimatedDaysMax: number | null;
}
export interface ShippingOptions {
  options: ShippingOption[];
  /** True: no country is stored yet. An empty list with false: the store does not ship there. */
  addressRequired: boolean;
}

export type PaymentSelect = { kind: 'gateway'; gateway: string } | { kind: 'manual'; manualMethodId: string };
export interface PaymentSdk {
  provider: 'paypal';
  clientId: string;
  merchantId: string;
  bnCode: string;
}
export interface PaymentMethod {
  select: PaymentSelect;
  name: string;
  description: string | null;
  /** `card`, `paypal`, `crypto`, `bank`; anything else draws the card icon. */
  icon: string;
  testMode: boolean;
  /** Normalized: null unless a known in-context provider (PayPal) with every id present. */
  sdk: PaymentSdk | null;
}
export interface PaymentMethods {
  methods: PaymentMethod[];
  checkoutDisabled: boolean;
  checkoutDisabledReason: string | null;
}

export interface CheckoutRequest {
  email?: string;
  customerName?: string;
  paymentMethod?: PaymentSelect;
  /** The total the shopper saw: the server refuses with `price_changed` if it differs. */
  expectedTotal?: number;
  acceptPriceChanges?: boolean;
  agreeToTerms?: boolean;
  /** Sent only when the opt-in is shown. */
  marketingOptIn?: boolean;
  notes?: string;
}
export interface CheckoutResult {
  orderId: string;
  orderNumber: string;
  total: number;
  currencyCode: string;
  paymentStatus: string;
  reservationExpiresAt: string | null;
}
export type CheckoutRejectionReason =
  | 'empty_cart'
  | 'price_changed'
  | 'insufficient_stock'
  | 'already_converted'
  | 'unavailable_item'
  | 'terms_required'
  | 'capture_failed'
  // An unknown reason is shown by its message.
  | (string & {});
export interface PriceChange {
  itemId: string;
  name: string;
  previousUnitPrice: number;
  currentUnitPrice: number;
}
export interface StockIssue {
  itemId: string;
  name: string;
  requested: number;
  available: number;
}
export interface CheckoutRejectionBody {
  rejection: CheckoutRejectionReason;
  message: string;
  priceChanges?: PriceChange[];
  stockIssues?: StockIssue[];
  /** With `already_converted`: the order this cart became (a reference-store extra). */
  orderId?: string;
}

export interface PayRequest {
  returnUrl: string;
  /** Defaults to `returnUrl` on the server. */
  cancelUrl?: string;
}
export type Handoff = { kind: 'redirect'; redirectUrl: string } | { kind: 'paypal_order'; paypalOrderId: string };
export interface Payment {
  paymentId: string;
  status: string;
  gateway: string;
  /** Branch on `kind`, always; an unknown kind is refused by the caller. */
  handoff: Handoff;
  amount: number;
  currencyCode: string;
}
export interface CaptureRequest {
  paypalOrderId: string;
}
export interface CaptureResult {
  orderId: string;
  orderNumber: string;
  paymentStatus: string;
  total: number;
  currencyCode: string;
}
export interface OrderStatus {
  id: string;
  orderNumber: string;
  status: string;
  /** Normalized: `status` when missing. */
  paymentStatus: string;
  total: number;
  currencyCode: string;
}
/** A receipt line: a cart line whose variant may since have been deleted. */
export interface ReceiptItem extends Omit<CartItem, 'variantId'> {
  variantId: string | null;
}
export interface ReceiptAddress extends Address {
  id: string;
  kind: 'shipping' | 'billing';
}
/** The receipt is flat on the wire: no `totals`, addresses found by `kind`. */
export interface OrderReceipt {
  id: string;
  orderNumber: string;
  status: string;
  paymentStatus: string;
  currencyCode: string;
  email: string | null;
  customerName: string | null;
  items: ReceiptItem[];
  subtotal: number;
  discountTotal: number;
  discountCode: string | null;
  taxTotal: number;
  /** Normalized: [] when missing. */
  taxes: TaxLine[];
  taxInclusive: boolean;
  shippingTotal: number;
  shippingMethodName: string | null;
  total: number;
  giftCardTotal: number;
  amountDue: number;
  paymentMethodName: string | null;
  /** Plain text (how to pay by bank transfer, …). */
  paymentInstructions: string | null;
  /** Normalized: [] when missing. A digital order has no shipping address. */
  addresses: ReceiptAddress[];
  placedAt: string;
}

/** `paid`, `processing` and `completed` all mean the payment succeeded. */
export const PAID_STATUSES: readonly string[] = ['paid', 'processing', 'completed'];

export interface Subdivision {
  code: string;
  name: string;
}
export interface Country {
  code: string;
  name: string;
  phoneCode?: string;
  currency?: string;
  flag?: string;
  requiresState?: boolean;
  /** A non-empty list is a select and its `code` is submitted; null or [] is free text. */
  subdivisions: Subdivision[] | null;
  /** state, province, prefecture, county, … (`do_si` reads as province); null: "State/Province". */
  stateNameType: string | null;
  /** PCRE source; compile anchored inside a try. Null: the country has no postal codes. */
  postalRegex: string | null;
  postalExample: string | null;
}
export interface Countries {
  countries: Country[];
  locale: string;
}
export interface States {
  country: { code: string; name: string };
  states: { code: string; iso3166_2?: string | null; name: string }[];
}

export interface PlacePrediction {
  placeId: string;
  mainText: string;
  secondaryText: string;
}
export interface PlaceDetails {
  line1: string;
  line2: string;
  city: string;
  stateCode: string;
  countryCode: string;
  postalCode: string;
}

export interface Review {
  id: string;
  /** 1–5. */
  rating: number;
  /** Plain text. */
  title: string;
  content: string;
  authorName: string;
  isVerifiedPurchase: boolean;
  source: string;
  createdAt: string;
}
export interface ReviewsMeta {
  page: number;
  perPage: number;
  total: number;
  avgRating: number;
  reviewCount: number;
  /** Stars "1"–"5" → counts. */
  ratingDistribution: Record<string, number>;
}
export interface ReviewInput {
  rating: number;
  title: string;
  content: string;
  authorName?: string;
}

export interface OtpRequestResult {
  sent: boolean;
  recognised: boolean;
  /** Non-null: the email is on a resend cooldown. Check it first. */
  retryAfterSeconds: number | null;
}
export interface CustomerIdentity {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}
export interface OtpVerifyResult {
  /** Appears once: store it at once, present it as `X-Customer-Token`. */
  token: string;
  expiresAt: string;
  customer: CustomerIdentity;
}
export interface CustomerProfile extends CustomerIdentity {
  phone?: string | null;
  ordersCount?: number;
  totalSpent?: number;
  lastOrderAt?: string | null;
  createdAt?: string;
}
export interface CustomerAddress {
  id: string;
  name: string | null;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  countryCode: string;
  phone: string | null;
}
export interface CustomerOrder {
  id: string;
  orderNumber: string;
  status: string;
  paymentStatus: string;
  fulfillmentStatus: string;
  currencyCode: string;
  total: number;
  placedAt: string | null;
}
