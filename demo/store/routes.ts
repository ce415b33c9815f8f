// The API surface under /v3/public/{publishableKey}: one row per endpoint with its rate-limit
// class and who may call it, and the handler that turns a validated request into `data`.
// The row's "METHOD /pattern" string is also the rate limiter's endpoint key.
import { ApiError, randomId, type FieldIssue } from './http.js';
import type { LimitClass } from './rate-limit.js';
import type { StoreState } from './state.js';
import { EMAIL, int, objectBody, str, throwIfIssues } from './validate.js';

export interface ApiContext {
  state: StoreState;
  origin: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** X-Cart-Token; present (and well-formed) for every `cart` route. */
  token: string;
  now: number;
}

export interface ApiResult {
  status?: number;
  data: unknown;
  meta?: Record<string, unknown>;
}

/**
 * `public`: catalogue reads, CORS-simple, no headers needed (a wrong Authorization is still a 401).
 * `bearer`: Authorization required. `cart`: Authorization and X-Cart-Token required.
 */
export type Access = 'public' | 'bearer' | 'cart';

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  pattern: string;
  cls: LimitClass;
  access: Access;
  run: (ctx: ApiContext) => ApiResult;
}

const param = (ctx: ApiContext, name: string): string => ctx.params[name] ?? '';

function storeResource(ctx: ApiContext): Record<string, unknown> {
  const { config } = ctx.state.catalogue;
  const absolute = (url: string | null): string | null => (url && url.startsWith('/') ? `${ctx.origin}${url}` : url);
  return {
    id: config.id,
    name: config.name,
    currency: config.currency,
    locale: config.locale,
    checkout: { ...config.checkout, termsUrl: absolute(config.checkout.termsUrl), privacyPolicyUrl: absolute(config.checkout.privacyPolicyUrl) },
  };
}

