// "You can try again in 42 s": the seconds left until a time of the store's (a resend cooldown, a
// Retry-After, the rate budget), re-rendering the host once a second while there are any.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Countdown implements ReactiveController {
  #host: ReactiveControllerHost;
  #until: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `until` gives the epoch ms to count down to (0 or a past time: nothing to wait for). */
  constructor(host: ReactiveControllerHost, until: () => number) {
    this.#host = host;
    this.#until = until;
    host.addController(this);
  }

  /** Whole seconds left, rounded up; 0 once the time has come. */
  get seconds(): number {
    return Math.max(0, Math.ceil((this.#until() - Date.now()) / 1000));
  }

  hostUpdated(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const left = this.#until() - Date.now();
    // The next render falls when the shown number changes (at each whole second left).
    if (left > 0) this.#timer = setTimeout(() => this.#host.requestUpdate(), left % 1000 || 1000);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
