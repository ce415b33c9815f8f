import type { RequestOptions, Send } from './transport.js';
import type {
  AddItem,
  Cart,
  CartUpdate,
  Category,
  CheckoutRequest,
  CheckoutResult,
  List,
  OrderReceipt,
  OrderStatus,
  Payment,
  PaymentMethods,
  PayRequest,
  Product,
  ProductListMeta,
  ProductQuery,
  ShippingOptions,
  Store,
} from './types.js';

/**
 * One typed function per endpoint of the contract. Lists resolve to `{data, meta}`; everything
 * else to the `data` of its envelope. Cart mutations resolve to the whole recalculated cart.
 */
export function endpoints(send: Send) {
  return {
    /** `GET /` — the store, its currency and checkout settings. */
    store: (r?: RequestOptions) => send<Store>('GET', '/', r),
    /** `GET /products` */
    products: (query: ProductQuery = {}, r?: RequestOptions) =>
      send<List<Product, ProductListMeta>>('GET', '/products', r, { query: query as never }),
    /** `GET /products/{idOrSlug}` */
    product: (idOrSlug: string, r?: RequestOptions) => send<Product>('GET', '/products/{id}', r, { id: idOrSlug }),
    /** `GET /categories` */
    categories: (query: { page?: number; perPage?: number } = {}, r?: RequestOptions) =>
      send<List<Category>>('GET', '/categories', r, { query }),
    /** `GET /cart` — an unknown token gets an empty cart. */
    cart: (r?: RequestOptions) => send<Cart>('GET', '/cart', r),
    /** `POST /cart/items` — adds to the line of the same variant. Never retried: see `OUTCOME_UNKNOWN`. */
    addItem: (item: AddItem, r?: RequestOptions) => send<Cart>('POST', '/cart/items', r, { body: item }),
    /** `PATCH /cart/items/{id}` — sets the quantity outright; 0 removes the line. */
    updateItem: (itemId: string, quantity: number, r?: RequestOptions) =>
      send<Cart>('PATCH', '/cart/items/{id}', r, { id: itemId, body: { quantity } }),
    /** `DELETE /cart/items/{id}` */
    removeItem: (itemId: string, r?: RequestOptions) => send<Cart>('DELETE', '/cart/items/{id}', r, { id: itemId }),
    /** `PATCH /cart` — omitted fields are untouched, `null` clears. */
    updateCart: (patch: CartUpdate, r?: RequestOptions) => send<Cart>('PATCH', '/cart', r, { body: patch }),
    /** `GET /cart/shipping-options` — for the address on the cart. */
    shippingOptions: (r?: RequestOptions) => send<ShippingOptions>('GET', '/cart/shipping-options', r),
    /** `GET /payment-methods` */
    paymentMethods: (r?: RequestOptions) => send<PaymentMethods>('GET', '/payment-methods', r),
    /** `POST /cart/checkout` — a refusal rejects with a `CheckoutRejection`. Never retried. */
    checkout: (req: CheckoutRequest = {}, r?: RequestOptions) =>
      send<CheckoutResult>('POST', '/cart/checkout', r, { body: req }),
    /** `POST /orders/{id}/pay` — then send the shopper to `handoff.redirectUrl`. */
    pay: (orderId: string, req: PayRequest, r?: RequestOptions) =>
      send<Payment>('POST', '/orders/{id}/pay', r, { id: orderId, body: req }),
    /** `GET /orders/{id}/status` — poll after the return from payment. */
    orderStatus: (orderId: string, r?: RequestOptions) => send<OrderStatus>('GET', '/orders/{id}/status', r, { id: orderId }),
    /** `GET /orders/{id}` — only the cart token that placed the order may read it. */
    order: (orderId: string, r?: RequestOptions) => send<OrderReceipt>('GET', '/orders/{id}', r, { id: orderId }),
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
