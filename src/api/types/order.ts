// An order once placed: its status while payment settles, and its receipt.
import type { Address, CartItem, TaxLine } from './cart.js';

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
