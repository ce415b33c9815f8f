// The drawer's scroll lock: the page behind a modal drawer does not scroll, and gets back the
// overflow it had (a page's own value, not an assumed default) when the drawer closes.
export class ScrollLock {
  #saved: string | null = null;

  lock(): void {
    if (this.#saved !== null) return;
    const root = document.documentElement;
    this.#saved = root.style.overflow;
    root.style.overflow = 'hidden';
  }

  unlock(): void {
    if (this.#saved === null) return;
    document.documentElement.style.overflow = this.#saved;
    this.#saved = null;
  }
}
