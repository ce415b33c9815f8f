import { nanoid } from 'nanoid';
import { ApiError } from '../api/errors.js';
import type { Cart, CartUpdate } from '../api/types/cart.js';
import { LEDGER_KEY } from './cart-keys.js';
import { keepCartCopy, loadCartCopy, readCartCopy, shareableCart } from './cart-copy.js';
import { cartSettings, type CartEngineOptions, type CartSettings } from './cart-options.js';
import { cartState, stableState, type CartState, type RecoveryOutcome } from './cart-state.js';
import { emptyLedger, fold, readLedger, record, type Ledger, type LineDisplay } from './ledger.js';
import { unknownLine } from '../model/line-display.js';
import { TabLink, type TabMessage } from './tabs.js';
import type { CartWriter, WriterHost } from './writer.js';

/**
 * The cart engine (docs/cart-engine.md): the shopper's clicks, in any tab, are folded into one
 * shared ledger of absolute wishes per line; one tab, the writer, makes the server's cart match
 * them — at most one request per line on the wire, bursts merged, retried through outages — and
 * every tab shares the server's answers.
 */
export class CartEngine {
  #options: CartSettings;
  #tabs: TabLink;
  #server: Cart | null = null;
  /** The stored ledger, as of the latest change this tab has seen (the writer acts on this one only). */
  #ledger: Ledger = emptyLedger(null);
  /** This tab's clicks not yet in the stored ledger: shown at once, sent once stored. */
  #folds: ((ledger: Ledger) => Ledger)[] = [];
  #ready = false;
  /** The first server read has been tried: the writer may send. */
  #live = false;
  #error: ApiError | null = null;
  #listeners = new Set<(state: CartState) => void>();
  #online = typeof navigator === 'undefined' || navigator.onLine !== false;
  #started: Promise<void> | undefined;
  #disposed = false;
  #recovery: RecoveryOutcome | null = null;
  /** Ledger changes of this tab, one after another. */
  #updating: Promise<void> = Promise.resolve();
  /** This tab's writer, loaded with the first wish it sees (docs/cart-engine.md). */
  #writer: Promise<CartWriter> | undefined;

  constructor(options: CartEngineOptions) {
    this.#options = cartSettings(options);
    this.#tabs = new TabLink(options.namespace, (message) => this.#onTabMessage(message));
    // Optional: Node (scripts, server rendering) has no window events.
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('offline', this.#onOffline);
  }

  /** Reads the stored and then the server cart, and takes up wishes left by earlier pages and closed tabs. */
  start(): Promise<void> {
    this.#started ??= this.#start();
    return this.#started;
  }

  #state: CartState | undefined; // the last one read: the same object until something changed
  get state(): CartState {
    const facts = {
      ready: this.#ready,
      online: this.#online,
      persistence: this.#options.storage.kind,
      error: this.#error,
      recovery: this.#recovery,
    };
    return (this.#state = stableState(this.#state, cartState(this.#server, this.#view(), facts)));
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
    this.#change((ledger) => {
      const refused = { ...ledger.refused };
      delete refused[variantId];
      return { ...ledger, refused };
    });
  }

  /** Resolves once this tab's clicks so far are in the shared ledger: from then on they survive a reload or a closed tab. */
  stored(): Promise<void> {
    return this.#updating;
  }

  /** Resolves when no tab of the shop has a wish left for the server (for `cart.add()` callers, checkout and tests). */
  async settled(): Promise<void> {
    // From the stored ledger on: another tab's click is there before the news of it reaches this tab.
    const stored = await this.#updating.then(() => this.#options.storage.get(LEDGER_KEY)).catch(() => undefined);
    if (stored !== undefined) this.#take(readLedger(stored));
    return this.#until(() => this.state.pending === 0);
  }

  /**
   * Resolves once the server has a line exactly as the shopper last asked for it (not while it is
   * saving or queued); rejects with the server's reason if it refused it.
   */
  async confirmed(variantId: string): Promise<void> {
    await this.#until(() => !this.#view().wishes[variantId]);
    const refusal = this.#ledger.refused[variantId];
    if (refusal) throw new Error(refusal.message || 'The shop refused this change.');
  }

