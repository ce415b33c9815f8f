// A stand-in for Shoprocket's official core SDK (shoprocket/shoprocket-js, packages/core at
// revision 0335196), written from what that SDK does on the wire, in our own code. It makes the
// same calls, with the same paths and query parameters, the same headers and no others, and hands
// back the same unwrapped values, so a test that walks it against the reference store shows what
// the official SDK would meet there.
//
// What it reproduces:
// - Base `{apiUrl}/public/{publishableKey}` with one trailing slash dropped from `apiUrl`; the
//   store itself (`/`) is the bare base, no trailing slash.
// - GETs of anything not under cart/customer/orders (catalogue, payment methods, countries) send
//   only `Accept: application/json` and `Accept-Language` — no Content-Type, no tokens.
// - GETs under cart/customer/orders add `X-Cart-Token`, and `X-Visitor-Id` / `X-Customer-Token`
//   when they are set.
// - Every other method sends `Accept`, `Content-Type: application/json`, whichever tokens are set
//   and `Accept-Language` — DELETE included, though it has no body. PATCH always has a body (`{}`
//   at least); POST without data has none.
// - Never `Authorization`, never `X-Request-Id`.
// - Every body is parsed as JSON. A 5xx is retried twice (the SDK waits 0.5 s, then 1 s).
// - A non-2xx answer becomes an error carrying `message` (`error.message`, else `error` as a
//   string), `code`, `details`, `status` and the whole `body`.
// - The locale defaults to `en`, as the SDK's constructor does.
import { randomUUID } from 'node:crypto';

/** A cart token as the official widget mints one: `cart_` + a UUID. */
export const mintCartToken = (): string => `cart_${randomUUID()}`;
/** A permanent device id as the official widget mints one: `vis_` + a UUID. */
export const mintVisitorId = (): string => `vis_${randomUUID()}`;

/** One request as it left the client, and what came back. */
export interface Exchange {
  method: string;
  url: string;
  /** The endpoint as the service named it, e.g. `/cart/items`. */
  endpoint: string;
  /** Exactly the headers the client set (fetch may add its own transport headers on top). */
  headers: Record<string, string>;
  body: string | undefined;
  status: number | null;
  /** The parsed answer, or the parse failure. */
  answer: unknown;
}

export interface ClientOptions {
  apiUrl: string;
  publishableKey: string;
  locale?: string;
  cartToken?: string;
  visitorId?: string;
  /** The SDK's waits before its two retries of a 5xx. Tests may shorten them. */
  retryDelaysMs?: readonly [number, number];
  /** Called once per attempt, after the answer (or its failure) is known. */
  onExchange?: (exchange: Exchange) => void;
}