export const ROUTES: Route[] = [
  { method: 'GET', pattern: '/', cls: 'catalogue', access: 'public', run: (ctx) => ({ data: storeResource(ctx) }) },
  {
    method: 'GET', pattern: '/products', cls: 'catalogue', access: 'public',
    run: (ctx) => {
      const { catalogue } = ctx.state;
      const query = catalogue.parseQuery(ctx.query);
      const result = catalogue.query(query);
      return {
        data: result.items.map((p) => catalogue.serializeProduct(ctx.origin, p)),
        meta: {
          page: query.page, perPage: query.perPage, total: result.total, totalPages: Math.ceil(result.total / query.perPage),
          currency: catalogue.config.currency, priceMin: result.priceMin, priceMax: result.priceMax,
        },
      };
    },
  },
  {
    method: 'GET', pattern: '/products/{id}', cls: 'catalogue', access: 'public',
    run: (ctx) => {
      const product = ctx.state.catalogue.findProduct(param(ctx, 'id'));
      if (!product) throw new ApiError(404, `No product "${param(ctx, 'id').slice(0, 100)}".`);
      return { data: ctx.state.catalogue.serializeProduct(ctx.origin, product) };
    },
  },
  {
    method: 'GET', pattern: '/categories', cls: 'catalogue', access: 'public',
    run: (ctx) => {
      const { catalogue } = ctx.state;
      const issues: FieldIssue[] = [];
      const page = queryNumber(ctx.query, 'page', issues, 1, 100_000) ?? 1;
      const perPage = queryNumber(ctx.query, 'perPage', issues, 1, 100) ?? 50;
      throwIfIssues(issues);
      const all = catalogue.categories;
      const start = (page - 1) * perPage;
      return {
        data: all.slice(start, start + perPage).map((c) => catalogue.serializeCategory(ctx.origin, c)),
        meta: { page, perPage, total: all.length, totalPages: Math.ceil(all.length / perPage) },
      };
    },
  },
  {
    method: 'POST', pattern: '/products/{id}/reviews', cls: 'sensitive', access: 'bearer',
    run: (ctx) => {
      const body = objectBody(ctx.body);
      const issues: FieldIssue[] = [];
      const rating = int(body, 'rating', issues, { min: 1, max: 5, required: true });
      const title = str(body, 'title', issues, { max: 120, nullable: true });
      const text = str(body, 'body', issues, { max: 5000, required: true });
      const name = str(body, 'name', issues, { max: 100, required: true });
      throwIfIssues(issues);
      const product = ctx.state.catalogue.findProduct(param(ctx, 'id'));
      if (!product) throw new ApiError(404, `No product "${param(ctx, 'id').slice(0, 100)}".`);
      // Reviews go to moderation; the reference store accepts and forgets them.
      return { status: 201, data: { id: randomId('rev'), productId: product.id, rating, title: title ?? null, body: text, name, status: 'pending' } };
    },
  },
  {
    method: 'POST', pattern: '/customer/otp', cls: 'sensitive', access: 'bearer',
    run: (ctx) => {
      const body = objectBody(ctx.body);
      const issues: FieldIssue[] = [];
      str(body, 'email', issues, { max: 254, required: true, pattern: EMAIL, patternMessage: 'Must be an email address.' });
      throwIfIssues(issues);
      // Same answer whether or not the address has an account: no account enumeration.
      return { status: 202, data: { sent: true, expiresAt: new Date(ctx.now + 10 * 60_000).toISOString() } };
    },
  },
  { method: 'GET', pattern: '/cart', cls: 'read', access: 'cart', run: (ctx) => ({ data: cartOf(ctx, () => undefined) }) },
  {
    method: 'POST', pattern: '/cart/items', cls: 'mutation', access: 'cart',
    run: (ctx) => ({ data: cartOf(ctx, (carts, cart) => carts.addItem(cart, ctx.body, ctx.now)) }),
  },
  {
    method: 'PATCH', pattern: '/cart/items/{id}', cls: 'mutation', access: 'cart',
    run: (ctx) => ({ data: cartOf(ctx, (carts, cart) => carts.setQuantity(cart, param(ctx, 'id'), ctx.body, ctx.now)) }),
  },
  {
    method: 'DELETE', pattern: '/cart/items/{id}', cls: 'mutation', access: 'cart',
    run: (ctx) => ({ data: cartOf(ctx, (carts, cart) => carts.removeItem(cart, param(ctx, 'id'), ctx.now)) }),
  },
  {
    method: 'PATCH', pattern: '/cart', cls: 'mutation', access: 'cart',
    run: (ctx) => ({ data: cartOf(ctx, (carts, cart) => carts.patch(cart, ctx.body, ctx.now)) }),
  },
  {
    method: 'GET', pattern: '/cart/shipping-options', cls: 'read', access: 'cart',
    run: (ctx) => ({ data: ctx.state.carts.shippingOptions(ctx.state.carts.get(ctx.token, ctx.now), ctx.now) }),
  },
  { method: 'GET', pattern: '/payment-methods', cls: 'read', access: 'cart', run: (ctx) => ({ data: ctx.state.orders.paymentMethods() }) },
  {
    method: 'POST', pattern: '/cart/checkout', cls: 'checkout', access: 'cart',
    run: (ctx) => {
      const cart = ctx.state.carts.get(ctx.token, ctx.now);
      return { status: 201, data: ctx.state.orders.checkout(cart, ctx.body, ctx.origin, ctx.now) };
    },
  },
  {
    method: 'POST', pattern: '/orders/{id}/pay', cls: 'checkout', access: 'cart',
    run: (ctx) => ({ status: 201, data: ctx.state.orders.pay(param(ctx, 'id'), ctx.token, ctx.body, ctx.origin, ctx.now) }),
  },
  { method: 'GET', pattern: '/orders/{id}', cls: 'read', access: 'cart', run: (ctx) => ({ data: ctx.state.orders.receipt(param(ctx, 'id'), ctx.token) }) },
  { method: 'GET', pattern: '/orders/{id}/status', cls: 'read', access: 'cart', run: (ctx) => ({ data: ctx.state.orders.status(param(ctx, 'id')) }) },
];

function cartOf(ctx: ApiContext, change: (carts: StoreState['carts'], cart: ReturnType<StoreState['carts']['get']>) => void): Record<string, unknown> {
  const { carts } = ctx.state;
  const cart = carts.get(ctx.token, ctx.now);
  change(carts, cart);
  return carts.serialize(cart, ctx.origin, ctx.now);
}

function queryNumber(query: URLSearchParams, key: string, issues: FieldIssue[], min: number, max: number): number | undefined {
  const raw = query.get(key);
  if (raw === null || raw === '') return undefined;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    issues.push({ field: key, message: `Must be a whole number between ${min} and ${max}.` });
    return undefined;
  }
  return value;
}

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
