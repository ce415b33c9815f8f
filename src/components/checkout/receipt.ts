// Render module of the receipt: what was bought, what it cost, where it goes, how to pay. The
// receipt is flat on the wire (no `totals`, addresses by `kind`); when it could not be read at all,
// the screen still confirms the order from what checkout and the status said.
import { html, nothing } from 'lit';
import { PAID_STATUSES, type Discount, type OrderReceipt, type Totals } from '../../api/index.js';
import { formatMoney } from '../../model/money.js';
import { msg } from '../../i18n/messages.js';
import { renderTotals } from '../base/totals.js';
import { addressLines } from '../../model/address.js';
import type { PlacedOrder } from '../../store/checkout/flow-types.js';

export interface ReceiptView {
  receipt: OrderReceipt | null;
  placed: PlacedOrder;
  /** The store's `confirmationMessage` (plain text). */
  confirmation: string | null;
  /** The store's page the receipt leads to shortly (checked). */
  redirectTo: string | null;
  locale: string;
  onContinue(): void;
}

/** The cart-shaped totals of a flat receipt, for the shared totals block. */
export function receiptTotals(r: OrderReceipt): Totals {
  return {
    subtotal: r.subtotal,
    discountTotal: r.discountTotal,
    taxTotal: r.taxTotal,
    shippingTotal: r.shippingTotal,
    total: r.total,
    giftCardTotal: r.giftCardTotal,
    amountDue: r.amountDue,
  };
}

/** The receipt's one discount row (it carries a total and a code, not the cart's list). */
export function receiptDiscounts(r: OrderReceipt, locale: string): Discount[] {
  if (!(r.discountTotal > 0)) return [];
  return [
    {
      id: 'receipt-discount',
      code: r.discountCode,
      name: msg(locale, 'receipt.discount'),
      amount: r.discountTotal,
      automatic: false,
    },
  ];
}

const addressOf = (r: OrderReceipt, kind: 'shipping' | 'billing') => r.addresses.find((a) => a.kind === kind) ?? null;

export function renderReceipt(v: ReceiptView) {
  const { receipt: r, placed, locale } = v;
  const currency = r?.currencyCode ?? placed.currencyCode ?? 'USD';
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const status = r?.paymentStatus ?? placed.paymentStatus;
  const paid = PAID_STATUSES.includes(status);
  const email = r?.email ?? placed.email;
  const shipping = r ? addressLines(addressOf(r, 'shipping'), locale) : [];
  const billing = r ? addressLines(addressOf(r, 'billing'), locale) : [];
  return html`<section part="receipt" class="receipt" aria-labelledby="receipt-title">
    <div class="receipt-head">
      <svg class="tick" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"><path d="m5 12 5 5 9-10" /></svg>
      <h3 id="receipt-title" tabindex="-1">${msg(locale, 'receipt.title', { number: r?.orderNumber || placed.orderNumber })}</h3>
    </div>
    ${email ? html`<p>${msg(locale, 'receipt.email', { email })}</p>` : nothing}
    ${v.confirmation ? html`<p class="plain confirmation" dir="auto">${v.confirmation}</p>` : nothing}
    ${
      v.redirectTo
        ? html`<p class="redirect" role="status">${msg(locale, 'receipt.redirecting')} <a href=${v.redirectTo}>${msg(locale, 'receipt.redirect-now')}</a></p>`
        : nothing
    }
    <dl class="facts">
      <div>
        <dt>${msg(locale, 'receipt.payment')}</dt>
        <dd>${r?.paymentMethodName ? `${r.paymentMethodName} · ` : ''}<span class=${paid ? 'paid' : 'awaiting'}>${msg(locale, paid ? 'receipt.paid' : 'receipt.awaiting')}</span></dd>
      </div>
      ${
        shipping.length
          ? html`<div><dt>${msg(locale, 'receipt.ship-to')}</dt><dd><bdi>${shipping.join(', ')}</bdi>${r?.shippingMethodName ? html`<br /><bdi>${r.shippingMethodName}</bdi>` : nothing}</dd></div>`
          : nothing
      }
      ${billing.length ? html`<div><dt>${msg(locale, 'receipt.bill-to')}</dt><dd><bdi>${billing.join(', ')}</bdi></dd></div>` : nothing}
    </dl>
    ${r ? renderBreakdown(r, locale, money) : placed.total !== null ? html`<dl class="totals"><div class="total"><dt>${msg(locale, 'cart.total')}</dt><dd class="price">${money(placed.total)}</dd></div></dl>` : nothing}
    <button type="button" class="button secondary" @click=${v.onContinue}>${msg(locale, 'cart.continue')}</button>
  </section>`;
}

/** Items, the shared totals, then what was paid by gift card and what is still due (and how to pay it). */
function renderBreakdown(r: OrderReceipt, locale: string, money: (minor: number) => string) {
  const due = r.amountDue > 0;
  return html`<h4>${msg(locale, 'receipt.items')}</h4>
    <ul class="summary-lines">
      ${r.items.map(
        (item) => html`<li>
          <span><bdi>${item.name}</bdi>${item.variantName ? html` <small><bdi>${item.variantName}</bdi></small>` : nothing} × ${item.quantity}</span>
          <span class="price">${money(item.subtotal)}</span>
        </li>`,
      )}
    </ul>
    ${renderTotals(receiptTotals(r), receiptDiscounts(r, locale), r.currencyCode, locale, { shippingKnown: true, taxLines: r.taxes, taxInclusive: r.taxInclusive })}
    <dl class="totals settled">
      ${r.giftCardTotal > 0 ? html`<div class="gift-card"><dt>${msg(locale, 'receipt.gift-card')}</dt><dd class="price">−${money(r.giftCardTotal)}</dd></div>` : nothing}
      <div part="amount-due" class="total">
        <dt>${msg(locale, due ? 'cart.amount-due' : 'receipt.total-paid')}</dt>
        <dd class="price">${money(due ? r.amountDue : r.total)}</dd>
      </div>
    </dl>
    ${
      due && r.paymentInstructions
        ? html`<div class="instructions" part="instructions">
          <h4 dir="auto">${r.paymentMethodName || msg(locale, 'receipt.instructions')}</h4>
          <p class="plain" dir="auto">${r.paymentInstructions}</p>
          <p><strong><bdi>${money(r.amountDue)}</bdi></strong> · <bdi>${r.orderNumber}</bdi></p>
        </div>`
        : nothing
    }`;
}
