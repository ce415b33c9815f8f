// Every shape of the Shoprocket v3 Public API as /shared/api-contract.md defines it.
// Money is an integer in minor units; timestamps are ISO-8601 strings.

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
  priceMin: number;
  priceMax: number;
}
export interface List<T, M = ListMeta> {
  data: T[];
  meta: M;
}

export type FieldMode = 'required' | 'optional' | 'hidden';
export interface Store {
  id: string;
  name: string;
  currency: string;
  locale: string;
  checkout: {
    termsMode: 'required_checkbox' | 'notice' | 'hidden';
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
}

export interface ProductImage {
  id: string;
  url: string;
  urls?: { thumb: string; card: string; card2x: string; gallery: string; gallery2x: string };
  alt: string;
  width: number;
  height: number;
  variantId: string | null;
}
export interface ProductOption {
  id: string;
  name: string;
  values: { id: string; value: string; color: string | null }[];
}
export interface Variant {
  id: string;
  sku: string;
  price: number;
  compareAtPrice: number | null;
  isDefault: boolean;
  optionValues: { optionId: string; optionName: string; valueId: string; value: string }[];
  /** `null`: unlimited. */
  sellableQuantity: number | null;
  inventoryPolicy: 'deny' | 'continue';
}
export interface Product {
  id: string;
  name: string;
  slug: string;
  summary: string;
  /** Merchant HTML: untrusted, sanitize before rendering. */
  description: string;
  images: ProductImage[];
  options: ProductOption[];
  variants: Variant[];
  categories: { id: string; slug: string; name: string }[];
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
  inStock?: boolean;
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  parentId: string | null;
  productsCount: number;
  imageUrl: string | null;
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
  amountDue: number;
}
export interface Cart {
  id: string;
  currencyCode: string;
  email: string | null;
  items: CartItem[];
  shippingAddress: Address | null;
  billingAddress: Address | null;
  shippingRateId: string | null;
  shippingMethodName: string | null;
  discounts: Discount[];
  discountCode: string | null;
  /** A bad code is not an HTTP error: the cart comes back with this set. */
  discountError: { reason: string; message: string } | null;
  totals: Totals;
  itemCount: number;
  requiresShipping: boolean;
  expiresAt: string;
  updatedAt: string;
}

export type AddItem = { variantId: string; quantity: number } | { productId: string; quantity: number };
/** Omitted: untouched; `null`: cleared. */
export interface CartUpdate {
  email?: string | null;
  customerName?: string | null;
  shippingAddress?: Partial<Address> | null;
  billingAddress?: Partial<Address> | null;
  shippingRateId?: string | null;
  discountCode?: string | null;
  notes?: string | null;
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
  addressRequired: boolean;
}

export type PaymentSelect = { kind: 'gateway'; gateway: string } | { kind: 'manual'; manualMethodId: string };
export interface PaymentMethod {
  select: PaymentSelect;
  name: string;
  description: string | null;
  icon: string;
  testMode: boolean;
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
  | 'terms_required';
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
}

export interface PayRequest {
  returnUrl: string;
  cancelUrl?: string;
}
export interface Payment {
  paymentId: string;
  status: string;
  gateway: string;
  handoff: { kind: 'redirect'; redirectUrl: string };
  amount: number;
  currencyCode: string;
}
export interface OrderStatus {
  id: string;
  orderNumber: string;
  status: string;
  paymentStatus: string;
  total: number;
  currencyCode: string;
}
/** The contract names its parts (items, totals, addresses, payment method name, placedAt). */
export interface OrderReceipt {
  id: string;
  orderNumber: string;
  status: string;
  paymentStatus: string;
  currencyCode: string;
  email: string | null;
  items: CartItem[];
  totals: Totals;
  shippingAddress: Address | null;
  billingAddress: Address | null;
  shippingMethodName: string | null;
  paymentMethodName: string | null;
  placedAt: string;
}
