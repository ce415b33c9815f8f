// A scripted `fetch` for the api layer's Node tests: records every request and answers from a
// handler. A handler that throws a TypeError is "no HTTP response" (what a refused CORS preflight
// or a dead network looks like to a script).
import { createApiClient, type ApiClient, type ApiClientOptions } from '../../../src/api/index';

export interface Req {
  method: string;
  /** Path below the key, e.g. `/cart/items` (`/` for the store), with its query. */
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}
/** `undefined`: the default answer; `'drop'`: no HTTP response; a promise that never settles: a hang. */
export type Handler = (req: Req, n: number) => Reply | 'drop' | undefined | Promise<never>;

export const BASE = 'https://shop.test/v3';
export const PK = 'pk_test_tote_demo';

export const CART = {
  id: 'cart_1',
  currencyCode: 'USD',
  items: [],
  totals: { subtotal: 0, discountTotal: 0, taxTotal: 0, shippingTotal: 0, total: 0 },
};

/** A minimal answer in the contract's shape for every route, so tests only script what they study. */
export function defaultAnswer(req: Req): unknown {
  const p = req.path.split('?')[0]!;
  if (p === '/') return { data: { id: 'store_1', name: 'Shop', currency: 'USD', locale: 'en' } };
  if (p === '/products')
    return {
      data: [],
      meta: { page: 1, perPage: 20, total: 0, totalPages: 0, currency: 'USD', priceMin: null, priceMax: null },
    };
  if (/^\/products\/[^/]+\/reviews$/.test(p))
    return req.method === 'GET'
      ? { data: [], meta: { page: 1, perPage: 10, total: 0, avgRating: 0, reviewCount: 0, ratingDistribution: {} } }
      : { data: { id: 'r1', rating: 5 } };
  if (p.startsWith('/products/')) return { data: { id: 'p1', name: 'P', slug: 'p', images: [] } };
  if (p === '/categories') return { data: [], meta: { page: 1, perPage: 50, total: 0, totalPages: 0 } };
  if (p.startsWith('/categories/')) return { data: { id: 'c1', slug: 'c', name: 'C', parentId: null } };
  if (p === '/cart/shipping-options') return { data: { options: [], addressRequired: true } };
  if (p === '/cart/checkout')
    return { data: { orderId: 'o1', orderNumber: '1001', total: 0, currencyCode: 'USD', paymentStatus: 'pending' } };
  if (p.startsWith('/cart')) return { data: CART };
  if (p === '/payment-methods') return { data: { methods: [], checkoutDisabled: false, checkoutDisabledReason: null } };
  if (/\/pay$/.test(p))
    return {
      data: {
        paymentId: 'pay1',
        status: 'pending',
        gateway: 'test_card',
        handoff: { kind: 'redirect', redirectUrl: 'https://pay.test/1' },
        amount: 0,
        currencyCode: 'USD',
      },
    };
  if (/\/capture$/.test(p))
    return { data: { orderId: 'o1', orderNumber: '1001', paymentStatus: 'paid', total: 0, currencyCode: 'USD' } };
  if (/\/status$/.test(p))
    return {
      data: { id: 'o1', orderNumber: '1001', status: 'paid', paymentStatus: 'paid', total: 0, currencyCode: 'USD' },
    };
  if (p.startsWith('/orders/')) return { data: { id: 'o1', orderNumber: '1001', total: 0 } };
  if (/^\/countries\/[^/]+\/states$/.test(p))
    return { success: true, data: { country: { code: 'US', name: 'US' }, states: [] } };
  if (p === '/countries') return { success: true, data: { countries: [], locale: 'en' } };
  if (p === '/places/autocomplete') return { data: { predictions: [] } };
  if (p === '/places/details')
    return { data: { line1: '', line2: '', city: '', stateCode: '', countryCode: '', postalCode: '' } };
  if (p === '/customer/otp') return { data: { sent: true, recognised: true, retryAfterSeconds: null } };
  if (p === '/customer/otp/verify') return { data: { token: 'ct_1', expiresAt: '2026', customer: { id: 'cu1' } } };
  if (p === '/customer/me') return { data: { id: 'cu1', email: 'a@b.c', firstName: null, lastName: null } };
  if (p === '/customer/addresses' || p === '/customer/orders') return { data: [] };
  if (p === '/customer/signout') return { data: { signedOut: true } };
  return { error: { code: 'NOT_FOUND', message: 'Not found' } };
}

export function fakeFetch(handler?: Handler) {
  const sent: Req[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const path = url.pathname.replace(/^.*?\/public\/[^/]+/, '') || '/';
    const req: Req = {
      method: init.method ?? 'GET',
      path: path + url.search,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(req);
    // Like a real fetch, an abort (the transport's timeout, a caller's signal) rejects at once.
    const signal = init.signal;
    const abort = new Promise<never>((_, no) => {
      if (signal?.aborted) no(new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', () => no(new DOMException('aborted', 'AbortError')), { once: true });
    });
    const out = handler ? await Promise.race([handler(req, sent.length - 1), abort]) : undefined;
    if (out === 'drop') throw new TypeError('Failed to fetch');
    if (out && (out.raw !== undefined || out.body !== undefined || out.status !== undefined)) {
      const text = out.raw ?? JSON.stringify(out.body ?? defaultAnswer(req));
      return new Response(text, {
        status: out.status ?? 200,
        headers: { 'Content-Type': 'application/json', ...out.headers },
      });
    }
    const body = defaultAnswer(req);
    const status = (body as { error?: unknown }).error ? 404 : 200;
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

/** A client over a fake fetch: no shared budget, instant backoff. */
export function client(f: ReturnType<typeof fakeFetch>, extra: Partial<ApiClientOptions> = {}): ApiClient {
  return createApiClient({
    publicKey: PK,
    apiBase: BASE,
    locale: 'de-CH',
    cartToken: 'tok_1234567890123456',
    fetch: f.fetch,
    shareBudget: false,
    ...extra,
    transport: { random: () => 0, backoffBase: 1, ...extra.transport },
  });
}

/** Resolves to the rejection of `p`, or fails. */
export async function rejection<E = Error>(p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (e) {
    return e as E;
  }
  throw new Error('expected a rejection');
}
