// The cart's writer (docs/cart-engine.md): the one tab of a shop that sends line changes. Loaded
// with the first wish, so a page that only shows the cart never downloads it.
import { nanoid } from 'nanoid';
import type { ApiClient } from '../api/client.js';
import { ApiError, CheckoutRejection } from '../api/errors.js';
import type { Cart } from '../api/types.js';
import { carryOver, settle, type Ledger, type Refusal, type Wish } from './ledger.js';
import type { KeyValueStorage } from './storage.js';

// Codes after which the same wish may succeed later: nothing was refused, something was in the way.
const TRANSIENT = new Set(['NETWORK', 'TIMEOUT', 'INTERNAL', 'RATE_LIMITED', 'BAD_RESPONSE', 'OUTCOME_UNKNOWN']);
/** The writer's lease where Web Locks are missing, renewed three times per term while there are wishes. */
const LEASE_MS = 3000;

/** What the writer needs of its tab's engine. */
export interface WriterHost {
  readonly options: { api: ApiClient; storage: KeyValueStorage; namespace: string; settleMs: number; retryMs: number; retryCapMs: number };
  readonly tab: string;
  readonly ledger: Ledger;
  readonly server: Cart | null;
  /** The first server read has been tried. */
  readonly live: boolean;
  readonly online: boolean;
  update(change: (ledger: Ledger) => Ledger, share?: boolean): Promise<void>;
  /** Takes a server answer as the new truth (stored, shared, recorded in the ledger). */
  adopt(cart: Cart): Promise<void>;
  /** Moves the shop to a fresh cart token, the ledger changed to it by `next` in the same step. */
  moveTo(next: (ledger: Ledger, token: string) => Ledger): Promise<void>;
}

export class CartWriter {
  #h: WriterHost;
  #disposed = false;
  #writer = false;
  #leasing = false;
  #leaseTimer: ReturnType<typeof setTimeout> | undefined;
  #releaseLock: (() => void) | undefined;
  #inFlight = new Set<string>();
  /** Lines whose POST lost its answer, or whose line vanished: read the cart before sending them again. */
  #doubt = new Set<string>();
  /** Per line: its wish's request id when last seen, when it changed, and when its next request may leave. */
  #seen = new Map<string, { requestId: string; at: number; due: number }>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Transient failures in a row, across lines: one outage slows every line's retries together. */
  #outage = 0;
  #probe: ReturnType<typeof setTimeout> | undefined;
  #probeDue = false;

  constructor(host: WriterHost) {
    this.#h = host;
    this.onLedger(); // every wish has its due time before this tab may send any (#elect may make it the writer at once)
    this.#elect();
  }

