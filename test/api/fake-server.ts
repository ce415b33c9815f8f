// A stand-in for the store behind a stubbed `fetch`, for unit tests under fake timers: it counts
// per endpoint with a sliding-window log (arrival time), answers 429 + Retry-After over the limit,
// extends a lock-out on every hit during it (as the contract says), and records every request.

export interface Sent {
  t: number;
  endpoint: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal | undefined;
}

export interface FakeReply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Throw instead of answering (a dropped connection). */
  drop?: boolean;
}

export interface FakeServerOptions {
  windowMs?: number;
  /** Per endpoint (`GET /products`), else `default`. */
  limits?: Record<string, number>;
  latency?: number;
  /** Retry-After header sent with a 429 (default: the window, in seconds). `null`: none. */
  retryAfter?: string | null;
  /** Answer a request yourself; `undefined` lets the default behaviour through. */
  reply?: (req: Sent, n: number) => FakeReply | undefined;
}

const totals = { subtotal: 0, discountTotal: 0, taxTotal: 0, shippingTotal: 0, total: 0 };
/**
 * A minimal answer in the contract's shape for each route (the client normalizes every answer at
 * the edge, so an answer of the wrong shape would be a BAD_RESPONSE). `n` makes ids distinct.
 */
export function contractAnswer(path: string, n: number): unknown {
  const list = (meta: Record<string, unknown> = {}) => ({
    data: [],
    meta: { page: 1, perPage: 20, total: 0, totalPages: 0, ...meta },
  });
  if (path === '/') return { data: { id: `store_${n}`, name: 'Shop', currency: 'USD', locale: 'en' } };
  if (path === '/products') return list({ currency: 'USD', priceMin: null, priceMax: null });
  if (path === '/categories') return list();
  if (/^\/products\/[^/]+$/.test(path)) return { data: { id: `p_${n}`, name: 'P', slug: 'p', images: [] } };
  if (path === '/cart/shipping-options') return { data: { options: [], addressRequired: true } };
  if (path === '/cart/checkout')
    return {
      data: { orderId: `o_${n}`, orderNumber: String(n), total: 0, currencyCode: 'USD', paymentStatus: 'pending' },
    };
  if (path.startsWith('/cart')) return { data: { id: `cart_${n}`, currencyCode: 'USD', items: [], totals } };
  if (path === '/payment-methods')
    return { data: { methods: [], checkoutDisabled: false, checkoutDisabledReason: null } };
  if (/\/pay$/.test(path))
    return {
      data: {
        paymentId: `pay_${n}`,
        status: 'pending',
        gateway: 'test_card',
        handoff: { kind: 'redirect', redirectUrl: 'https://pay.test/' + n },
        amount: 0,
        currencyCode: 'USD',
      },
    };
  if (/\/status$/.test(path))
    return {
      data: {
        id: `o_${n}`,
        orderNumber: String(n),
        status: 'pending',
        paymentStatus: 'pending',
        total: 0,
        currencyCode: 'USD',
      },
    };
  if (path.startsWith('/orders/')) return { data: { id: `o_${n}`, orderNumber: String(n), total: 0 } };
  return { data: { id: n, path } };
}

export const patternOf = (path: string) =>
  path.replace(/^\/(products|orders)\/[^/]+/, '/$1/{id}').replace(/^\/cart\/items\/[^/]+/, '/cart/items/{id}');

export function fakeServer(o: FakeServerOptions = {}) {
  const W = o.windowMs ?? 60_000;
  const logs = new Map<string, number[]>();
  const locks = new Map<string, number>();
  const sent: Sent[] = [];
  const answered: { t: number; endpoint: string; status: number }[] = [];
  const limits: Record<string, number> = { default: 120, ...o.limits };

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^.*?\/public\/[^/]+/, '');
    const endpoint = `${method} ${patternOf(path || '/')}`;
    const req: Sent = {
      t: Date.now(),
      endpoint,
      method,
      url: url.href,
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      signal: init.signal ?? undefined,
    };
    sent.push(req);
    const n = sent.length - 1;
    const now = req.t;
    // Count at arrival, like a server would.
    const limit = limits[endpoint] ?? limits.default ?? 120;
    const log = (logs.get(endpoint) ?? []).filter((x) => x > now - W);
    logs.set(endpoint, log);
    let status = 200;
    const retry = o.retryAfter === undefined ? String(Math.ceil(W / 1000)) : o.retryAfter;
    if ((locks.get(endpoint) ?? 0) > now || log.length >= limit) {
      status = 429;
      locks.set(endpoint, now + Number(retry ?? W / 1000) * 1000);
    } else log.push(now);
    const custom = o.reply?.(req, n);
    await new Promise((r) => setTimeout(r, o.latency ?? 10));
    if (req.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (custom?.drop) throw new TypeError('Failed to fetch');
    const headers = new Headers({
      'Content-Type': 'application/json',
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - log.length)),
      ...(status === 429 && retry !== null ? { 'Retry-After': retry } : {}),
      ...(req.headers['X-Request-Id'] ? { 'X-Request-Id': req.headers['X-Request-Id'] } : {}),
      ...custom?.headers,
    });
    const finalStatus = custom?.status ?? status;
    const body =
      custom?.body ??
      (finalStatus === 429
        ? JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Too many requests' } })
        : JSON.stringify(contractAnswer(path || '/', n)));
    answered.push({ t: Date.now(), endpoint, status: finalStatus });
    // A plain object, not a Response: keeps body reads on microtasks under fake timers.
    return { status: finalStatus, ok: finalStatus < 300, headers, text: async () => body } as unknown as Response;
  };

  return {
    fetch,
    sent,
    answered,
    limits,
    count: (status: number) => answered.filter((a) => a.status === status).length,
    /** The most requests of `endpoint` that arrived within any window of `windowMs`. */
    maxInWindow(endpoint?: string, windowMs = W) {
      const ts = sent.filter((s) => !endpoint || s.endpoint === endpoint).map((s) => s.t);
      let max = 0;
      for (let i = 0, j = 0; i < ts.length; i++) {
        while (ts[i]! - ts[j]! >= windowMs) j++;
        max = Math.max(max, i - j + 1);
      }
      return max;
    },
  };
}

/** The max number of times within any span of `windowMs` (sorted input). */
export function maxInWindow(ts: number[], windowMs: number): number {
  let max = 0;
  for (let i = 0, j = 0; i < ts.length; i++) {
    while (ts[i]! - ts[j]! >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}
