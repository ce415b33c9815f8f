import { nanoid } from 'nanoid';
import { ApiError, CheckoutRejection } from './errors.js';
import { defaultStorage, headersFor, MODE_KEY, storedUntil, type HeaderMode } from './header-set.js';
import type { Negotiator, NegotiatorOptions } from './headers.js';
import { classOf, retryAfterMs, type Limiter } from './limiter.js';
import type { FieldError } from './types/common.js';
import { isObj, str, strN } from './normalize/primitives.js';

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
   * Turns the answer into its type (the normalize-*.ts modules). Throwing means the answer was read but cannot
   * be used: `BAD_RESPONSE`, not retried (the same server would send the same again) and never
   * `OUTCOME_UNKNOWN` (the request did get an answer).
   */
  normalize?: (body: unknown) => unknown;
}

export type Send = <T>(method: Method, pattern: string, options?: RequestOptions, call?: Call) => Promise<T>;

const CODE_BY_STATUS: Record<number, string> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
};

const aborted = (requestId: string | null) => new ApiError(0, 'ABORTED', 'Aborted', [], requestId);

/** `?a=1&ids=x,y`, leaving out empty values. */
export function buildQuery(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value != null && value !== '') params.set(name, String(value)); // arrays join with ","
  const text = params.toString();
  return text && '?' + text;
}

/** `details` as the envelope has them, or from a field map `errors: {field: [messages]}`. */
function detailsOf(error: Record<string, unknown>, body: Record<string, unknown>): FieldError[] {
  const details: FieldError[] = [];
  if (Array.isArray(error.details))
    for (const detail of error.details as unknown[])
      if (isObj(detail) && typeof detail.message === 'string')
        details.push({
          field: str(detail.field),
          message: detail.message,
          ...(typeof detail.reason === 'string' && { reason: detail.reason }),
        });
  const map = isObj(body.errors) ? body.errors : isObj(error.errors) ? error.errors : {};
  for (const [field, messages] of Object.entries(map))
    for (const message of Array.isArray(messages) ? messages : [messages])
      if (typeof message === 'string') details.push({ field, message });
  return details;
}

/**
 * Reads a response. The status decides first; the body is only trusted once parsed. A body that
 * is not JSON (a proxy's HTML 502, an empty or cut-off body) becomes an `ApiError`, never a
 * `SyntaxError`. A 2xx answer is its `data`, or the body itself when it has no `data` wrapper (the
 * official client reads `data ?? body`); lists keep their `meta`.
 */
