// The cart's two code forms: a discount code and a gift card. They share one shape (label, field,
// Apply, a note or an error under it); what the codes do is the store's (`applyDiscountCode`,
// `applyGiftCard`). A gift-card code is a bearer secret: it lives only in its input until the
// server accepts it, and is then cleared — never in a property, an event or a log.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { CheckoutSettings, CodeError } from '../../api/index.js';
import { fire } from '../../events/fire.js';
import { msg } from '../../i18n/messages.js';
import type { ToteShop } from '../../store/index.js';

export interface CodeFormState {
  busy: boolean;
  /** Under the field: what happened (applied), or why not (`error`). */
  note: string;
  error: boolean;
}

export const idleCodeForm: CodeFormState = { busy: false, note: '', error: false };

// The refusals the contract names, by code form (each the prefix of its words' keys); any other
// reason shows the server's own message.
const REASONS = {
  discount: ['not_found', 'expired', 'minimum_not_met'],
  giftcard: ['not_found', 'inactive', 'expired', 'depleted', 'currency_mismatch', 'nothing_due', 'too_many_attempts'],
};

/** Why a discount code or a gift card was refused, in the shopper's language when the reason is a known one. */
export function codeErrorText(locale: string, kind: keyof typeof REASONS, error: CodeError): string {
  return REASONS[kind].includes(error.reason) ? msg(locale, `${kind}.error.${error.reason}`) : error.message;
}

/**
 * One code form. `kind` names its words and ids (`code` for the discount, `gift-code` for the gift
 * card); `onApply` gets the input, so the caller reads and clears the typed code there.
 */
export function renderCodeForm(
  locale: string,
  kind: 'discount' | 'giftcard',
  state: CodeFormState,
  onApply: (input: HTMLInputElement) => void,
) {
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

const busy: CodeFormState = { busy: true, note: '', error: false };

/**
 * The two forms of a cart: what each shows, and sending its code through the store. A code that
 * could not be sent (offline, refused request) is told to the page as `tote-error` (never the code).
 */
export class CodeForms {
  discount = idleCodeForm;
  giftCard = idleCodeForm;
  #host: ReactiveControllerHost & HTMLElement;
  #shop: () => ToteShop | undefined;
  #locale: () => string;

  constructor(host: ReactiveControllerHost & HTMLElement, shop: () => ToteShop | undefined, locale: () => string) {
    this.#host = host;
    this.#shop = shop;
    this.#locale = locale;
  }

  /** The discount and gift-card forms, as the store's checkout settings allow; `refused`: the cart's stored code that does not apply. */
  render(checkout: CheckoutSettings | undefined, refused: CodeError | null | undefined) {
    if (!checkout) return nothing;
    const locale = this.#locale();
    // A stored code that does not apply (yet) is echoed on every cart with its reason.
    const discount =
      refused && !this.discount.busy
        ? { busy: false, note: codeErrorText(locale, 'discount', refused), error: true }
        : this.discount;
    return html`<div class="codes">
      ${
        checkout.showCouponField
          ? renderCodeForm(locale, 'discount', discount, (input) => {
              const code = input.value.trim();
              if (code) void this.sendDiscount(code, input);
            })
          : nothing
      }
      ${checkout.showGiftCardField !== false ? renderCodeForm(locale, 'giftcard', this.giftCard, (input) => void this.sendGiftCard(input)) : nothing}
    </div>`;
  }

  /** Sends (or with `null` removes) the discount code through the store; the field shows the outcome. */
  async sendDiscount(code: string | null, input?: HTMLInputElement): Promise<void> {
    const shop = this.#shop();
    if (!shop || this.discount.busy) return;
    this.#set('discount', busy);
    try {
      const cart = await (code ? shop.cart.applyDiscountCode(code) : shop.cart.removeDiscountCode());
      const refused = code !== null && !!cart.discountError;
      this.#set('discount', {
        busy: false,
        note: refused
          ? codeErrorText(this.#locale(), 'discount', cart.discountError!)
          : code
            ? msg(this.#locale(), 'discount.applied', { code: code.toUpperCase() })
            : '',
        error: refused,
      });
      if (input && !refused) input.value = '';
    } catch (error) {
      this.#set('discount', this.#failed(error));
    }
  }

  /**
   * Redeems (or with `null` takes off) a gift card. The typed code stays in its input until the
   * server accepts it; then the input is cleared. A refusal is shown in the shopper's words.
   */
  async sendGiftCard(input: HTMLInputElement | null): Promise<void> {
    const shop = this.#shop();
    const code = input?.value.trim();
    if (!shop || this.giftCard.busy || code === '') return;
    this.#set('giftCard', busy);
    try {
      const cart = await (input ? shop.cart.applyGiftCard(code!) : shop.cart.removeGiftCard());
      const refusal = input ? cart.giftCardError : null;
      if (refusal)
        this.#set('giftCard', { busy: false, note: codeErrorText(this.#locale(), 'giftcard', refusal), error: true });
      else {
        if (input) input.value = '';
        this.#set('giftCard', {
          busy: false,
          note: cart.giftCard ? msg(this.#locale(), 'giftcard.applied', { last4: cart.giftCard.last4 }) : '',
          error: false,
        });
      }
    } catch (error) {
      this.#set('giftCard', this.#failed(error));
    }
  }

  #set(form: 'discount' | 'giftCard', state: CodeFormState): void {
    this[form] = state;
    this.#host.requestUpdate();
  }

  #failed(error: unknown): CodeFormState {
    const message = error instanceof Error ? error.message : String(error);
    fire(this.#host, 'tote-error', {
      code: (error as { code?: string }).code ?? 'NETWORK',
      message,
      source: 'tote-cart',
    });
    return { busy: false, note: message, error: true };
  }
}
