import { nanoid } from 'nanoid';
import { ApiError, CheckoutRejection } from './errors.js';
import { defaultStorage, headersFor, MODE_KEY, storedUntil, type HeaderMode } from './header-set.js';
import type { Negotiator, NegotiatorOptions } from './headers.js';
import { retryAfterMs, type Limiter } from './limiter.js';
import type { FieldError } from './types.js';

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
  /** The signed-in shopper's token, sent as `X-Customer-Token` on stateful requests. */
  customerToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Knobs of the header negotiation for the origin of `base` (tests: clock, storage, notice). */
  negotiation?: Pick<NegotiatorOptions, 'now' | 'storage' | 'notice'>;
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
  /**
   * Turns the answer into its type (normalize.ts). Throwing means the answer was read but cannot
   * be used: `BAD_RESPONSE`, not retried (the same server would send the same again) and never
   * `OUTCOME_UNKNOWN` (the request did get an answer).
   */
  norm?: (body: unknown) => unknown;
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `details` as the envelope has them, or from a field map `errors: {field: [messages]}`. */
function detailsOf(e: Record<string, unknown>, b: Record<string, unknown>): FieldError[] {
  const out: FieldError[] = [];
  if (Array.isArray(e.details))
    for (const d of e.details as unknown[])
      if (isObject(d) && typeof d.message === 'string') out.push({ field: typeof d.field === 'string' ? d.field : '', message: d.message });
  const map = isObject(b.errors) ? b.errors : isObject(e.errors) ? e.errors : {};
  for (const [field, v] of Object.entries(map))
    for (const message of Array.isArray(v) ? v : [v]) if (typeof message === 'string') out.push({ field, message });
  return out;
}

/**
 * Reads a response. The status decides first; the body is only trusted once parsed. A body that
 * is not JSON (a proxy's HTML 502, an empty or cut-off body) becomes an `ApiError`, never a
 * `SyntaxError`. A 2xx answer is its `data`, or the body itself when it has no `data` wrapper (the
 * official client reads `data ?? body`); lists keep their `meta`.
 */
function read(res: Response, text: string, rid: string | null): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const b = isObject(body) ? body : {};
  const st = res.status;
  if (st >= 200 && st < 300) {
    if (b.data !== undefined && b.data !== null) return b.meta ? { data: b.data, meta: b.meta } : b.data;
    if (isObject(body) || Array.isArray(body)) return body;
    return new ApiError(st, 'BAD_RESPONSE', `HTTP ${st}: ${text ? 'unexpected' : 'empty'} body`, [], rid);
  }
  if (st === 409 && typeof b.rejection === 'string') {
    const list = <T>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);
    return new CheckoutRejection(
      b.rejection,
      typeof b.message === 'string' ? b.message : b.rejection,
      list(b.priceChanges),
      list(b.stockIssues),
      rid,
      typeof b.orderId === 'string' ? b.orderId : null,
    );
  }
  // `error` is the envelope, or a plain string used as the message; a bare `message` is read too.
  const e = isObject(b.error) ? b.error : {};
  const message = typeof b.error === 'string' ? b.error : typeof e.message === 'string' ? e.message : typeof b.message === 'string' ? b.message : '';
  const ra = res.headers.get('Retry-After');
  return new ApiError(
    st,
    typeof e.code === 'string' ? e.code : (CODES[st] ?? (st >= 500 ? 'INTERNAL' : 'HTTP_' + st)),
    message || `HTTP ${st}${body === undefined && text ? ' (not JSON)' : ''}`,
    detailsOf(e, b),
    rid,
    st === 429 ? Math.ceil((retryAfterMs(ra, Date.now(), res.headers.get('Date')) ?? 0) / 1e3) || null : null,
  );
}

/** Simple reads: every GET outside `/cart…`, `/orders…` and `/customer…` (no token, no preflight). */
const STATEFUL = /^\/(cart|orders|customer)(\/|$)/;

/**
 * The one way out to the network. Each call is one job: one `X-Request-Id`, kept across retries.
 * Every attempt waits for the limiter. Safe requests (GET, and PATCH/DELETE, whose bodies are
 * absolute) are retried on network errors, timeouts, unreadable bodies and 5xx; a POST never is:
 * if its answer is lost it fails with `OUTCOME_UNKNOWN` and the caller reads the cart. A 429 is not
 * a failure of the job (nothing happened on the server): it waits for the limiter's probe.
 * A stateful request that gets no HTTP response in documented header mode asks the negotiator
 * (headers.ts) first, and is sent once more with the official set when the preflight was the
 * problem: the caller's promise just takes longer. Identical concurrent GETs share one job.
 */
