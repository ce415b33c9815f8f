// The cart: its lines, addresses, discounts, gift card, totals and tax, and what may change it.

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
  { variantId: string; productId?: string; quantity: number } | { productId: string; quantity: number };
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
