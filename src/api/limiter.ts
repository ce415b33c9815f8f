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
//  5. with `share`, the log lives in localStorage and is changed only under a Web Lock, so every
//     tab of the origin (one IP) draws from one budget; a BroadcastChannel wakes the others.

import { isNum, isObj } from './normalize.js';

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
  /** Waits for a slot; `background` work yields to shopper actions. */
  acquire(endpoint: string, background?: boolean, signal?: AbortSignal): Promise<Ticket>;
  /** Reports the response (or `undefined` when none was read) of a ticket's request. */
  settle(ticket: Ticket, info?: RateInfo): void;
  snapshot(): LimiterSnapshot;
  subscribe(fn: (s: LimiterSnapshot) => void): () => void;
  dispose(): void;
}

// Endpoint record, short keys because it is stored: l limit, g log (send times), u locked until,
// q awaiting a probe, p when the probe left (0: none out).
interface Rec {
  l: number;
  g: number[];
  u: number;
  q: number;
  p: number;
}
type State = Record<string, Rec>;
interface Job {
  e: string;
  b: boolean;
  ok: (t: Ticket) => void;
}

// Bounds on what a response or a stored record may claim. Every class's documented ceiling is at
// most 600 a minute, so 1000 never throttles a real server, and it bounds the send log's length.
// A lock-out for a per-minute budget lasts about a window; a longer Retry-After is a skewed clock
// or a hostile answer, and the cost of waiting only 5 minutes is one early probe, not a dead shop.
const MAX_LIMIT = 1e3;
const MAX_RETRY_AFTER = 3e5;

/**
 * Retry-After in ms, at most `MAX_RETRY_AFTER`: seconds, or an HTTP-date read against the server's
 * own `Date` when it sent one (a client clock an hour slow must not wait an hour), rounded up (both
 * have whole seconds); else undefined.
 */
export function retryAfterMs(value: string | null, now: number, serverDate?: string | null): number | undefined {
  const v = value?.trim() ?? '';
  const ms = /^\d+$/.test(v) ? +v * 1e3 : Date.parse(v) - (Date.parse(serverDate!) || now) + 1e3;
  return ms >= 0 ? Math.min(ms, MAX_RETRY_AFTER) : undefined;
}