export function createTransport(o: TransportOptions): Send {
  const f = o.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const random = o.random ?? Math.random;
  const timeoutMs = o.timeout ?? 15e3;
  const flights = new Map<string, { p: Promise<unknown>; n: number; c: AbortController }>();

  // Waits `ms`, or rejects when `signal` aborts.
  const sleep = (ms: number, signal: AbortSignal | undefined, rid: string | null) =>
    new Promise<void>((ok, no) => {
      const t = setTimeout(ok, ms);
      signal?.addEventListener('abort', () => (clearTimeout(t), no(aborted(rid))), { once: true });
    });

  /** One attempt through the limiter: the response and its text, or nothing when none was read. */
  async function attempt(endpoint: string, url: string, init: RequestInit, r: RequestOptions): Promise<[Response?, string?, boolean?]> {
    let ticket;
    try {
      ticket = await o.limiter.acquire(endpoint, r.background, r.signal);
    } catch {
      return [undefined, undefined, false];
    }
    const ctl = new AbortController();
    const stop = () => ctl.abort();
    r.signal?.addEventListener('abort', stop);
    const timer = setTimeout(stop, r.timeout ?? timeoutMs);
    let res: Response | undefined;
    let text: string | undefined;
    try {
      res = await f(url, { ...init, signal: ctl.signal });
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
        date: h.get('Date'),
      },
    );
    return [res, text, ctl.signal.aborted];
  }

  const origin = (() => {
    try {
      return new URL(o.base).origin;
    } catch {
      return o.base;
    }
  })();
  // The negotiator (headers.ts) is loaded with the first stateful request that gets no HTTP
  // response; until then the remembered choice is read here, and simple reads are timed here.
  const now = o.negotiation?.now ?? (() => Date.now());
  const storage = o.negotiation?.storage === undefined ? defaultStorage() : o.negotiation.storage;
  let lastRead = -Infinity;
  let negotiator: Negotiator | undefined;
  let loading: Promise<Negotiator> | undefined;
  const modeNow = (): HeaderMode =>
    negotiator ? negotiator.mode() : storedUntil(storage, MODE_KEY + origin, now()) > now() ? 'official' : 'documented';
  const failed = (wasCartRead: boolean): Promise<boolean> =>
    (loading ??= import('./headers.js').then((m) =>
      (negotiator = m.createNegotiator({
        ...o.negotiation,
        storage,
        origin,
        readAt: lastRead,
        // The negotiation's test requests: `GET /` (simple) and `GET /cart` with one header set.
        test: async (kind, mode) => {
          const stateful = kind === 'cart';
          const headers = headersFor(stateful, mode, {
            locale: o.locale,
            publicKey: o.publicKey,
            requestId: stateful ? nanoid() : null,
            cartToken: stateful ? await o.cartToken() : null,
            customerToken: null,
            hasBody: false,
          });
          const [res] = await attempt(stateful ? 'GET /cart' : 'GET /', o.base + (stateful ? '/cart' : ''), { method: 'GET', headers }, {});
          return !!res;
        },
      })),
    )).then(
      (n) => n.failed(wasCartRead),
      () => ((loading = undefined), false), // the module did not load (offline): a plain failure
    );

  async function job(m: Method, pattern: string, url: string, r: RequestOptions, c: Call): Promise<unknown> {
    const endpoint = m + ' ' + pattern;
    const stateful = m !== 'GET' || STATEFUL.test(pattern);
    const rid = stateful ? (r.requestId ?? nanoid()) : null;
    const body = c.body;
    const input = {
      locale: o.locale,
      publicKey: o.publicKey,
      requestId: rid,
      cartToken: stateful ? await o.cartToken() : null,
      customerToken: (stateful && (await o.customerToken?.())) || null,
      hasBody: body !== undefined,
    };
    let mode: HeaderMode = stateful ? modeNow() : 'documented';
    let resent = false;
    const safe = m !== 'POST';
    for (let tries = 0, hits = 0; ; ) {
      const init = { method: m, headers: headersFor(stateful, mode, input), body: body === undefined ? null : JSON.stringify(body) };
      const [res, text, timedOut] = await attempt(endpoint, url, init, r);
      if (r.signal?.aborted) throw aborted(rid);
      if (res && !stateful) {
        lastRead = now();
        negotiator?.sawRead();
      }
      // No HTTP response at all in documented mode: perhaps a refused preflight. Ask once.
      if (!res && !timedOut && stateful && mode === 'documented' && !resent && (await failed(endpoint === 'GET /cart'))) {
        if (r.signal?.aborted) throw aborted(rid);
        mode = 'official';
        resent = true;
        continue;
      }
      // A 429 means the server did nothing: wait for the limiter's probe and go again (bounded).
      if (res?.status === 429 && ++hits < 3) continue;
      const srid = res?.headers.get('X-Request-Id') ?? rid;
      const out =
        res && text !== undefined
          ? read(res, text, srid)
          : new ApiError(0, timedOut ? 'TIMEOUT' : 'NETWORK', endpoint + (timedOut ? ' timed out' : ': network error'), [], rid);
      if (!(out instanceof ApiError)) {
        if (!c.norm) return out;
        try {
          return await c.norm(out);
        } catch (e) {
          const why = e instanceof ApiError ? e.message : 'The API sent an answer in an unexpected shape.';
          throw new ApiError(res!.status, 'BAD_RESPONSE', why, [], srid);
        }
      }
      const transient = out.status === 0 || out.status >= 500 || out.code === 'BAD_RESPONSE';
      if (!transient) throw out;
      if (!safe) throw new ApiError(out.status, 'OUTCOME_UNKNOWN', `${endpoint}: ${out.code}, outcome unknown (read the cart)`, [], rid);
      if (tries++ >= (r.retries ?? o.retries ?? 2)) throw out;
      await sleep(random() * Math.min(o.backoffCap ?? 5e3, (o.backoffBase ?? 300) * 2 ** tries), r.signal, rid);
    }
  }

  return <T>(m: Method, pattern: string, r: RequestOptions = {}, c: Call = {}): Promise<T> => {
    // `GET /` is the store itself, addressed without a trailing slash.
    const url = o.base + pattern.replace(/^\/$/, '').replace('{id}', encodeURIComponent(c.id ?? '')) + buildQuery(c.query);
    if (m !== 'GET' || r.requestId) return job(m, pattern, url, r, c) as Promise<T>;
    // Single flight: callers share the job; it is aborted only when every caller has gone.
    let fl = flights.get(url);
    if (!fl) {
      const c2 = new AbortController();
      const p: Promise<unknown> = job(m, pattern, url, { ...r, signal: c2.signal }, c).finally(
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
