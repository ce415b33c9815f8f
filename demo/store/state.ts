// The mutable world of the reference store: one catalogue + carts + orders per publishable key,
// plus the run-time settings that control.ts may change. Rebuilt from the seeds on reset.
import { Catalogue } from './catalog.js';
import { Carts } from './carts.js';
import { Orders } from './orders.js';
import { demoSeed } from './seed/demo.js';
import { plSeed } from './seed/pl.js';
import type { ImageArt, StoreSeed } from './types.js';

export interface Settings {
  cartTtlMs: number;
  reservationTtlMs: number;
  paymentDelayMs: number;
  checkoutDisabled: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  cartTtlMs: 7 * 86_400_000,
  reservationTtlMs: 15 * 60_000,
  paymentDelayMs: 0,
  checkoutDisabled: null,
};

export interface StoreState {
  catalogue: Catalogue;
  carts: Carts;
  orders: Orders;
}

export const SEEDS: Record<string, () => StoreSeed> = {
  pk_test_tote_demo: demoSeed,
  pk_test_tote_pl: plSeed,
};

export class World {
  stores = new Map<string, StoreState>();
  /** Image art never changes at run time, so it is built once and shared by resets. */
  readonly art = new Map<string, ImageArt & { width: number; height: number }>();

  constructor(readonly settings: Settings) {
    this.reset();
  }

  reset(): void {
    this.stores = new Map();
    for (const [key, make] of Object.entries(SEEDS)) {
      const seed = make();
      for (const [id, art] of seed.art) this.art.set(id, art);
      const catalogue = new Catalogue(seed);
      const carts = new Carts(catalogue, this.settings);
      const orders = new Orders(catalogue, carts, this.settings);
      this.stores.set(key, { catalogue, carts, orders });
    }
  }

  sweep(now: number): void {
    for (const store of this.stores.values()) store.orders.sweep(now);
  }
}
