// The contract's endpoints as typed functions, each answer normalized at the edge.
import type { AddItem, Cart, CartUpdate } from './types/cart.js';
import type { Category, Product, ProductListMeta, ProductQuery } from './types/catalog.js';
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
import type { List } from './types/common.js';
import type {
  CustomerAddress,
  CustomerOrder,
  CustomerProfile,
  OtpRequestResult,
  OtpVerifyResult,
} from './types/account.js';
import type { Countries, PlaceDetails, PlacePrediction, States } from './types/address-lookup.js';
import { ApiError } from './errors.js';
import { normCart } from './normalize/cart.js';
import { normCategory, normCategoryList, normProduct, normProductList } from './normalize/catalog.js';
import type * as OnDemand from './normalize/on-demand.js';
import { normStore } from './normalize/store.js';
import type { OrderReceipt, OrderStatus } from './types/order.js';
import type { Review, ReviewInput, ReviewsMeta } from './types/review.js';
import type { StoreSettings } from './types/store.js';
import type { Call, Method, RequestOptions, Send } from './transport.js';

/**
 * One typed function per endpoint of the contract, each answer normalized at the edge
 * (the normalize-*.ts modules). Lists resolve to `{data, meta}`; everything else to the `data` of its envelope.
 * Cart mutations resolve to the whole recalculated cart. `[class]` is the rate-limit class
 * (limiter.ts `classOf`); "simple" reads carry no token and pay no CORS preflight.
 */
