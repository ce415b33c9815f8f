export { ApiError, CheckoutRejection } from './errors.js';
export { ToteKeyError, assertPublishableKey, maskKey } from './keys.js';
export { createLimiter, classOf, retryAfterMs, CLASS_LIMITS, ENDPOINT_LIMITS } from './limiter.js';
export { createNegotiator, headersFor } from './headers.js';
export type { HeaderMode, HeaderTest, Negotiator, NegotiatorOptions } from './headers.js';
export { DEFAULT_CHECKOUT } from './normalize/store.js';
export { safeUrl } from './normalize/primitives.js';
export { PAID_STATUSES } from './types/order.js';
export type {
  EndpointClass,
  EndpointState,
  Limiter,
  LimiterOptions,
  LimiterSnapshot,
  RateInfo,
  Ticket,
} from './limiter.js';
export { createTransport, buildQuery } from './transport.js';
export type { Method, Query, RequestOptions, Send, TransportOptions } from './transport.js';
export type { Endpoints } from './endpoints.js';
export type * from './types/common.js';
export type * from './types/store.js';
export type * from './types/catalog.js';
export type * from './types/cart.js';
export type * from './types/checkout.js';
export type * from './types/order.js';
export type * from './types/address-lookup.js';
export type * from './types/review.js';
export type * from './types/account.js';

export { createApiClient, DEFAULT_API_BASE } from './client.js';
export type { ApiClient, ApiClientOptions } from './client.js';