  /** The ledger changed: new wishes are due at once if their line was quiet, else once the shopper pauses. */
  onLedger(): void {
    const now = Date.now();
    for (const [variantId, wish] of Object.entries(this.#h.ledger.wishes)) {
      const seen = this.#seen.get(variantId);
      if (seen?.requestId === wish.requestId) continue;
      // The first click on a quiet line goes at once; clicks within settleMs of each other are
      // merged into one follow-up, sent once the shopper pauses.
      const quiet = !seen || now - seen.at >= this.#h.options.settleMs;
      this.#seen.set(variantId, { requestId: wish.requestId, at: now, due: quiet ? Math.max(now, seen?.due ?? 0) : now + this.#h.options.settleMs });
    }
    if (this.#leasing && !this.#leaseTimer && Object.keys(this.#h.ledger.wishes).length) void this.#tickLease();
    this.pump();
  }

  /** Back online: the outage is over. */
  wake(): void {
    this.#reachable();
    this.pump();
  }

  /** Stops sending and hands the writer's role on (the lock is freed, the lease lapses at once). */
  async dispose(): Promise<void> {
    this.#disposed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    clearTimeout(this.#probe);
    clearTimeout(this.#leaseTimer);
    if (this.#leasing && this.#writer) {
      const me = this.#h.tab;
      await this.#h.update((ledger) => (ledger.lease?.tab === me ? { ...ledger, lease: { tab: me, until: 0 } } : ledger), false);
    }
    this.#writer = false;
    this.#releaseLock?.();
  }

  /** A read of the server's cart with no retries underneath (the writer retries on its own). */
  async #read(): Promise<void> {
    await this.#h.adopt(await this.#h.options.api.cart({ requestId: nanoid(), retries: 0 }));
    this.#reachable();
  }

  /** Becomes the writer when this tab holds the shop's writer lock — or, without Web Locks, its lease. */
  #elect(): void {
    if (this.#h.options.storage.kind === 'memory') return this.#becomeWriter(true); // nothing shared: alone
    try {
      navigator.locks
        .request(`tote:${this.#h.options.namespace}:writer`, () => {
          if (this.#disposed) return;
          this.#becomeWriter(true);
          return new Promise<void>((release) => (this.#releaseLock = release));
        })
        .catch(() => this.#useLease());
    } catch {
      this.#useLease(); // no Web Locks (not a secure context), or a sandboxed frame that throws
    }
  }

  #useLease(): void {
    if (this.#disposed || this.#leasing) return;
    this.#leasing = true;
    void this.#tickLease();
  }

  /** Takes or renews the lease while there are wishes (an expired one is free); lets it lapse when there are none. */
  async #tickLease(): Promise<void> {
    clearTimeout(this.#leaseTimer);
    this.#leaseTimer = undefined;
    if (this.#disposed) return;
    const me = this.#h.tab;
    if (Object.keys(this.#h.ledger.wishes).length) {
      const now = Date.now();
      await this.#h.update((l) => (!l.lease || l.lease.until < now || l.lease.tab === me ? { ...l, lease: { tab: me, until: now + LEASE_MS } } : l), false);
      this.#becomeWriter(this.#h.ledger.lease?.tab === me);
      this.#leaseTimer = setTimeout(() => void this.#tickLease(), LEASE_MS / 3);
    } else this.#becomeWriter(false);
  }

  #becomeWriter(writer: boolean): void {
    if (writer && !this.#writer) {
      // A writer before this one (a closed tab, an earlier page) may have had these POSTs on the wire.
      for (const [variantId, wish] of Object.entries(this.#h.ledger.wishes)) if (wish.sent) this.#doubt.add(variantId);
    }
    this.#writer = writer;
    this.pump();
  }

  /** Sends what the wishes need: one request per line at most, when its line is due. */
  pump(): void {
    if (!this.#writer || !this.#h.live || this.#disposed || !this.#h.online) return;
    const now = Date.now();
    for (const [variantId, wish] of Object.entries(this.#h.ledger.wishes)) {
      if (this.#outage && !this.#probeDue) return; // an outage: only the probe goes
      if (this.#inFlight.has(variantId) || this.#timers.has(variantId)) continue;
      const wait = (this.#seen.get(variantId)?.due ?? 0) - now;
      if (wait > 0) {
        this.#timers.set(variantId, setTimeout(() => (this.#timers.delete(variantId), this.pump()), wait));
        continue;
      }
      this.#probeDue = false;
      void this.#send(variantId, wish);
    }
  }

  async #send(variantId: string, wish: Wish): Promise<void> {
    this.#inFlight.add(variantId);
    let existed = false;
    try {
      // A POST for this line lost its answer: only the cart can say whether the line exists now.
      if (this.#doubt.has(variantId)) {
        await this.#read();
        this.#doubt.delete(variantId);
      }
      if (this.#h.ledger.wishes[variantId]?.requestId !== wish.requestId) return; // done or changed meanwhile
      const item = this.#h.server?.items.find((line) => line.variantId === variantId);
      existed = !!item;
      if ((item?.quantity ?? 0) !== wish.quantity) {
        // Every request states the quantity the line must end at: sending it twice does no harm.
        // The engine retries on its own, one probe at a time during an outage: no retries underneath.
        const options = { requestId: wish.requestId, retries: 0 };
        const { api } = this.#h.options;
        // A POST is the one request that adds: the ledger says it may be on the wire, for a writer after this one.
        if (!item && !wish.sent) await this.#h.update((l) => settle(l, variantId, wish.requestId, { sent: true }));
        // Nothing may leave for a wish that is gone: an order may have reset the ledger (and the
        // token) meanwhile, and this request would land in the next cart.
        if (this.#disposed || this.#h.ledger.wishes[variantId]?.requestId !== wish.requestId) return;
        const cart = item ? await api.updateItem(item.id, wish.quantity, options) : await api.addItem({ variantId, quantity: wish.quantity }, options);
        this.#reachable();
        await this.#h.adopt(cart);
      }
      // The server took it (or already had it): this wish is done, even if the server chose another number.
      await this.#h.update((l) => settle(l, variantId, wish.requestId, undefined));
    } catch (error) {
      await this.#onFailure(variantId, wish, error, existed);
    } finally {
      this.#inFlight.delete(variantId);
      this.#seen.get(variantId)!.due = Date.now() + this.#h.options.settleMs;
      if (!this.#probeDue) this.#nextProbe();
      this.pump();
    }
  }

  async #onFailure(variantId: string, wish: Wish, error: unknown, existed: boolean): Promise<void> {
    const failure = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
    if (failure instanceof CheckoutRejection && failure.rejection === 'already_converted') {
      // Checked out elsewhere: what the shopper added since goes on into a fresh cart.
      await this.#h.moveTo(carryOver);
      return void this.#read().catch(() => undefined);
    }
    if (failure.code === 'NOT_FOUND' && existed) {
      // The line was removed elsewhere: read the cart, then add it anew if it is still wished.
      return void this.#doubt.add(variantId);
    }
    if (TRANSIENT.has(failure.code) || failure.status === 0 || failure.status >= 500) {
      // Unless the server said "too many" (it did nothing), a POST may have landed: read before re-sending.
      if (!existed && failure.code !== 'RATE_LIMITED') this.#doubt.add(variantId);
      await this.#h.update((l) => settle(l, variantId, wish.requestId, { queued: true }));
      return this.#retryLater();
    }
    // Refused (out of stock, over the sellable quantity, unknown variant): give up this wish and
    // say why on the line, which shows the server's quantity again.
    const refusal: Refusal = { message: failure.message, display: wish.display };
    await this.#h.update((l) => settle(l, variantId, wish.requestId, undefined, refusal));
  }

  /**
   * A failure that may pass (offline, 5xx, 429): the lines wait, queued. During an outage only one
   * probe goes out at a time, with full-jitter backoff; when it gets through, every queued line is
   * sent — so a long outage costs a few requests, not one stream per line.
   */
  #retryLater(): void {
    this.#outage += 1;
    this.#nextProbe();
  }

  /** During an outage, there is always a probe to come (a send that needed no request used none up). */
  #nextProbe(): void {
    if (this.#probe !== undefined || !this.#outage) return;
    const ceiling = Math.min(this.#h.options.retryCapMs, this.#h.options.retryMs * 2 ** (this.#outage - 1));
    this.#probe = setTimeout(() => {
      this.#probe = undefined;
      this.#probeDue = true;
      this.pump();
    }, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  /** The server answered: an outage is over, and lines that waited behind it go at once. */
  #reachable(): void {
    if (this.#outage === 0) return;
    this.#outage = 0;
    clearTimeout(this.#probe);
    this.#probe = undefined;
    const queued = Object.entries(this.#h.ledger.wishes).filter(([, wish]) => wish.queued);
    if (queued.length) void this.#h.update((l) => queued.reduce((next, [variantId, wish]) => settle(next, variantId, wish.requestId, { queued: false }), l));
  }
}
