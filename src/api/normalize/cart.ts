// The edge for the cart (`GET /cart` and every cart mutation), and the address, tax-line and line
// readers the receipt and the account share with it.
import type { Address, Cart, CartItem, CodeError, TaxLine } from '../types/cart.js';
import {
  bad,
  country,
  currency,
  each,
  idN,
  idOf,
  isNum,
  isObj,
  need,
  num,
  obj,
  safeUrl,
  str,
  strN,
  type WireObject,
} from './primitives.js';

const ADDRESS_KEYS = [
  'name',
  'company',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'countryCode',
  'phone',
] as const;
export function address(v: unknown): Address | null {
  if (!isObj(v)) return null;
  const a = {} as Address;
  for (const k of ADDRESS_KEYS) a[k] = strN(v[k]);
  return a;
}

const codeError = (v: unknown): CodeError | null =>
  isObj(v) ? { reason: str(v.reason, 'unknown'), message: str(v.message, str(v.reason)) } : null;

export const taxLines = (v: unknown): TaxLine[] =>
  each(v, (x) => {
    const t = obj(x);
    return { name: str(t.name), rateMilliPercent: num(t.rateMilliPercent), amount: num(t.amount) };
  });

/**
 * A cart line. Unlike a product in a grid, a line is never dropped: the cart engine matches lines
 * by variant, and a line it cannot see would be added again. So a line without its id, variant or
 * quantity makes the whole cart unusable.
 */
function cartItem(v: unknown): CartItem {
  const l = obj(v);
  const quantity = l.quantity;
  if (!isNum(quantity) || quantity < 0) throw bad('a cart line');
  return {
    id: need(idOf(l.id), 'a cart line'),
    variantId: need(idOf(l.variantId), 'a cart line'),
    ...lineFields(l, quantity),
  };
}

/** What a cart line and a receipt line share past their ids and quantity, which each reads by its own rule. */
export function lineFields(l: WireObject, quantity: number): Omit<CartItem, 'id' | 'variantId'> {
  const unitPrice = num(l.unitPrice);
  const out: Omit<CartItem, 'id' | 'variantId'> = {
    productId: idN(l.productId),
    name: str(l.name),
    variantName: strN(l.variantName),
    sku: strN(l.sku),
    unitPrice,
    quantity,
    subtotal: num(l.subtotal, unitPrice * quantity),
    imageUrl: safeUrl(l.imageUrl),
  };
  if (isNum(l.position)) out.position = l.position;
  return out;
}

/**
 * `GET /cart` and every cart mutation's answer. The totals are the server's: the client never
 * computes them from the lines (it would miss discounts, tax and shipping), so a cart without
 * `totals.subtotal` and `totals.total` is a bad answer. Only the gift-card pair, which the wire may
 * omit, is derived — from the server's own total and card amount.
 */
export function normCart(v: unknown): Cart {
  const c = obj(v);
  const id = need(idOf(c.id), 'a cart');
  const t = obj(c.totals);
  if (!isNum(t.subtotal) || !isNum(t.total)) throw bad('a cart');
  if (c.items !== undefined && !Array.isArray(c.items)) throw bad('a cart');
  const items = ((c.items as unknown[] | undefined) ?? []).map(cartItem);
  const g = obj(c.giftCard);
  const giftCard =
    isObj(c.giftCard) && typeof g.last4 === 'string'
      ? {
          id: str(idOf(g.id)),
          last4: g.last4.slice(-4),
          amount: num(g.amount),
          remainingBalance: num(g.remainingBalance),
        }
      : null;
  const giftCardTotal = num(t.giftCardTotal, giftCard?.amount ?? 0);
  const cart: Cart = {
    id,
    // A bad code falls back to XXX: see `currency`.
    currencyCode: currency(c.currencyCode),
    email: strN(c.email),
    items,
    shippingAddress: address(c.shippingAddress),
    billingAddress: address(c.billingAddress),
    shippingRateId: idN(c.shippingRateId),
    shippingMethodName: strN(c.shippingMethodName),
    discounts: each(c.discounts, (x, i) => {
      const d = obj(x);
      return {
        id: idOf(d.id) ?? `discount-${i}`,
        code: strN(d.code),
        name: str(d.name, str(d.code)),
        amount: num(d.amount),
        automatic: d.automatic === true,
      };
    }),
    discountCode: strN(c.discountCode),
    discountError: codeError(c.discountError),
    giftCard,
    giftCardError: codeError(c.giftCardError),
    totals: {
      subtotal: t.subtotal,
      discountTotal: num(t.discountTotal),
      taxTotal: num(t.taxTotal),
      shippingTotal: num(t.shippingTotal),
      total: t.total,
      giftCardTotal,
      amountDue: num(t.amountDue, Math.max(0, t.total - giftCardTotal)),
    },
    taxBreakdown: taxLines(c.taxBreakdown),
    taxInclusive: c.taxInclusive === true,
    itemCount: num(
      c.itemCount,
      items.reduce((n, l) => n + l.quantity, 0),
    ),
    // Missing: the cart ships. Only an explicit false skips the shipping step.
    requiresShipping: c.requiresShipping !== false,
    visitorCountryCode: country(c.visitorCountryCode),
    expiresAt: str(c.expiresAt),
    updatedAt: str(c.updatedAt),
  };
  if ('customerName' in c) cart.customerName = strN(c.customerName);
  return cart;
}
