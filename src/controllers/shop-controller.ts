import type { LitElement, ReactiveController } from 'lit';
import type { CartState, ToteShop } from '../store/index.js';
import { loadLanguage, onMessagesLoaded } from '../i18n/messages.js';
import { configProblem, defaultShop, onDefaultShopChange } from '../context/page-default.js';
import { requestShop } from '../context/shop-context.js';

const NO_SHOP_AFTER_MS = 3000;
const NO_SHOP =
  'No shop is set up: put this element inside <tote-store public-key="pk_…">, add data-public-key to the Tote script tag, or call configure({ publicKey }).';

/**
 * Finds the shop an element belongs to — the nearest `<tote-store>` (through context), else the
 * page default — and keeps the element subscribed to that shop's cart. Every Tote element holds
 * one through its base class (components/base/tote-element.ts: `this.shop`, `this.cart`); a page's
 * own element can hold one too.
 */
export class ShopController implements ReactiveController {
  #host: LitElement;
  /** The shop of the nearest `<tote-store>`, and how to stop hearing from it. */
  #provided: ToteShop | undefined;
  #unsubscribeProvider: (() => void) | undefined;
  #unsubscribeCart: (() => void) | undefined;
  #unsubscribeDefault: (() => void) | undefined;
  #unsubscribeMessages: (() => void) | undefined;
  #subscribedTo: ToteShop | undefined;
  #watchCart: boolean | 'count';
  /** The cart as the shopper sees it now (only kept when the host asked to watch the cart). */
  cart: CartState | undefined;

  constructor(host: LitElement, options: { watchCart?: boolean | 'count' } = {}) {
    this.#host = host;
    this.#watchCart = options.watchCart ?? false;
    host.addController(this);
  }

  /**
   * Why there is no shop, for the element to show in place of the shop: a refused key on the
   * script tag, or nothing configured at all a few seconds after the element appeared.
   */
  get problem(): string | undefined {
    if (this.shop) return undefined;
    return configProblem() ?? (this.#waitedForShop ? NO_SHOP : undefined);
  }

  #waitedForShop = false;
  #noShopTimer: ReturnType<typeof setTimeout> | undefined;

  /** The shop, or `undefined` while there is none (no `<tote-store>`, nothing configured). */
  get shop(): ToteShop | undefined {
    return this.#provided ?? defaultShop();
  }

  hostConnected(): void {
    requestShop(this.#host, (shop, unsubscribe) => {
      // A nearer store took over: leave the one that answered before.
      if (unsubscribe !== this.#unsubscribeProvider) this.#unsubscribeProvider?.();
      this.#unsubscribeProvider = unsubscribe;
      this.#provided = shop;
      this.#sync();
    });
    this.#unsubscribeDefault = onDefaultShopChange(() => this.#sync());
    // A shop in another language: its texts arrive a moment later, then the element re-renders.
    this.#unsubscribeMessages = onMessagesLoaded(() => this.#host.requestUpdate());
    // A page that never names its shop gets told so, rather than skeletons that load forever.
    this.#noShopTimer = setTimeout(() => {
      this.#waitedForShop = true;
      if (!this.shop) {
        console.error(`[tote] <${this.#host.localName}>: ${NO_SHOP}`);
        this.#host.requestUpdate();
      }
    }, NO_SHOP_AFTER_MS);
    this.#sync();
  }

  hostDisconnected(): void {
    // Moved elsewhere, the element asks again; outside any store it falls back to the page default.
    this.#unsubscribeProvider?.();
    this.#unsubscribeProvider = undefined;
    this.#provided = undefined;
    this.#unsubscribeDefault?.();
    this.#unsubscribeMessages?.();
    clearTimeout(this.#noShopTimer);
    this.#unsubscribeCart?.();
    this.#unsubscribeCart = undefined;
    this.#subscribedTo = undefined;
  }

  #sync(): void {
    const shop = this.shop;
    if (shop) void loadLanguage(shop.locale);
    if (this.#watchCart && shop !== this.#subscribedTo) {
      this.#unsubscribeCart?.();
      this.#subscribedTo = shop;
      this.#unsubscribeCart = shop?.cart.subscribe((state) => {
        this.cart = state;
        this.#host.requestUpdate();
      });
      // An element that shows only the count leaves the cart's engine unloaded (store/shop-cart.ts).
      void (this.#watchCart === 'count' ? shop?.cart.preview() : shop?.cart.start());
    }
    this.#host.requestUpdate();
  }
}
