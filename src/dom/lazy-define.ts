/** Loads the module that defines a tag; the module registers the tag itself when it runs. */
export type TagLoader = () => Promise<unknown>;

const pending = new Map<string, { loader: TagLoader; sight: string }>();
let observer: MutationObserver | undefined;

/**
 * Defines heavy elements on first use: each loader runs once, when its tag first appears in the
 * document (now or later), so a page with only a product grid never downloads the checkout. With
 * `sight`, only elements matching that selector count as a use (`tote-cart[mode=inline]`: a drawer
 * waits for the shopper to reach for it); `whenUsed` loads a tag whatever is in the page. Tags
 * rendered inside shadow roots are not seen by the observer: components ask with `whenUsed` instead.
 */
export function lazyDefine(loaders: Record<string, TagLoader>, sight?: string): void {
  for (const [tag, loader] of Object.entries(loaders)) {
    if (!customElements.get(tag)) pending.set(tag, { loader, sight: sight ?? tag });
  }
  if (pending.size === 0) return;
  observer ??= new MutationObserver(scanDocument);
  observer.observe(document, { childList: true, subtree: true });
  scanDocument();
}

/** Loads a lazily defined tag now and resolves once it is defined. */
export function whenUsed(tag: string): Promise<CustomElementConstructor> {
  load(tag);
  return customElements.whenDefined(tag);
}

function scanDocument(): void {
  for (const [tag, { sight }] of pending) if (document.querySelector(sight)) load(tag);
  if (pending.size === 0) observer?.disconnect();
}

function load(tag: string): void {
  const entry = pending.get(tag);
  if (!entry) return;
  pending.delete(tag);
  entry.loader().catch((error: unknown) => {
    // A flaky network must not leave the tag dead for the whole visit: the next use retries.
    pending.set(tag, entry);
    console.error(`[tote] could not load <${tag}>`, error);
  });
}
