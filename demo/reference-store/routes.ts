// The API surface under /v3/public/{publishableKey}: one row per endpoint with its rate-limit
// class, what it needs from the request, and its handler (in the module of its domain). The row's
// "METHOD /pattern" string is also the rate limiter's endpoint key.
import * as cart from './cart-routes.js';
import * as catalog from './catalog-routes.js';
import type { ApiContext, ApiResult } from './context.js';
import * as countries from './countries.js';
import * as customers from './customers.js';
import * as places from './places.js';
import type { LimitClass } from './rate-limit.js';
import { createReview, listReviews } from './reviews.js';
import * as sparse from './sparse.js';
import { storeResource } from './storefront.js';

export type { ApiContext, ApiResult } from './context.js';

/**
 * `simple`: a CORS-simple read; needs no header at all (the key in the path names the store).
 * `open`: stateful, but needs no cart token (reviews, /customer…; customer routes check
 * X-Customer-Token themselves). `cart`: X-Cart-Token required.
 * No route requires Authorization: the live API's official client never sends it. One that names
 * another key than the path is still refused.
 */
export type Access = 'simple' | 'open' | 'cart';

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  pattern: string;
  cls: LimitClass;
  access: Access;
  run: (ctx: ApiContext) => ApiResult;
  /** Its answer's `data` under the "sparse" fault: only the required fields. */
  sparse?: (data: unknown) => unknown;
  /** A ceiling of its own instead of its class's (still overridable by endpoint, class or "*"). */
  limit?: number;
}

export const ROUTES: Route[] = [
  // Catalogue (read, 120 a minute)
  { method: 'GET', pattern: '/', cls: 'catalogue', access: 'simple', run: storeResource, sparse: sparse.sparseStore },
  {
    method: 'GET',
    pattern: '/products',
    cls: 'catalogue',
    access: 'simple',
    run: catalog.listProducts,
    sparse: sparse.sparseProducts,
  },
  {
    method: 'GET',
    pattern: '/products/{id}',
    cls: 'catalogue',
    access: 'simple',
    run: catalog.getProduct,
    sparse: sparse.sparseProduct,
  },
  { method: 'GET', pattern: '/products/{id}/reviews', cls: 'catalogue', access: 'simple', run: listReviews },
  { method: 'GET', pattern: '/categories', cls: 'catalogue', access: 'simple', run: catalog.listCategories },
  {
    method: 'GET',
    pattern: '/categories/{id}',
    cls: 'catalogue',
    access: 'simple',
    run: catalog.getCategory,
    sparse: sparse.sparseCategory,
  },
  // Lookups (read, 60 a minute)
  {
    method: 'GET',
    pattern: '/payment-methods',
    cls: 'read',
    access: 'simple',
    run: cart.paymentMethods,
    sparse: sparse.sparsePaymentMethods,
  },
  {
    method: 'GET',
    pattern: '/countries',
    cls: 'read',
    access: 'simple',
    run: countries.countries,
    sparse: sparse.sparseCountries,
  },
  { method: 'GET', pattern: '/countries/{cc}/states', cls: 'read', access: 'simple', run: countries.states },
  { method: 'GET', pattern: '/places/autocomplete', cls: 'read', access: 'simple', run: places.autocomplete },
  { method: 'GET', pattern: '/places/details', cls: 'read', access: 'simple', run: places.details },
  // Cart
  { method: 'GET', pattern: '/cart', cls: 'read', access: 'cart', run: cart.getCart, sparse: sparse.sparseCart },
  {
    method: 'POST',
    pattern: '/cart/items',
    cls: 'mutation',
    access: 'cart',
    run: cart.addItem,
    sparse: sparse.sparseCart,
  },
  {
    method: 'PATCH',
    pattern: '/cart/items/{id}',
    cls: 'mutation',
    access: 'cart',
    run: cart.setQuantity,
    sparse: sparse.sparseCart,
  },
  {
    method: 'DELETE',
    pattern: '/cart/items/{id}',
    cls: 'mutation',
    access: 'cart',
    run: cart.removeItem,
    sparse: sparse.sparseCart,
  },
  {
    method: 'PATCH',
    pattern: '/cart',
    cls: 'mutation',
    access: 'cart',
    run: cart.patchCart,
    sparse: sparse.sparseCart,
  },
  { method: 'GET', pattern: '/cart/shipping-options', cls: 'read', access: 'cart', run: cart.shippingOptions },
  // Checkout and payment
  { method: 'POST', pattern: '/cart/checkout', cls: 'checkout', access: 'cart', run: cart.checkout },
  { method: 'POST', pattern: '/orders/{id}/pay', cls: 'checkout', access: 'cart', run: cart.pay },
  { method: 'POST', pattern: '/orders/{id}/capture', cls: 'checkout', access: 'cart', run: cart.capture },
  { method: 'GET', pattern: '/orders/{id}', cls: 'read', access: 'cart', run: cart.receipt },
  { method: 'GET', pattern: '/orders/{id}/status', cls: 'read', access: 'cart', run: cart.orderStatus },
  // Reviews and the customer account
  { method: 'POST', pattern: '/products/{id}/reviews', cls: 'sensitive', access: 'open', run: createReview },
  { method: 'POST', pattern: '/customer/otp', cls: 'sensitive', access: 'open', run: customers.requestCode },
  {
    method: 'POST',
    pattern: '/customer/otp/verify',
    cls: 'sensitive',
    access: 'open',
    run: customers.verifyCode,
    limit: 10,
  },
  {
    method: 'GET',
    pattern: '/customer/me',
    cls: 'read',
    access: 'open',
    run: customers.me,
    sparse: sparse.sparseCustomer,
  },
  { method: 'GET', pattern: '/customer/addresses', cls: 'read', access: 'open', run: customers.addresses },
  { method: 'GET', pattern: '/customer/orders', cls: 'read', access: 'open', run: customers.orders },
  { method: 'POST', pattern: '/customer/signout', cls: 'mutation', access: 'open', run: customers.signOut },
];

/** Default ceilings of the endpoints that have their own (for the rate limiter). */
export const ENDPOINT_LIMITS: Record<string, number> = Object.fromEntries(
  ROUTES.filter((r) => r.limit !== undefined).map((r) => [`${r.method} ${r.pattern}`, r.limit as number]),
);

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string>; endpoint: string }
  | { kind: 'method'; allowed: string[]; endpoint: string }
  | { kind: 'none'; endpoint: string };

/** Matches a path relative to the store base ("/products/abc"). */
export function matchRoute(method: string, subpath: string): RouteMatch {
  const segments = subpath === '/' || subpath === '' ? [] : subpath.replace(/^\//, '').replace(/\/$/, '').split('/');
  const allowed: string[] = [];
  let pattern: string | null = null;
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { kind: 'route', route, params, endpoint: `${method} ${route.pattern}` };
    allowed.push(route.method);
    pattern = route.pattern;
  }
  // Unknown endpoints share one counter per method, so path scanning cannot grow the limiter's map.
  if (pattern) return { kind: 'method', allowed, endpoint: `${method} ${pattern}` };
  return { kind: 'none', endpoint: `${method} (unknown)` };
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern === '/' ? [] : pattern.slice(1).split('/');
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const segment = segments[i] ?? '';
    if (part.startsWith('{')) {
      if (segment === '') return null;
      try {
        params[part.slice(1, -1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}
