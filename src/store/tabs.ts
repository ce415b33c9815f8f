import { nanoid } from 'nanoid';
import type { Cart } from '../api/index.js';
import type { LineDisplay } from './intents.js';

/** What tabs of one shop tell each other. */
export type TabMessage =
  /** The server's latest cart, so other tabs need not read it themselves. */
  | { type: 'cart'; cart: Cart }
  /** A shopper's new wish for a line: other tabs show it and drop their own older wish for it. */
  | { type: 'intent'; variantId: string; quantity: number; display: LineDisplay | null }
  /** The sender gave up a wish (confirmed, refused or superseded). */
  | { type: 'settled'; variantId: string }
  /** The cart token changed (an order was placed): read it again from storage. */
  | { type: 'token' };

/**
 * This tab among the other tabs of the same shop: a BroadcastChannel for news, and a Web Lock held
 * for the tab's whole life so that others can tell whether it is still open (its persisted
 * intents belong to it) or gone (they may adopt them).
 */
export class TabLink {
  readonly id = nanoid(10);
  #channel: BroadcastChannel | undefined;
  #releaseLock: (() => void) | undefined;
  #lockReleased: Promise<unknown> = Promise.resolve();
  #lockPrefix: string;

  constructor(namespace: string, onMessage: (message: TabMessage) => void) {
    this.#lockPrefix = `tote:${namespace}:tab:`;
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(`tote:${namespace}`);
      this.#channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
    }
  }

  /** Holds this tab's liveness lock; resolves once it is held (or at once without Web Locks). */
  async hold(): Promise<void> {
    if (typeof navigator === 'undefined' || !navigator.locks) return;
    await new Promise<void>((held) => {
      this.#lockReleased = navigator.locks.request(this.#lockPrefix + this.id, () => {
        held();
        return new Promise<void>((release) => (this.#releaseLock = release));
      });
    });
  }

  /** Owners (tab ids) whose tabs are still open. Without Web Locks only this tab is known alive. */
  async liveTabs(): Promise<Set<string>> {
    const alive = new Set([this.id]);
    if (typeof navigator === 'undefined' || !navigator.locks) return alive;
    const { held = [] } = await navigator.locks.query();
    for (const lock of held) {
      if (lock.name?.startsWith(this.#lockPrefix)) alive.add(lock.name.slice(this.#lockPrefix.length));
    }
    return alive;
  }

  post(message: TabMessage): void {
    this.#channel?.postMessage(message);
  }

  /** Leaves the channel and frees the liveness lock; resolves once other tabs can see it is free. */
  close(): Promise<unknown> {
    this.#channel?.close();
    this.#releaseLock?.();
    return this.#lockReleased;
  }
}
