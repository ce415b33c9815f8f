// Loading data for an element: what the catalogue elements used of @lit/task, and nothing more
// (its 1.7 KB of minified code sat in the first-paint script for this part of it). Same shape:
// `new Task(host, { task, args })`, `value`, `run()`, `render({ initial, pending, complete, error })`.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Status = 'initial' | 'pending' | 'complete' | 'error';

export interface TaskConfig<A extends readonly unknown[], R> {
  /** Produces the value; `signal` aborts when a newer run replaces this one. */
  task: (args: A, options: { signal: AbortSignal }) => Promise<R>;
  /** Read before every update of the host: the task runs again when one of them changes. */
  args: () => A;
}

export interface TaskRenderers<R, T> {
  initial?: () => T;
  pending?: () => T;
  complete?: (value: R) => T;
  error?: (error: unknown) => T;
}

export class Task<A extends readonly unknown[], R> implements ReactiveController {
  #host: ReactiveControllerHost;
  #config: TaskConfig<A, R>;
  #args: A | undefined;
  #status: Status = 'initial';
  #abort: AbortController | undefined;
  #runs = 0;
  /** The last value a run produced (kept while the next one is pending). */
  value: R | undefined;
  /** Why the last run failed. */
  error: unknown;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R>) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#config.args();
    const before = this.#args;
    if (!before || args.length !== before.length || args.some((arg, i) => !Object.is(arg, before[i])))
      void this.run(args);
  }

  /** Runs the task now (again), aborting a run still on its way; later results win, stale ones are dropped. */
  async run(args: A = this.#config.args()): Promise<void> {
    this.#args = args;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const run = ++this.#runs;
    this.#status = 'pending';
    this.#host.requestUpdate();
    try {
      const value = await this.#config.task(args, { signal: abort.signal });
      if (run !== this.#runs) return;
      this.value = value;
      this.#status = 'complete';
    } catch (error) {
      if (run !== this.#runs) return;
      this.error = error;
      this.#status = 'error';
    }
    this.#host.requestUpdate();
  }

  render<T>(renderers: TaskRenderers<R, T>): T | undefined {
    // `initial` and `pending` take nothing: the value they are handed is ignored.
    const renderer = renderers[this.#status] as ((value: unknown) => T) | undefined;
    return renderer?.(this.#status === 'error' ? this.error : this.value);
  }
}
