// The endpoints a first paint never calls (the cart, checkout, orders, lookups, reviews, the
// customer's account) with their normalizers, in one module that the first call of any of them
// loads (endpoints.ts, `LATER_ENDPOINTS`): the README's page downloads it with the cart's engine.
import type { Caller } from './endpoint-call.js';
import { normCart } from './normalize/cart.js';
import { normCategory, normProduct } from './normalize/catalog.js';
import * as N from './normalize/on-demand.js';
import type { RequestOptions } from './transport.js';
import type {
  CaptureRequest,
  CaptureResult,
  CheckoutRequest,
  CheckoutResult,
  Payment,
  PaymentMethods,
  PayRequest,
  ShippingOptions,
} from './types/checkout.js';
import type { AddItem, Cart, CartUpdate } from './types/cart.js';
import type { Category, Product } from './types/catalog.js';
import type { List } from './types/common.js';
import type {
  CustomerAddress,
  CustomerOrder,
  CustomerProfile,
  OtpRequestResult,
  OtpVerifyResult,
} from './types/account.js';
import type { Countries, PlaceDetails, PlacePrediction, States } from './types/address-lookup.js';
import type { OrderReceipt, OrderStatus } from './types/order.js';
import type { Review, ReviewInput, ReviewsMeta } from './types/review.js';

