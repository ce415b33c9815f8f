// Checkout: shipping options, payment methods, placing the order (and its refusals), paying and
// capturing.

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
