// The client for one store. Kept apart from index.ts (the package's API module, which re-exports it)
// so that the drop-in's first paint does not reach, through index.ts, modules it loads on demand.
import { nanoid } from 'nanoid';
import { endpoints, type Endpoints } from './endpoints.js';
import { assertPublishableKey } from './keys.js';
import { createLimiter, type Limiter, type LimiterOptions } from './limiter.js';
import { createTransport, type TransportOptions } from './transport.js';

export const DEFAULT_API_BASE = 'https://api.shoprocket.io/v3';

export interface ApiClientOptions {
  /** `pk_…` (live, test or random form); anything else throws a `ToteKeyError` before any request. */
  publicKey: string;
  /** Default `https://api.shoprocket.io/v3`. */
  apiBase?: string;
  /** Sent as `Accept-Language`. */
  locale?: string;
  /** The visitor's `X-Cart-Token` (the store layer keeps it in IndexedDB). Default: one per client, in memory. */
  cartToken?: string | (() => string | Promise<string>);
  /**
   * The signed-in shopper's token (from `verifyLoginCode`), read on every stateful request and
   * sent as `X-Customer-Token` when it returns one. Never sent as `Authorization`.
   */
  customerToken?: () => string | null | undefined | Promise<string | null | undefined>;
  fetch?: typeof fetch;
  /** The server's rate window in ms (the contract: 60 000). */
  rateWindowMs?: number;
  /** Share the rate budget with other tabs of this origin (default true). */
  shareBudget?: boolean;
  /** Bring your own scheduler (tests, or several clients on one budget). */
  limiter?: Limiter;
  /** Passed to the limiter made here. */
  limiterOptions?: LimiterOptions;
  /** Transport knobs: timeout, retries, backoff, timers. */
  transport?: Partial<TransportOptions>;
}

export interface ApiClient extends Endpoints {
  readonly publicKey: string;
  readonly apiBase: string;
  readonly limiter: Limiter;
}

/** The client for one store. Checks the key first: a refused key means no traffic at all. */
export function createApiClient(o: ApiClientOptions): ApiClient {
  const publicKey = assertPublishableKey(o.publicKey);
  const apiBase = (o.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, '');
  const limiter =
    o.limiter ?? createLimiter({ windowMs: o.rateWindowMs, share: o.shareBudget, name: apiBase, ...o.limiterOptions });
  const token = o.cartToken ?? nanoid();
  const send = createTransport({
    base: `${apiBase}/public/${publicKey}`,
    publicKey,
    limiter,
    locale: o.locale,
    fetch: o.fetch,
    cartToken: typeof token === 'string' ? () => token : token,
    customerToken: o.customerToken,
    ...o.transport,
  });
  return { publicKey, apiBase, limiter, ...endpoints(send) };
}
