// The scheduler: decides when a request to an endpoint may leave, so that Tote stays inside the
// server's per-endpoint, per-IP budget and never earns a lock-out (which the server extends on
// every further hit). Rules, in order:
//  1. a sliding-window log per endpoint: at most `limit` sends in any window (a token bucket could
//     burst across a window boundary). The window carries a margin for network jitter;
//  2. `limit` starts at the class's documented lower bound and follows `X-RateLimit-Limit`;
//     `X-RateLimit-Remaining` reveals traffic we did not send (other devices behind the IP);
//  3. a 429 locks the endpoint for Retry-After (+ a small random spread); then one probe alone.
//     The first request to an endpoint is a probe as well: its answer tells the real budget;
//  4. background work may not use the last tenth of a budget: it is kept for shopper actions;
//  5. with `share`, the log lives in localStorage (its stored shape: rate-budget.ts) and is changed
//     only under a Web Lock, so every tab of the origin (one IP) draws from one budget; a
//     BroadcastChannel wakes the others;
//  6. `atOnce` (the sensitive class: a late send is a second code, a second review, a lock-out) never
//     waits, not even for a probe: with no free slot now, it is refused at once with `RATE_LIMITED`.

import { ApiError } from './errors.js';
import { isObj } from './normalize/primitives.js';
import {
  isSoundBudget,
  MAX_LIMIT,
  MAX_RETRY_AFTER,
  newBudget,
  type Budget,
  type StoredBudgets,
} from './rate-budget.js';

export type EndpointClass = 'read' | 'mutation' | 'checkout' | 'sensitive' | 'fallback';

/** The contract's lower bounds, per minute. */
export const CLASS_LIMITS: Record<EndpointClass, number> = {
  read: 60,
  mutation: 30,
  checkout: 30,
  sensitive: 5,
  fallback: 600,
};

/** Endpoints whose documented lower bound differs from their class's. */
export const ENDPOINT_LIMITS: Record<string, number> = { 'POST /customer/otp/verify': 10 };

/**
 * The contract's rate-limit table. `endpoint` is `METHOD /path/{pattern}`, e.g.
 * `PATCH /cart/items/{id}`. Every GET is a read; writes are classed by path.
 */
export const classOf = (endpoint: string): EndpointClass =>
  endpoint.startsWith('GET ')
    ? 'read'
    : /^POST \/(cart\/checkout|orders\/[^/]+\/(pay|capture))$/.test(endpoint)
      ? 'checkout'
      : /^POST \/(customer\/otp(\/verify)?|products\/[^/]+\/reviews)$/.test(endpoint)
        ? 'sensitive'
        : /^(POST|PATCH|DELETE) \/cart(\/|$)/.test(endpoint) || endpoint === 'POST /customer/signout'
          ? 'mutation'
          : 'fallback';

/** What a response said about its endpoint's budget. */
export interface RateInfo {
  status: number;
  limit: string | null;
  remaining: string | null;
  retryAfter: string | null;
  /** The response's `Date`: an HTTP-date `Retry-After` is read against it, not the client's clock. */
  date?: string | null;
}

export interface Ticket {
  readonly endpoint: string;
  /** When it was let through. */
  readonly at: number;
  /** The single request let through after a lock-out. */
  readonly probe: boolean;
}

export interface EndpointState {
  endpoint: string;
  class: EndpointClass;
  limit: number;
  /** Sends counted in the current window (including foreign ones revealed by the server). */
  used: number;
  /** Epoch ms until which nothing is sent; 0 when open. */
  lockedUntil: number;
  /** Before the first answer, and after a lock-out: until one probe has come back. */
  awaitingProbe: boolean;
  /** Requests of this page waiting for a slot. */
  queued: number;
}

export interface LimiterSnapshot {
  now: number;
  windowMs: number;
  shared: boolean;
  endpoints: EndpointState[];
  queued: number;
  /** Requests let through by this limiter. */
  sent: number;
  /** 429s seen by this limiter. */
  rateLimited: number;
}

