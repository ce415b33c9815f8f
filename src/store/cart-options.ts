// The cart engine's options and their defaults, in one place: the engine takes them, and its
// writer (loaded with the first wish) reads the same resolved settings.
import type { ApiClient } from '../api/client.js';
import type { LineDisplay } from './ledger.js';
import type { KeyValueStorage } from './storage.js';
import type { CartToken } from './token.js';

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

/** The options with every timing decided. */
export type CartSettings = Required<Pick<CartEngineOptions, 'settleMs' | 'retryMs' | 'retryCapMs'>> & CartEngineOptions;

/** The caller's options, with the default timings where it gave none. */
export function cartSettings(options: CartEngineOptions): CartSettings {
  return { settleMs: 400, retryMs: 1000, retryCapMs: 8_000, ...options };
}
