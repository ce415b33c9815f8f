// Render module of the cart's lines (the totals under them are components/base/totals.ts, shared
// with the checkout).
import { html, nothing } from 'lit';
import { formatMoney } from '../../model/money.js';
import { msg } from '../../i18n/messages.js';
import type { CartLine } from '../../store/index.js';

export interface LineHandlers {
  setQuantity(line: CartLine, quantity: number): void;
  remove(line: CartLine): void;
  dismiss(line: CartLine): void;
}

/** One cart line: image, name, variant, unit price, stepper with typed input, subtotal, remove. */
export function renderLine(line: CartLine, currency: string, locale: string, on: LineHandlers) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const name = line.variantName ? `${line.name} (${line.variantName})` : line.name;
  const id = `q-${line.variantId}`;
  const status =
    line.status === 'saving'
      ? msg(locale, 'line.saving')
      : line.status === 'queued'
        ? msg(locale, 'line.queued')
        : null;
  return html`<li part="line" class="line" data-status=${line.status}>
    ${
      line.imageUrl
        ? html`<img part="line-image" class="thumb" src=${line.imageUrl} alt="" width="64" height="64" loading="lazy" />`
        : html`<span part="line-image" class="thumb placeholder" aria-hidden="true"></span>`
    }
    <div class="info">
      <span class="name">${line.name}</span>
      ${line.variantName ? html`<span class="variant">${line.variantName}</span>` : nothing}
      <span class="unit price">${msg(locale, 'cart.each', { price: money(line.unitPrice) })}</span>
      ${status ? html`<span class="line-status">${status}</span>` : nothing}
    </div>
    <span class="subtotal price">${money(line.subtotal)}</span>
    <div part="quantity" class="qty">
      <button type="button" class="step" aria-label=${msg(locale, 'cart.decrease', { name })} ?disabled=${line.quantity <= 1}
        @click=${() => on.setQuantity(line, line.quantity - 1)}>−</button>
      <input id=${id} type="number" inputmode="numeric" min="0" max="9999" .value=${String(line.quantity)}
        aria-label=${msg(locale, 'cart.quantity', { name })}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const quantity = Number.parseInt(input.value, 10);
          if (Number.isFinite(quantity) && quantity >= 0) on.setQuantity(line, Math.min(quantity, 9999));
          else input.value = String(line.quantity);
        }} />
      <button type="button" class="step" aria-label=${msg(locale, 'cart.increase', { name })}
        @click=${() => on.setQuantity(line, line.quantity + 1)}>+</button>
    </div>
    <button type="button" part="remove" class="remove" aria-label=${msg(locale, 'cart.remove', { name })} @click=${() => on.remove(line)}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round">
        <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
      </svg>
    </button>
    ${
      line.message
        ? html`<p class="line-message" role="alert">
          <span>${line.message}</span>
          <button type="button" class="link" @click=${() => on.dismiss(line)}>${msg(locale, 'cart.dismiss')}</button>
        </p>`
        : nothing
    }
  </li>`;
}
