// The merchant's drop-in script (built to dist/tote.js): registers the light tags at once and the
// heavy ones (product detail, cart drawer, checkout) on first use — see define.ts — reads the shop
// from its own script tag's data attributes, and offers `window.Tote` to the page.
import './define.js';
import { configureFromScript } from './embed/script-config.js';
import { createWindowApi } from './embed/window-api.js';
import { VERSION } from './version.js';

// The types of `tote-storefront/tote.js`: `window.Tote` (declared on Window by window-api.ts).
export type { ToteGlobal, AddRequest } from './embed/window-api.js';

/** Offers `window.Tote` to the page and configures the shop from the script tag. */
function offerToPage(): void {
  // A page may set `window.Tote = { messages: {…} }` before the script runs: that is its words, not a copy.
  const early = window.Tote && !window.Tote.version ? window.Tote : undefined;
  if (window.Tote && !early) {
    // A second copy (another version, or the same file under another URL): the first one keeps the
    // page; tags are defined once whatever happens (define.ts skips taken tags).
    console.warn(
      `[tote] Tote ${VERSION} was loaded again; the copy already on the page (${window.Tote.version}) stays in charge.`,
    );
    return;
  }
  window.Tote = createWindowApi();
  if (early?.messages) window.Tote.messages = early.messages;
  configureFromScript(import.meta.url);
}

// Without a DOM (imported on a server) there is no page to offer it to.
if (typeof window !== 'undefined') offerToPage();
