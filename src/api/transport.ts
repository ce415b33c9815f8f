import { nanoid } from 'nanoid';
import { ApiError, CheckoutRejection } from './errors.js';
import { retryAfterMs, type Limiter } from './limiter.js';
import type { CheckoutRejectionBody, FieldError } from './types.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | string[] | null | undefined>;

/** Per call. */
export interface RequestOptions {
  /** Abort the call (a search box that moved on). Rejects with `ApiError` code `ABORTED`. */
  signal?: AbortSignal;
  /** Per attempt, ms. */
  timeout?: number;
  /** A background refresh: waits behind shopper actions and leaves them a reserve. */
  background?: boolean;
  /** The job's id (`X-Request-Id`), e.g. to carry one intent across a reconcile. Minted if absent. */
  requestId?: string;
  /** Extra attempts for this call when it is safe to repeat; a caller that retries on its own says 0. */
  retries?: number;
}

export interface TransportOptions {
  /** `{apiBase}/public/{publicKey}`. */
  base: string;
  publicKey: string;
  limiter: Limiter;
  locale?: string;
  cartToken: () => string | Promise<string>;
  fetch?: typeof fetch;
  /** Per attempt, ms (15 s). */
  timeout?: number;
  /** Extra attempts for a safe request (2). */
  retries?: number;
  /** Backoff: full jitter over min(cap, base·2ⁿ) ms. */
  backoffBase?: number;
  backoffCap?: number;
  random?: () => number;
}

export interface Call {
  id?: string;
  query?: Query;
  body?: unknown;
}

export type Send = <T>(method: Method, pattern: string, r?: RequestOptions, c?: Call) => Promise<T>;

const CODES: Record<number, string> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
};

const aborted = (rid: string | null) => new ApiError(0, 'ABORTED', 'Aborted', [], rid);

/** `?a=1&ids=x,y`, leaving out empty values. */
export function buildQuery(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v != null && v !== '') p.set(k, String(v)); // arrays join with ","
  const s = p.toString();
  return s && '?' + s;
}

/**
 * Reads a response. The status decides first; the body is only trusted once parsed. A body that
 * is not JSON (a proxy's HTML 502, an empty or cut-off body) becomes an `ApiError`, never a
 * `SyntaxError`.
 */
function read(res: Response, text: string, rid: string | null): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const b = (body ?? {}) as { data?: unknown; meta?: unknown; error?: { code?: string; message?: string; details?: FieldError[] } };
  const st = res.status;
  if (st >= 200 && st < 300) {
    if (b.data !== undefined) return b.meta ? b : b.data; // lists keep their meta
    return new ApiError(st, 'BAD_RESPONSE', `HTTP ${st}: ${text ? 'unexpected' : 'empty'} body`, [], rid);
  }
  const rej = b as Partial<CheckoutRejectionBody>;
  if (st === 409 && rej.rejection) {
    return new CheckoutRejection(rej.rejection, rej.message ?? rej.rejection, rej.priceChanges, rej.stockIssues, rid);
  }
  const e = b.error ?? {};
  const ra = res.headers.get('Retry-After');
  return new ApiError(
    st,
    e.code ?? CODES[st] ?? (st >= 500 ? 'INTERNAL' : 'HTTP_' + st),
    e.message ?? `HTTP ${st}${body === undefined && text ? ' (not JSON)' : ''}`,
    Array.isArray(e.details) ? e.details : [],
    rid,
    st === 429 ? Math.ceil((retryAfterMs(ra, Date.now()) ?? 0) / 1e3) || null : null,
  );
}

/**
 * The one way out to the network. Each call is one job: one `X-Request-Id`, kept across retries.
 * Every attempt waits for the limiter. Safe requests (GET, and PATCH/DELETE, whose bodies are
 * absolute) are retried on network errors, timeouts, unreadable bodies and 5xx; a POST never is:
 * if its answer is lost it fails with `OUTCOME_UNKNOWN` and the caller reads the cart. A 429 is not
 * a failure of the job (nothing happened on the server): it waits for the limiter's probe.
 * Identical concurrent GETs share one job.
 */
