// Render module of the receipt: what was bought, what it cost, where it goes, how to pay.
import { html, nothing } from 'lit';
import type { OrderReceipt, PaymentMethod } from '../../api/index.js';
import { formatMoney } from '../../internal/format.js';
import { msg } from '../../internal/messages.js';
import { renderTotals } from '../cart/cart-parts.js';
import { addressLines } from './address.js';

export function renderReceipt(receipt: OrderReceipt, methods: PaymentMethod[], confirmation: string | null, locale: string, onContinue: () => void) {
  const currency = receipt.currencyCode;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const paid = receipt.paymentStatus === 'paid';
  const method = methods.find((m) => m.name === receipt.paymentMethodName);
  const manual = method?.select.kind === 'manual';
  const discounts = (receipt as OrderReceipt & { discounts?: [] }).discounts ?? [];
  const address = addressLines(receipt.shippingAddress, locale);
  return html`<section part="receipt" class="receipt" aria-labelledby="receipt-title">
    <div class="receipt-head">
      <svg class="tick" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"><path d="m5 12 5 5 9-10" /></svg>
      <h3 id="receipt-title" tabindex="-1">${msg(locale, 'receipt.title', { number: receipt.orderNumber })}</h3>
    </div>
    ${receipt.email ? html`<p>${msg(locale, 'receipt.email', { email: receipt.email })}</p>` : nothing}
    ${confirmation ? html`<p class="field-note">${confirmation}</p>` : nothing}
    <dl class="facts">
      <div>
        <dt>${msg(locale, 'receipt.payment')}</dt>
        <dd>${receipt.paymentMethodName ?? ''} · <span class=${paid ? 'paid' : 'awaiting'}>${msg(locale, paid ? 'receipt.paid' : 'receipt.awaiting')}</span></dd>
      </div>
      ${address.length ? html`<div><dt>${msg(locale, 'receipt.ship-to')}</dt><dd>${address.join(', ')}${receipt.shippingMethodName ? html`<br />${receipt.shippingMethodName}` : nothing}</dd></div>` : nothing}
    </dl>
    ${manual && !paid
      ? html`<div class="instructions" part="instructions">
          <h4>${msg(locale, 'receipt.instructions')}</h4>
          <p>${method?.description ?? ''}</p>
          <p><strong>${money(receipt.totals.amountDue)}</strong> · ${receipt.orderNumber}</p>
        </div>`
      : nothing}
    <h4>${msg(locale, 'receipt.items')}</h4>
    <ul class="summary-lines">
      ${receipt.items.map(
        (item) => html`<li>
          <span>${item.name}${item.variantName ? html` <small>${item.variantName}</small>` : nothing} × ${item.quantity}</span>
          <span class="price">${money(item.subtotal)}</span>
        </li>`,
      )}
    </ul>
    ${renderTotals(receipt.totals, discounts, currency, locale, { shippingKnown: true })}
    <button type="button" class="button secondary" @click=${onContinue}>${msg(locale, 'cart.continue')}</button>
  </section>`;
}