export interface LimiterOptions {
  /** The server's window (the contract: a minute). */
  windowMs?: number;
  /** Share one budget with every tab of the origin (needs Web Locks and localStorage). Default true. */
  share?: boolean;
  /** Names the shared budget; the API base by default. */
  name?: string;
  /** Limits to start from, by class or by endpoint. */
  limits?: Record<string, number>;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export interface Limiter {
  /**
   * Waits for a slot (`background` yields to shopper actions). `atOnce` never waits: with no slot free
   * now it rejects at once with `ApiError` 429 `RATE_LIMITED`, `retryAfter` the seconds until one is.
   */
  acquire(endpoint: string, background?: boolean, signal?: AbortSignal, atOnce?: boolean): Promise<Ticket>;
  /** Reports the response (or `undefined` when none was read) of a ticket's request. */
  settle(ticket: Ticket, info?: RateInfo): void;
  snapshot(): LimiterSnapshot;
  subscribe(fn: (snapshot: LimiterSnapshot) => void): () => void;
  dispose(): void;
}

/** A request waiting for a slot. */
interface Job {
  endpoint: string;
  background: boolean;
  atOnce?: boolean;
  grant: (ticket: Ticket) => void;
  refuse: (reason: unknown) => void;
}

/**
 * Retry-After in ms, at most `MAX_RETRY_AFTER`: seconds, or an HTTP-date read against the server's
 * own `Date` when it sent one (a client clock an hour slow must not wait an hour), rounded up (both
 * have whole seconds); else undefined.
 */
export function retryAfterMs(value: string | null, now: number, serverDate?: string | null): number | undefined {
  const text = value?.trim() ?? '';
  const ms = /^\d+$/.test(text) ? +text * 1e3 : Date.parse(text) - (Date.parse(serverDate!) || now) + 1e3;
  return ms >= 0 ? Math.min(ms, MAX_RETRY_AFTER) : undefined;
}

export function createLimiter(options: LimiterOptions = {}): Limiter {
  const windowMs = options.windowMs ?? 6e4;
  const countedWindowMs = windowMs + Math.min(1e3, windowMs / 10); // sends and arrivals differ by the network's jitter
  const probeTimeout = 2e4; // > a request's timeout: a probe from a closed tab must not block forever
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((id: unknown) => clearTimeout(id as number));
  const storageKey = 'tote-rate:' + (options.name ?? '');
  const subscribers = new Set<(snapshot: LimiterSnapshot) => void>();
  let queue: Job[] = [];
  const ownBudgets: StoredBudgets = {}; // when not shared
  let sent = 0;
  let rateLimited = 0;
  let timer: unknown;
  let pumping = false;
  let pumpAgain = false;

  let shared = options.share !== false && typeof navigator !== 'undefined' && !!navigator.locks;
  try {
    if (shared) localStorage.setItem(storageKey + ':ok', '1');
  } catch {
    shared = false; // storage blocked (sandboxed frame, privacy mode): this tab counts alone
  }
  let channel = shared && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(storageKey) : undefined;
  if (channel) channel.onmessage = () => pump();

  const loadBudgets = (): StoredBudgets => {
    if (!shared) return ownBudgets;
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(storageKey)!); // nothing stored: null
      return isObj(stored) ? (stored as StoredBudgets) : {}; // each record is checked in budgetFor()
    } catch {
      return {};
    }
  };
  // The endpoint's budget at `time`, its send log trimmed to the window. A stored record unlike what
  // this code writes is dropped and the endpoint starts over (see `isSoundBudget`).
  const budgetFor = (budgets: StoredBudgets, endpoint: string, time: number): Budget => {
    const stored = budgets[endpoint];
    const budget = isSoundBudget(stored, time, windowMs)
      ? stored
      : // A new endpoint starts with a probe too: one request learns the real budget (the server may
        // be stricter than documented, or other devices may have spent it) before the rest follow.
        (budgets[endpoint] = newBudget(
          options.limits?.[endpoint] ??
            options.limits?.[classOf(endpoint)] ??
            ENDPOINT_LIMITS[endpoint] ??
            CLASS_LIMITS[classOf(endpoint)],
        ));
    budget.sendLog = budget.sendLog.filter((sentAt) => sentAt > time - countedWindowMs);
    return budget;
  };
  // Read, change and write the budgets: under the cross-tab lock when shared.
  const transact = (change: (budgets: StoredBudgets) => void, done: () => void): void => {
    try {
      if (shared)
        return void navigator.locks
          .request(storageKey, () => {
            const budgets = loadBudgets();
            change(budgets);
            localStorage.setItem(storageKey, JSON.stringify(budgets));
          })
          .then(
            () => channel?.postMessage(0),
            () => {},
          )
          .then(done);
    } catch {
      shared = false; // a sandboxed frame's navigator.locks throws: this tab counts alone
    }
    change(ownBudgets);
    done();
  };
  // This tab's probes on the wire (endpoint → when it left). A page that goes away (a reload, a
  // closed tab) hands them back at once, so the next page need not wait out probeTimeout.
  const probes = new Map<string, number>();
  const handBack = () => {
    if (!shared || !probes.size) return;
    try {
      const budgets = loadBudgets(); // no lock: a page going away gets no more turns
      for (const [endpoint, sentAt] of probes) {
        const stored = budgets[endpoint];
        if (stored?.probeSentAt === sentAt) stored.probeSentAt = 0;
      }
      localStorage.setItem(storageKey, JSON.stringify(budgets));
    } catch {
      // storage gone: the probe times out as before
    }
  };
  globalThis.addEventListener?.('pagehide', handBack);

  const snapshot = (): LimiterSnapshot => {
    const time = now();
    const budgets = loadBudgets();
    return {
      now: time,
      windowMs,
      shared,
      queued: queue.length,
      sent,
      rateLimited,
      endpoints: Object.keys(budgets).map((endpoint) => {
        const budget = budgetFor(budgets, endpoint, time);
        return {
          endpoint,
          class: classOf(endpoint),
          limit: budget.limit,
          used: budget.sendLog.length,
          lockedUntil: budget.lockedUntil > time ? budget.lockedUntil : 0,
          awaitingProbe: budget.awaitingProbe,
          queued: queue.filter((job) => job.endpoint === endpoint).length,
        };
      }),
    };
  };
  const notify = () => subscribers.forEach((subscriber) => subscriber(snapshot()));

  function pump(): void {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    pumpAgain = false;
    const granted: [Job, Ticket][] = [];
    let wakeAt = Infinity;
    transact(
      (budgets) => {
        const time = now();
        wakeAt = Infinity;
        granted.length = 0;
        // Shopper actions first; the sort is stable, so FIFO within a priority.
        for (const job of [...queue].sort((a, b) => +a.background - +b.background)) {
          const budget = budgetFor(budgets, job.endpoint, time);
          const cap = budget.limit - (job.background ? Math.ceil(budget.limit / 10) : 0);
          // When it may leave (0: now): after a lock-out; after the probe on the wire (one from a
          // closed tab times out; `atOnce` does not wait for it); once the window has room.
          const at =
            budget.lockedUntil > time
              ? budget.lockedUntil
              : !job.atOnce && budget.awaitingProbe && budget.probeSentAt && time - budget.probeSentAt < probeTimeout
                ? budget.probeSentAt + probeTimeout
                : budget.sendLog.length < cap
                  ? 0
                  : (budget.sendLog[budget.sendLog.length - cap] ?? time) + countedWindowMs;
          // Refused inside the lock, so its answer holds (a job aborted meanwhile has left already).
          if (at && job.atOnce)
            job.refuse(new ApiError(429, 'RATE_LIMITED', job.endpoint, [], null, Math.ceil((at - time) / 1e3)));
          else if (at) wakeAt = Math.min(wakeAt, at);
          else {
            if (budget.awaitingProbe) probes.set(job.endpoint, (budget.probeSentAt = time));
            budget.sendLog.push(time);
            granted.push([job, { endpoint: job.endpoint, at: time, probe: budget.awaitingProbe }]);
          }
        }
      },
      () => {
        sent += granted.length;
        for (const [job, ticket] of granted) {
          // Aborted while the lock was held: hand the slot back so a probe does not hang.
          if (queue.includes(job)) job.grant(ticket);
          else limiter.settle(ticket);
        }
        queue = queue.filter((job) => !granted.some(([grantedJob]) => grantedJob === job));
        clearTimer(timer);
        if (queue.length && wakeAt < Infinity) timer = setTimer(pump, Math.max(0, wakeAt - now()));
        pumping = false;
        notify();
        if (pumpAgain) pump();
      },
    );
  }

  const limiter: Limiter = {
    acquire(endpoint, background = false, signal, atOnce) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        // Out of the queue: aborted, or refused (`atOnce`).
        const refuse = (reason: unknown) => {
          queue = queue.filter((queued) => queued !== job);
          reject(reason);
        };
        const job: Job = { endpoint, background, atOnce, grant: resolve, refuse };
        queue.push(job);
        signal?.addEventListener('abort', () => queue.includes(job) && (refuse(signal.reason), notify()), {
          once: true,
        });
        pump();
      });
    },
    settle(ticket, info) {
      transact((budgets) => {
        const time = now();
        const budget = budgetFor(budgets, ticket.endpoint, time);
        const limit = Number(info?.limit || NaN);
        // Adopted at once (the server knows other tabs and devices), within bounds: `Infinity`
        // would be stored as null and lock the endpoint for good; the count Remaining implies
        // (limit − remaining, pushed to the log below) is bounded with it.
        if (limit >= 1) budget.limit = Math.min(limit, MAX_LIMIT) | 0;
        if (info?.status === 429) {
          rateLimited++;
          const wait = retryAfterMs(info.retryAfter, time, info.date) ?? windowMs;
          budget.lockedUntil = Math.max(budget.lockedUntil, time + wait + random() * Math.min(1e3, windowMs / 20));
          budget.awaitingProbe = true;
          budget.probeSentAt = 0;
          return;
        }
        if (ticket.probe) {
          probes.delete(ticket.endpoint);
          budget.probeSentAt = 0; // without a response, another probe may go
          if (info) budget.awaitingProbe = false;
        }
        const remaining = Number(info?.remaining || NaN);
        if (remaining >= 0) {
          // The server counted `used` in its window up to this request; whatever we did not
          // send ourselves came from elsewhere: count it as if sent along with this request.
          const used = budget.limit - remaining;
          for (let counted = budget.sendLog.filter((sentAt) => sentAt <= ticket.at).length; counted < used; counted++)
            budget.sendLog.push(ticket.at);
          budget.sendLog.sort((a, b) => a - b);
        }
      }, pump);
    },
    snapshot,
    subscribe(subscriber) {
      subscribers.add(subscriber);
      subscriber(snapshot());
      return () => subscribers.delete(subscriber);
    },
    dispose() {
      globalThis.removeEventListener?.('pagehide', handBack);
      clearTimer(timer);
      channel?.close();
      channel = undefined;
      subscribers.clear();
    },
  };
  return limiter;
}
