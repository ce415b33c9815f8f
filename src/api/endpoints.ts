// The contract's endpoints as typed functions, each answer normalized at the edge.
import type { Category, Product, ProductListMeta, ProductQuery } from './types/catalog.js';
import type { List } from './types/common.js';
import { caller } from './endpoint-call.js';
import type * as Later from './later-endpoints.js';
import type { LaterEndpoints } from './later-endpoints.js';
import { normCategoryList, normProductList } from './normalize/catalog.js';
import { normStore } from './normalize/store.js';
import type { StoreSettings } from './types/store.js';
import type { RequestOptions, Send } from './transport.js';

/**
 * The endpoints of later-endpoints.ts: what a page's first paint never calls. Each is here a stub
 * that loads that module (once) on its first call, so the first paint carries only their names.
 */
export const LATER_ENDPOINTS = (
  'product category cart addItem updateItem removeItem updateCart shippingOptions paymentMethods checkout pay capture orderStatus order countries states placesAutocomplete ' +
  'placeDetails reviews submitReview requestLoginCode verifyLoginCode customer customerAddresses customerOrders signOut'
).split(' ') as (keyof LaterEndpoints)[];

let loadingLater: Promise<typeof Later> | undefined;

/**
 * Loads later-endpoints.ts, once for the page (a load that failed, offline, is tried again by the
 * next call). Tests that drive time by fake timers load it first: those do not wait for a module.
 */
export function loadLaterEndpoints(): Promise<typeof Later> {
  return (loadingLater ??= import('./later-endpoints.js').catch((error: unknown) => {
    loadingLater = undefined;
    throw error;
  }));
}

/**
 * One typed function per endpoint of the contract, each answer normalized at the edge
 * (the normalize/*.ts modules). Lists resolve to `{data, meta}`; everything else to the `data` of its envelope.
 * Cart mutations resolve to the whole recalculated cart. `[class]` is the rate-limit class
 * (limiter.ts `classOf`); "simple" reads carry no token and pay no CORS preflight.
 */
export function endpoints(send: Send) {
  const call = caller(send);
  let made: LaterEndpoints | undefined;
  const later = Object.fromEntries(
    LATER_ENDPOINTS.map((name) => [
      name,
      async (...args: unknown[]) => {
        made ??= (await loadLaterEndpoints()).laterEndpoints(call);
        return (made[name] as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as LaterEndpoints;

  return {
    /** `GET /` [read, simple]: the store, its currency and checkout settings. */
    store: (r?: RequestOptions): Promise<StoreSettings> => call(normStore)('GET', '/', r),
    /** `GET /products` [read, simple]. A product that cannot be used is left out of the page. */
    products: (query: ProductQuery = {}, r?: RequestOptions): Promise<List<Product, ProductListMeta>> =>
      call(normProductList)('GET', '/products', r, { query: query as never }),
    /** `GET /categories` [read, simple]: the flat list; build the tree from `parentId`. */
    categories: (query: { page?: number; perPage?: number } = {}, r?: RequestOptions): Promise<List<Category>> =>
      call(normCategoryList)('GET', '/categories', r, { query }),
    ...later,
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
