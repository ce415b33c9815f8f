// Render module of the review step: price and stock refusals, order notes, the store's terms (a
// checkbox, a notice, or nothing; as a link or as plain text in an expander), its privacy and
// refund links, the minimum order value, and the place-order button — or PayPal's buttons, which
// render into `#paypal-buttons` (mounted by the element once it is in the DOM).
import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutSettings } from '../../api/index.js';
import { formatMoney } from '../../model/money.js';
import { msg } from '../../i18n/messages.js';
import { fieldError, values, type StepContext } from './checkout-steps.js';

/** A link that opens in a new tab, and says so: an arrow to the eye, words to a screen reader. */
const external = (locale: string, href: string, text: string) =>
  html`<a href=${href} target="_blank" rel="noopener noreferrer"
    >${text}<span aria-hidden="true"> ↗</span><span class="visually-hidden"> ${msg(locale, 'link.new-tab')}</span></a
  >`;

/** The terms as plain text in an expander (the `text` display). */
function termsText(locale: string, text: string): TemplateResult {
  return html`<details class="terms-text">
    <summary>${msg(locale, 'checkout.terms-read')}</summary>
    <div class="plain" dir="auto" tabindex="0" role="region" aria-label=${msg(locale, 'checkout.terms-title')}>${text}</div>
  </details>`;
}

/** A link to the terms, or their text in an expander, whichever the store chose. */
function termsSource(locale: string, c: CheckoutSettings): TemplateResult | typeof nothing {
  if (c.termsDisplay === 'text') return c.termsText ? termsText(locale, c.termsText) : nothing;
  return c.termsUrl ? external(locale, c.termsUrl, msg(locale, 'checkout.terms-link')) : nothing;
}

function renderTerms(ctx: StepContext, c: CheckoutSettings): TemplateResult | typeof nothing {
  const { state, locale, flow } = ctx;
  if (c.termsMode === 'hidden') return nothing;
  if (c.termsMode === 'notice') {
    return html`<div class="terms"><p class="field-note">${c.termsNoticeText || msg(locale, 'checkout.terms-notice')}</p>${termsSource(locale, c)}</div>`;
  }
  const error = state.errors.terms;
  return html`<div class="terms">
    <label class="check">
      <input id="f-terms" type="checkbox" name="terms" .checked=${state.agreed} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'f-terms-error' : nothing} @change=${(e: Event) => flow.setAgreed((e.target as HTMLInputElement).checked)} />
      <span>${msg(locale, 'checkout.agree')}</span>
    </label>
    ${termsSource(locale, c)}
    ${fieldError(ctx, 'f-terms', error)}
  </div>`;
}

function renderPolicies(locale: string, c: CheckoutSettings): TemplateResult | typeof nothing {
  if (!c.privacyPolicyUrl && !c.refundPolicyUrl) return nothing;
  return html`<p class="policies">
    ${c.privacyPolicyUrl ? external(locale, c.privacyPolicyUrl, msg(locale, 'checkout.privacy')) : nothing}
    ${c.privacyPolicyUrl && c.refundPolicyUrl ? html`<span aria-hidden="true">·</span>` : nothing}
    ${c.refundPolicyUrl ? external(locale, c.refundPolicyUrl, msg(locale, 'checkout.refund')) : nothing}
  </p>`;
}

export function renderReview(ctx: StepContext): TemplateResult {
  const { state, locale, currency, flow } = ctx;
  const settings = state.settings?.checkout;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const rejection = state.rejection;
  const total = state.cart?.totals.amountDue ?? state.cart?.totals.total ?? 0;
  const short = flow.belowMinimum;
  const paypal = flow.paysWithPayPal && rejection?.rejection !== 'price_changed';
  const submit = (e: SubmitEvent) => {
    const form = values(e);
    void flow.placeOrder({ agreed: form.terms === 'on', notes: form.notes ?? state.notes });
  };
  return html`<form novalidate @submit=${submit}>
    ${
      rejection?.priceChanges.length
        ? html`<ul class="changes" aria-label=${msg(locale, 'rejection.price_changed')}>
          ${rejection.priceChanges.map(
            (c) =>
              html`<li>${msg(locale, 'checkout.price-line', { name: c.name, before: money(c.previousUnitPrice), after: money(c.currentUnitPrice) })}</li>`,
          )}
        </ul>`
        : nothing
    }
    ${
      rejection?.stockIssues.length
        ? html`<ul class="changes">
            ${rejection.stockIssues.map((s) => html`<li>${msg(locale, 'checkout.stock-line', { ...s })}</li>`)}
          </ul>
          <button type="button" class="button secondary" @click=${() => void flow.adjustToStock()}>${msg(locale, 'checkout.adjust-stock')}</button>`
        : nothing
    }
    ${
      settings?.showNotesField
        ? html`<div class="field">
          <label for="f-notes">${msg(locale, 'checkout.notes')} <span class="optional">${msg(locale, 'field.optional')}</span></label>
          <textarea id="f-notes" name="notes" rows="2" maxlength="1000" .value=${state.notes}
            @input=${(e: Event) => flow.setNotes((e.target as HTMLTextAreaElement).value)}></textarea>
        </div>`
        : nothing
    }
    ${settings ? renderTerms(ctx, settings) : nothing}
    ${settings ? renderPolicies(locale, settings) : nothing}
    ${short > 0 ? html`<p class="notice error minimum" id="f-minimum">${msg(locale, 'checkout.minimum', { amount: money(short) })}</p>` : nothing}
    ${
      rejection?.rejection === 'price_changed'
        ? html`<button type="button" class="button place" ?disabled=${state.busy} @click=${() => void flow.acceptPriceChanges()}>
          ${msg(locale, 'checkout.accept-prices')}
        </button>`
        : paypal
          ? html`<div class="paypal" aria-busy=${state.busy ? 'true' : 'false'}>
            <p class="field-note">${msg(locale, 'checkout.paypal-hint', { amount: money(total) })}</p>
            <div id="paypal-buttons" part="paypal" class=${short > 0 ? 'blocked' : ''}></div>
          </div>`
          : html`<button part="place-order" class="button place" ?disabled=${state.busy || short > 0} aria-busy=${state.busy ? 'true' : 'false'}
            aria-describedby=${short > 0 ? 'f-minimum' : nothing}>
            ${msg(locale, state.order ? 'checkout.pay-again' : 'checkout.place', { amount: money(total) })}
          </button>`
    }
  </form>`;
}
