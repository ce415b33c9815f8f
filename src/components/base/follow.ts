// A host follows a headless object of the store (the account session, a product's reviews): it
// subscribes while connected, re-renders on every change and lets go when it is removed. The
// object may come late (the shop arrives by context) or change (another product): it is picked
// again before each update.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the store's headless objects offer: the state now, and a subscription that calls at once. */
export interface Followable<S> {
  readonly state: S;
  subscribe(listener: (state: S) => void): () => void;
}

export class Follow<T extends Followable<unknown>> implements ReactiveController {
  #host: ReactiveControllerHost;
  #pick: () => T | undefined;
  #onFollow: ((source: T) => void) | undefined;
  #source: T | undefined;
  #stop: (() => void) | undefined;

  /**
   * `pick` names the object to follow now (undefined: none yet); `onFollow` is called when a new one
   * is taken, before the render that shows it (to read it for the first time, say).
   */
  constructor(host: ReactiveControllerHost, pick: () => T | undefined, onFollow?: (source: T) => void) {
    this.#host = host;
    this.#pick = pick;
    this.#onFollow = onFollow;
    host.addController(this);
  }

  /** The object followed, once there is one. */
  get source(): T | undefined {
    return this.#source;
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = this.#source = undefined;
  }

  #follow(): void {
    const next = this.#pick();
    if (next === this.#source) return;
    this.#stop?.();
    this.#source = next;
    this.#stop = next?.subscribe(() => this.#host.requestUpdate());
    if (next) this.#onFollow?.(next);
  }
}
