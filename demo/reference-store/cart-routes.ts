// Handlers of the cart, checkout and order routes. Every cart mutation answers with the whole
// recalculated cart, so a client never needs a follow-up GET.
import type { CartRec, Carts } from './carts.js';
import type { ApiContext, ApiResult } from './context.js';
import { param } from './context.js';
import { countryFromLanguage } from './countries.js';
import type { GiftCardError } from './gift-cards.js';

type Change = (carts: Carts, cart: CartRec) => void | { giftCardError: GiftCardError | null };

function cartOf(ctx: ApiContext, change: Change): ApiResult {
  const { carts, catalogue } = ctx.state;
  const cart = carts.get(ctx.token, ctx.now);
  const outcome = change(carts, cart);
  return {
    data: carts.serialize(cart, ctx.origin, ctx.now, {
      giftCardError: outcome ? outcome.giftCardError : null,
      // A geo hint to prefill the country: the request's language region, else where the store is.
      visitorCountryCode: countryFromLanguage(ctx.acceptLanguage) ?? catalogue.config.homeCountry,
    }),
  };
}

export const getCart = (ctx: ApiContext): ApiResult => cartOf(ctx, () => undefined);
export const addItem = (ctx: ApiContext): ApiResult =>
  cartOf(ctx, (carts, cart) => carts.addItem(cart, ctx.body, ctx.now));
export const setQuantity = (ctx: ApiContext): ApiResult =>
  cartOf(ctx, (carts, cart) => carts.setQuantity(cart, param(ctx, 'id'), ctx.body, ctx.now));
export const removeItem = (ctx: ApiContext): ApiResult =>
  cartOf(ctx, (carts, cart) => carts.removeItem(cart, param(ctx, 'id'), ctx.now));
export const patchCart = (ctx: ApiContext): ApiResult =>
  cartOf(ctx, (carts, cart) => carts.patch(cart, ctx.body, ctx.now));

export const shippingOptions = (ctx: ApiContext): ApiResult => ({
  data: ctx.state.carts.shippingOptions(ctx.state.carts.get(ctx.token, ctx.now), ctx.now),
});

export const paymentMethods = (ctx: ApiContext): ApiResult => ({ data: ctx.state.orders.paymentMethods() });

export const checkout = (ctx: ApiContext): ApiResult => ({
  status: 201,
  // A signed-in shopper (X-Customer-Token) finds the order in their history whatever email it carries.
  data: ctx.state.orders.checkout(
    ctx.state.carts.get(ctx.token, ctx.now),
    ctx.body,
    ctx.origin,
    ctx.now,
    ctx.customerToken,
  ),
});

export const pay = (ctx: ApiContext): ApiResult => ({
  status: 201,
  data: ctx.state.orders.pay(param(ctx, 'id'), ctx.token, ctx.body, ctx.origin, ctx.now),
});

export const capture = (ctx: ApiContext): ApiResult => ({
  data: ctx.state.orders.capture(param(ctx, 'id'), ctx.token, ctx.body, ctx.now),
});

export const receipt = (ctx: ApiContext): ApiResult => ({
  data: ctx.state.orders.receipt(param(ctx, 'id'), ctx.token),
});
export const orderStatus = (ctx: ApiContext): ApiResult => ({
  data: ctx.state.orders.status(param(ctx, 'id'), ctx.token),
});
