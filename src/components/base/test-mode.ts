// The test-mode notice (`storeMode: "test"`): orders placed here are not fulfilled. One render
// helper for the cart drawer and the checkout, so both say it the same way.
import { css, html } from 'lit';
import { msg } from '../../i18n/messages.js';

/** "Test mode: orders are not fulfilled" — a small notice; show it when the store's `storeMode` is `test`. */
export function renderTestModeBanner(locale: string) {
  return html`<p part="test-mode" class="test-mode" role="note">${msg(locale, 'store.test-mode')}</p>`;
}

/** Its look (already part of the cart's and the checkout's shared panel styles). */
export const testModeStyles = css`
  .test-mode {
    margin: 0;
    padding: 0.375rem 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_muted-surface);
    font-size: 0.8125rem;
    font-weight: 600;
    text-align: center;
  }
`;
