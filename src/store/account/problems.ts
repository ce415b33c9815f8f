// How a failed request of the account session or the reviews feed becomes a problem to show, and
// when a refused sensitive request may be tried again. Shared by both (store/reviews/ imports it).
import { ApiError } from '../../api/index.js';
import type { AccountProblem } from './account-types.js';

/** The contract: a `429` without `Retry-After` means a minute. */
const DEFAULT_WAIT_S = 60;

/** The keys a caller words itself: its rate-limit wait and its refusal with the server's sentence. */
export interface ProblemKeys {
  wait: string;
  refused: string;
}

/**
 * The problem to file for `error`. No HTTP answer (`NETWORK`, `TIMEOUT`, a lost answer) is
 * `error.network`; a server error or an answer that could not be read is `error.busy`; a `429` (the
 * server's, or the limiter's refusal before sending) is `keys.wait`; any other refusal is
 * `keys.refused` with the server's sentence and the field it names.
 */
export function problemOf(error: unknown, keys: ProblemKeys): AccountProblem {
  if (!(error instanceof ApiError) || error.status === 0) return { key: 'error.network' };
  if (error.code === 'RATE_LIMITED') return { key: keys.wait };
  if (error.status < 400 || error.status >= 500 || error.code === 'BAD_RESPONSE') return { key: 'error.busy' };
  const field = error.details[0]?.field;
  return { key: keys.refused, text: error.message, ...(field ? { field } : {}) };
}

/** Epoch ms when a `RATE_LIMITED` refusal ends (its `retryAfter` is in seconds), else 0. */
export function retryAtOf(error: unknown, now: number): number {
  return error instanceof ApiError && error.code === 'RATE_LIMITED'
    ? now + (error.retryAfter ?? DEFAULT_WAIT_S) * 1e3
    : 0;
}

/**
 * Whether a request that is not safe to repeat may have taken effect although no usable answer came
 * back: no answer, a lost one, a server error. A refusal (`4xx`) did nothing.
 */
export function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.code === 'OUTCOME_UNKNOWN';
}

/**
 * Calls `fire` once at `at` (epoch ms), unless cancelled: the moment a wait ends, so views redraw.
 * The timer never keeps a Node process alive.
 */
export function wakeAt(at: number, now: number, fire: () => void): () => void {
  const timer = setTimeout(fire, Math.max(0, at - now));
  (timer as { unref?: () => void }).unref?.();
  return () => clearTimeout(timer);
}