export function endpoints(send: Send) {
  // An id goes into the path percent-encoded, but "." and ".." stay as they are and a URL resolves
  // them: an order id ".." from a hostile answer or link would make `/orders/../pay` a `POST /pay`.
  const call =
    <T>(normalize: (v: unknown) => T | Promise<T>) =>
    (method: Method, pattern: string, options: RequestOptions | undefined, parts: Call = {}) =>
      parts.id === '.' || parts.id === '..'
        ? Promise.reject(new ApiError(400, 'BAD_REQUEST', 'Not an id'))
        : send<T>(method, pattern, options, { ...parts, normalize });
  // Checkout, orders, account, reviews and lookups are normalized by a module loaded on first use
  // (normalize-on-demand.ts): a page with a grid and a cart button never downloads it.
  const later = <K extends keyof typeof OnDemand>(name: K) =>
    call((v: unknown) =>
      import('./normalize/on-demand.js').then((normalizers) =>
        (normalizers[name] as (v: unknown) => ReturnType<(typeof OnDemand)[K]>)(v),
      ),
    );
  const store = call(normStore);
  const product = call(normProduct);
  const cart = call(normCart);
  const orderStatus = later('normOrderStatus');

  return {
    /** `GET /` [read, simple]: the store, its currency and checkout settings. */
    store: (r?: RequestOptions): Promise<StoreSettings> => store('GET', '/', r),
    /** `GET /products` [read, simple]. A product that cannot be used is left out of the page. */
    products: (query: ProductQuery = {}, r?: RequestOptions): Promise<List<Product, ProductListMeta>> =>
      call(normProductList)('GET', '/products', r, { query: query as never }),
    /** `GET /products/{idOrSlug}` [read, simple]. */
    product: (idOrSlug: string, r?: RequestOptions): Promise<Product> =>
      product('GET', '/products/{id}', r, { id: idOrSlug }),
    /** `GET /categories` [read, simple]: the flat list; build the tree from `parentId`. */
    categories: (query: { page?: number; perPage?: number } = {}, r?: RequestOptions): Promise<List<Category>> =>
      call(normCategoryList)('GET', '/categories', r, { query }),
    /** `GET /categories/{idOrSlug}` [read, simple]; `include` adds `children` and/or `parent`. */
    category: (
      idOrSlug: string,
      q: { include?: ('children' | 'parent')[]; lang?: string } = {},
      r?: RequestOptions,
    ): Promise<Category> =>
      call(normCategory)('GET', '/categories/{id}', r, { id: idOrSlug, query: { include: q.include, lang: q.lang } }),
    /** `GET /products/{id}/reviews?page` [read, simple]. Pages: ceil(meta.total / meta.perPage). */
    reviews: (productId: string, page = 1, r?: RequestOptions): Promise<List<Review, ReviewsMeta>> =>
      later('normReviews')('GET', '/products/{id}/reviews', r, {
        id: productId,
        query: { page: page > 1 ? page : undefined },
      }),
    /** `POST /products/{id}/reviews` [sensitive]: sends `X-Customer-Token` when signed in (verified purchase). */
    submitReview: (productId: string, review: ReviewInput, r?: RequestOptions): Promise<Review> =>
      later('normReview')('POST', '/products/{id}/reviews', r, { id: productId, body: review }),

    /** `GET /cart` [read]: an unknown token gets an empty cart. */
    cart: (r?: RequestOptions): Promise<Cart> => cart('GET', '/cart', r),
    /** `POST /cart/items` [mutation]: adds to the line of the same variant. Never retried: see `OUTCOME_UNKNOWN`. */
    addItem: (item: AddItem, r?: RequestOptions): Promise<Cart> => cart('POST', '/cart/items', r, { body: item }),
    /** `PATCH /cart/items/{id}` [mutation]: sets the quantity outright; 0 removes the line. */
    updateItem: (itemId: string, quantity: number, r?: RequestOptions): Promise<Cart> =>
      cart('PATCH', '/cart/items/{id}', r, { id: itemId, body: { quantity } }),
    /** `DELETE /cart/items/{id}` [mutation]. */
    removeItem: (itemId: string, r?: RequestOptions): Promise<Cart> =>
      cart('DELETE', '/cart/items/{id}', r, { id: itemId }),
    /**
     * `PATCH /cart` [mutation]: omitted fields are untouched, `null` clears. A refused discount or
     * gift-card code is not an error: the cart comes back with `discountError` / `giftCardError`.
     * `giftCardCode` is a bearer secret: never log or persist it.
     */
    updateCart: (patch: CartUpdate, r?: RequestOptions): Promise<Cart> => cart('PATCH', '/cart', r, { body: patch }),
    /** `GET /cart/shipping-options` [read]: for the address stored on the cart. */
    shippingOptions: (r?: RequestOptions): Promise<ShippingOptions> =>
      later('normShippingOptions')('GET', '/cart/shipping-options', r),
    /** `GET /payment-methods` [read, simple]: no token. */
    paymentMethods: (r?: RequestOptions): Promise<PaymentMethods> =>
      later('normPaymentMethods')('GET', '/payment-methods', r),
    /** `POST /cart/checkout` [checkout]: a refusal rejects with a `CheckoutRejection`. Never retried. */
    checkout: (req: CheckoutRequest = {}, r?: RequestOptions): Promise<CheckoutResult> =>
      later('normCheckoutResult')('POST', '/cart/checkout', r, { body: req }),
    /** `POST /orders/{id}/pay` [checkout]: branch on `handoff.kind`; an unsafe redirect is `BAD_RESPONSE`. */
    pay: (orderId: string, req: PayRequest, r?: RequestOptions): Promise<Payment> =>
      later('normPayment')('POST', '/orders/{id}/pay', r, { id: orderId, body: req }),
    /** `POST /orders/{id}/capture` [checkout]: after PayPal's approval. Idempotent on the server. */
    capture: (orderId: string, req: CaptureRequest, r?: RequestOptions): Promise<CaptureResult> =>
      later('normCapture')('POST', '/orders/{id}/capture', r, { id: orderId, body: req }),
    /** `GET /orders/{id}/status` [read]: poll after the return from payment. */
    orderStatus: (orderId: string, r?: RequestOptions): Promise<OrderStatus> =>
      orderStatus('GET', '/orders/{id}/status', r, { id: orderId }),
    /** `GET /orders/{id}` [read]: the flat receipt; only the cart token that placed the order may read it. */
    order: (orderId: string, r?: RequestOptions): Promise<OrderReceipt> =>
      later('normReceipt')('GET', '/orders/{id}', r, { id: orderId }),

    /** `GET /countries` [read, simple]: `shippable` limits the list to the store's destinations. */
    countries: (q: { shippable?: boolean; locale?: string } = {}, r?: RequestOptions): Promise<Countries> =>
      later('normCountries')('GET', '/countries', r, {
        query: { locale: q.locale, shippable: q.shippable ? 1 : undefined },
      }),
    /** `GET /countries/{cc}/states` [read, simple]. The live API no longer serves it: prefer `subdivisions`. */
    states: (countryCode: string, q: { locale?: string } = {}, r?: RequestOptions): Promise<States> =>
      later('normStates')('GET', '/countries/{id}/states', r, { id: countryCode, query: { locale: q.locale } }),
    /** `GET /places/autocomplete` [read, simple]: only when `store.features.addressAutocomplete`. */
    placesAutocomplete: (
      q: { query: string; sessionToken: string; country?: string },
      r?: RequestOptions,
    ): Promise<PlacePrediction[]> => later('normPredictions')('GET', '/places/autocomplete', r, { query: q }),
    /** `GET /places/details` [read, simple]: ends the search; mint a new session token after it. */
    placeDetails: (q: { placeId: string; sessionToken: string }, r?: RequestOptions): Promise<PlaceDetails> =>
      later('normPlaceDetails')('GET', '/places/details', r, { query: q }),

    /** `POST /customer/otp` [sensitive]: check `retryAfterSeconds` first, then `sent`/`recognised`. */
    requestLoginCode: (email: string, r?: RequestOptions): Promise<OtpRequestResult> =>
      later('normOtpRequest')('POST', '/customer/otp', r, { body: { email } }),
    /** `POST /customer/otp/verify` [sensitive]: the token appears once; store it and pass it as `customerToken`. */
    verifyLoginCode: (email: string, code: string, r?: RequestOptions): Promise<OtpVerifyResult> =>
      later('normOtpVerify')('POST', '/customer/otp/verify', r, { body: { email, code } }),
    /** `GET /customer/me` [read]: a 401 means the token expired; drop it. */
    customer: (r?: RequestOptions): Promise<CustomerProfile> => later('normCustomer')('GET', '/customer/me', r),
    /** `GET /customer/addresses` [read]. */
    customerAddresses: (r?: RequestOptions): Promise<CustomerAddress[]> =>
      later('normCustomerAddresses')('GET', '/customer/addresses', r),
    /** `GET /customer/orders` [read]: the whole history, unpaged. */
    customerOrders: (r?: RequestOptions): Promise<CustomerOrder[]> =>
      later('normCustomerOrders')('GET', '/customer/orders', r),
    /** `POST /customer/signout` [mutation]: drop the token whatever the outcome. */
    signOut: (r?: RequestOptions): Promise<{ signedOut: boolean }> =>
      later('normSignOut')('POST', '/customer/signout', r, { body: {} }),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
