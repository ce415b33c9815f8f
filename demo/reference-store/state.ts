// The mutable world of the reference store: per publishable key a catalogue, carts, orders, gift
// cards, customers, reviews and replay memory; one outbox for all; plus the run-time settings that
// control.ts may change. Rebuilt from the seeds on reset.
import { Catalogue } from './catalog.js';
import { Carts } from './carts.js';
import { Customers } from './customers.js';
import { GiftCards } from './gift-cards.js';
import { Orders } from './orders.js';
import { Outbox } from './outbox.js';
import { Replays } from './replay.js';
import { Reviews } from './reviews.js';
import { demoSeed } from './seed/demo.js';
import { liveSeed } from './seed/live.js';
import { plSeed } from './seed/pl.js';
import type { ImageArt, StoreSeed } from './types.js';

export interface Settings {
  cartTtlMs: number;
  reservationTtlMs: number;
  paymentDelayMs: number;
  checkoutDisabled: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  cartTtlMs: 30 * 86_400_000,
  reservationTtlMs: 30 * 60_000,
  paymentDelayMs: 0,
  checkoutDisabled: null,
};

export interface StoreState {
  key: string;
  catalogue: Catalogue;
  carts: Carts;
  orders: Orders;
  giftCards: GiftCards;
  customers: Customers;
  reviews: Reviews;
  replays: Replays;
}

export const SEEDS: Record<string, () => StoreSeed> = {
  pk_test_tote_demo: demoSeed,
  pk_test_tote_pl: plSeed,
  pk_Xq3vT9mLr2WbN8cYhK4dE: liveSeed,
};

export class World {
  stores = new Map<string, StoreState>();
  readonly outbox = new Outbox();
  /** Preflights leave Authorization and X-Request-Id out of the allow-list, as the live API may. */
  liveLikeCors = false;
  /** Image art never changes at run time, so it is built once and shared by resets. */
  readonly art = new Map<string, ImageArt & { width: number; height: number }>();

  constructor(readonly settings: Settings) {
    this.reset();
  }

  reset(): void {
    this.stores = new Map();
    this.outbox.clear();
    this.liveLikeCors = false;
    for (const [key, make] of Object.entries(SEEDS)) {
      const seed = make();
      for (const [id, art] of seed.art) this.art.set(id, art);
      const reviews = new Reviews(seed.reviews, seed.products, seed.epoch);
      const catalogue = new Catalogue(seed, reviews);
      const giftCards = new GiftCards(seed.config.currency, seed.giftCards);
      const customers = new Customers(key, this.outbox, seed.customers, seed.epoch);
      const carts = new Carts(catalogue, giftCards, this.settings);
      const orders = new Orders({
        storeKey: key,
        catalogue,
        carts,
        giftCards,
        customers,
        outbox: this.outbox,
        settings: this.settings,
      });
      this.stores.set(key, { key, catalogue, carts, orders, giftCards, customers, reviews, replays: new Replays() });
    }
  }

  sweep(now: number): void {
    for (const store of this.stores.values()) store.orders.sweep(now);
  }
}
