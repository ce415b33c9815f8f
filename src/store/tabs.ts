import { nanoid } from 'nanoid';
import type { Cart } from '../api/index.js';
import type { Ledger } from './ledger.js';

/** What tabs of one shop tell each other. */
export type TabMessage =
  /** The server's latest cart, so other tabs need not read it themselves. */
  | { type: 'cart'; cart: Cart }
  /** The shared ledger after a change (the highest `rev` wins): wishes, refusals, the server's quantities. */
  | { type: 'ledger'; ledger: Ledger }
  /** The cart token changed (an order was placed): read it again from storage. */
  | { type: 'token' };

/**
 * This tab among the other tabs of the same shop: a BroadcastChannel for news. Node has one too,
 * where it would keep the process alive: a server rendering the page (a static build that calls
 * `createShop`) must still exit when its work is done, so the channel is unref'd there.
 */
export class TabLink {
  readonly id = nanoid(10);
  #channel: BroadcastChannel | undefined;

  constructor(namespace: string, onMessage: (message: TabMessage) => void) {
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(`tote:${namespace}`);
      this.#channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
      (this.#channel as { unref?: () => void }).unref?.();
    }
  }

  post(message: TabMessage): void {
    this.#channel?.postMessage(message);
  }

  close(): void {
    this.#channel?.close();
    this.#channel = undefined; // work still finishing after close posts nothing
  }
}
