// Render module of the cart's lines (the totals under them are components/base/totals.ts, shared
// with the checkout).
import { html, nothing } from 'lit';
import { formatMoney } from '../../model/money.js';
import { msg } from '../../i18n/messages.js';
import { saidView } from '../base/problem-text.js';
import type { CartLine, CartState } from '../../store/index.js';
import type { CartSummaryDetail } from '../../events/cart-change.js';
import type { UndoHold, UndoTimer } from './undo-timer.js';

export interface LineHandlers {
  setQuantity(line: CartLine, quantity: number): void;
  remove(line: CartLine): void;
  dismiss(line: CartLine): void;
  /** The line's name was chosen: show its product (`opener` gets focus back). */
  open(line: CartLine, opener: HTMLElement): void;
}

/** The id of a line's product link: focus returns there from the product view. */
export const lineLinkId = (line: Pick<CartLine, 'variantId'>) => `link-${line.variantId}`;

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
      ${
        line.productId
          ? html`<button type="button" part="line-link" id=${lineLinkId(line)} class="name name-link"
              @click=${(e: Event) => on.open(line, e.currentTarget as HTMLElement)}><bdi>${line.name}</bdi></button>`
          : html`<span class="name"><bdi>${line.name}</bdi></span>`
      }
      ${line.variantName ? html`<span class="variant"><bdi>${line.variantName}</bdi></span>` : nothing}
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
          <span>${saidView(locale, line.message)}</span>
          <button type="button" class="link" @click=${() => on.dismiss(line)}>${msg(locale, 'cart.dismiss')}</button>
        </p>`
        : nothing
    }
  </li>`;
}

export interface HeaderOptions {
  view: 'cart' | 'checkout' | 'product';
  /** The title: the cart's, the checkout's, or the product's name. */
  title: string;
  drawer: boolean;
  back(): void;
  close(): void;
}

/** The panel's header: Back (from the checkout or a product), the title, and the drawer's close button. */
export function renderHeader(locale: string, o: HeaderOptions) {
  return html`<div part="header" class="header">
    ${
      o.view !== 'cart'
        ? html`<button type="button" class="icon-button back" aria-label=${msg(locale, 'checkout.back')} @click=${() => o.back()}>
          <span aria-hidden="true" class="flip">←</span>
        </button>`
        : nothing
    }
    <h2 id="title" class="title" tabindex="-1">${o.title}</h2>
    ${
      o.drawer
        ? html`<button type="button" class="icon-button close" aria-label=${msg(locale, 'cart.close')} @click=${() => o.close()}>
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M6 6l12 12M18 6 6 18" /></svg>
        </button>`
        : nothing
    }
  </div>`;
}

/**
 * The "Removed … Undo" toast; it is a status region, announced with its Undo button. Focus in it or
 * a pointer on it holds its `timer` (undo-timer.ts).
 */
export function renderToast(locale: string, line: CartLine, undo: () => void, timer: Pick<UndoTimer, 'hold'>) {
  const hold = (why: UndoHold, held: boolean) => timer.hold(why, held);
  const left = (event: FocusEvent) =>
    !(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null) && hold('focus', false);
  return html`<div
    part="toast"
    class="toast"
    role="status"
    @focusin=${() => hold('focus', true)}
    @focusout=${left}
    @pointerenter=${() => hold('pointer', true)}
    @pointerleave=${() => hold('pointer', false)}
  >
    <span>${msg(locale, 'cart.removed', { name: line.name })}</span>
    <button type="button" class="link" @click=${undo}>${msg(locale, 'cart.undo')}</button>
  </div>`;
}

/** Nothing is known of this cart: say so and offer to read it again (the wishes stay queued). */
export function renderCartError(locale: string, retry: () => void) {
  return html`<div part="body" class="body empty">
    <div part="error" role="alert">
      <p>${msg(locale, 'cart.error')}</p>
      <button type="button" class="button secondary" @click=${retry}>${msg(locale, 'error.retry')}</button>
    </div>
  </div>`;
}

/** The empty cart: its message (or the `empty` slot) and "Continue shopping" (a link, or closing the drawer). */
export function renderEmpty(
  locale: string,
  o: { notices: unknown; toast: unknown; continueUrl: string; close: (() => void) | undefined },
) {
  const label = msg(locale, 'cart.continue');
  return html`<div part="body" class="body empty">
    ${o.notices}
    <slot name="empty"><p>${msg(locale, 'cart.empty')}</p></slot>
    ${
      o.continueUrl
        ? html`<a class="button secondary" href=${o.continueUrl}>${label}</a>`
        : o.close
          ? html`<button type="button" class="button secondary" @click=${o.close}>${label}</button>`
          : nothing
    }
    ${o.toast}
  </div>`;
}

/** The detail of `tote-cart-change` and `tote-checkout-start`. */
export function summary(cart: CartState | undefined): CartSummaryDetail {
  return {
    itemCount: cart?.itemCount ?? 0,
    total: cart?.server?.totals.total ?? null,
    currencyCode: cart?.server?.currencyCode ?? null,
  };
}
