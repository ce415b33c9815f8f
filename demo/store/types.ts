// Internal records of the reference store. Wire shapes (what the contract promises) are built from
// these by the serialisers in catalog.ts, carts.ts and orders.ts, so a record can carry bookkeeping
// (stock, snapshots, timestamps as numbers) without leaking it into responses.

export type InventoryPolicy = 'deny' | 'continue';
export type FieldMode = 'required' | 'optional' | 'hidden';
export type TermsMode = 'required_checkbox' | 'notice' | 'hidden';

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
  /** Units on hand net of reservations; null = unlimited. May go negative under `continue`. */
  stock: number | null;
  inventoryPolicy: InventoryPolicy;
  /** False once the merchant withdraws the variant (drives `unavailable_item`). */
  available: boolean;
  requiresShipping: boolean;
  /** The image that shows this variant (its colour), or the product's first image. */
  imageId: string | null;
}

export interface ImageRec {
  id: string;
  alt: string;
  width: number;
  height: number;
  variantId: string | null;
}

export interface ProductRec {
  id: string;
  name: string;
  slug: string;
  summary: string;
  description: string;
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

export interface PaymentMethodSpec {
  select: PaymentSelect;
  name: string;
  description: string | null;
  icon: string;
  testMode: boolean;
}

export interface StoreConfig {
  key: string;
  id: string;
  name: string;
  currency: string;
  locale: string;
  checkout: {
    termsMode: TermsMode;
    termsUrl: string | null;
    privacyPolicyUrl: string | null;
    showCouponField: boolean;
    showNotesField: boolean;
    phoneNumberField: FieldMode;
    companyNameField: FieldMode;
    addressLine2Field: FieldMode;
    minimumOrderValue: number | null;
    confirmationMessage: string | null;
  };
  orderPrefix: string;
  /** Country assumed for tax before the shopper gives an address; null = no tax until then. */
  defaultTaxCountry: string | null;
  /** Tax rate in basis points for a destination country (0 = none). */
  taxRateBp: (countryCode: string) => number;
  taxShipping: boolean;
  /** Rates offered for a destination; an empty list means "we do not ship there". */
  shippingRates: (countryCode: string, merchandiseTotal: number) => ShippingRate[];
  discountCodes: DiscountCodeSpec[];
  automaticDiscounts: AutomaticDiscountSpec[];
  paymentMethods: PaymentMethodSpec[];
  /** Legal page texts served under /v3/legal/… (termsUrl / privacyPolicyUrl point there). */
  legal: { terms: string; privacy: string };
}

export interface StoreSeed {
  config: StoreConfig;
  categories: CategoryRec[];
  products: ProductRec[];
  /** Drawing instructions for every image id the seed's products and categories use. */
  art: Map<string, ImageArt & { width: number; height: number }>;
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