export function createLimiter(o: LimiterOptions = {}): Limiter {
  const W = o.windowMs ?? 6e4;
  const win = W + Math.min(1e3, W / 10); // sends and arrivals differ by the network's jitter
  const probeTimeout = 2e4; // > a request's timeout: a probe from a closed tab must not block forever
  const now = o.now ?? (() => Date.now());
  const random = o.random ?? Math.random;
  const setTimer = o.setTimer ?? ((f: () => void, ms: number) => setTimeout(f, ms));
  const clearTimer = o.clearTimer ?? ((id: unknown) => clearTimeout(id as number));
  const key = 'tote-rate:' + (o.name ?? '');
  const subs = new Set<(s: LimiterSnapshot) => void>();
  let queue: Job[] = [];
  const mem: State = {};
  let sent = 0;
  let limited = 0;
  let timer: unknown;
  let busy = false;
  let again = false;

  let shared = o.share !== false && typeof navigator !== 'undefined' && !!navigator.locks;
  try {
    if (shared) localStorage.setItem(key + ':ok', '1');
  } catch {
    shared = false; // storage blocked (sandboxed frame, privacy mode): this tab counts alone
  }
  let bc = shared && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(key) : undefined;
  if (bc) bc.onmessage = () => pump();

  const load = (): State => {
    if (!shared) return mem;
    try {
      const s: unknown = JSON.parse(localStorage.getItem(key)!); // nothing stored: null
      return isObj(s) ? (s as State) : {}; // each record is checked in rec()
    } catch {
      return {};
    }
  };
  // In [0, max] (NaN, strings and null fail).
  const within = (v: unknown, max: number) => isNum(v) && v >= 0 && v <= max;
  const rec = (s: State, e: string, t: number): Rec => {
    let r = s[e];
    // Storage is the origin's, shared with other scripts and other versions of Tote: a record unlike
    // what this code writes (a wrong type, a limit out of bounds, a send in the future, a lock or a
    // probe past any Retry-After) could lock its endpoint in every tab for good, so it is dropped
    // and the endpoint starts over. (Of what JSON holds, only arrays have `every`.)
    if (!(r?.g?.every?.((x) => within(x, t)) && within(r.l, MAX_LIMIT) && r.l >= 1 && within(r.u, t + MAX_RETRY_AFTER + W) && within(r.p, t)))
      // A new endpoint starts with a probe too: one request learns the real budget (the server may
      // be stricter than documented, or other devices may have spent it) before the rest follow.
      r = s[e] = { l: o.limits?.[e] ?? o.limits?.[classOf(e)] ?? ENDPOINT_LIMITS[e] ?? CLASS_LIMITS[classOf(e)], g: [], u: 0, q: 1, p: 0 };
    r.g = r.g.filter((x) => x > t - win);
    return r;
  };
  // Read, change and write the state: under the cross-tab lock when shared.
  const tx = (fn: (s: State) => void, done: () => void): void => {
    try {
      if (shared)
        return void navigator.locks
          .request(key, () => {
            const s = load();
            fn(s);
            localStorage.setItem(key, JSON.stringify(s));
          })
          .then(() => bc?.postMessage(0), () => {})
          .then(done);
    } catch {
      shared = false; // a sandboxed frame's navigator.locks throws: this tab counts alone
    }
    fn(mem);
    done();
  };
  // This tab's probes on the wire (endpoint → when it left). A page that goes away (a reload, a
  // closed tab) hands them back at once, so the next page need not wait out probeTimeout.
  const probes = new Map<string, number>();
  const handBack = () => {
    if (!shared || !probes.size) return;
    try {
      const s = load(); // no lock: a page going away gets no more turns
      for (const [e, at] of probes) if (s[e]?.p === at) s[e].p = 0;
      localStorage.setItem(key, JSON.stringify(s));
    } catch {
      // storage gone: the probe times out as before
    }
  };
  globalThis.addEventListener?.('pagehide', handBack);

  const snapshot = (): LimiterSnapshot => {
    const t = now();
    const s = load();
    return {
      now: t,
      windowMs: W,
      shared,
      queued: queue.length,
      sent,
      rateLimited: limited,
      endpoints: Object.keys(s).map((endpoint) => {
        const r = rec(s, endpoint, t);
        return {
          endpoint,
          class: classOf(endpoint),
          limit: r.l,
          used: r.g.length,
          lockedUntil: r.u > t ? r.u : 0,
          awaitingProbe: !!r.q,
          queued: queue.filter((j) => j.e === endpoint).length,
        };
      }),
    };
  };
  const notify = () => subs.forEach((f) => f(snapshot()));

  function pump(): void {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    again = false;
    const out: [Job, Ticket][] = [];
    let wake = Infinity;
    tx(
      (s) => {
        const t = now();
        wake = Infinity;
        out.length = 0;
        // Shopper actions first; the sort is stable, so FIFO within a priority.
        for (const j of [...queue].sort((a, b) => +a.b - +b.b)) {
          const r = rec(s, j.e, t);
          const cap = r.l - (j.b ? Math.ceil(r.l / 10) : 0);
          if (r.u > t) wake = Math.min(wake, r.u);
          // A probe is out: wait for it (a probe from a closed tab times out, then the next may go).
          else if (r.q && r.p && t - r.p < probeTimeout) wake = Math.min(wake, r.p + probeTimeout);
          else if (r.g.length >= cap) wake = Math.min(wake, (r.g[r.g.length - cap] ?? t) + win);
          else {
            if (r.q) probes.set(j.e, (r.p = t));
            r.g.push(t);
            out.push([j, { endpoint: j.e, at: t, probe: !!r.q }]);
          }
        }
      },
      () => {
        sent += out.length;
        for (const [j, ticket] of out) {
          // Aborted while the lock was held: hand the slot back so a probe does not hang.
          if (queue.includes(j)) j.ok(ticket);
          else api.settle(ticket);
        }
        queue = queue.filter((j) => !out.some(([g]) => g === j));
        clearTimer(timer);
        if (queue.length && wake < Infinity) timer = setTimer(pump, Math.max(0, wake - now()));
        busy = false;
        notify();
        if (again) pump();
      },
    );
  }

  const api: Limiter = {
    acquire(endpoint, background = false, signal) {
      return new Promise((ok, no) => {
        if (signal?.aborted) return no(signal.reason);
        const job: Job = { e: endpoint, b: background, ok };
        queue.push(job);
        signal?.addEventListener(
          'abort',
          () => {
            if (!queue.includes(job)) return;
            queue = queue.filter((j) => j !== job);
            no(signal.reason);
            notify();
          },
          { once: true },
        );
        pump();
      });
    },
    settle(ticket, info) {
      tx(
        (s) => {
          const t = now();
          const r = rec(s, ticket.endpoint, t);
          const limit = Number(info?.limit || NaN);
          // Adopted at once (the server knows other tabs and devices), within bounds: `Infinity`
          // would be stored as null and lock the endpoint for good; the count Remaining implies
          // (limit − remaining, pushed to the log below) is bounded with it.
          if (limit >= 1) r.l = Math.min(limit, MAX_LIMIT) | 0;
          if (info?.status === 429) {
            limited++;
            const wait = retryAfterMs(info.retryAfter, t, info.date) ?? W;
            r.u = Math.max(r.u, t + wait + random() * Math.min(1e3, W / 20));
            r.q = 1;
            r.p = 0;
            return;
          }
          if (ticket.probe) {
            probes.delete(ticket.endpoint);
            r.p = 0; // without a response, another probe may go
            if (info) r.q = 0;
          }
          const remaining = Number(info?.remaining || NaN);
          if (remaining >= 0) {
            // The server counted `used` in its window up to this request; whatever we did not
            // send ourselves came from elsewhere: count it as if sent along with this request.
            const used = r.l - remaining;
            for (let n = r.g.filter((x) => x <= ticket.at).length; n < used; n++) r.g.push(ticket.at);
            r.g.sort((a, b) => a - b);
          }
        },
        pump,
      );
    },
    snapshot,
    subscribe(fn) {
      subs.add(fn);
      fn(snapshot());
      return () => subs.delete(fn);
    },
    dispose() {
      globalThis.removeEventListener?.('pagehide', handBack);
      clearTimer(timer);
      bc?.close();
      bc = undefined;
      subs.clear();
    },
  };
  return api;
}
