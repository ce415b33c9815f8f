// Internal records of the reference store. Wire shapes (what the contract promises) are built from
// these by the serialisers in catalog.ts, carts.ts, orders.ts and friends, so a record can carry
// bookkeeping (stock, snapshots, timestamps as numbers) without leaking it into responses.

export type InventoryPolicy = 'deny' | 'continue';
export type FieldMode = 'required' | 'optional' | 'hidden';
export type TermsMode = 'required_checkbox' | 'notice' | 'hidden';
export type ProductKind = 'physical' | 'gift_card';

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

export interface OptionValueRef {
  optionId: string;
  optionName: string;
  valueId: string;
  value: string;
}

export interface VariantRec {
  id: string;
  sku: string;
  price: number;
  compareAtPrice: number | null;
  isDefault: boolean;
  optionValues: OptionValueRef[];
  /** Units that may still be sold (on hand net of reservations); null = unlimited. May go negative under `continue`. */
  stock: number | null;
  /**
   * Units held by placed orders that have not shipped (nothing ships here). The wire's
   * `inventoryQuantity` is stock + committed: on hand, committed units included, which is exactly
   * why a client must never gate on it.
   */
  committed: number;
  inventoryPolicy: InventoryPolicy;
  /** False once the merchant withdraws the variant (drives `unavailable_item`). */
  available: boolean;
  requiresShipping: boolean;
  /** The image that shows this variant (its colour), or the product's first image. */
  imageId: string | null;
}

/** Which URL fields a served image carries: the live wire may send only renditions, or only `url`. */
export type ImageForm = 'both' | 'urls' | 'url';

export interface ImageRec {
  id: string;
  alt: string;
  width: number;
  height: number;
  variantId: string | null;
  form: ImageForm;
}

export interface ProductRec {
  id: string;
  name: string;
  slug: string;
  kind: ProductKind;
  summary: string;
  description: string;
  fullDescription: string;
  brand: string;
  productType: string;
  images: ImageRec[];
  options: { id: string; name: string; values: { id: string; value: string; color: string | null }[] }[];
  variants: VariantRec[];
  categoryIds: string[];
  /** Position in the merchant's "featured" order. */
  featuredRank: number;
  createdAt: number;
  available: boolean;
}

export interface CategoryRec {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  parentId: string | null;
  imageId: string | null;
  sortOrder: number;
  createdAt: number;
}

export interface ShippingRate {
  id: string;
  name: string;
  description: string | null;
  cost: number;
  estimatedDaysMin: number | null;
  estimatedDaysMax: number | null;
}

export interface DiscountCodeSpec {
  code: string;
  name: string;
  kind: 'percentage' | 'fixed';
  /** Percent (0–100) for `percentage`, minor units for `fixed`. */
  value: number;
  minimumSubtotal: number | null;
  /** ISO date after which the code is refused as expired; null = no end. */
  expiresAt: string | null;
}

export interface AutomaticDiscountSpec {
  id: string;
  name: string;
  minimumSubtotal: number;
  amount: number;
}

export type PaymentSelect = { kind: 'gateway'; gateway: string } | { kind: 'manual'; manualMethodId: string };

export interface PaypalSdk {
  provider: 'paypal';
  clientId: string;
  merchantId: string;
  bnCode: string;
}

export interface PaymentMethodSpec {
  select: PaymentSelect;
  name: string;
  description: string | null;
  icon: string;
  testMode: boolean;
  /** Only for in-context gateways (PayPal); absent for redirect and offline methods. */
  sdk?: PaypalSdk;
  /** Offline methods only: the how-to-pay text the receipt shows (never served in the roster). */
  instructions?: string;
}

/** One named tax rate; thousandths of a percent, as on the wire (20000 = 20 %). */
export interface TaxRate {
  name: string;
  rateMilliPercent: number;
}

export interface CheckoutSettings {
  termsMode: TermsMode;
  termsDisplay: 'url' | 'text';
  termsUrl: string | null;
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
  confirmationMessage: string | null;
  redirectAfterCheckout: boolean;
  redirectUrl: string | null;
  minimumOrderValue: number | null;
}

/**
 * `full`: every field the contract names (the reference store's own stores).
 * `minimal`: only the required fields, as the live wire may send them (the "latitude" store).
 */
export type WireProfile = 'full' | 'minimal';

export interface StoreConfig {
  key: string;
  id: string;
  name: string;
  currency: string;
  locale: string;
  storeMode: 'live' | 'test';
  profile: WireProfile;
  /** null: the store serves no `checkout` object, and the contract's defaults apply. */
  checkout: CheckoutSettings | null;
  /** null: the store serves no `features` object (no address autocomplete). */
  features: { addressAutocomplete: boolean } | null;
  /** Where the store is; the visitor-country hint when the request says nothing better. */
  homeCountry: string;
  orderPrefix: string;
  /** Country assumed for tax before the shopper gives an address; null = no tax until then. */
  defaultTaxCountry: string | null;
  /** The rate for a destination; null = the store has no rate there (an empty breakdown). */
  taxRate: (countryCode: string) => TaxRate | null;
  /** Prices already contain the tax (VAT style): it is reported, not added. */
  taxInclusive: boolean;
  taxShipping: boolean;
  /** Rates offered for a destination; an empty list means "we do not ship there". */
  shippingRates: (countryCode: string, merchandiseTotal: number) => ShippingRate[];
  discountCodes: DiscountCodeSpec[];
  automaticDiscounts: AutomaticDiscountSpec[];
  paymentMethods: PaymentMethodSpec[];
  /** Legal page texts served under /v3/legal/… (the policy URLs point there). */
  legal: { terms: string; privacy: string; refund: string };
}

export interface GiftCardSpec {
  code: string;
  /** Minor units of `currency`. */
  balance: number;
  currency: string;
  status: 'active' | 'inactive';
  expiresAt: string | null;
}

export interface CustomerSpec {
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  addresses: Address[];
}

export interface ReviewSpec {
  product: string; // slug
  rating: number;
  title: string;
  content: string;
  authorName: string;
  source: 'organic' | 'imported' | 'manual';
  isVerifiedPurchase: boolean;
  daysAgo: number;
}

export interface StoreSeed {
  config: StoreConfig;
  categories: CategoryRec[];
  products: ProductRec[];
  /** Drawing instructions for every image id the seed's products and categories use. */
  art: Map<string, ImageArt & { width: number; height: number }>;
  giftCards: GiftCardSpec[];
  customers: CustomerSpec[];
  reviews: ReviewSpec[];
  /** When the seed's catalogue "was created": timestamps of seeded records derive from it. */
  epoch: number;
}

/** How a generated SVG looks: a pictogram of the product type in the variant's colour. */
export type ArtShape = 'tee' | 'hoodie' | 'mug' | 'bag' | 'print' | 'candle' | 'cap' | 'bottle' | 'card' | 'blob';

export interface ImageArt {
  shape: ArtShape;
  label: string;
  caption: string;
  color: string;
  hue: number;
}
