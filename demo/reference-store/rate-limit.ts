// Per-endpoint, per-IP fixed-window limits with the contract's punishing lock-out: once a client
// goes over, every further request to that endpoint is refused and restarts the lock-out from that
// moment, so retrying early only extends the wait. Windows are `rateWindowMs` long (60 s by
// default); tests shrink the window, never the limits, so "a minute" passes in milliseconds.

export type LimitClass = 'catalogue' | 'read' | 'mutation' | 'checkout' | 'sensitive' | 'fallback';

export const DEFAULT_LIMITS: Record<LimitClass, number> = {
  catalogue: 120,
  read: 60,
  mutation: 30,
  checkout: 10,
  sensitive: 5,
  fallback: 600,
};

export const LIMIT_CLASSES = Object.keys(DEFAULT_LIMITS) as LimitClass[];

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the client may try again (429 only). */
  retryAfterSeconds: number;
}

interface Counter {
  windowStart: number;
  count: number;
  lockedUntil: number;
}

export class RateLimiter {
  private readonly counters = new Map<string, Counter>();
  /** Overrides by class name, by endpoint ("PATCH /cart/items/{id}") or "*" for everything. */
  private readonly overrides = new Map<string, number>();
  private hitsSincePrune = 0;
  windowMs: number;
  rejected = 0;

  /** `endpointDefaults`: endpoints whose reference ceiling differs from their class's (verify: 10). */
  constructor(
    windowMs: number,
    overrides: Record<string, number> = {},
    private readonly endpointDefaults: Record<string, number> = {},
  ) {
    this.windowMs = windowMs;
    for (const [key, value] of Object.entries(overrides)) this.overrides.set(key, value);
  }

  limitFor(endpoint: string, cls: LimitClass): number {
    return (
      this.overrides.get(endpoint) ??
      this.overrides.get(cls) ??
      this.overrides.get('*') ??
      this.endpointDefaults[endpoint] ??
      DEFAULT_LIMITS[cls]
    );
  }

  setOverride(key: string, limit: number | null): void {
    if (limit === null) this.overrides.delete(key);
    else this.overrides.set(key, limit);
  }

  overridesSnapshot(): Record<string, number> {
    return Object.fromEntries(this.overrides);
  }

  /** Forget every counter and lock-out (limits and overrides stay). */
  resetCounters(): void {
    this.counters.clear();
  }

  hit(ip: string, endpoint: string, cls: LimitClass, now: number): RateDecision {
    const limit = this.limitFor(endpoint, cls);
    const key = `${ip} ${endpoint}`;
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { windowStart: now, count: 0, lockedUntil: 0 };
      this.counters.set(key, counter);
    }
    if (now < counter.lockedUntil) {
      // The window restarts on the last hit, not the first.
      counter.lockedUntil = now + this.windowMs;
      return this.refuse(limit);
    }
    if (now - counter.windowStart >= this.windowMs) {
      counter.windowStart = now;
      counter.count = 0;
    }
    counter.count += 1;
    if (counter.count > limit) {
      counter.lockedUntil = now + this.windowMs;
      return this.refuse(limit);
    }
    this.maybePrune(now);
    return { allowed: true, limit, remaining: limit - counter.count, retryAfterSeconds: 0 };
  }

  private refuse(limit: number): RateDecision {
    this.rejected += 1;
    return { allowed: false, limit, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(this.windowMs / 1000)) };
  }

  /** Drops idle counters now and then so a long-running store does not grow without bound. */
  private maybePrune(now: number): void {
    if (++this.hitsSincePrune < 10_000) return;
    this.hitsSincePrune = 0;
    for (const [key, counter] of this.counters) {
      if (now >= counter.lockedUntil && now - counter.windowStart >= this.windowMs) this.counters.delete(key);
    }
  }
}
