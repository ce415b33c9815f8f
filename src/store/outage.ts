// The writer's outage (docs/cart-engine.md, "How doubt is resolved"): failures that may pass, counted
// across lines, and the one probe at a time that goes out with jittered backoff until the server
// answers. Kept apart from the writer so its timing is unit-tested with fake timers.

export interface OutageOptions {
  /** The first probe's delay ceiling; it doubles with every failure in a row… */
  retryMs: number;
  /** …up to this. */
  retryCapMs: number;
  /** A probe is due: the writer may send one line. */
  onProbe: () => void;
  /** The jitter's source, a number in [0, 1) (tests inject their own). */
  random?: () => number;
}

/**
 * The delay before the probe after `failures` failures in a row: a random point in the upper half
 * of `min(retryCapMs, retryMs · 2^(failures − 1))`, so tabs and lines that failed together do not
 * come back together.
 */
export function probeDelay(failures: number, retryMs: number, retryCapMs: number, random: () => number): number {
  const ceiling = Math.min(retryCapMs, retryMs * 2 ** (failures - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * One outage of the shop's server as the writer sees it: while it lasts, lines wait and only one
 * probe goes out at a time; the first answer from the server ends it.
 */
export class Outage {
  #options: OutageOptions;
  /** Failures that may pass (offline, 5xx, 429) in a row, across lines; 0: no outage. */
  #failures = 0;
  /** The timer of the probe to come, if one is scheduled. */
  #probeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The probe's time has come and no line has used it yet. */
  #probeDue = false;

  constructor(options: OutageOptions) {
    this.#options = options;
  }

  /** Whether the server is taken to be out (a failure that may pass, and no answer since). */
  get active(): boolean {
    return this.#failures > 0;
  }

  /** Whether a line may be sent now: always outside an outage, and during one only as the due probe. */
  get open(): boolean {
    return this.#failures === 0 || this.#probeDue;
  }

  /** A line is being sent: it uses the due probe up, if there was one. */
  sending(): void {
    this.#probeDue = false;
  }

  /** A failure that may pass: the outage starts or goes on, and its next probe comes later. */
  failed(): void {
    this.#failures += 1;
    this.#scheduleProbe();
  }

  /** A line's send is over: during an outage there is always a probe to come (a send that needed no request used none up). */
  sent(): void {
    if (!this.#probeDue) this.#scheduleProbe();
  }

  /** The server answered: the outage, if any, is over. Returns whether there was one. */
  over(): boolean {
    if (this.#failures === 0) return false;
    this.#failures = 0;
    clearTimeout(this.#probeTimer);
    this.#probeTimer = undefined;
    return true;
  }

  /** Stops the probe to come (the writer is going away). */
  dispose(): void {
    clearTimeout(this.#probeTimer);
  }

  #scheduleProbe(): void {
    if (this.#probeTimer !== undefined || this.#failures === 0) return;
    const { retryMs, retryCapMs, random = Math.random } = this.#options;
    this.#probeTimer = setTimeout(
      () => {
        this.#probeTimer = undefined;
        this.#probeDue = true;
        this.#options.onProbe();
      },
      probeDelay(this.#failures, retryMs, retryCapMs, random),
    );
  }
}
