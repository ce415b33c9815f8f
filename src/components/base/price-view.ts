import { html, nothing } from 'lit';
import { formatMoney } from '../../model/money.js';
import { msg } from '../../i18n/messages.js';

/**
 * A price as the shopper reads it: "$28.00", "from $28.00", or a sale price followed by the
 * regular price struck through. `<s>` is not announced by screen readers, so the regular price is
 * also said in words ("was $42.00").
 */
export function priceView(locale: string, currency: string, price: number, compareAt: number | null, from = false) {
  const now = formatMoney(price, currency, locale);
  const shown = from ? msg(locale, 'price.from', { price: now }) : now;
  if (compareAt === null || compareAt <= price) return html`<span class="price" part="price">${shown}</span>`;
  const was = formatMoney(compareAt, currency, locale);
  return html`<span class="price" part="price"
    ><span class="sale">${shown}</span><s aria-hidden="true">${was}</s
    ><span class="visually-hidden">${msg(locale, 'price.was', { price: was })}</span></span
  >${nothing}`;
}