/** The later endpoints for one client's `call` (endpoints.ts documents the shapes they share). */
export function laterEndpoints(call: Caller) {
  return {
    /** `GET /products/{idOrSlug}` [read, simple]. */
    product: (idOrSlug: string, r?: RequestOptions): Promise<Product> =>
      call(normProduct)('GET', '/products/{id}', r, { id: idOrSlug }),
    /** `GET /categories/{idOrSlug}` [read, simple]; `include` adds `children` and/or `parent`. */
    category: (
      idOrSlug: string,
      q: { include?: ('children' | 'parent')[]; lang?: string } = {},
      r?: RequestOptions,
    ): Promise<Category> =>
      call(normCategory)('GET', '/categories/{id}', r, { id: idOrSlug, query: { include: q.include, lang: q.lang } }),
    /** `GET /cart` [read]: an unknown token gets an empty cart. */
    cart: (r?: RequestOptions): Promise<Cart> => call(normCart)('GET', '/cart', r),
    /** `POST /cart/items` [mutation]: adds to the line of the same variant. Never retried: see `OUTCOME_UNKNOWN`. */
    addItem: (item: AddItem, r?: RequestOptions): Promise<Cart> =>
      call(normCart)('POST', '/cart/items', r, { body: item }),
    /** `PATCH /cart/items/{id}` [mutation]: sets the quantity outright; 0 removes the line. */
    updateItem: (itemId: string, quantity: number, r?: RequestOptions): Promise<Cart> =>
      call(normCart)('PATCH', '/cart/items/{id}', r, { id: itemId, body: { quantity } }),
    /** `DELETE /cart/items/{id}` [mutation]. */
    removeItem: (itemId: string, r?: RequestOptions): Promise<Cart> =>
      call(normCart)('DELETE', '/cart/items/{id}', r, { id: itemId }),
    /**
     * `PATCH /cart` [mutation]: omitted fields are untouched, `null` clears. A refused discount or
     * gift-card code is not an error: the cart comes back with `discountError` / `giftCardError`.
     * `giftCardCode` is a bearer secret: never log or persist it.
     */
    updateCart: (patch: CartUpdate, r?: RequestOptions): Promise<Cart> =>
      call(normCart)('PATCH', '/cart', r, { body: patch }),
    /** `GET /products/{id}/reviews?page` [read, simple]. Pages: ceil(meta.total / meta.perPage). */
    reviews: (productId: string, page = 1, r?: RequestOptions): Promise<List<Review, ReviewsMeta>> =>
      call(N.normReviews)('GET', '/products/{id}/reviews', r, {
        id: productId,
        query: { page: page > 1 ? page : undefined },
      }),
    /** `POST /products/{id}/reviews` [sensitive]: sends `X-Customer-Token` when signed in (verified purchase). */
    submitReview: (productId: string, review: ReviewInput, r?: RequestOptions): Promise<Review> =>
      call(N.normReview)('POST', '/products/{id}/reviews', r, { id: productId, body: review }),

    /** `GET /cart/shipping-options` [read]: for the address stored on the cart. */
    shippingOptions: (r?: RequestOptions): Promise<ShippingOptions> =>
      call(N.normShippingOptions)('GET', '/cart/shipping-options', r),
    /** `GET /payment-methods` [read, simple]: no token. */
    paymentMethods: (r?: RequestOptions): Promise<PaymentMethods> =>
      call(N.normPaymentMethods)('GET', '/payment-methods', r),
    /** `POST /cart/checkout` [checkout]: a refusal rejects with a `CheckoutRejection`. Never retried. */
    checkout: (req: CheckoutRequest = {}, r?: RequestOptions): Promise<CheckoutResult> =>
      call(N.normCheckoutResult)('POST', '/cart/checkout', r, { body: req }),
    /** `POST /orders/{id}/pay` [checkout]: branch on `handoff.kind`; an unsafe redirect is `BAD_RESPONSE`. */
    pay: (orderId: string, req: PayRequest, r?: RequestOptions): Promise<Payment> =>
      call(N.normPayment)('POST', '/orders/{id}/pay', r, { id: orderId, body: req }),
    /** `POST /orders/{id}/capture` [checkout]: after PayPal's approval. Idempotent on the server. */
    capture: (orderId: string, req: CaptureRequest, r?: RequestOptions): Promise<CaptureResult> =>
      call(N.normCapture)('POST', '/orders/{id}/capture', r, { id: orderId, body: req }),
    /** `GET /orders/{id}/status` [read]: poll after the return from payment. */
    orderStatus: (orderId: string, r?: RequestOptions): Promise<OrderStatus> =>
      call(N.normOrderStatus)('GET', '/orders/{id}/status', r, { id: orderId }),
    /** `GET /orders/{id}` [read]: the flat receipt; only the cart token that placed the order may read it. */
    order: (orderId: string, r?: RequestOptions): Promise<OrderReceipt> =>
      call(N.normReceipt)('GET', '/orders/{id}', r, { id: orderId }),

    /** `GET /countries` [read, simple]: `shippable` limits the list to the store's destinations. */
    countries: (q: { shippable?: boolean; locale?: string } = {}, r?: RequestOptions): Promise<Countries> =>
      call(N.normCountries)('GET', '/countries', r, {
        query: { locale: q.locale, shippable: q.shippable ? 1 : undefined },
      }),
    /** `GET /countries/{cc}/states` [read, simple]. The live API no longer serves it: prefer `subdivisions`. */
    states: (countryCode: string, q: { locale?: string } = {}, r?: RequestOptions): Promise<States> =>
      call(N.normStates)('GET', '/countries/{id}/states', r, { id: countryCode, query: { locale: q.locale } }),
    /** `GET /places/autocomplete` [read, simple]: only when `store.features.addressAutocomplete`. */
    placesAutocomplete: (
      q: { query: string; sessionToken: string; country?: string },
      r?: RequestOptions,
    ): Promise<PlacePrediction[]> => call(N.normPredictions)('GET', '/places/autocomplete', r, { query: q }),
    /** `GET /places/details` [read, simple]: ends the search; mint a new session token after it. */
    placeDetails: (q: { placeId: string; sessionToken: string }, r?: RequestOptions): Promise<PlaceDetails> =>
      call(N.normPlaceDetails)('GET', '/places/details', r, { query: q }),

    /** `POST /customer/otp` [sensitive]: check `retryAfterSeconds` first, then `sent`/`recognised`. */
    requestLoginCode: (email: string, r?: RequestOptions): Promise<OtpRequestResult> =>
      call(N.normOtpRequest)('POST', '/customer/otp', r, { body: { email } }),
    /** `POST /customer/otp/verify` [sensitive]: the token appears once; store it and pass it as `customerToken`. */
    verifyLoginCode: (email: string, code: string, r?: RequestOptions): Promise<OtpVerifyResult> =>
      call(N.normOtpVerify)('POST', '/customer/otp/verify', r, { body: { email, code } }),
    /** `GET /customer/me` [read]: a 401 means the token expired; drop it. */
    customer: (r?: RequestOptions): Promise<CustomerProfile> => call(N.normCustomer)('GET', '/customer/me', r),
    /** `GET /customer/addresses` [read]. */
    customerAddresses: (r?: RequestOptions): Promise<CustomerAddress[]> =>
      call(N.normCustomerAddresses)('GET', '/customer/addresses', r),
    /** `GET /customer/orders` [read]: the whole history, unpaged. */
    customerOrders: (r?: RequestOptions): Promise<CustomerOrder[]> =>
      call(N.normCustomerOrders)('GET', '/customer/orders', r),
    /** `POST /customer/signout` [mutation]: drop the token whatever the outcome. */
    signOut: (r?: RequestOptions): Promise<{ signedOut: boolean }> =>
      call(N.normSignOut)('POST', '/customer/signout', r, { body: {} }),
  };
}

export type LaterEndpoints = ReturnType<typeof laterEndpoints>;
