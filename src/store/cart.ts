import { nanoid } from 'nanoid';
import type { ApiClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { Cart, CartUpdate } from '../api/types.js';
import { cartLines, countItems, serverQuantity, type CartLine, type LineState } from './cart-view.js';
import { IntentJournal, type Intent, type LineDisplay } from './intents.js';
import type { KeyValueStorage, StorageKind } from './storage.js';
import { TabLink, type TabMessage } from './tabs.js';
import type { CartToken } from './token.js';

/** Everything a cart view needs, recomputed on every change. */
export interface CartState {
  /** The first server cart (or a stored copy of it) has been read. */
  ready: boolean;
  /** The server's last word: totals, discounts and addresses come from here. */
  server: Cart | null;
  /** The cart as the shopper sees it now: server lines with pending wishes applied. */
  lines: CartLine[];
  itemCount: number;
  /** Wishes the server has not confirmed yet. */
  pending: number;
  online: boolean;
  /** Where the cart is kept; `memory` means it will not survive a reload (say so to the shopper). */
  persistence: StorageKind;
  /** Why the cart could not be read, when it could not. */
  error: ApiError | null;
  /** What became of a `?cart_token=` recovery link (`cartRecovery` option); `null`: there was none. */
  recovery: RecoveryOutcome | null;
}

/** `adopted`: the link's cart is now the shopper's; `kept`: the shopper's own cart was not empty, so it stayed. */
export type RecoveryOutcome = 'adopted' | 'kept';

export interface CartEngineOptions {
  api: ApiClient;
  token: CartToken;
  storage: KeyValueStorage;
  /** One shop: the publishable key (and API base) that names the storage and the tab channel. */
  namespace: string;
  /** How to draw a line the server does not have yet (from the catalogue), when the caller gave nothing. */
  describe?: (variantId: string) => LineDisplay | null;
  /** Quiet time after a burst of clicks on one line before the merged follow-up is sent. */
  settleMs?: number;
  /** First retry delay after a failure that may pass (offline, 5xx, 429); doubles up to `retryCapMs`. */
  retryMs?: number;
  retryCapMs?: number;
  /** A recovery link's cart token, adopted after the first read if the shopper's own cart is empty. */
  recoveryToken?: string;
}

// Codes after which the same wish may succeed later: nothing was refused, something was in the way.
const TRANSIENT = new Set(['NETWORK', 'TIMEOUT', 'INTERNAL', 'RATE_LIMITED', 'BAD_RESPONSE', 'OUTCOME_UNKNOWN']);
const SNAPSHOT_KEY = 'cart';
// How long after another tab's word about a line this tab reads the cart before adding that line.
const CONTESTED_MS = 10_000;

/** A line nobody described: still shown (with its quantity and state), named once the server has it. */
const placeholder = (): LineDisplay => ({ productId: null, name: '', variantName: null, sku: null, unitPrice: 0, imageUrl: null });

/**
 * The cart engine: the shopper's clicks become intents (absolute wishes per line) that are
 * persisted, merged, sent at most one at a time per line, retried while the network or the server
 * is in the way, and confirmed by the server's cart — which every tab of the shop then shares.
 */
export class CartEngine {
  #o: Required<Pick<CartEngineOptions, 'settleMs' | 'retryMs' | 'retryCapMs'>> & CartEngineOptions;
  #journal: IntentJournal;
  #tabs: TabLink;
  #server: Cart | null = null;
  #ready = false;
  #error: ApiError | null = null;
  #intents = new Map<string, Intent>();
  /** Wishes of other tabs, shown here too; they send them. */
  #remote = new Map<string, Pick<Intent, 'quantity' | 'display'>>();
  #lineStates = new Map<string, LineState>();
  #inFlight = new Set<string>();
  #lastSent = new Map<string, number>();
  #lastWish = new Map<string, number>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When another tab last spoke of a line (its wish, or its wish settled). */
  #contestedAt = new Map<string, number>();
  /** Lines whose last add lost its answer: the cart must be read before anything is re-sent. */
  #inDoubt = new Set<string>();
  #listeners = new Set<(state: CartState) => void>();
  #online = typeof navigator === 'undefined' || navigator.onLine !== false;
  #started: Promise<void> | undefined;
  #disposed = false;
  #settledWaiters = new Set<() => void>();
  #persisting: Promise<void> = Promise.resolve();
  /** Transient failures in a row, across lines: one outage slows every line's retries together. */
  #outage = 0;
  #probe: ReturnType<typeof setTimeout> | undefined;
  #recovery: RecoveryOutcome | null = null;

  constructor(options: CartEngineOptions) {
    this.#o = { settleMs: 400, retryMs: 1000, retryCapMs: 8_000, ...options };
    this.#journal = new IntentJournal(options.storage, options.namespace);
    this.#tabs = new TabLink(options.namespace, (message) => this.#onTabMessage(message));
    // Optional: Node (scripts, server rendering) has no window events.
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('offline', this.#onOffline);
  }

  /** Reads the stored and then the server cart, and replays wishes left by earlier pages. */
  start(): Promise<void> {
    this.#started ??= this.#start();
    return this.#started;
  }

  get state(): CartState {
    const intents = new Map([...this.#remote, ...this.#intents]);
    const lines = cartLines(this.#server, intents, this.#visibleStates());
    return {
      ready: this.#ready,
      server: this.#server,
      lines,
      itemCount: countItems(lines),
      pending: this.#intents.size,
      online: this.#online,
      persistence: this.#o.storage.kind,
      error: this.#error,
      recovery: this.#recovery,
    };
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: CartState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.state);
    return () => this.#listeners.delete(listener);
  }

  /** Adds `quantity` of a variant (merging with what is already in the cart or on its way). */
  add(variantId: string, quantity = 1, display: LineDisplay | null = null): void {
    this.#wish(variantId, (current) => current + quantity, display, 'add');
  }

  /** Sets a line's quantity outright; 0 removes it. */
  setQuantity(variantId: string, quantity: number): void {
    this.#wish(variantId, () => quantity, null, 'set');
  }

  remove(variantId: string): void {
    this.setQuantity(variantId, 0);
  }

  /** Forgets a refused line's message (after the shopper has read it). */
  dismiss(variantId: string): void {
    if (this.#lineStates.get(variantId)?.status === 'failed') this.#lineStates.delete(variantId);
    this.#emit();
  }

  /** Resolves when this tab has no wish left to send (for `cart.add()` callers and tests). */
  settled(): Promise<void> {
    if (this.#intents.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#settledWaiters.add(resolve));
  }

  /**
   * Resolves once the server has a line exactly as the shopper last asked for it (not while it is
   * saving or queued); rejects with the server's reason if it refused it.
   */
  confirmed(variantId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const unsubscribe = this.subscribe(() => {
        if (this.#intents.has(variantId)) return;
        const state = this.#lineStates.get(variantId);
        if (state?.status === 'saving' || state?.status === 'queued') return;
        queueMicrotask(() => unsubscribe()); // subscribe() calls us before it has returned
        if (state?.status === 'failed') reject(new Error(state.message ?? 'The shop refused this change.'));
        else resolve();
      });
    });
  }

  /** Reads the server's cart now (e.g. before checkout) and adopts it. */
  async refresh(): Promise<Cart> {
    const cart = await this.#o.api.cart({ requestId: nanoid(), retries: this.#outage > 0 ? 0 : undefined }); // normalized at the edge (api/normalize.ts)
    this.#adopt(cart, true);
    this.#reachable();
    return cart;
  }

  /**
   * Sends a discount code (matched case-insensitively; one at a time). A code that does not apply
   * is not an error: the cart comes back with `discountError`. Resolves with the server's cart.
   */
  applyDiscountCode(code: string): Promise<Cart> {
    return this.#patch({ discountCode: code.trim() });
  }

  removeDiscountCode(): Promise<Cart> {
    return this.#patch({ discountCode: null });
  }

  /**
   * Redeems a gift card. Resolves with the server's cart: `giftCard` (last 4, amount, remaining
   * balance) when accepted, `giftCardError` ({reason, message}) when refused. The code is a bearer
   * secret: it goes into this one request and nowhere else — not into the intent journal, the
   * stored cart, other tabs, events or logs.
   */
  applyGiftCard(code: string): Promise<Cart> {
    return this.#patch({ giftCardCode: code.trim() });
  }

  removeGiftCard(): Promise<Cart> {
    return this.#patch({ giftCardCode: null });
  }

  /** A `PATCH /cart` once the lines have settled (the code may depend on them); the answer is adopted. */
  async #patch(update: CartUpdate): Promise<Cart> {
    await this.settled();
    const cart = await this.#o.api.updateCart(update, { requestId: nanoid() });
    this.#adopt(cart, true);
    this.#reachable();
    return cart;
  }

  /** Adopts a cart the server returned from elsewhere (checkout, discount code, addresses). */
  accept(cart: Cart): void {
    this.#adopt(cart, true);
  }

  /** After an order: forget this cart and start the next one under a fresh token. */
  async startOver(): Promise<void> {
    await this.#o.token.rotate();
    this.#tabs.post({ type: 'token' });
    this.#intents.clear();
    this.#lineStates.clear();
    await this.#journal.write(this.#tabs.id, []);
    await this.refresh();
  }

  /** Stops this engine (its page is going away); resolves once other tabs may adopt its wishes. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('offline', this.#onOffline);
    for (const timer of this.#timers.values()) clearTimeout(timer);
    clearTimeout(this.#probe);
    this.#listeners.clear();
    // The journal must be written before the tab lets others adopt its wishes.
    await this.#persisting;
    await this.#tabs.close();
  }

  async #start(): Promise<void> {
    await this.#tabs.hold();
    const stored = await this.#o.storage.get<Cart>(SNAPSHOT_KEY).catch(() => undefined);
    if (stored && Array.isArray(stored.items)) {
      this.#server = stored;
      this.#ready = true;
    }
    await this.#adoptOrphans();
    this.#emit();
    try {
      await this.refresh();
      if (this.#server && Date.parse(this.#server.expiresAt) < Date.now()) {
        // An expired cart is not worth reviving: start a new one, but keep what was on its way.
        await this.#o.token.rotate();
        await this.refresh();
      }
      if (this.#o.recoveryToken) await this.#recover(this.#o.recoveryToken);
      this.#error = null;
    } catch (error) {
      this.#error = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
    }
    this.#ready = true;
    this.#emit();
    for (const variantId of this.#intents.keys()) this.#schedule(variantId, true);
  }

  /**
   * A recovery link's cart replaces the shopper's own only while theirs is empty (a planted link
   * must not swap a full cart for one its sender can read); otherwise the own cart stays.
   */
  async #recover(token: string): Promise<void> {
    if (token === (await this.#o.token.get())) return;
    if (this.state.lines.length) {
      this.#recovery = 'kept';
      console.info('[tote] A cart recovery link was opened, but this cart is not empty: it was kept.');
      return;
    }
    await this.#o.token.adopt(token);
    this.#tabs.post({ type: 'token' });
    this.#server = null;
    this.#recovery = 'adopted';
    await this.refresh();
  }

  async #adoptOrphans(): Promise<void> {
    const alive = await this.#tabs.liveTabs();
    const adopted = await this.#journal.adoptOrphans(this.#tabs.id, (owner) => alive.has(owner));
    // A wish made here since is newer than a gone tab's wish for the same line: it wins.
    for (const intent of adopted) {
      if (this.#intents.has(intent.variantId)) continue;
      this.#intents.set(intent.variantId, intent);
      this.#inDoubt.add(intent.variantId); // the gone tab may have sent it: read before re-sending
    }
  }

  #wish(variantId: string, next: (current: number) => number, display: LineDisplay | null, kind: 'add' | 'set'): void {
    const previous = this.#intents.get(variantId);
    const onServer = serverQuantity(this.#server, variantId);
    const current = previous?.quantity ?? onServer;
    const quantity = Math.max(0, Math.floor(next(current)));
    if (!Number.isFinite(quantity)) throw new RangeError(`Not a quantity: ${quantity}`);
    const now = Date.now();
    const quiet = now - Math.max(this.#lastWish.get(variantId) ?? 0, this.#lastSent.get(variantId) ?? 0) >= this.#o.settleMs;
    this.#lastWish.set(variantId, now);
    const intent: Intent = {
      variantId,
      quantity,
      base: kind === 'set' ? null : previous ? (previous.base ?? null) : onServer,
      requestId: nanoid(),
      version: (previous?.version ?? 0) + 1,
      owner: this.#tabs.id,
      display: display ?? previous?.display ?? this.#remote.get(variantId)?.display ?? this.#o.describe?.(variantId) ?? placeholder(),
    };
    this.#intents.set(variantId, intent);
    this.#remote.delete(variantId);
    this.#lineStates.delete(variantId);
    this.#tabs.post({ type: 'intent', variantId, quantity, display: intent.display });
    this.#emit();
    // Persist before sending, so a reload in between loses nothing.
    void this.#persist().then(() => this.#schedule(variantId, quiet));
  }

  #persist(): Promise<void> {
    this.#persisting = this.#journal.write(this.#tabs.id, [...this.#intents.values()]);
    return this.#persisting;
  }

  /**
   * Sends a line's wish now, or once the shopper pauses: the first click on a quiet line goes at
   * once; clicks that follow within `settleMs` of each other are merged into one follow-up.
   */
  #schedule(variantId: string, now: boolean): void {
    if (this.#disposed || this.#inFlight.has(variantId) || !this.#intents.has(variantId)) return;
    clearTimeout(this.#timers.get(variantId));
    if (now) void this.#send(variantId);
    else this.#timers.set(variantId, setTimeout(() => void this.#send(variantId), this.#o.settleMs));
  }

  async #send(variantId: string): Promise<void> {
    this.#timers.delete(variantId);
    const intent = this.#intents.get(variantId);
    if (!intent || this.#inFlight.has(variantId) || this.#disposed) return;
    // Nothing to send: adds that cancel out, or a quantity the server already has. (For adds, an
    // equal number on the server proves nothing: another tab may have added it.)
    const nothing = intent.base === null ? this.#ready && serverQuantity(this.#server, variantId) === intent.quantity : intent.quantity === intent.base;
    if (nothing && !this.#inDoubt.has(variantId)) {
      this.#drop(variantId);
      return this.#emit();
    }
    if (!this.#online) return this.#markQueued(variantId);
    const existingLine = this.#server?.items.some((line) => line.variantId === variantId) ?? false;
    this.#inFlight.add(variantId);
    this.#lastSent.set(variantId, Date.now());
    this.#lineStates.set(variantId, { status: 'saving', message: null });
    this.#emit();
    try {
      await this.#withLineLock(variantId, async () => {
        // Another tab worked on this line a moment ago: its add may have landed after our last
        // read, and a POST adds, so read first — the same as after a lost answer.
        const doubt = this.#inDoubt.has(variantId);
        if (doubt || this.#contested(variantId)) {
          await this.refresh(); // what does the server hold now? Only its cart can say
          this.#inDoubt.delete(variantId);
          if (doubt && serverQuantity(this.#server, variantId) === intent.quantity) {
            if (this.#intents.get(variantId)?.version === intent.version) this.#drop(variantId);
            return;
          }
        }
        // A wish made of adds goes on top of what the server holds now (another tab's adds
        // count too); a set quantity, or a wish whose add may already have landed, is absolute.
        const onServer = serverQuantity(this.#server, variantId);
        const target = intent.base === null || doubt ? intent.quantity : Math.max(0, onServer + intent.quantity - intent.base);
        if (target === onServer) {
          if (this.#intents.get(variantId)?.version === intent.version) this.#drop(variantId);
          return;
        }
        const cart = await this.#request(intent, target);
        this.#reachable();
        this.#settleSent(intent, cart);
        this.#adopt(cart, true);
      });
    } catch (error) {
      await this.#onFailure(intent, error, existingLine);
    } finally {
      this.#inFlight.delete(variantId);
      if (this.#intents.has(variantId) && this.#lineStates.get(variantId)?.status !== 'queued') this.#schedule(variantId, false);
      this.#emit();
    }
  }

  /**
   * Runs a line's request while holding a Web Lock named after the line, so that two tabs never
   * have requests for the same line on the wire at once (without Web Locks: at once).
   */
  async #withLineLock(variantId: string, work: () => Promise<void>): Promise<void> {
    if (typeof navigator === 'undefined' || !navigator.locks) return work();
    await navigator.locks.request(`tote:${this.#o.namespace}:line:${variantId}`, work);
  }

  /**
   * The server took `sent`: done, unless the shopper asked for more meanwhile — then the rest of
   * their adds is counted from what the server holds now.
   */
  #settleSent(sent: Intent, cart: Cart): void {
    const current = this.#intents.get(sent.variantId);
    if (!current) return;
    if (current.version === sent.version) return this.#drop(sent.variantId);
    if (current.base !== null && sent.base !== null) {
      const onServer = serverQuantity(cart, sent.variantId);
      current.quantity = Math.max(0, onServer + current.quantity - sent.quantity);
      current.base = onServer;
    }
  }

  /** Whether another tab spoke of this line a moment ago (its add may have landed since our read). */
  #contested(variantId: string): boolean {
    return Date.now() - (this.#contestedAt.get(variantId) ?? 0) < CONTESTED_MS;
  }

  /** One request that makes the server's line hold `quantity`, whatever it holds now. */
  #request(intent: Intent, quantity: number): Promise<Cart> {
    const { api } = this.#o;
    const item = this.#server?.items.find((line) => line.variantId === intent.variantId);
    // The engine retries on its own, one probe at a time during an outage: no retries underneath.
    const options = { requestId: intent.requestId, retries: 0 };
    if (item) return api.updateItem(item.id, quantity, options);
    if (quantity === 0) return api.cart(options); // nothing to remove: just confirm
    return api.addItem({ variantId: intent.variantId, quantity }, options);
  }

  async #onFailure(intent: Intent, error: unknown, existingLine: boolean): Promise<void> {
    const { variantId } = intent;
    const failure = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
    const lineGone = failure.code === 'NOT_FOUND' && existingLine;
    if (failure.code === 'OUTCOME_UNKNOWN' || lineGone) {
      // The add may have landed, or the line was removed elsewhere: read the cart; the wish is then
      // re-checked against what the server really has, and only what is missing is sent again.
      this.#inDoubt.add(variantId);
      try {
        await this.refresh();
        const current = this.#intents.get(variantId);
        if (current?.version === intent.version && serverQuantity(this.#server, variantId) === intent.quantity) {
          this.#drop(variantId);
        }
        // Still in doubt: the shopper may have added more meanwhile, and the server's count may or
        // may not hold the lost request — the follow-up is sent as an absolute quantity.
        return; // the follow-up (if still needed) is scheduled when this request is done
      } catch {
        return this.#retryLater(variantId);
      }
    }
    if (TRANSIENT.has(failure.code) || failure.status === 0 || failure.status >= 500) {
      // Unless the server said "too many" (it did nothing), the change may have landed before the
      // failure: the retry reads the cart and sends the wish as an absolute quantity.
      if (failure.code !== 'RATE_LIMITED') this.#inDoubt.add(variantId);
      return this.#retryLater(variantId);
    }
    // Refused (out of stock, over the sellable quantity, unknown variant): give up this wish,
    // show the server's cart and say why on the line.
    this.#drop(variantId);
    this.#lineStates.set(variantId, { status: 'failed', message: failure.message, display: intent.display });
    try {
      await this.refresh();
    } catch {
      // the line keeps its message; the next successful read shows the server's cart
    }
  }

  /**
   * A failure that may pass (offline, 5xx, 429): the line waits, queued. During an outage only one
   * probe goes out at a time, with full-jitter backoff; when it gets through, every queued line is
   * sent — so a long outage costs a few requests, not one stream per line.
   */
  #retryLater(variantId: string): void {
    this.#outage += 1;
    this.#markQueued(variantId);
    if (this.#probe !== undefined) return;
    const ceiling = Math.min(this.#o.retryCapMs, this.#o.retryMs * 2 ** (this.#outage - 1));
    this.#probe = setTimeout(() => {
      this.#probe = undefined;
      const next = [...this.#intents.keys()].find((id) => this.#lineStates.get(id)?.status === 'queued');
      if (next) void this.#send(next);
    }, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  /** The server answered: an outage is over, and lines that waited behind it go at once. */
  #reachable(): void {
    if (this.#outage === 0) return;
    this.#outage = 0;
    clearTimeout(this.#probe);
    this.#probe = undefined;
    queueMicrotask(() => {
      for (const variantId of this.#intents.keys()) {
        if (this.#lineStates.get(variantId)?.status === 'queued') this.#schedule(variantId, true);
      }
    });
  }

  #markQueued(variantId: string): void {
    this.#lineStates.set(variantId, { status: 'queued', message: null });
    this.#emit();
  }

  #drop(variantId: string): void {
    this.#intents.delete(variantId);
    this.#lineStates.delete(variantId);
    this.#tabs.post({ type: 'settled', variantId });
    void this.#persist();
    if (this.#intents.size === 0) {
      for (const resolve of this.#settledWaiters) resolve();
      this.#settledWaiters.clear();
    }
  }

  /** Takes a server cart as the new truth; wishes it already satisfies are done. */
  #adopt(cart: Cart, share: boolean): void {
    // Answers can overtake each other (a cart read sent before a change, answered after it): an
    // older picture of the same cart would hide changes the server already has.
    if (this.#server && cart.id === this.#server.id && cart.updatedAt < this.#server.updatedAt) return;
    this.#server = cart;
    this.#ready = true;
    this.#error = null;
    for (const [variantId, intent] of this.#intents) {
      // A cart that already shows a wish fulfils it — unless other tabs are adding to that line,
      // when equal numbers may be their adds, not ours.
      const fulfilled = serverQuantity(cart, variantId) === intent.quantity && (intent.base === null || !this.#contested(variantId));
      if (!this.#inFlight.has(variantId) && fulfilled) this.#drop(variantId);
    }
    for (const [variantId, wish] of this.#remote) {
      if (serverQuantity(cart, variantId) === wish.quantity) this.#remote.delete(variantId);
    }
    // A refused gift-card code's answer belongs to the request that sent it (the contract), and a
    // server could echo the code in its message: it is neither stored nor shared with other tabs.
    const kept = cart.giftCardError ? { ...cart, giftCardError: null } : cart;
    void this.#o.storage.set(SNAPSHOT_KEY, kept).catch(() => undefined);
    if (share) this.#tabs.post({ type: 'cart', cart: kept });
    this.#emit();
  }

  #onTabMessage(message: TabMessage): void {
    switch (message.type) {
      case 'cart':
        if (!this.#server || message.cart.id !== this.#server.id || message.cart.updatedAt >= this.#server.updatedAt) {
          // Lines another tab changed are contested: equal numbers there may be its adds, not ours.
          for (const item of message.cart.items) {
            if (serverQuantity(this.#server, item.variantId) !== item.quantity) this.#contestedAt.set(item.variantId, Date.now());
          }
          this.#adopt(message.cart, false);
        }
        break;
      case 'intent': {
        // Each tab sends its own wishes (adds on top of what the server holds when sent); this
        // tab shows the other's wish where it has none of its own, and reads before adding.
        this.#contestedAt.set(message.variantId, Date.now());
        this.#remote.set(message.variantId, { quantity: message.quantity, display: message.display });
        this.#emit();
        break;
      }
      case 'settled':
        this.#contestedAt.set(message.variantId, Date.now());
        this.#remote.delete(message.variantId);
        this.#emit();
        break;
      case 'token':
        this.#o.token.forget();
        break;
    }
  }

  #visibleStates(): Map<string, LineState> {
    const states = new Map(this.#lineStates);
    for (const variantId of this.#intents.keys()) {
      if (!states.has(variantId)) states.set(variantId, { status: this.#online ? 'saving' : 'queued', message: null });
    }
    return states;
  }

  #onOnline = () => {
    this.#online = true;
    this.#outage = 0;
    void this.#adoptOrphans().then(() => {
      for (const variantId of this.#intents.keys()) this.#schedule(variantId, true);
      this.#emit();
    });
  };

  #onOffline = () => {
    this.#online = false;
    this.#emit();
  };

  #emit(): void {
    if (this.#listeners.size === 0) return;
    const state = this.state;
    for (const listener of this.#listeners) listener(state);
  }
}