function read(res: Response, text: string, requestId: string | null): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const envelope = isObj(body) ? body : {};
  const status = res.status;
  if (status >= 200 && status < 300) {
    if (envelope.data !== undefined && envelope.data !== null)
      return envelope.meta ? { data: envelope.data, meta: envelope.meta } : envelope.data;
    if (isObj(body) || Array.isArray(body)) return body;
    return new ApiError(status, 'BAD_RESPONSE', `HTTP ${status}: ${text ? 'unexpected' : 'empty'} body`, [], requestId);
  }
  if (status === 409 && typeof envelope.rejection === 'string') {
    const list = <T>(value: unknown) => (Array.isArray(value) ? (value as T[]) : []);
    return new CheckoutRejection(
      envelope.rejection,
      str(envelope.message, envelope.rejection),
      list(envelope.priceChanges),
      list(envelope.stockIssues),
      requestId,
      strN(envelope.orderId),
    );
  }
  // `error` is the envelope, or a plain string used as the message; a bare `message` is read too.
  const error = isObj(envelope.error) ? envelope.error : {};
  const message = str(envelope.error, str(error.message, str(envelope.message)));
  const retryAfter = res.headers.get('Retry-After');
  return new ApiError(
    status,
    str(error.code, CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP_' + status)),
    message || `HTTP ${status}${body === undefined && text ? ' (not JSON)' : ''}`,
    detailsOf(error, envelope),
    requestId,
    status === 429
      ? Math.ceil((retryAfterMs(retryAfter, Date.now(), res.headers.get('Date')) ?? 0) / 1e3) || null
      : null,
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
export function createTransport(options: TransportOptions): Send {
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeout ?? 15e3;
  /** The GETs in flight by URL: the shared job, how many callers still wait for it, and its abort. */
  const flights = new Map<string, { job: Promise<unknown>; callers: number; controller: AbortController }>();

  // Waits `ms`, or rejects when `signal` aborts.
  const sleep = (ms: number, signal: AbortSignal | undefined, requestId: string | null) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(aborted(requestId))), { once: true });
    });

  /** One attempt through the limiter: the response and its text, or nothing when none was read. */
  async function attempt(
    endpoint: string,
    url: string,
    init: RequestInit,
    request: RequestOptions,
    atOnce?: boolean,
  ): Promise<[Response?, string?, boolean?]> {
    let ticket;
    try {
      ticket = await options.limiter.acquire(endpoint, request.background, request.signal, atOnce);
    } catch (error) {
      if (request.signal?.aborted) return [undefined, undefined, false];
      throw error; // refused at once (`atOnce`): nothing was sent
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    request.signal?.addEventListener('abort', stop);
    const timer = setTimeout(stop, request.timeout ?? timeoutMs);
    let res: Response | undefined;
    let text: string | undefined;
    try {
      res = await fetchFn(url, { ...init, signal: controller.signal });
      text = await res.text();
    } catch {
      // no response, or the body was cut off: both are "no answer"
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', stop);
    }
    const headers = res?.headers;
    options.limiter.settle(
      ticket,
      headers && {
        status: res!.status,
        limit: headers.get('X-RateLimit-Limit'),
        remaining: headers.get('X-RateLimit-Remaining'),
        retryAfter: headers.get('Retry-After'),
        date: headers.get('Date'),
      },
    );
    return [res, text, controller.signal.aborted];
  }

  const origin = (() => {
    try {
      return new URL(options.base).origin;
    } catch {
      return options.base;
    }
  })();
  // The negotiator (headers.ts) is loaded with the first stateful request that gets no HTTP
  // response; until then the remembered choice is read here, and simple reads are timed here.
  const now = options.negotiation?.now ?? (() => Date.now());
  const storage = options.negotiation?.storage === undefined ? defaultStorage() : options.negotiation.storage;
  let lastRead = -Infinity;
  let negotiator: Negotiator | undefined;
  let loading: Promise<Negotiator> | undefined;
  const modeNow = (): HeaderMode =>
    negotiator ? negotiator.mode() : storedUntil(storage, MODE_KEY + origin, now()) > now() ? 'official' : 'documented';
  const failed = (wasCartRead: boolean): Promise<boolean> =>
    (loading ??= import('./headers.js').then(
      (headersModule) =>
        (negotiator = headersModule.createNegotiator({
          ...options.negotiation,
          storage,
          origin,
          readAt: lastRead,
          // The negotiation's test requests: `GET /` (simple) and `GET /cart` with one header set.
          test: async (kind, mode) => {
            const stateful = kind === 'cart';
            const headers = headersFor(stateful, mode, {
              locale: options.locale,
              publicKey: options.publicKey,
              requestId: stateful ? nanoid() : null,
              cartToken: stateful ? await options.cartToken() : null,
              customerToken: null,
              hasBody: false,
            });
            const [res] = await attempt(
              stateful ? 'GET /cart' : 'GET /',
              options.base + (stateful ? '/cart' : ''),
              { method: 'GET', headers },
              {},
            );
            return !!res;
          },
        })),
    )).then(
      (loaded) => loaded.failed(wasCartRead),
      () => ((loading = undefined), false), // the module did not load (offline): a plain failure
    );

  async function job(
    method: Method,
    pattern: string,
    url: string,
    request: RequestOptions,
    call: Call,
  ): Promise<unknown> {
    const endpoint = method + ' ' + pattern;
    const stateful = method !== 'GET' || STATEFUL.test(pattern);
    const requestId = stateful ? (request.requestId ?? nanoid()) : null;
    const body = call.body;
    const input = {
      locale: options.locale,
      publicKey: options.publicKey,
      requestId,
      cartToken: stateful ? await options.cartToken() : null,
      customerToken: (stateful && (await options.customerToken?.())) || null,
      hasBody: body !== undefined,
    };
    let mode: HeaderMode = stateful ? modeNow() : 'documented';
    let resent = false;
    const safe = method !== 'POST';
    // Sensitive requests (a login code, its check, a review) never wait for a slot and are never
    // sent again on their own: a late or second send is a second code, a second review or a lock-out.
    const sensitive = classOf(endpoint) === 'sensitive';
    for (let retried = 0, rateLimitedHits = 0; ;) {
      const init = {
        method,
        headers: headersFor(stateful, mode, input),
        body: body === undefined ? null : JSON.stringify(body),
      };
      const [res, text, timedOut] = await attempt(endpoint, url, init, request, sensitive);
      if (request.signal?.aborted) throw aborted(requestId);
      if (res && !stateful) {
        lastRead = now();
        negotiator?.sawRead();
      }
      // No HTTP response at all in documented mode: perhaps a refused preflight. Ask once.
      if (
        !res &&
        !timedOut &&
        stateful &&
        mode === 'documented' &&
        !resent &&
        (await failed(endpoint === 'GET /cart'))
      ) {
        if (request.signal?.aborted) throw aborted(requestId);
        mode = 'official';
        resent = true;
        continue;
      }
      // A 429 means the server did nothing: wait for the limiter's probe and go again (bounded).
      if (res?.status === 429 && !sensitive && ++rateLimitedHits < 3) continue;
      const serverRequestId = res?.headers.get('X-Request-Id') ?? requestId;
      const answer =
        res && text !== undefined
          ? read(res, text, serverRequestId)
          : new ApiError(
              0,
              timedOut ? 'TIMEOUT' : 'NETWORK',
              endpoint + (timedOut ? ' timed out' : ': network error'),
              [],
              requestId,
            );
      if (!(answer instanceof ApiError)) {
        if (!call.normalize) return answer;
        try {
          return await call.normalize(answer);
        } catch (error) {
          const why = error instanceof ApiError ? error.message : 'The API sent an answer in an unexpected shape.';
          throw new ApiError(res!.status, 'BAD_RESPONSE', why, [], serverRequestId);
        }
      }
      const transient = answer.status === 0 || answer.status >= 500 || answer.code === 'BAD_RESPONSE';
      if (!transient) throw answer;
      if (!safe)
        throw new ApiError(
          answer.status,
          'OUTCOME_UNKNOWN',
          `${endpoint}: ${answer.code}, outcome unknown (read the cart)`,
          [],
          requestId,
        );
      if (retried++ >= (request.retries ?? options.retries ?? 2)) throw answer;
      await sleep(
        random() * Math.min(options.backoffCap ?? 5e3, (options.backoffBase ?? 300) * 2 ** retried),
        request.signal,
        requestId,
      );
    }
  }

  return <T>(method: Method, pattern: string, request: RequestOptions = {}, call: Call = {}): Promise<T> => {
    // `GET /` is the store itself, addressed without a trailing slash.
    const url =
      options.base +
      pattern.replace(/^\/$/, '').replace('{id}', encodeURIComponent(call.id ?? '')) +
      buildQuery(call.query);
    if (method !== 'GET' || request.requestId) return job(method, pattern, url, request, call) as Promise<T>;
    // Single flight: callers share the job; it is aborted only when every caller has gone.
    let existing = flights.get(url);
    if (!existing) {
      const controller = new AbortController();
      const shared: Promise<unknown> = job(
        method,
        pattern,
        url,
        { ...request, signal: controller.signal },
        call,
      ).finally(() => flights.get(url)?.job === shared && flights.delete(url));
      flights.set(url, (existing = { job: shared, callers: 0, controller }));
    }
    const flight = existing;
    flight.callers++;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        if (--flight.callers === 0) {
          flights.delete(url);
          flight.controller.abort();
        }
        reject(aborted(null));
      };
      const signal = request.signal;
      flight.job.then(
        (value) => (signal?.removeEventListener('abort', leave), resolve(value as T)),
        (error: unknown) => (signal?.removeEventListener('abort', leave), reject(error)),
      );
      if (signal?.aborted) leave();
      else signal?.addEventListener('abort', leave, { once: true });
    });
  };
}