/** A refused request, shaped like the SDK's thrown error object. */
export class SdkRequestError extends Error {
  constructor(
    readonly method: string,
    readonly endpoint: string,
    readonly status: number,
    message: string,
    readonly code: string | undefined,
    readonly details: unknown,
    readonly body: unknown,
  ) {
    const detailText =
      Array.isArray(details) && details.length > 0 ? ` [${details.map((d) => JSON.stringify(d)).join(', ')}]` : '';
    super(`${method} ${endpoint} → HTTP ${status}${code ? ` ${code}` : ''}: ${message}${detailText}`);
    this.name = 'SdkRequestError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The SDK's unwrap: `body.data` when present (and not null), else the body itself. */
const dataOr = (body: unknown): unknown =>
  isObject(body) && body.data !== undefined && body.data !== null ? body.data : body;

export interface ProductQuery {
  page?: number;
  perPage?: number;
  /** `featured` | `name` | `price` | `newest`, optionally `_asc` / `_desc` (the component spelling). */
  sort?: string;
  category?: string | string[];
  products?: string | string[];
  search?: string;
  /** Whole currency units; sent in cents. */
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

export class OfficialSdkClient {
  private readonly apiUrl: string;
  private readonly key: string;
  private readonly retryDelaysMs: readonly [number, number];
  private readonly onExchange: ((exchange: Exchange) => void) | undefined;
  locale: string;
  cartToken: string | undefined;
  visitorId: string | undefined;
  customerToken: string | undefined;

  constructor(options: ClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/$/, '');
    this.key = options.publishableKey;
    this.locale = options.locale ?? 'en';
    this.cartToken = options.cartToken;
    this.visitorId = options.visitorId;
    this.retryDelaysMs = options.retryDelaysMs ?? [500, 1000];
    this.onExchange = options.onExchange;
  }

  // ---- transport ----

  urlOf(endpoint: string): string {
    const base = `${this.apiUrl}/public/${this.key}`;
    const rest = endpoint.replace(/^\//, '');
    return rest === '' ? base : `${base}/${rest}`;
  }

  /** The SDK's test for "this GET needs the cart and customer headers". */
  static isStateful(endpoint: string): boolean {
    const rest = endpoint.replace(/^\//, '');
    return ['cart', 'customer', 'orders'].some((prefix) => rest.startsWith(prefix));
  }

  private tokenHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.cartToken) headers['X-Cart-Token'] = this.cartToken;
    if (this.visitorId) headers['X-Visitor-Id'] = this.visitorId;
    if (this.customerToken) headers['X-Customer-Token'] = this.customerToken;
    return headers;
  }

  headersFor(method: string, endpoint: string): Record<string, string> {
    if (method === 'GET') {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (this.locale) headers['Accept-Language'] = this.locale;
      return OfficialSdkClient.isStateful(endpoint) ? { ...headers, ...this.tokenHeaders() } : headers;
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...this.tokenHeaders(),
    };
    if (this.locale) headers['Accept-Language'] = this.locale;
    return headers;
  }

  private async send(method: string, endpoint: string, body?: string): Promise<unknown> {
    const url = this.urlOf(endpoint);
    for (let attempt = 0; ; attempt++) {
      const headers = this.headersFor(method, endpoint);
      const exchange: Exchange = { method, url, endpoint, headers, body, status: null, answer: undefined };
      let response: Response;
      try {
        response = await fetch(url, { method, headers, body });
      } catch (error) {
        // A failed fetch has no status, so the SDK does not retry it.
        exchange.answer = error;
        this.onExchange?.(exchange);
        throw new Error(`${method} ${endpoint}: no HTTP answer (${String(error)})`, { cause: error });
      }
      exchange.status = response.status;
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        exchange.answer = text;
        this.onExchange?.(exchange);
        throw new Error(
          `${method} ${endpoint} → HTTP ${response.status} with a body that is not JSON (the SDK parses every body): ${text.slice(0, 120)}`,
        );
      }
      exchange.answer = parsed;
      this.onExchange?.(exchange);
      if (response.ok) return parsed;
      const wrapped = isObject(parsed) ? parsed.error : undefined;
      const message =
        isObject(wrapped) && typeof wrapped.message === 'string'
          ? wrapped.message
          : typeof wrapped === 'string'
            ? wrapped
            : 'API request failed';
      const code = isObject(wrapped) && typeof wrapped.code === 'string' ? wrapped.code : undefined;
      const details = isObject(wrapped) ? wrapped.details : undefined;
      const failure = new SdkRequestError(method, endpoint, response.status, message, code, details, parsed);
      const delay = this.retryDelaysMs[attempt];
      if (response.status >= 500 && delay !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
      throw failure;
    }
  }

  private get(endpoint: string): Promise<unknown> {
    return this.send('GET', endpoint);
  }

  private post(endpoint: string, data?: unknown): Promise<unknown> {
    return this.send('POST', endpoint, data ? JSON.stringify(data) : undefined);
  }

  private patch(endpoint: string, data?: unknown): Promise<unknown> {
    return this.send('PATCH', endpoint, JSON.stringify(data ?? {}));
  }

  private delete(endpoint: string): Promise<unknown> {
    return this.send('DELETE', endpoint);
  }

  // ---- store ----

  /** StoreService.get: `GET /`, unwrapped from `data`, else `store`, else the body. */
  async store(): Promise<unknown> {
    const body = await this.get('/');
    if (isObject(body)) return body.data || body.store || body;
    return body;
  }

  // ---- catalogue ----

  /** ProductsService.list: flat query params; answers `{data: body.data ?? [], meta: body.meta}`. */
  async products(query: ProductQuery = {}): Promise<{ data: unknown; meta: unknown }> {
    const params = new URLSearchParams();
    const put = (name: string, value: unknown): void => {
      if (value === undefined || value === null || value === '') return;
      params.append(name, Array.isArray(value) ? value.join(',') : String(value));
    };
    put('page', query.page);
    put('perPage', query.perPage);
    put('q', query.search);
    put('category', query.category);
    put('ids', query.products);
    put('sort', OfficialSdkClient.wireSort(query.sort));
    if (query.minPrice !== undefined) put('priceMin', Math.round(Number(query.minPrice) * 100));
    if (query.maxPrice !== undefined) put('priceMax', Math.round(Number(query.maxPrice) * 100));
    if (query.inStock) put('inStock', 'true');
    const qs = params.toString();
    const body = await this.get(`/products${qs ? `?${qs}` : ''}`);
    return { data: (isObject(body) ? body.data : undefined) ?? [], meta: isObject(body) ? body.meta : undefined };
  }

  /** `price_desc` → `-price`, `price_asc` → `price`, anything else as is. */
  static wireSort(sort: string | undefined): string | undefined {
    if (!sort) return undefined;
    if (sort.endsWith('_desc')) return `-${sort.slice(0, -'_desc'.length)}`;
    if (sort.endsWith('_asc')) return sort.slice(0, -'_asc'.length);
    return sort;
  }

  /** ProductsService.get: `include` as a comma list when given. */
  async product(idOrSlug: string, includes?: string[]): Promise<unknown> {
    const qs = includes && includes.length > 0 ? `?${new URLSearchParams({ include: includes.join(',') })}` : '';
    const body = await this.get(`/products/${idOrSlug}${qs}`);
    return (isObject(body) && body.data) || body;
  }

  /** CategoriesService.list: the body itself. */
  categories(page?: number, perPage?: number): Promise<unknown> {
    const params = new URLSearchParams();
    if (page) params.append('page', String(page));
    if (perPage) params.append('perPage', String(perPage));
    const qs = params.toString();
    return this.get(qs ? `/categories?${qs}` : '/categories');
  }

  /** CategoriesService.get: the body itself (`{data, meta?}`). */
  category(idOrSlug: string, options: { include?: string; lang?: string } = {}): Promise<unknown> {
    const params = new URLSearchParams();
    if (options.include) params.append('include', options.include);
    if (options.lang) params.append('lang', options.lang);
    const qs = params.toString();
    return this.get(qs ? `/categories/${idOrSlug}?${qs}` : `/categories/${idOrSlug}`);
  }

  // ---- reviews ----

  /** ReviewsService.list: the body itself. */
  reviews(productId: string, page?: number): Promise<unknown> {
    return this.get(`/products/${productId}/reviews${page ? `?page=${page}` : ''}`);
  }

  /** ReviewsService.submit: the body itself. */
  submitReview(productId: string, review: { rating: number; title: string; content: string }): Promise<unknown> {
    return this.post(`/products/${productId}/reviews`, review);
  }

  // ---- cart ----

  async cart(): Promise<unknown> {
    return dataOr(await this.get('/cart'));
  }

  /** The widget sends productId, variantId, quantity and `sourceUrl` (an extra the API ignores). */
  async addItem(item: {
    productId?: string;
    variantId?: string;
    quantity?: number;
    [extra: string]: unknown;
  }): Promise<unknown> {
    return dataOr(await this.post('/cart/items', item));
  }

  async setQuantity(itemId: string, quantity: number): Promise<unknown> {
    return dataOr(await this.patch(`/cart/items/${itemId}`, { quantity }));
  }

  async removeItem(itemId: string): Promise<unknown> {
    return dataOr(await this.delete(`/cart/items/${itemId}`));
  }

  async patchCart(changes: Json): Promise<unknown> {
    return dataOr(await this.patch('/cart', changes));
  }

  async shippingOptions(): Promise<unknown> {
    return dataOr(await this.get('/cart/shipping-options'));
  }

  async paymentMethods(): Promise<unknown> {
    return dataOr(await this.get('/payment-methods'));
  }

  async checkout(params: Json = {}): Promise<unknown> {
    return dataOr(await this.post('/cart/checkout', params));
  }

  async startPayment(orderId: string, params: { returnUrl: string; cancelUrl?: string }): Promise<unknown> {
    return dataOr(await this.post(`/orders/${orderId}/pay`, params));
  }

  async orderStatus(orderId: string): Promise<unknown> {
    return dataOr(await this.get(`/orders/${orderId}/status`));
  }

  async receipt(orderId: string): Promise<unknown> {
    return dataOr(await this.get(`/orders/${orderId}`));
  }

  async capture(orderId: string, paypalOrderId: string): Promise<unknown> {
    return dataOr(await this.post(`/orders/${orderId}/capture`, { paypalOrderId }));
  }

  // ---- customer account ----

  async requestCode(email: string): Promise<unknown> {
    return dataOr(await this.post('/customer/otp', { email }));
  }

  async verifyCode(email: string, code: string): Promise<unknown> {
    return dataOr(await this.post('/customer/otp/verify', { email, code }));
  }

  async me(): Promise<unknown> {
    return dataOr(await this.get('/customer/me'));
  }

  /** AccountService.getAddresses: `body.data ?? []`. */
  async addresses(): Promise<unknown> {
    const body = await this.get('/customer/addresses');
    return (isObject(body) ? body.data : undefined) ?? [];
  }

  /** AccountService.getOrders: `body.data ?? []`. */
  async orders(): Promise<unknown> {
    const body = await this.get('/customer/orders');
    return (isObject(body) ? body.data : undefined) ?? [];
  }

  async signOut(): Promise<void> {
    await this.post('/customer/signout', {});
  }

  // ---- location ----

  /** LocationService.getCountries: the body itself. */
  countries(locale = 'en', shippable = false): Promise<unknown> {
    const params = new URLSearchParams({ locale });
    if (shippable) params.set('shippable', '1');
    return this.get(`/countries?${params}`);
  }

  /** LocationService.getStates: the body itself. */
  states(countryCode: string, locale = 'en'): Promise<unknown> {
    return this.get(`/countries/${countryCode}/states?${new URLSearchParams({ locale })}`);
  }
}
