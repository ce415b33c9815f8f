// How an endpoint function sends: through the transport, its answer normalized at the edge, and an
// id that a URL would resolve refused before anything leaves. Shared by endpoints.ts and
// later-endpoints.ts (the endpoints loaded on first use).
import { ApiError } from './errors.js';
import type { Call, Method, RequestOptions, Send } from './transport.js';

export function caller(send: Send) {
  // An id goes into the path percent-encoded, but "." and ".." stay as they are and a URL resolves
  // them: an order id ".." from a hostile answer or link would make `/orders/../pay` a `POST /pay`.
  return <T>(normalize: (v: unknown) => T | Promise<T>) =>
    (method: Method, pattern: string, options: RequestOptions | undefined, parts: Call = {}) =>
      parts.id === '.' || parts.id === '..'
        ? Promise.reject(new ApiError(400, 'BAD_REQUEST', 'Not an id'))
        : send<T>(method, pattern, options, { ...parts, normalize });
}

export type Caller = ReturnType<typeof caller>;
