// An endpoint's rate budget as the limiter stores it, shared between tabs: the stored record (read and
// written by name; a record of the earlier one-letter shape fails the check and its endpoint starts
// over) and its check.
import { isNum } from './normalize/primitives.js';

// Bounds on what a response or a stored record may claim. Every class's documented ceiling is at
// most 600 a minute, so 1000 never throttles a real server, and it bounds the send log's length.
// A lock-out for a per-minute budget lasts about a window; a longer Retry-After is a skewed clock
// or a hostile answer, and the cost of waiting only 5 minutes is one early probe, not a dead shop.
export const MAX_LIMIT = 1e3;
export const MAX_RETRY_AFTER = 3e5;

/**
 * One endpoint's budget as it is stored: with `share`, under `tote-rate:{name}` in localStorage, a
 * JSON object of these records by endpoint that every tab of the origin reads and writes.
 */
export interface Budget {
  /** Sends allowed in a window. */
  limit: number;
  /** The send times (epoch ms) inside the window. */
  sendLog: number[];
  /** Epoch ms until which the endpoint is locked (0 or past: open). */
  lockedUntil: number;
  /** Until a probe has come back (before the first answer, after a lock-out). */
  awaitingProbe: boolean;
  /** Epoch ms when the probe out on the wire left (0: none out). */
  probeSentAt: number;
}
/** The stored budgets by endpoint (`METHOD /path/{pattern}`). */
export type StoredBudgets = Record<string, Budget>;

/** A fresh budget of `limit` sends, open, waiting for its first probe. */
export const newBudget = (limit: number): Budget => ({
  limit,
  sendLog: [],
  lockedUntil: 0,
  awaitingProbe: true,
  probeSentAt: 0,
});

// In [0, max] (NaN, strings and null fail).
const within = (value: unknown, max: number) => isNum(value) && value >= 0 && value <= max;

/**
 * Whether a stored record may be used at `time`. Storage is the origin's, shared with other scripts
 * and other versions of Tote: a record unlike what this code writes (a wrong type, a limit out of
 * bounds, a send in the future, a lock or a probe past any Retry-After) could lock its endpoint in
 * every tab for good, so the limiter drops it and the endpoint starts over. (Of what JSON holds,
 * only arrays have `every`.)
 */
export function isSoundBudget(stored: Budget | undefined, time: number, windowMs: number): stored is Budget {
  return !!(
    stored?.sendLog?.every?.((sentAt) => within(sentAt, time)) &&
    within(stored.limit, MAX_LIMIT) &&
    stored.limit >= 1 &&
    within(stored.lockedUntil, time + MAX_RETRY_AFTER + windowMs) &&
    within(stored.probeSentAt, time)
  );
}
