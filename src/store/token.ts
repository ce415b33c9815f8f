import { nanoid } from 'nanoid';
import { CART_TOKEN_KEY } from './cart-keys.js';
import { TOKEN_PATTERN } from './recovery-link.js';
import type { KeyValueStorage } from './storage.js';

/**
 * The visitor's cart token (`X-Cart-Token`) for one shop: read from storage, or minted and stored
 * on first need. A corrupted stored value is replaced, never sent.
 */
export class CartToken {
  #storage: KeyValueStorage;
  #current: Promise<string> | undefined;
  /** The token was minted by this page on its first read: no cart can exist under it yet. */
  minted = false;

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

  /** Switches to another cart's token (a recovery link the shopper opened). */
  async adopt(token: string): Promise<void> {
    this.#current = Promise.resolve(token);
    await this.#save(token);
  }

  /** Another tab rotated the token: read it again from storage on next use. */
  forget(): void {
    this.#current = undefined;
  }

  async #load(): Promise<string> {
    // Two tabs opened at once on a first visit must not mint two tokens (two carts): the token is
    // read, or minted, in one atomic step of the storage that every tab shares.
    const fresh = nanoid();
    let token = fresh;
    try {
      await this.#storage.update(
        CART_TOKEN_KEY,
        (stored) => (token = typeof stored === 'string' && TOKEN_PATTERN.test(stored) ? stored : fresh),
      );
    } catch {
      // Storage failed after the probe (quota, eviction): the fresh token still works for this page.
    }
    this.minted = token === fresh;
    return token;
  }

  async #save(token: string): Promise<void> {
    try {
      await this.#storage.set(CART_TOKEN_KEY, token);
    } catch {
      // Storage failed after the probe (quota, eviction): the token still works for this page.
    }
  }
}
