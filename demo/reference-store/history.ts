// A customer's side of the orders: their history (GET /customer/orders and the figures of
// GET /customer/me) and whether they bought a product (a review's verified-purchase badge). An
// order is theirs when it was placed under their email, or while they were signed in (an
// X-Customer-Token sent with the checkout), whatever email it carries.
import type { OrderRec } from './orders.js';

export interface CustomerRef {
  id: string;
  email: string;
}

/** One entry of GET /customer/orders. */
export interface OrderSummary {
  id: string;
  orderNumber: string;
  status: string;
  paymentStatus: string;
  fulfillmentStatus: string;
  currencyCode: string;
  total: number;
  placedAt: string;
}

const isTheirs = (order: OrderRec, customer: CustomerRef): boolean =>
  order.customerId === customer.id || order.email.toLowerCase() === customer.email.toLowerCase();

/** Their orders, newest first (the order number breaks a tie of the same millisecond). */
export function historyOf(orders: Iterable<OrderRec>, customer: CustomerRef): OrderRec[] {
  return [...orders]
    .filter((o) => isTheirs(o, customer))
    .sort((a, b) => b.placedAt - a.placedAt || b.orderNumber.localeCompare(a.orderNumber, 'en', { numeric: true }));
}

export const summarize = (order: OrderRec, currencyCode: string): OrderSummary => ({
  id: order.id,
  orderNumber: order.orderNumber,
  status: order.status,
  paymentStatus: order.paymentStatus,
  // Nothing is ever shipped here.
  fulfillmentStatus: 'unfulfilled',
  currencyCode,
  total: order.totals.total,
  placedAt: new Date(order.placedAt).toISOString(),
});

/** Whether one of their paid orders contains the product. */
export const hasBought = (orders: Iterable<OrderRec>, customer: CustomerRef, productId: string): boolean =>
  historyOf(orders, customer).some(
    (o) => o.paymentStatus === 'paid' && o.bought.some((b) => b.productId === productId),
  );