  /** Reads the server's cart now (e.g. before checkout) and adopts it. */
  async refresh(): Promise<Cart> {
    const cart = await this.#options.api.cart({ requestId: nanoid() }); // normalized at the edge (api/normalize/cart.ts)
    await this.#adopt(cart, true);
    this.#wake();
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
   * secret: it goes into this one request and nowhere else — not into the ledger, the stored cart,
   * other tabs, events or logs.
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
    const cart = await this.#options.api.updateCart(update, { requestId: nanoid() });
    await this.#adopt(cart, true);
    this.#wake();
    return cart;
  }

  /** Adopts a cart the server returned from elsewhere (checkout, discount code, addresses). */
  accept(cart: Cart): void {
    void this.#adopt(cart, true);
  }

  /**
   * After an order: forget this cart and start the next one under a fresh token. The ledger is reset
   * to the new token in one step, so no wish of the bought cart is ever sent into the next one.
   */
  async startOver(): Promise<void> {
    await this.#moveTo((_, fresh) => emptyLedger(fresh));
    await this.refresh();
  }

  /** Stops this engine (its page is going away); another tab becomes the writer. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('offline', this.#onOffline);
    this.#listeners.clear();
    await this.#updating;
    await (await this.#writer)?.dispose();
    this.#tabs.close();
  }

  async #start(): Promise<void> {
    // The token in storage is the truth at start: a ledger of another token belongs to a cart that
    // was bought or replaced (a page closed between the two writes of startOver()). This runs
    // before any click of this page reaches the ledger, so none is lost with the old cart's.
    let token = '';
    this.#updating = this.#updating
      .then(async () => void (token = await this.#options.token.get()))
      .catch(() => undefined);
    const reconciled = this.#update(
      (ledger) =>
        ledger.token === token ? ledger : ledger.token === null ? { ...ledger, token } : emptyLedger(token, ledger.rev),
      false,
    );
    const copy = await loadCartCopy(this.#options.storage);
    this.#server ??= copy; // a cart another tab posted meanwhile is newer than the copy read before it
    await reconciled;
    // A token minted just now, with no cart kept from before, names no cart yet: the cart is empty,
    // known without a request (the first change creates it). A kept copy is read up as ever.
    const fresh = this.#options.token.minted && !this.#server;
    this.#ready = fresh || this.#server !== null;
    this.#emit();
    try {
      if (!fresh) await this.refresh(); // the server's cart is the truth
      if (this.#server && Date.parse(this.#server.expiresAt) < Date.now()) {
        // An expired cart is not worth reviving: start a new one, but keep what was on its way.
        await this.#moveTo((ledger, fresh) => ({ ...emptyLedger(fresh), wishes: ledger.wishes }));
        await this.refresh();
      }
      if (this.#options.recoveryToken) await this.#recover(this.#options.recoveryToken);
      this.#error = null;
    } catch (error) {
      this.#error = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
    }
    this.#ready = this.#live = true;
    this.#emit();
    this.#take(this.#ledger, true);
  }

  /**
   * A recovery link's cart replaces the shopper's own only while theirs is empty (a planted link
   * must not swap a full cart for one its sender can read); otherwise the own cart stays.
   */
  async #recover(token: string): Promise<void> {
    if (token === (await this.#options.token.get())) return;
    if (this.state.lines.length) {
      this.#recovery = 'kept';
      console.info('[tote] A cart recovery link was not followed: this cart is not empty.');
      return;
    }
    await this.#moveTo(() => emptyLedger(token), token);
    this.#recovery = 'adopted';
    await this.refresh();
  }

  /**
   * Moves the shop to another cart: a fresh token (or `token`), the other tabs told, and the ledger
   * changed to the new cart in one step by `next`, so no wish of the old cart is sent into it.
   */
  async #moveTo(next: (ledger: Ledger, token: string) => Ledger, token?: string): Promise<void> {
    const fresh = token ?? (await this.#options.token.rotate());
    if (token) await this.#options.token.adopt(token);
    this.#tabs.post({ type: 'token' });
    this.#server = null;
    await this.#update((ledger) => next(ledger, fresh));
  }

  #wish(variantId: string, next: (current: number) => number, display: LineDisplay | null, kind: 'add' | 'set'): void {
    if (!Number.isFinite(next(0))) throw new RangeError(`Not a quantity: ${next(0)}`);
    const shown =
      display ?? this.#view().wishes[variantId]?.display ?? this.#options.describe?.(variantId) ?? unknownLine();
    // Shown at once; the stored ledger then folds the same click atomically (another tab's click
    // may have landed there first: both count), and only then may the writer send it.
    this.#change((ledger) => fold(ledger, variantId, next, kind, shown));
  }

