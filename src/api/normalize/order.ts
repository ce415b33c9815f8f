// The edge for an order once placed: its status while payment settles, and its receipt. Loaded on
// first use (with later-endpoints.ts, through on-demand.ts).
import { address, lineFields, taxLines } from './cart.js';
import { bad, currency, each, idN, idOf, isNum, isObj, need, num, obj, oneOf, str, strN } from './primitives.js';
import type { OrderReceipt, OrderStatus, ReceiptAddress, ReceiptItem } from '../types/order.js';

/** `GET /orders/{id}/status`. A missing `paymentStatus` is read from `status`; with neither: keep polling. */
export function normOrderStatus(v: unknown): OrderStatus {
  const r = obj(v);
  const status = str(r.status);
  return {
    id: str(idOf(r.id ?? r.orderId)),
    orderNumber: str(r.orderNumber),
    status,
    paymentStatus: str(r.paymentStatus, status || 'unknown'),
    total: num(r.total),
    currencyCode: currency(r.currencyCode),
  };
}

function receiptItem(v: unknown, i: number): ReceiptItem {
  const l = obj(v);
  return {
    id: idOf(l.id) ?? `line-${i}`,
    variantId: idN(l.variantId),
    ...lineFields(l, Math.max(0, num(l.quantity, 1))),
  };
}

/**
 * `GET /orders/{id}`: the receipt is flat on the wire. An older nested form (`totals`,
 * `shippingAddress`/`billingAddress`) is read too, since it costs a few lines and a receipt that
 * fails to read is the one screen a shopper must see. Without a total it is a bad answer, and the
 * success screen falls back to the checkout's fields.
 */
export function normReceipt(v: unknown): OrderReceipt {
  const r = obj(v);
  const t = isObj(r.totals) ? { ...r, ...r.totals } : r;
  const id = need(idOf(r.id ?? r.orderId), 'a receipt');
  const total = t.total;
  if (!isNum(total)) throw bad('a receipt');
  const giftCardTotal = num(t.giftCardTotal);
  let addresses: ReceiptAddress[] = each(r.addresses, (x, i) => {
    const a = obj(x);
    const kind = oneOf(a.kind, ['shipping', 'billing'], 'shipping');
    if (a.kind !== kind) return undefined;
    return { id: idOf(a.id) ?? `${kind}-${i}`, kind, ...address(a)! };
  });
  if (!Array.isArray(r.addresses))
    addresses = (['shipping', 'billing'] as const).flatMap((kind) => {
      const a = address(r[kind + 'Address']);
      return a ? [{ id: kind, kind, ...a }] : [];
    });
  const status = str(r.status);
  return {
    id,
    orderNumber: str(r.orderNumber, id),
    status,
    paymentStatus: str(r.paymentStatus, status),
    currencyCode: currency(r.currencyCode),
    email: strN(r.email),
    customerName: strN(r.customerName),
    items: each(r.items, receiptItem),
    subtotal: num(t.subtotal),
    discountTotal: num(t.discountTotal),
    discountCode: strN(r.discountCode),
    taxTotal: num(t.taxTotal),
    taxes: taxLines(r.taxes ?? r.taxBreakdown),
    taxInclusive: r.taxInclusive === true,
    shippingTotal: num(t.shippingTotal),
    shippingMethodName: strN(r.shippingMethodName),
    total,
    giftCardTotal,
    // A negative amount due is no amount: it would read as "Total paid" and hide how to pay, so it
    // is derived from the total and the gift card instead, as when it is missing.
    amountDue: isNum(t.amountDue) && t.amountDue >= 0 ? t.amountDue : Math.max(0, total - giftCardTotal),
    paymentMethodName: strN(r.paymentMethodName),
    paymentInstructions: strN(r.paymentInstructions),
    addresses,
    placedAt: str(r.placedAt, str(r.createdAt)),
  };
}
