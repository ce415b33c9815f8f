// `shop.cart`: the page's handle on one shop's cart. Its engine (cart.ts, with the ledger, the tab
// links and the writer) is most of a cart's code, and most visitors never touch a cart, so the
// handle loads it only when something needs it: a change, a read of the server's cart, an element
// that shows the lines (`start()`), another tab's news of the cart, or an idle moment of a page whose
// visitor already has a cart (docs/cart-engine.md, "Loading"). Until then a cart button's count
// comes from `preview()`: the stored copy, read without a request — and a visitor with no cart
// token has an empty cart, known without asking anyone.
import type { Product, Variant } from '../api/types/catalog.js';
import { num, obj } from '../api/normalize/primitives.js';
import type { CartEngine } from './cart.js';
import { CART_COPY_KEY, CART_TOKEN_KEY, LEDGER_KEY } from './cart-keys.js';
import type * as Kit from './cart-kit.js';
import type { CartEngineOptions } from './cart-options.js';
import type { CartState } from './cart-state.js';
import type { CartToken } from './token.js';
import { TabLink } from './tabs.js';

type CartKit = typeof Kit;
let provided: CartKit | undefined;

/**
 * Gives every cart its engine at once, from the start (the headless entry, store/index.ts, which
 * imports the engine anyway): a script driving a cart by itself sees each change at once, as
 * it always has.
 */
export function provideCartKit(kit: CartKit): void {
  provided = kit;
}

/** The engine's options, less what the cart makes itself when it loads the engine: the token and `describe`. */
export interface ShopCartOptions extends Omit<CartEngineOptions, 'token' | 'describe'> {
  /** What the catalogue knows of a variant, to draw a line the server does not have yet. */
  findVariant?: (variantId: string) => { product: Product; variant: Variant } | undefined;
}

type Listener = (state: CartState) => void;

/** The engine's changes: `add(variantId, quantity?, display?)`, `setQuantity`, `remove`, `dismiss` (a refusal read), `accept(cart)`. */
const CHANGES = ['add', 'setQuantity', 'remove', 'dismiss', 'accept'] as const;
/** The engine's reads and requests, each resolving as the engine's does (see cart.ts). */
const READS = [
  'stored',
  'settled',
  'confirmed',
  'refresh',
  'applyDiscountCode',
  'removeDiscountCode',
  'applyGiftCard',
  'removeGiftCard',
  'startOver',
] as const;

// The methods the static block below puts on the class, typed and documented as the engine's.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the class defines them in its static block
export interface ShopCart extends Pick<CartEngine, (typeof CHANGES)[number] | (typeof READS)[number]> {}

