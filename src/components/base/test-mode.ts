// The test-mode notice (`storeMode: "test"`): orders placed here are not fulfilled. One render
// helper for the cart drawer and the checkout, so both say it the same way (its look: src/styles/panel.ts).
import { html } from 'lit';
import { msg } from '../../i18n/messages.js';

/** "Test mode: orders are not fulfilled" — a small notice; show it when the store's `storeMode` is `test`. */
export function renderTestModeBanner(locale: string) {
  return html`<p part="test-mode" class="test-mode" role="note">${msg(locale, 'store.test-mode')}</p>`;
}
