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

export const patternOf = (path: string) =>
  path
    .replace(/^\/(products|orders)\/[^/]+/, '/$1/{id}')
    .replace(/^\/cart\/items\/[^/]+/, '/cart/items/{id}');

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
        : JSON.stringify({ data: { id: n, path } }));
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