/** Runs `work` once the page is loaded and the browser is idle (a timer where it has no idle callback). */
function whenIdle(work: () => void): void {
  const idle = () => (globalThis.requestIdleCallback ?? setTimeout)(work);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

/** What a stored cart copy says the count is: whole quantities only (storage may hold anything). */
function storedCount(copy: unknown): number {
  const items = obj(copy).items;
  let count = 0;
  if (Array.isArray(items)) for (const item of items) count += Math.max(0, Math.trunc(num(obj(item).quantity)));
  return count;
}

/** The cart of one shop: every method of the engine (`CartEngine`), which it loads when first needed. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class ShopCart {
  #options: ShopCartOptions;
  #engine: CartEngine | null = null;
  #token: CartToken | undefined;
  #loading: Promise<CartEngine> | undefined;
  #previewing: Promise<void> | undefined;
  #listeners = new Map<Listener, (() => void) | undefined>();
  #tabs: TabLink | undefined;
  #preview: CartState;

  constructor(options: ShopCartOptions) {
    this.#options = options;
    if (provided) this.#engine = this.#make(provided);
    this.#preview = {
      ready: false,
      server: null,
      lines: [],
      itemCount: 0,
      pending: 0,
      online: typeof navigator === 'undefined' || navigator.onLine !== false,
      persistence: options.storage.kind,
      error: null,
      recovery: null,
    };
  }

  /** The visitor's cart token (`X-Cart-Token`), minted on first need; for stateful requests. */
  async cartToken(): Promise<string> {
    await this.#load();
    return this.#token!.get();
  }

  /** The engine, loaded and started (the stored cart read, then the server's), for everything but `preview()`. */
  start(): Promise<void> {
    return this.#load().then((engine) => engine.start());
  }

  /**
   * For an element that shows only the count: the stored copy's count, without loading the
   * engine, which then loads when the browser is idle if the visitor has a cart token (its first
   * read makes the count exact) or at once if a closed tab left changes unsent. Another tab's
   * news of the cart loads it too.
   */
  preview(): Promise<void> {
    if (this.#engine) return this.#engine.start();
    return (this.#previewing ??= this.#peek());
  }

  /** The engine's state once it is loaded; before, the preview (no lines, `ready: false` unless there is no cart at all). */
  get state(): CartState {
    return this.#engine?.state ?? this.#preview;
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.set(listener, this.#engine?.subscribe(listener));
    if (!this.#engine) listener(this.#preview);
    return () => {
      this.#listeners.get(listener)?.();
      this.#listeners.delete(listener);
    };
  }

  /** Stops this cart (its page is going away); another tab becomes the writer. */
  async dispose(): Promise<void> {
    this.#stopPreview();
    this.#listeners.clear();
    const engine = this.#engine ?? (await this.#loading?.catch(() => null));
    await engine?.dispose();
  }

  static {
    // The engine's other methods, as they are on the engine once it is loaded. Changes run at once
    // when it is, else once it is, in the order they were made; a quantity that is no number throws now.
    for (const name of CHANGES) {
      this.prototype[name] = function (this: ShopCart, ...args: unknown[]) {
        for (const arg of args)
          if (typeof arg === 'number' && !Number.isFinite(arg)) throw new RangeError(`Not a quantity: ${arg}`);
        const change = (engine: CartEngine) => (engine[name] as (...a: unknown[]) => void)(...args);
        if (this.#engine) change(this.#engine);
        else void this.#load().then(change);
      };
    }
    for (const name of READS) {
      this.prototype[name] = async function (this: ShopCart, ...args: unknown[]) {
        return ((await this.#load())[name] as (...a: unknown[]) => unknown)(...args);
      } as never;
    }
  }

  #load(): Promise<CartEngine> {
    if (this.#engine) return Promise.resolve(this.#engine);
    this.#loading ??= import('./cart-kit.js').then(
      (kit) => {
        const engine = (this.#engine ??= this.#make(kit));
        this.#stopPreview();
        for (const listener of this.#listeners.keys()) this.#listeners.set(listener, engine.subscribe(listener));
        void engine.start();
        return engine;
      },
      (error: unknown) => {
        this.#loading = undefined; // a flaky network: the next use tries again
        throw error;
      },
    );
    return this.#loading;
  }

  /** The engine, with the token it keeps and lines drawn from the catalogue. */
  #make(kit: CartKit): CartEngine {
    const { findVariant, ...options } = this.#options;
    const token = (this.#token = new kit.CartToken(options.storage));
    const describe = (variantId: string) => {
      const found = findVariant?.(variantId);
      return found ? kit.lineDisplay(found.product, found.variant) : null;
    };
    return new kit.CartEngine({ ...options, token, describe });
  }

  async #peek(): Promise<void> {
    const { storage, namespace, recoveryToken } = this.#options;
    // Another tab's news (an add, a new cart): this tab's engine catches up from the shared storage.
    // A load that fails (offline) is tried again by the next use.
    const load = () => void this.start().catch(() => undefined);
    this.#tabs = new TabLink(namespace, load);
    const read = (key: string) => storage.get(key).catch(() => undefined);
    const [token, copy, ledger] = await Promise.all([read(CART_TOKEN_KEY), read(CART_COPY_KEY), read(LEDGER_KEY)]);
    if (this.#engine || this.#loading) return;
    if (recoveryToken || Object.keys(obj(obj(ledger).wishes)).length) {
      load(); // a recovery link to follow, or changes a closed tab left unsent
      return;
    }
    const known = typeof token === 'string';
    this.#preview = {
      ...this.#preview,
      ready: !known,
      itemCount: known ? storedCount(copy) : 0,
      persistence: storage.kind,
    };
    for (const listener of this.#listeners.keys()) listener(this.#preview);
    if (known) whenIdle(load);
  }

  #stopPreview(): void {
    this.#tabs?.close();
    this.#tabs = undefined;
  }
}
