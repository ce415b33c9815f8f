// The headless store's entry: the shop (shop.ts) with its cart's engine loaded from the start —
// a script that drives a cart by itself sees every change at once — and the types around them.
// Elements reach the shop through shop.ts instead, and so load the engine only when a cart needs it.
import * as kit from './cart-kit.js';
import { provideCartKit } from './shop-cart.js';

provideCartKit(kit);

export { createShop, type ShopOptions, type ToteShop } from './shop.js';
export type { CartState, RecoveryOutcome } from './cart-state.js';
export type { CartLine, LineStatus } from './cart-view.js';
export type { LineDisplay } from './ledger.js';
export type { StorageKind } from './storage.js';
export { ShopCart } from './shop-cart.js';
export { CartEngine } from './cart.js';
export { Catalog } from './catalog.js';