  /** A shopper's change: shown at once, then made to the stored ledger (and only then sent by the writer). */
  #change(click: (ledger: Ledger) => Ledger): void {
    this.#folds.push(click);
    this.#emit();
    void this.#update(click, true, click);
  }

  /** The ledger as this tab's shopper should see it: the stored one with their newest clicks on top. */
  #view(): Ledger {
    return this.#folds.reduce((ledger, click) => click(ledger), this.#ledger);
  }

  /**
   * Changes the ledger: one atomic read-modify-write of the stored record, then the result is this
   * tab's copy and is shared. Storage that fails mid-visit (quota, eviction) must not break the
   * cart: the change is then made to this tab's copy, sent, and lost only on reload.
   */
  #update(change: (ledger: Ledger) => Ledger, share = true, click?: (ledger: Ledger) => Ledger): Promise<void> {
    const run = async () => {
      let result: Ledger | undefined;
      try {
        await this.#options.storage.update(LEDGER_KEY, (stored) => {
          const current = readLedger(stored);
          result = { ...change(current), rev: Math.max(current.rev, this.#ledger.rev) + 1 };
          return result;
        });
      } catch {
        result = { ...change(this.#ledger), rev: this.#ledger.rev + 1 };
      }
      // The click is in the stored ledger now: shown from there (in the same step, never twice).
      if (click) this.#folds.splice(this.#folds.indexOf(click), 1);
      if (!result) return;
      this.#take(result, true);
      if (share) this.#tabs.post({ type: 'ledger', ledger: result });
      this.#emit();
    };
    const done = this.#updating.then(run);
    this.#updating = done.catch(() => undefined); // one failed change must not stop the next
    return done;
  }

  /** A ledger newer than this tab's copy becomes its copy; the writer looks at what changed. */
  #take(ledger: Ledger, force = false): void {
    if (!force && ledger.rev < this.#ledger.rev) return;
    this.#ledger = ledger;
    if (!this.#live || this.#disposed) return;
    // The writer comes with the first wish this tab sees; it then competes for the writer's role.
    if (!this.#writer && Object.keys(ledger.wishes).length)
      this.#writer = import('./writer.js').then((writer) => new writer.CartWriter(this.#host()));
    void this.#writer?.then((writer) => writer.onLedger());
  }

  /** What the writer sees of this engine. */
  #host(): WriterHost {
    const engine = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the host reads live fields
    return {
      options: this.#options,
      tab: this.#tabs.id,
      get ledger() {
        return engine.#ledger;
      },
      get server() {
        return engine.#server;
      },
      get live() {
        return engine.#live && !engine.#disposed;
      },
      get online() {
        return engine.#online;
      },
      update: (change, share) => this.#update(change, share),
      adopt: (cart) => this.#adopt(cart, true),
      moveTo: (next) => this.#moveTo(next),
    };
  }

  /** A server answer came back: the writer's outage, if any, is over. */
  #wake(): void {
    void this.#writer?.then((writer) => writer.wake());
  }

  /** Takes a server cart as the new truth, stores and shares it; wishes it already fulfils are done. */
  async #adopt(cart: Cart, share: boolean): Promise<void> {
    // Answers can overtake each other (a cart read sent before a change, answered after it): an
    // older picture of the same cart would hide changes the server already has.
    if (this.#server && cart.id === this.#server.id && cart.updatedAt < this.#server.updatedAt) return;
    this.#server = cart;
    this.#ready = true;
    this.#error = null;
    this.#emit();
    if (!share) return;
    const kept = shareableCart(cart); // no gift-card code's refusal is stored or shared
    keepCartCopy(this.#options.storage, kept);
    this.#tabs.post({ type: 'cart', cart: kept });
    await this.#update((ledger) => record(ledger, cart));
  }

  #onTabMessage(message: TabMessage): void {
    if (this.#disposed) return;
    if (message.type === 'cart') {
      const cart = readCartCopy(message.cart); // read like an answer: anything on this origin may post here
      if (cart) void this.#adopt(cart, false);
    } else if (message.type === 'ledger') {
      this.#take(readLedger(message.ledger));
      this.#emit();
    } else this.#options.token.forget();
  }

  /** Resolves once `done()` holds (checked on every change). */
  #until(done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        queueMicrotask(() => unsubscribe());
        resolve();
      };
      const unsubscribe = this.subscribe(check);
    });
  }

  #onOnline = () => {
    this.#online = true;
    this.#emit();
    this.#wake();
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
