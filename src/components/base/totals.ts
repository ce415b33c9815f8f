// The totals block: the cart's footer, the checkout's order summary and the receipt, so a price
// reads the same everywhere.
import { html, nothing } from 'lit';
import type { Discount, GiftCard, TaxLine, Totals } from '../../api/index.js';
import { formatMoney } from '../../model/money.js';
import { msg } from '../../i18n/messages.js';

export interface TotalsOptions {
  /** Show the shipping row as "Calculated at checkout" when no rate is chosen yet. */
  shippingKnown: boolean;
  /** A button per code discount to remove it (the cart's discount form). */
  onRemoveCode?: (discount: Discount) => void;
  /** The cart's `taxBreakdown` (the receipt's `taxes`): one line names the tax row ("VAT 20 %"). */
  taxLines?: TaxLine[];
  /** The tax is inside the prices: "Includes … VAT" under the total, no row added to it. */
  taxInclusive?: boolean;
  /** An applied gift card: a row below the total, then "Amount due". */
  giftCard?: GiftCard | null;
  /** A button on the gift-card row to take the card off (the cart). */
  onRemoveGiftCard?: () => void;
}

/** "VAT 20 %" for a single tax line, "Tax" for several or none (the store had no rate there). */
export function taxLabel(lines: TaxLine[] | undefined, locale: string): string {
  const only = lines?.length === 1 ? lines[0]! : undefined;
  if (!only) return msg(locale, 'cart.tax');
  const rate = new Intl.NumberFormat(locale || 'en', { style: 'percent', maximumFractionDigits: 3 }).format(
    only.rateMilliPercent / 100_000,
  );
  return `${only.name} ${rate}`;
}

/**
 * Subtotal, each discount, shipping, tax and total — all the server's numbers — then, when a gift
 * card pays part of it, the card and the amount left to pay.
 */
export function renderTotals(
  totals: Totals,
  discounts: Discount[],
  currency: string,
  locale: string,
  options: TotalsOptions,
) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const tax = taxLabel(options.taxLines, locale);
  const card = options.giftCard;
  return html`<dl part="totals" class="totals">
    <div><dt>${msg(locale, 'cart.subtotal')}</dt><dd class="price">${money(totals.subtotal)}</dd></div>
    ${discounts.map(
      (d) => html`<div class="discount">
        <dt>
          <bdi>${d.name}</bdi>${d.code ? html` <span class="code">${d.code}</span>` : nothing}
          ${d.automatic ? html`<small>${msg(locale, 'cart.automatic')}</small>` : nothing}
          ${
            d.code && options.onRemoveCode
              ? html`<button type="button" class="link" aria-label=${msg(locale, 'discount.remove', { code: d.code })}
                @click=${() => options.onRemoveCode!(d)}>×</button>`
              : nothing
          }
        </dt>
        <dd class="price">−${money(d.amount)}</dd>
      </div>`,
    )}
    <div>
      <dt>${msg(locale, 'cart.shipping')}</dt>
      <dd class="price">${options.shippingKnown ? (totals.shippingTotal === 0 ? msg(locale, 'checkout.free') : money(totals.shippingTotal)) : msg(locale, 'cart.shipping-later')}</dd>
    </div>
    ${
      !options.taxInclusive && (totals.taxTotal > 0 || options.taxLines?.length === 1)
        ? html`<div part="tax" class="tax"><dt>${tax}</dt><dd class="price">${money(totals.taxTotal)}</dd></div>`
        : nothing
    }
    <div part="total" class="total"><dt>${msg(locale, 'cart.total')}</dt><dd class="price">${money(totals.total)}</dd></div>
    ${
      options.taxInclusive && totals.taxTotal > 0
        ? html`<div part="tax" class="tax included"><dt>${msg(locale, 'cart.tax-included', { amount: money(totals.taxTotal), name: tax })}</dt></div>`
        : nothing
    }
    ${
      card
        ? html`<div part="gift-card" class="gift-card">
            <dt>
              ${msg(locale, 'giftcard.row')} <span class="code" dir="ltr">•••• ${card.last4}</span>
              ${
                options.onRemoveGiftCard
                  ? html`<button type="button" class="link" aria-label=${msg(locale, 'giftcard.remove', { last4: card.last4 })}
                    @click=${options.onRemoveGiftCard}>×</button>`
                  : nothing
              }
            </dt>
            <dd class="price">−${money(totals.giftCardTotal || card.amount)}</dd>
          </div>
          <div part="amount-due" class="total amount-due"><dt>${msg(locale, 'cart.amount-due')}</dt><dd class="price">${money(totals.amountDue)}</dd></div>`
        : nothing
    }
  </dl>`;
}
