// The cart's writer (docs/cart-engine.md): the one tab of a shop that sends line changes. Loaded
// with the first wish, so a page that only shows the cart never downloads it.
import { nanoid } from 'nanoid';
import { ApiError, CheckoutRejection } from '../api/errors.js';
import type { Cart } from '../api/types/cart.js';
import type { CartSettings } from './cart-options.js';
import { carryOver, settle, type Ledger, type Refusal, type Wish } from './ledger.js';
import { Outage } from './outage.js';

// Codes after which the same wish may succeed later: nothing was refused, something was in the way.
const TRANSIENT = new Set(['NETWORK', 'TIMEOUT', 'INTERNAL', 'RATE_LIMITED', 'BAD_RESPONSE', 'OUTCOME_UNKNOWN']);
/** The writer's lease where Web Locks are missing, renewed three times per term while there are wishes. */
const LEASE_MS = 3000;

/** What the writer needs of its tab's engine. */
export interface WriterHost {
  readonly options: Pick<CartSettings, 'api' | 'storage' | 'namespace' | 'settleMs' | 'retryMs' | 'retryCapMs'>;
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

/** Everything the writer knows of one line (kept for the tab's life: the next click on it is timed from the last). */
interface LineWork {
  /** The request id of the line's wish when the writer last looked; `undefined` until it first did. */
  requestId: string | undefined;
  /** When that wish was first seen: clicks within `settleMs` of each other are merged into one follow-up. */
  seenAt: number | undefined;
  /** When the line's next request may leave. */
  dueAt: number;
  /** A request for the line is on the wire (at most one at a time). */
  inFlight: boolean;
  /** Its POST lost its answer, or its line vanished: read the cart before sending it again. */
  inDoubt: boolean;
  /** A PATCH for it failed and may have landed (or a writer before this one had it): send the wish even if the tab's cart shows it. */
  stale: boolean;
  /** Wakes the pump once the line is due. */
  dueTimer: ReturnType<typeof setTimeout> | undefined;
}

export class CartWriter {
  #host: WriterHost;
  #disposed = false;
  #writer = false;
  #leasing = false;
  #leaseTimer: ReturnType<typeof setTimeout> | undefined;
  #releaseLock: (() => void) | undefined;
  /** Per variant id: the line's record. */
  #lines = new Map<string, LineWork>();
  /** One outage slows every line's retries together: one probe at a time (outage.ts). */
  #outage: Outage;

