import type { KeyValueStorage } from './storage.js';

/** What the shopper wants a line to show before the server has it. */
export interface LineDisplay {
  productId: string | null;
  name: string;
  variantName: string | null;
  sku: string | null;
  unitPrice: number;
  imageUrl: string | null;
}

/**
 * A shopper's pending wish for one line (one variant), always in absolute terms: "this variant,
 * this many". Adds are folded into the quantity when they are made, so replaying an intent after
 * a reload or a lost response can never apply it twice — the server either has this quantity or
 * it does not.
 */
export interface Intent {
  variantId: string;
  quantity: number;
  /**
   * For a wish made of adds: the server's quantity they were counted from, so that adds made in
   * two tabs at once both count (each tab sends its own difference on top of what the server has
   * then). `null` once the shopper set the quantity outright: then the wish is absolute.
   */
  base: number | null;
  /** The logical job's `X-Request-Id`, kept across retries and reloads of this very intent. */
  requestId: string;
  /** Bumped on every change, so a response can tell whether it answered the latest wish. */
  version: number;
  /** The tab that sends it; intents of tabs that are gone are adopted by the next tab. */
  owner: string;
  display: LineDisplay | null;
}

const KEY = 'intents';

function isIntent(value: unknown): value is Intent {
  const v = value as Intent;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.variantId === 'string' &&
    Number.isInteger(v.quantity) &&
    v.quantity >= 0 &&
    (v.base === null || v.base === undefined || (Number.isInteger(v.base) && v.base >= 0)) &&
    typeof v.requestId === 'string' &&
    typeof v.owner === 'string'
  );
}

/**
 * The intents of every tab of one shop, persisted before they are sent and removed only when the
 * server confirms. Writes are read-modify-write of one record, serialised across tabs with a Web
 * Lock where the browser has them, so two tabs never overwrite each other's intents.
 */
export class IntentJournal {
  #storage: KeyValueStorage;
  #lockName: string;

  constructor(storage: KeyValueStorage, namespace: string) {
    this.#storage = storage;
    this.#lockName = `tote:${namespace}:intents`;
  }

  /** Every persisted intent; a corrupted record reads as none (and is replaced on next write). */
  async readAll(): Promise<Intent[]> {
    try {
      const stored = await this.#storage.get<unknown>(KEY);
      return Array.isArray(stored) ? stored.filter(isIntent) : [];
    } catch {
      return [];
    }
  }

  /** Replaces the intents owned by `owner` with `mine`, leaving other tabs' intents alone. */
  write(owner: string, mine: Intent[]): Promise<void> {
    return this.#exclusive(async () => {
      const others = (await this.readAll()).filter((intent) => intent.owner !== owner);
      await this.#storage.set(KEY, [...others, ...mine]);
    }, undefined);
  }

  /** Takes over the intents of tabs that are gone (their owner lock is free); returns them. */
  adoptOrphans(owner: string, isAlive: (owner: string) => boolean): Promise<Intent[]> {
    return this.#exclusive(async () => {
      const all = await this.readAll();
      const adopted = all.filter((intent) => intent.owner !== owner && !isAlive(intent.owner));
      if (adopted.length) {
        for (const intent of adopted) intent.owner = owner;
        await this.#storage.set(KEY, all);
      }
      return adopted;
    }, []);
  }

  async #exclusive<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      if (typeof navigator !== 'undefined' && navigator.locks) {
        return await navigator.locks.request(this.#lockName, work);
      }
      return await work();
    } catch {
      // Storage that fails mid-visit (quota, eviction) must not break the cart: the intents still
      // live in memory and are sent; they just won't survive a reload.
      return fallback;
    }
  }
}
