// The cart's two code forms: a discount code and a gift card. They share one shape (label, field,
// Apply, a note or an error under it); what the codes do is the store's (`applyDiscountCode`,
// `applyGiftCard`). A gift-card code is a bearer secret: it lives only in its input until the
// server accepts it, and is then cleared — never in a property, an event or a log.
import { html } from 'lit';
import type { CodeError } from '../../api/index.js';
import { msg } from '../../i18n/messages.js';

export interface CodeFormState {
  busy: boolean;
  /** Under the field: what happened (applied), or why not (`error`). */
  note: string;
  error: boolean;
}

export const idleCodeForm: CodeFormState = { busy: false, note: '', error: false };

// The refusals the contract names; any other reason shows the server's own message.
const GIFT_CARD_REASONS = ['not_found', 'inactive', 'expired', 'depleted', 'currency_mismatch', 'nothing_due', 'too_many_attempts'];

/** Why a gift card was refused, in the shopper's language when the reason is a known one. */
export function giftCardErrorText(locale: string, error: CodeError): string {
  return GIFT_CARD_REASONS.includes(error.reason) ? msg(locale, `giftcard.error.${error.reason}`) : error.message;
}

/**
 * One code form. `kind` names its words and ids (`code` for the discount, `gift-code` for the gift
 * card); `onApply` gets the input, so the caller reads and clears the typed code there.
 */
export function renderCodeForm(locale: string, kind: 'discount' | 'giftcard', state: CodeFormState, onApply: (input: HTMLInputElement) => void) {
  const id = kind === 'discount' ? 'code' : 'gift-code';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onApply((event.target as HTMLFormElement).elements.namedItem(id) as HTMLInputElement);
  };
  return html`<form class=${kind === 'discount' ? 'discount-form' : 'discount-form gift-card-form'} @submit=${submit} novalidate>
    <label for=${id}>${msg(locale, `${kind}.label`)}</label>
    <div class="row">
      <input id=${id} name=${id} autocomplete="off" autocapitalize="characters" spellcheck="false"
        aria-invalid=${state.error ? 'true' : 'false'} aria-describedby=${`${id}-note`} />
      <button class="button secondary" ?disabled=${state.busy}>${msg(locale, 'discount.apply')}</button>
    </div>
    <p id=${`${id}-note`} class=${state.error ? 'field-error' : 'field-note'} aria-live="polite">${state.note}</p>
  </form>`;
}
