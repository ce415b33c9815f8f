import { ApiError } from './errors.js';
import { retryAfterMs } from './limiter.js';
import type * as Stateful from './stateful.js';
import type {
  Attempt,
  Call,
  Method,
  Query,
  RequestOptions,
  Send,
  StatefulJob,
  StatefulRequests,
  TransportOptions,
} from './transport-types.js';
import type { FieldError } from './types/common.js';
import { isObj, str, type WireObject } from './normalize/primitives.js';

export type { Attempt, Call, Method, Query, RequestOptions, Send, TransportOptions } from './transport-types.js';

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
function read(
  res: Response,
  text: string,
  requestId: string | null,
  refusalOf?: (envelope: WireObject, requestId: string | null) => ApiError | undefined,
): unknown {
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
  // A domain refusal (only stateful requests get them: stateful.ts reads it).
  const refusal = status === 409 ? refusalOf?.(envelope, requestId) : undefined;
  if (refusal) return refusal;
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

let loadingStatefulModule: Promise<typeof Stateful> | undefined;

/**
 * Loads stateful.ts, once for the page (a load that failed, offline, is tried again by the next
 * stateful request). Tests that drive time by fake timers load it first: those do not wait for a module.
 */
export function loadStatefulRequests(): Promise<typeof Stateful> {
  return (loadingStatefulModule ??= import('./stateful.js').catch((error: unknown) => {
    loadingStatefulModule = undefined;
    throw error;
  }));
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

  const attempt: Attempt = async (endpoint, url, init, request, atOnce) => {
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
  };

  // Stateful requests (stateful.ts) load their part with the first of them; simple reads carry
  // two headers and no token, and are timed here for the header negotiation.
  const simpleHeaders: Record<string, string> = { Accept: 'application/json' };
  if (options.locale) simpleHeaders['Accept-Language'] = options.locale;
  const now = options.negotiation?.now ?? (() => Date.now());
  let lastRead = -Infinity;
  let stateful: StatefulRequests | undefined;
  let loadingStateful: Promise<StatefulRequests> | undefined;
  const statefulPart = () =>
    (loadingStateful ??= loadStatefulRequests().then(
      (module) => (stateful = module.statefulRequests(options, attempt, () => lastRead)),
      (error: unknown) => {
        loadingStateful = undefined; // offline: the next request tries again
        throw error;
      },
    ));

  async function job(
    method: Method,
    pattern: string,
    url: string,
    request: RequestOptions,
    call: Call,
  ): Promise<unknown> {
    const endpoint = method + ' ' + pattern;
    const body = call.body;
    let part: StatefulJob | undefined;
    if (method !== 'GET' || STATEFUL.test(pattern)) {
      try {
        part = await (await statefulPart()).begin(endpoint, request, body !== undefined);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError(0, 'NETWORK', `${endpoint}: network error`, [], request.requestId ?? null);
      }
    }
    const requestId = part?.requestId ?? null;
    const safe = method !== 'POST';
    for (let retried = 0, rateLimitedHits = 0; ;) {
      const init = {
        method,
        headers: part ? part.headers() : simpleHeaders,
        body: body === undefined ? null : JSON.stringify(body),
      };
      const [res, text, timedOut] = await attempt(endpoint, url, init, request, part?.sensitive);
      if (request.signal?.aborted) throw aborted(requestId);
      if (res && !part) {
        lastRead = now();
        stateful?.sawRead();
      }
      // No HTTP response at all: perhaps a refused preflight (stateful.ts asks once).
      if (!res && !timedOut && part && (await part.resend())) {
        if (request.signal?.aborted) throw aborted(requestId);
        continue;
      }
      // A 429 means the server did nothing: wait for the limiter's probe and go again (bounded).
      if (res?.status === 429 && !part?.sensitive && ++rateLimitedHits < 3) continue;
      const serverRequestId = res?.headers.get('X-Request-Id') ?? requestId;
      const answer =
        res && text !== undefined
          ? read(res, text, serverRequestId, part && stateful?.refusal)
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
      if (!safe) throw part!.outcomeUnknown(answer); // a POST is always stateful
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
