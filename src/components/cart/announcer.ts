import { html, type ReactiveControllerHost } from 'lit';

/**
 * What the cart says aloud ("Added Mug, 2 items in cart"), in one of its two live regions: the
 * one inside the dialog while it is open (everything outside a modal is inert), the one beside it
 * while it is closed. Each message is said once, where it was said: opening or closing the drawer
 * hushes it instead of moving it to the other region, where it would be heard again.
 */
export class CartAnnouncer {
  #text = '';
  #inside = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Says `text` in the region inside the dialog (`inside`) or beside it. */
  say(text: string, inside: boolean): void {
    // Cleared first, so the same words twice in a row are said twice.
    this.#set('', inside);
    requestAnimationFrame(() => this.#set(text, inside));
  }

  /** Forgets what was said; for a render already on its way (the drawer opened or closed). */
  hush(inside: boolean): void {
    this.#text = '';
    this.#inside = inside;
  }

  /** The live region inside the dialog, or beside it. */
  region(inside: boolean) {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.#inside === inside ? this.#text : ''}</div>`;
  }

  #set(text: string, inside: boolean): void {
    this.#text = text;
    this.#inside = inside;
    this.host.requestUpdate();
  }
}
