// How long the cart's "Removed … Undo" toast stays (WCAG 2.2.1, timing adjustable): its time runs
// only while nothing holds it. Focus in the toast (the Undo button has it right after a removal)
// or a pointer on it holds it, so it never vanishes under a keyboard, screen-reader or mouse user;
// once released, its time starts again from the beginning.

/** Why the toast is held. */
export type UndoHold = 'focus' | 'pointer';

export class UndoTimer {
  #expire: () => void;
  #ms: number;
  #holds = new Set<UndoHold>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Calls `expire` after `ms` of not being held. */
  constructor(expire: () => void, ms: number) {
    this.#expire = expire;
    this.#ms = ms;
    this.#run();
  }

  hold(why: UndoHold, held: boolean): void {
    if (held) this.#holds.add(why);
    else this.#holds.delete(why);
    this.#run();
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  #run(): void {
    clearTimeout(this.#timer);
    if (this.#holds.size === 0) this.#timer = setTimeout(this.#expire, this.#ms);
  }
}