export function createTransport(o: TransportOptions): Send {
  const f = o.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const random = o.random ?? Math.random;
  const flights = new Map<string, { p: Promise<unknown>; n: number; c: AbortController }>();

  // Waits `ms`, or rejects when `signal` aborts.
  const sleep = (ms: number, signal: AbortSignal | undefined, rid: string | null) =>
    new Promise<void>((ok, no) => {
      const t = setTimeout(ok, ms);
      signal?.addEventListener('abort', () => (clearTimeout(t), no(aborted(rid))), { once: true });
    });

  async function job(m: Method, pattern: string, url: string, r: RequestOptions, body: unknown): Promise<unknown> {
    const endpoint = m + ' ' + pattern;
    const authed = /^\/(cart|payment|orders)/.test(pattern);
    const rid = authed ? (r.requestId ?? nanoid()) : null;
    // Catalogue reads stay CORS-simple: no header beyond these two, so no preflight.
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (o.locale) headers['Accept-Language'] = o.locale;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (rid) {
      headers.Authorization = 'Bearer ' + o.publicKey;
      headers['X-Cart-Token'] = await o.cartToken();
      headers['X-Request-Id'] = rid;
    }
    const safe = m !== 'POST';
    for (let attempt = 0, hits = 0; ; ) {
      let ticket;
      try {
        ticket = await o.limiter.acquire(endpoint, r.background, r.signal);
      } catch {
        throw aborted(rid);
      }
      const ctl = new AbortController();
      const stop = () => ctl.abort();
      r.signal?.addEventListener('abort', stop);
      const timer = setTimeout(stop, r.timeout ?? o.timeout ?? 15e3);
      let res: Response | undefined;
      let text: string | undefined;
      try {
        res = await f(url, { method: m, headers, body: body === undefined ? null : JSON.stringify(body), signal: ctl.signal });
        text = await res.text();
      } catch {
        // no response, or the body was cut off: both are "no answer"
      } finally {
        clearTimeout(timer);
        r.signal?.removeEventListener('abort', stop);
      }
      const h = res?.headers;
      o.limiter.settle(
        ticket,
        h && {
          status: res!.status,
          limit: h.get('X-RateLimit-Limit'),
          remaining: h.get('X-RateLimit-Remaining'),
          retryAfter: h.get('Retry-After'),
        },
      );
      if (r.signal?.aborted) throw aborted(rid);
      // A 429 means the server did nothing: wait for the limiter's probe and go again (bounded).
      if (res?.status === 429 && ++hits < 3) continue;
      const out =
        res && text !== undefined
          ? read(res, text, h!.get('X-Request-Id') ?? rid)
          : new ApiError(0, ctl.signal.aborted ? 'TIMEOUT' : 'NETWORK', endpoint + (ctl.signal.aborted ? ' timed out' : ': network error'), [], rid);
      if (!(out instanceof ApiError)) return out;
      const transient = out.status === 0 || out.status >= 500 || out.code === 'BAD_RESPONSE';
      if (!transient) throw out;
      if (!safe) {
        throw new ApiError(out.status, 'OUTCOME_UNKNOWN', `${endpoint}: ${out.code}, outcome unknown (read the cart)`, [], rid);
      }
      if (attempt++ >= (r.retries ?? o.retries ?? 2)) throw out;
      await sleep(random() * Math.min(o.backoffCap ?? 5e3, (o.backoffBase ?? 300) * 2 ** attempt), r.signal, rid);
    }
  }

  return <T>(m: Method, pattern: string, r: RequestOptions = {}, c: Call = {}): Promise<T> => {
    // `GET /` is the store itself, addressed without a trailing slash.
    const url = o.base + pattern.replace(/^\/$/, '').replace('{id}', encodeURIComponent(c.id ?? '')) + buildQuery(c.query);
    if (m !== 'GET' || r.requestId) return job(m, pattern, url, r, c.body) as Promise<T>;
    // Single flight: callers share the job; it is aborted only when every caller has gone.
    let fl = flights.get(url);
    if (!fl) {
      const c2 = new AbortController();
      const p: Promise<unknown> = job(m, pattern, url, { ...r, signal: c2.signal }, undefined).finally(
        () => flights.get(url)?.p === p && flights.delete(url),
      );
      flights.set(url, (fl = { p, n: 0, c: c2 }));
    }
    const flight = fl;
    flight.n++;
    return new Promise<T>((ok, no) => {
      const leave = () => {
        if (--flight.n === 0) {
          flights.delete(url);
          flight.c.abort();
        }
        no(aborted(null));
      };
      const s = r.signal;
      flight.p.then(
        (v) => (s?.removeEventListener('abort', leave), ok(v as T)),
        (e: unknown) => (s?.removeEventListener('abort', leave), no(e)),
      );
      if (s?.aborted) leave();
      else s?.addEventListener('abort', leave, { once: true });
    });
  };
}
