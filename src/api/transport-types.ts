// The transport's types (transport.ts), and what its stateful half (stateful.ts) gives it, in a
// module of their own: the two halves import these, never each other.
import type { ApiError } from './errors.js';
import type { NegotiatorOptions } from './headers.js';
import type { Limiter } from './limiter.js';
import type { WireObject } from './normalize/primitives.js';

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

/** One attempt of a job through the limiter: the response and its text, or nothing when none was read. */
export type Attempt = (
  endpoint: string,
  url: string,
  init: RequestInit,
  request: RequestOptions,
  atOnce?: boolean,
) => Promise<[Response?, string?, boolean?]>;

/** One stateful job's part: sent as `headers()` says, once more with the official set if `resend()` says so. */
export interface StatefulJob {
  readonly requestId: string;
  /** A login code, its check, a review: never waits for a slot and is never sent again on its own. */
  readonly sensitive: boolean;
  headers(): Record<string, string>;
  /** No HTTP response at all in documented mode: perhaps a refused preflight. Asks once; true: send again. */
  resend(): Promise<boolean>;
  /** The error for a request that is not safe to repeat (a POST) and lost its answer. */
  outcomeUnknown(answer: ApiError): ApiError;
}

/** The stateful requests of one transport: the header mode it remembers and the negotiation. */
export interface StatefulRequests {
  begin(endpoint: string, request: RequestOptions, hasBody: boolean): Promise<StatefulJob>;
  /** A simple read of the API origin got an HTTP response: the network path works. */
  sawRead(): void;
  /** Reads a 409's domain refusal (only stateful requests get one). */
  refusal(envelope: WireObject, requestId: string | null): ApiError | undefined;
}
