import { nanoid } from 'nanoid';
import type { KeyValueStorage } from './storage.js';

const TOKEN_KEY = 'cartToken';
// The contract's token: 16–128 of A–Z a–z 0–9 _ - (Tote mints nanoid's 21; a recovered cart's
// token may be longer, such as the official widget's `cart_` + UUID). Anything else is corruption.
const TOKEN_PATTERN = /^[\w-]{16,128}$/;

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
        TOKEN_KEY,
        (stored) => (token = typeof stored === 'string' && TOKEN_PATTERN.test(stored) ? stored : fresh),
      );
    } catch {
      // Storage failed after the probe (quota, eviction): the fresh token still works for this page.
    }
    return token;
  }

  async #save(token: string): Promise<void> {
    try {
      await this.#storage.set(TOKEN_KEY, token);
    } catch {
      // Storage failed after the probe (quota, eviction): the token still works for this page.
    }
  }
}

/**
 * Takes `?cart_token=` off the address bar at once (whatever the opt-in: the link's token must not
 * linger in history, bookmarks or a `Referer`), keeping every other parameter and the fragment as
 * they were. Returns the token only when the merchant opted in and it is well-formed.
 */
export function takeRecoveryToken(optIn: boolean | undefined): string | undefined {
  if (
    typeof location === 'undefined' ||
    typeof history === 'undefined' ||
    !/[?&]cart_token(=|&|$)/.test(location.search)
  )
    return undefined;
  let token: string | undefined;
  const rest = location.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      const [name, value = ''] = pair.split('=');
      if (name !== 'cart_token') return true;
      token ??= value;
      return false;
    });
  try {
    // An absolute URL: a path like "//evil.example/" on its own would read as another origin, and
    // replaceState would throw instead of cleaning the address bar.
    history.replaceState(
      history.state,
      '',
      location.origin + location.pathname + (rest.length ? `?${rest.join('&')}` : '') + location.hash,
    );
  } catch {
    // an opaque or sandboxed origin may refuse it: the token is still never adopted unasked
  }
  return optIn && token && TOKEN_PATTERN.test(token) ? token : undefined;
}
