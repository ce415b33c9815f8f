import { nanoid } from 'nanoid';
import type { KeyValueStorage } from './storage.js';

const TOKEN_KEY = 'cartToken';
// nanoid's default: 21 characters of A–Z a–z 0–9 _ -. Anything else in storage is corruption.
const TOKEN_PATTERN = /^[\w-]{21}$/;

/**
 * The visitor's cart token (`X-Cart-Token`) for one shop: read from storage, or minted and stored
 * on first need. A corrupted stored value is replaced, never sent.
 */
export class CartToken {
  #storage: KeyValueStorage;
  #current: Promise<string> | undefined;

  constructor(storage: KeyValueStorage) {
    this.#storage = storage;
  }

  /** The current token, minting one if the visitor has none. Concurrent callers share one. */
  get(): Promise<string> {
    this.#current ??= this.#load();
    return this.#current;
  }

  /** Replaces the token with a fresh one (after an order is placed, or when the cart expired). */
  async rotate(): Promise<string> {
    const fresh = nanoid();
    this.#current = Promise.resolve(fresh);
    await this.#save(fresh);
    return fresh;
  }

  /** Another tab rotated the token: read it again from storage on next use. */
  forget(): void {
    this.#current = undefined;
  }

  async #load(): Promise<string> {
    let stored: unknown;
    try {
      stored = await this.#storage.get(TOKEN_KEY);
    } catch {
      stored = undefined;
    }
    if (typeof stored === 'string' && TOKEN_PATTERN.test(stored)) return stored;
    const fresh = nanoid();
    await this.#save(fresh);
    return fresh;
  }

  async #save(token: string): Promise<void> {
    try {
      await this.#storage.set(TOKEN_KEY, token);
    } catch {
      // Storage failed after the probe (quota, eviction): the token still works for this page.
    }
  }
}
