import type { CheckoutRejectionReason, PriceChange, StockIssue } from './types/checkout.js';
import type { FieldError } from './types/common.js';

/**
 * Every failure of a request. `status` is 0 when no HTTP response was read. Codes: the server's
 * (`UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_ERROR`, `RATE_LIMITED`, `INTERNAL`) plus
 * the client's own: `NETWORK`, `TIMEOUT`, `ABORTED` (the caller's signal), `BAD_RESPONSE` (a 2xx
 * whose body is not the JSON it should be) and `OUTCOME_UNKNOWN` — a request that is not safe to
 * repeat (`POST`) lost its answer, so it may or may not have taken effect: read the cart to find out.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly requestId: string | null = null,
    /** Seconds, from a 429's `Retry-After`. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

/**
 * A 409 domain refusal (`{rejection, message, …}`) from checkout, capture or a mutation of a
 * converted cart. An unknown `rejection` is shown by its `message`.
 */
export class CheckoutRejection extends ApiError {
  override name = 'CheckoutRejection';
  constructor(
    readonly rejection: CheckoutRejectionReason,
    message: string,
    readonly priceChanges: PriceChange[] = [],
    readonly stockIssues: StockIssue[] = [],
    requestId: string | null = null,
    /** With `already_converted`: the order this cart became, when the server says (a reference-store extra). */
    readonly orderId: string | null = null,
  ) {
    super(409, 'CHECKOUT_REJECTED', message, [], requestId);
  }
}
