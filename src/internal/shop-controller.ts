import { ContextConsumer } from '@lit/context';
import type { LitElement, ReactiveController } from 'lit';
import type { CartState, ToteShop } from '../store/index.js';
import { defaultShop, onDefaultShopChange } from './page-default.js';
import { shopContext } from './shop-context.js';

/**
 * Finds the shop an element belongs to — the nearest `<tote-store>` (through context), else the
 * page default — and keeps the element subscribed to that shop's cart. Every Tote element holds
 * one: `this.shop.shop`, `this.shop.cart`.
 */
export class ShopController implements ReactiveController {
  #host: LitElement;
  #provided: ContextConsumer<typeof shopContext, LitElement>;
  #unsubscribeCart: (() => void) | undefined;
  #unsubscribeDefault: (() => void) | undefined;
  #subscribedTo: ToteShop | undefined;
  #watchCart: boolean;
  /** The cart as the shopper sees it now (only kept when the host asked to watch the cart). */
  cart: CartState | undefined;

  constructor(host: LitElement, options: { watchCart?: boolean } = {}) {
    this.#host = host;
    this.#watchCart = options.watchCart ?? false;
    this.#provided = new ContextConsumer(host, {
      context: shopContext,
      subscribe: true,
      callback: () => this.#sync(),
    });
    host.addController(this);
  }

  /** The shop, or `undefined` while there is none (no `<tote-store>`, nothing configured). */
  get shop(): ToteShop | undefined {
    return this.#provided.value ?? defaultShop();
  }

  hostConnected(): void {
    this.#unsubscribeDefault = onDefaultShopChange(() => this.#sync());
    this.#sync();
  }

  hostDisconnected(): void {
    this.#unsubscribeDefault?.();
    this.#unsubscribeCart?.();
    this.#unsubscribeCart = undefined;
    this.#subscribedTo = undefined;
  }

  #sync(): void {
    const shop = this.shop;
    if (this.#watchCart && shop !== this.#subscribedTo) {
      this.#unsubscribeCart?.();
      this.#subscribedTo = shop;
      this.#unsubscribeCart = shop?.cart.subscribe((state) => {
        this.cart = state;
        this.#host.requestUpdate();
      });
      void shop?.cart.start();
    }
    this.#host.requestUpdate();
  }
}
