// Idempotent replay by X-Request-Id (Stripe's idempotency-key rule, as the contract has the
// reference store decide): a mutation that repeats a request id seen for the same cart token in
// the last 24 hours is not applied again; the first answer is sent once more. So a POST that
// Chromium re-sends after a dropped connection, or one that arrives after the client gave up,
// adds nothing twice.
//
// A repeat is the same method and path. The widget carries one job's id across a reconcile that
// may turn an add into a quantity update (another path), which is a new request, not a repeat.
// Only answers of work that was done (2xx) are kept: a refusal changed nothing, so a retry may
// run again.
import { ApiError } from './http.js';

export const REPLAY_TTL_MS = 24 * 3_600_000;

interface Stored {
  body: string;
  status: number;
  response: unknown;
  at: number;
}

export class Replays {
  private readonly entries = new Map<string, Stored>();
  private hitsSincePrune = 0;

  private static key(token: string, requestId: string, method: string, path: string): string {
    return `${token}\n${requestId}\n${method} ${path}`;
  }

  /**
   * The stored answer for a repeat, undefined for a new request; a repeat with another body is
   * 422 IDEMPOTENCY_MISMATCH, since the client reused an id for a different intent.
   */
  lookup(
    token: string,
    requestId: string,
    method: string,
    path: string,
    body: unknown,
    now: number,
  ): { status: number; response: unknown } | undefined {
    const stored = this.entries.get(Replays.key(token, requestId, method, path));
    if (!stored || now - stored.at >= REPLAY_TTL_MS) return undefined;
    if (stored.body !== JSON.stringify(body ?? null)) {
      throw new ApiError(
        422,
        `X-Request-Id ${requestId} was already used for ${method} ${path} with a different body. Use a new id for a new intent.`,
        undefined,
        {},
        'IDEMPOTENCY_MISMATCH',
      );
    }
    return { status: stored.status, response: stored.response };
  }

  remember(
    token: string,
    requestId: string,
    method: string,
    path: string,
    body: unknown,
    status: number,
    response: unknown,
    now: number,
  ): void {
    if (status < 200 || status >= 300) return;
    this.entries.set(Replays.key(token, requestId, method, path), {
      body: JSON.stringify(body ?? null),
      status,
      response,
      at: now,
    });
    if (++this.hitsSincePrune >= 1000) {
      this.hitsSincePrune = 0;
      for (const [key, entry] of this.entries) if (now - entry.at >= REPLAY_TTL_MS) this.entries.delete(key);
    }
  }
}
