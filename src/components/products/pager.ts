import { html } from 'lit';
import { msg } from '../../i18n/messages.js';

/**
 * The grid's paging row: "Previous", "Page 2 of 5", "Next". Kept as an empty row of the same height
 * when there is one page (or none yet), so the grid's height is known before its data.
 */
export function pagerView(locale: string, page: number, pages: number, goTo?: (page: number) => void) {
  if (pages <= 1 || !goTo) return html`<div class="pager"></div>`;
  const where = msg(locale, 'products.page', { page, pages });
  return html`<nav part="pager" class="pager" aria-label=${where}>
    <button type="button" class="button secondary" ?disabled=${page <= 1} @click=${() => goTo(page - 1)}>${msg(locale, 'products.prev')}</button>
    <span aria-current="page">${where}</span>
    <button type="button" class="button secondary" ?disabled=${page >= pages} @click=${() => goTo(page + 1)}>${msg(locale, 'products.next')}</button>
  </nav>`;
}
