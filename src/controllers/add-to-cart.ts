import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Product, Variant } from '../api/index.js';
import { lineDisplay } from '../model/line-display.js';
import type { ToteShop } from '../store/index.js';
import type { AddDetail } from '../events/add.js';
import { fire } from '../events/fire.js';

/**
 * The carts on the page that say each add aloud ("Added Mug, 2 items in cart", <tote-cart>): while
 * one is here, an add button's own "Added to cart" is shown but not said a second time.
 */
export const addAnnouncers = new Set<HTMLElement>();

export type AddOutcome = { ok: true } | { ok: false; message: string };

/**
 * Sends the shopper's "add" to the cart (which draws the line at once from `display`, then
 * confirms it with the server), fires `tote-add` from `source`, and resolves when the cart has
 * settled: `ok` unless the server refused the line (out of stock meanwhile, for instance). A line
 * that is only queued (offline, rate-limited) counts as added: the cart keeps and retries it.
 */
export async function addToCart(
  source: HTMLElement,
  shop: ToteShop,
  product: Product,
  variant: Variant,
  detail: AddDetail,
): Promise<AddOutcome> {
  shop.cart.add(variant.id, detail.quantity, lineDisplay(product, variant));
  fire(source, 'tote-add', detail);
  // Waits for this line only (cart.settled() would also wait for other lines' wishes).
  return new Promise<AddOutcome>((resolve) => {
    let done = false;
    const check = (lines: typeof shop.cart.state.lines) => {
      const line = lines.find((candidate) => candidate.variantId === variant.id);
      if (done || line?.status === 'saving') return;
      done = true;
      queueMicrotask(() => unsubscribe()); // may run inside subscribe(), before it has returned
      resolve(line?.status === 'failed' ? { ok: false, message: line.message ?? '' } : { ok: true });
    };
    const unsubscribe = shop.cart.subscribe((state) => check(state.lines));
  });
}

/** Where an add button stands: `added` shows for a moment after the cart took it, then `idle` again. */
export type AddState = 'idle' | 'adding' | 'added' | 'failed';

export const ADDED_SHOWS_MS = 2500;

/**
 * The add button's state for the product view and the buy button: `add()` sends the add (see
 * `addToCart`) and moves `state` through adding → added (→ idle) or failed, with the server's
 * reason in `failure`.
 */
export class AddController implements ReactiveController {
  state: AddState = 'idle';
  failure = '';
  #host: ReactiveControllerHost & HTMLElement;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    (this.#host = host).addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Back to idle at once (the shopper changed what the button would add). */
  reset(): void {
    clearTimeout(this.#timer);
    this.#set('idle');
  }

  async add(shop: ToteShop, product: Product, variant: Variant, quantity: number): Promise<AddOutcome> {
    clearTimeout(this.#timer);
    this.#set('adding');
    const outcome = await addToCart(this.#host, shop, product, variant, {
      productId: product.id,
      variantId: variant.id,
      quantity,
    });
    this.#set(outcome.ok ? 'added' : 'failed', outcome.ok ? '' : outcome.message);
    if (outcome.ok) this.#timer = setTimeout(() => this.#set('idle'), ADDED_SHOWS_MS);
    return outcome;
  }

  #set(state: AddState, failure = ''): void {
    this.state = state;
    this.failure = failure;
    this.#host.requestUpdate();
  }
}