  constructor(host: WriterHost) {
    this.#host = host;
    this.#outage = new Outage({
      retryMs: host.options.retryMs,
      retryCapMs: host.options.retryCapMs,
      onProbe: () => this.pump(),
    });
    this.onLedger(); // every wish has its due time before this tab may send any (#elect may make it the writer at once)
    this.#elect();
  }

  /** The ledger changed: new wishes are due at once if their line was quiet, else once the shopper pauses. */
  onLedger(): void {
    const now = Date.now();
    const { settleMs } = this.#host.options;
    for (const [variantId, wish] of Object.entries(this.#host.ledger.wishes)) {
      const line = this.#line(variantId);
      if (line.requestId === wish.requestId) continue;
      // The first click on a quiet line goes at once; clicks within settleMs of each other are
      // merged into one follow-up, sent once the shopper pauses.
      const quiet = line.seenAt === undefined || now - line.seenAt >= settleMs;
      line.requestId = wish.requestId;
      line.seenAt = now;
      line.dueAt = quiet ? Math.max(now, line.dueAt) : now + settleMs;
    }
    if (this.#leasing && !this.#leaseTimer && Object.keys(this.#host.ledger.wishes).length) void this.#tickLease();
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
    for (const line of this.#lines.values()) clearTimeout(line.dueTimer);
    this.#outage.dispose();
    clearTimeout(this.#leaseTimer);
    if (this.#leasing && this.#writer) {
      const me = this.#host.tab;
      await this.#host.update(
        (ledger) => (ledger.lease?.tab === me ? { ...ledger, lease: { tab: me, until: 0 } } : ledger),
        false,
      );
    }
    this.#writer = false;
    this.#releaseLock?.();
  }

  /** The writer's record of a line, made on first need. */
  #line(variantId: string): LineWork {
    let line = this.#lines.get(variantId);
    if (!line) {
      line = {
        requestId: undefined,
        seenAt: undefined,
        dueAt: 0,
        inFlight: false,
        inDoubt: false,
        stale: false,
        dueTimer: undefined,
      };
      this.#lines.set(variantId, line);
    }
    return line;
  }

  /** A read of the server's cart with no retries underneath (the writer retries on its own). */
  async #read(): Promise<void> {
    await this.#host.adopt(await this.#host.options.api.cart({ requestId: nanoid(), retries: 0 }));
    this.#reachable();
  }

  /** Becomes the writer when this tab holds the shop's writer lock — or, without Web Locks, its lease. */
  #elect(): void {
    if (this.#host.options.storage.kind === 'memory') return this.#becomeWriter(true); // nothing shared: alone
    try {
      navigator.locks
        .request(`tote:${this.#host.options.namespace}:writer`, async () => {
          if (this.#disposed) return;
          // The writer before this one marked `sent` in storage, before its POSTs left; the news of it
          // may not have reached this tab yet. So the takeover acts on the stored ledger, not on this
          // tab's copy (an unchanged read-modify-write makes the stored one the copy).
          await this.#host.update((ledger) => ledger, false).catch(() => undefined);
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
    const me = this.#host.tab;
    if (Object.keys(this.#host.ledger.wishes).length) {
      const now = Date.now();
      const free = (ledger: Ledger) => !ledger.lease || ledger.lease.until < now || ledger.lease.tab === me;
      await this.#host.update(
        (ledger) => (free(ledger) ? { ...ledger, lease: { tab: me, until: now + LEASE_MS } } : ledger),
        false,
      );
      this.#becomeWriter(this.#host.ledger.lease?.tab === me);
      this.#leaseTimer = setTimeout(() => void this.#tickLease(), LEASE_MS / 3);
    } else this.#becomeWriter(false);
  }

  #becomeWriter(writer: boolean): void {
    if (writer && !this.#writer) {
      // A writer before this one (a closed tab, an earlier page) may have had a request on the wire
      // for any line with a wish, or seen one fail that may have landed: this tab's cart may not
      // show it. So none is taken as done from that cart, and a POST that may be out is read first.
      for (const [variantId, wish] of Object.entries(this.#host.ledger.wishes)) {
        const line = this.#line(variantId);
        line.stale = true;
        if (wish.sent) line.inDoubt = true;
      }
    }
    this.#writer = writer;
    this.pump();
  }

  /** Sends what the wishes need: one request per line at most, when its line is due. */
  pump(): void {
    if (!this.#writer || !this.#host.live || this.#disposed || !this.#host.online) return;
    const now = Date.now();
    for (const [variantId, wish] of Object.entries(this.#host.ledger.wishes)) {
      if (!this.#outage.open) return; // an outage: only the probe goes
      const line = this.#line(variantId);
      if (line.inFlight || line.dueTimer !== undefined) continue;
      const wait = line.dueAt - now;
      if (wait > 0) {
        line.dueTimer = setTimeout(() => ((line.dueTimer = undefined), this.pump()), wait);
        continue;
      }
      this.#outage.sending();
      void this.#send(variantId, wish);
    }
  }

  async #send(variantId: string, wish: Wish): Promise<void> {
    const line = this.#line(variantId);
    line.inFlight = true;
    let existed = false;
    try {
      // A POST for this line lost its answer: only the cart can say whether the line exists now.
      if (line.inDoubt) {
        await this.#read(); // sent after the line's last request ended: it shows that request
        line.inDoubt = line.stale = false;
      }
      if (this.#host.ledger.wishes[variantId]?.requestId !== wish.requestId) return; // done or changed meanwhile
      const item = this.#host.server?.items.find((serverLine) => serverLine.variantId === variantId);
      existed = !!item;
      // The wish is done without a request only if the tab's cart shows every request already sent
      // for the line. It does here — none is on the wire (one per line), and the last one's answer
      // is in that cart or older than it — unless that request failed and may have landed, or was
      // a writer's before this one (stale).
      // (A server cart recorded meanwhile settles nothing: ledger.ts, record.)
      if ((item?.quantity ?? 0) !== wish.quantity || (line.stale && item)) {
        // Every request states the quantity the line must end at: sending it twice does no harm.
        // The engine retries on its own, one probe at a time during an outage: no retries underneath.
        const options = { requestId: wish.requestId, retries: 0 };
        const { api } = this.#host.options;
        // A POST is the one request that adds: the ledger says it may be on the wire, for a writer after this one.
        if (!item && !wish.sent)
          await this.#host.update((ledger) => settle(ledger, variantId, wish.requestId, { sent: true }));
        // Nothing may leave for a wish that is gone: an order may have reset the ledger (and the
        // token) meanwhile, and this request would land in the next cart.
        if (this.#disposed || this.#host.ledger.wishes[variantId]?.requestId !== wish.requestId) return;
        const cart = item
          ? await api.updateItem(item.id, wish.quantity, options)
          : await api.addItem({ variantId, quantity: wish.quantity }, options);
        this.#reachable();
        line.stale = false;
        await this.#host.adopt(cart);
      }
      // The server took it (or already had it): this wish is done, even if the server chose another number.
      await this.#host.update((ledger) => settle(ledger, variantId, wish.requestId, undefined));
    } catch (error) {
      await this.#onFailure(variantId, wish, error, existed);
    } finally {
      line.inFlight = false;
      line.dueAt = Date.now() + this.#host.options.settleMs;
      this.#outage.sent();
      this.pump();
    }
  }

  async #onFailure(variantId: string, wish: Wish, error: unknown, existed: boolean): Promise<void> {
    const failure = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
    if (failure instanceof CheckoutRejection && failure.rejection === 'already_converted') {
      // Checked out elsewhere: what the shopper added since goes on into a fresh cart.
      await this.#host.moveTo(carryOver);
      return void this.#read().catch(() => undefined);
    }
    if (failure.code === 'NOT_FOUND' && existed) {
      // The line was removed elsewhere: read the cart, then add it anew if it is still wished.
      return void (this.#line(variantId).inDoubt = true);
    }
    if (TRANSIENT.has(failure.code) || failure.status === 0 || failure.status >= 500) {
      // Unless the server said "too many" (it did nothing), a POST may have landed: read before re-sending.
      // A PATCH that may have landed leaves the tab's cart behind the server's: send the line again.
      if (failure.code !== 'RATE_LIMITED') this.#line(variantId)[existed ? 'stale' : 'inDoubt'] = true;
      await this.#host.update((ledger) => settle(ledger, variantId, wish.requestId, { queued: true }));
      // The lines wait, queued. During an outage only one probe goes out at a time, with jittered
      // backoff; when it gets through, every queued line is sent — so a long outage costs a few
      // requests, not one stream per line.
      return this.#outage.failed();
    }
    // Refused (out of stock, over the sellable quantity, unknown variant): give up this wish and
    // say why on the line, which shows the server's quantity again. A reason the wire names is a
    // message key, said in the shopper's language; the server's own sentence only for any other.
    const message =
      failure.code === 'NOT_FOUND'
        ? 'line.refused-gone'
        : failure.details.some((detail) => detail.field === 'quantity')
          ? 'line.refused-stock'
          : failure.message;
    const refusal: Refusal = { message, display: wish.display };
    await this.#host.update((ledger) => settle(ledger, variantId, wish.requestId, undefined, refusal));
  }

  /** The server answered: an outage is over, and lines that waited behind it go at once. */
  #reachable(): void {
    if (!this.#outage.over()) return;
    const queued = Object.entries(this.#host.ledger.wishes).filter(([, wish]) => wish.queued);
    if (queued.length)
      void this.#host.update((ledger) =>
        queued.reduce((next, [variantId, wish]) => settle(next, variantId, wish.requestId, { queued: false }), ledger),
      );
  }
}
