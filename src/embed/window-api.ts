import { configure, defaultShop } from '../context/page-default.js';
import type { CartState, ShopOptions } from '../store/index.js';
import type { AccountSession } from '../store/account/index.js';
import { VERSION } from '../version.js';
import type { AddRequest } from './cart-commands.js';

export type { AddRequest };

/** `window.Tote`: the page's script API for merchants who use the drop-in script. */
export interface ToteGlobal {
  readonly version: string;
  /** Sets the page's shop (what `data-public-key` on the script tag does). */
  configure(options: ShopOptions): void;
  readonly cart: {
    /** Opens the cart drawer (adding one to the page if there is none). */
    open(): Promise<void>;
    close(): void;
    /** Adds to the cart like a click does; resolves with the cart once the server has confirmed. */
    add(request: AddRequest): Promise<CartState>;
    /** The cart as the shopper sees it now. */
    get(): CartState | undefined;
  };
  /**
   * The page's shop's account session (sign in by emailed code, orders, addresses, sign out),
   * loaded on first use; rejects on a page without a shop.
   */
  account(): Promise<AccountSession>;
  /** Listens to a `tote-*` event anywhere on the page; returns the function that stops listening. */
  on(event: string, listener: (detail: unknown, event: Event) => void): () => void;
  /**
   * The merchant's own words, by language and key: `Tote.messages = { en: { 'cart.title': 'Basket' } }`.
   * Each assignment adds to the ones before; reading gives back what was set last.
   */
  messages: Record<string, Record<string, string>>;
}

// The commands load on first use: most pages never call them, and the first download stays small.
const commands = () => import('./cart-commands.js');

export function createWindowApi(): ToteGlobal {
  let messages: Record<string, Record<string, string>> = {};
  return {
    version: VERSION,
    configure: (options) => void configure(options),
    cart: {
      open: async () => (await commands()).openCart(),
      close: () => void commands().then((c) => c.closeCart()),
      add: async (request) => (await commands()).addToCart(request),
      get: () => defaultShop()?.cart.state,
    },
    // Its own file: pages that never ask for the account never download it (nor its no-shop message).
    account: async () => (await import('../store/account/index.js')).accountOf(defaultShop()),
    on: (event, listener) => {
      const handler = (e: Event) => listener((e as CustomEvent).detail, e);
      document.addEventListener(event, handler);
      return () => document.removeEventListener(event, handler);
    },
    get messages() {
      return messages;
    },
    set messages(texts) {
      messages = texts;
      // The checks load with the first words given (i18n/overrides.ts); later ones wait their turn.
      void import('../i18n/overrides.js').then(({ setMessages }) => setMessages(texts));
    },
  };
}

declare global {
  interface Window {
    Tote?: ToteGlobal;
  }
}
