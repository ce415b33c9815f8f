// Render modules of the checkout's steps. Each step is a real <form> (Enter submits it, the browser
// autofills it); errors sit next to their fields with aria-invalid and aria-describedby.
import { html, nothing, type TemplateResult } from 'lit';
import type { Address } from '../../api/index.js';
import { formatMoney } from '../../internal/format.js';
import { msg } from '../../internal/messages.js';
import { addressFields, addressLines, countries, guessCountry } from './address.js';
import type { CheckoutFlow, FlowState, Step } from './checkout-flow.js';

export interface StepContext {
  flow: CheckoutFlow;
  state: FlowState;
  locale: string;
  currency: string;
}

const fieldId = (key: string) => `f-${key.replace(/\W/g, '-')}`;

interface FieldSpec {
  /** The form control's name (what the step's submit reads). */
  name: string;
  label: string;
  value: string;
  required: boolean;
  autocomplete: string;
  type?: string;
  /** Where the flow files this field's error (`shippingAddress.city`); default: `name`. */
  key?: string;
}

/** A field's error under it, tied to the control with aria-describedby. */
function fieldError(ctx: StepContext, id: string, error: string | undefined) {
  return error ? html`<p class="field-error" id="${id}-error">${msg(ctx.locale, error)}</p>` : nothing;
}

/** A labelled input (optional ones say so) with its error under it. */
function field(ctx: StepContext, spec: FieldSpec): TemplateResult {
  const id = fieldId(spec.key ?? spec.name);
  const error = ctx.state.errors[spec.key ?? spec.name];
  const optional = spec.required ? nothing : html` <span class="optional">${msg(ctx.locale, 'field.optional')}</span>`;
  return html`<div class="field" data-field=${spec.name}>
    <label for=${id}>${spec.label}${optional}</label>
    <input id=${id} name=${spec.name} type=${spec.type ?? 'text'} .value=${spec.value} autocomplete=${spec.autocomplete}
      ?required=${spec.required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
    ${fieldError(ctx, id, error)}
  </div>`;
}

function continueButton(ctx: StepContext, label = msg(ctx.locale, 'step.continue')): TemplateResult {
  return html`<button class="button continue" ?disabled=${ctx.state.busy} aria-busy=${ctx.state.busy ? 'true' : 'false'}>${label}</button>`;
}

function values(event: SubmitEvent): Record<string, string> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  return Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
}

export function renderContact(ctx: StepContext): TemplateResult {
  const { state, locale } = ctx;
  const askName = !state.cart?.requiresShipping;
  return html`<form novalidate @submit=${(e: SubmitEvent) => void ctx.flow.submitContact(values(e) as { email: string; name?: string })}>
    ${field(ctx, { name: 'email', label: msg(locale, 'field.email'), value: state.email, required: true, type: 'email', autocomplete: 'email' })}
    ${askName ? field(ctx, { name: 'name', label: msg(locale, 'field.name'), value: state.name, required: false, autocomplete: 'name' }) : nothing}
    ${continueButton(ctx)}
  </form>`;
}

export function renderAddress(ctx: StepContext): TemplateResult {
  const { state, locale, flow } = ctx;
  const address = state.address;
  const country = address.countryCode || guessCountry(locale);
  const submit = (e: SubmitEvent) => void flow.submitAddress(values(e) as Partial<Address>);
  return html`<form novalidate @submit=${submit} class="address">
    ${addressFields(flow.rules).map(({ field: name, required, autocomplete }) => {
      const key = `shippingAddress.${name}`;
      const label = msg(locale, `field.${name}`);
      if (name !== 'countryCode') {
        return field(ctx, { name, key, label, value: address[name] ?? '', required, autocomplete, type: name === 'phone' ? 'tel' : 'text' });
      }
      const id = fieldId(key);
      const error = state.errors[key];
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} name="countryCode" autocomplete=${autocomplete} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}>
          ${countries(locale).map(([code, name]) => html`<option value=${code} ?selected=${code === country}>${name}</option>`)}
        </select>
        ${fieldError(ctx, id, error)}
      </div>`;
    })}
    ${continueButton(ctx)}
  </form>`;
}

export function renderShipping(ctx: StepContext): TemplateResult {
  const { state, locale, currency, flow } = ctx;
  const error = state.errors.shippingRateId;
  const options = state.shippingOptions ?? [];
  const submit = (e: SubmitEvent) => void flow.chooseShipping(values(e).rate ?? '');
  return html`<form novalidate @submit=${submit}>
    <fieldset class="choices" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'rate-error' : nothing}>
      <legend class="visually-hidden">${msg(locale, 'step.shipping')}</legend>
      ${options.map(
        (o) => html`<label class="choice">
          <input type="radio" name="rate" value=${o.id} ?checked=${o.id === state.shippingRateId} />
          <span class="choice-text">
            <strong>${o.name}</strong>
            ${o.description ? html`<small>${o.description}</small>` : nothing}
            ${o.estimatedDaysMin !== null
              ? html`<small>${msg(locale, 'checkout.days', { min: o.estimatedDaysMin, max: o.estimatedDaysMax ?? o.estimatedDaysMin })}</small>`
              : nothing}
          </span>
          <span class="price">${o.cost === 0 ? msg(locale, 'checkout.free') : formatMoney(o.cost, currency, locale)}</span>
        </label>`,
      )}
    </fieldset>
    ${fieldError(ctx, 'rate', error)}
    ${continueButton(ctx)}
  </form>`;
}

export function renderPayment(ctx: StepContext): TemplateResult {
  const { state, locale, flow } = ctx;
  const selected = flow.paymentMethod;
  const submit = (e: SubmitEvent) => {
    const index = Number(values(e).method ?? 0);
    const method = state.methods[index];
    if (method) flow.choosePayment(method.select);
  };
  return html`<form novalidate @submit=${submit}>
    <fieldset class="choices">
      <legend class="visually-hidden">${msg(locale, 'step.payment')}</legend>
      ${state.methods.map(
        (m, i) => html`<label class="choice">
          <input type="radio" name="method" value=${i} ?checked=${m === selected} />
          <span class="choice-text"><strong>${m.name}</strong>${m.description ? html`<small>${m.description}</small>` : nothing}</span>
        </label>`,
      )}
    </fieldset>
    ${continueButton(ctx)}
  </form>`;
}

export function renderReview(ctx: StepContext): TemplateResult {
  const { state, locale, currency, flow } = ctx;
  const settings = state.settings?.checkout;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const rejection = state.rejection;
  const termsError = state.errors.terms;
  const total = state.cart?.totals.total ?? 0;
  const submit = (e: SubmitEvent) => {
    const form = values(e);
    void flow.placeOrder({ agreed: form.terms === 'on', notes: form.notes ?? state.notes });
  };
  return html`<form novalidate @submit=${submit}>
    ${rejection?.priceChanges.length
      ? html`<ul class="changes" aria-label=${msg(locale, 'rejection.price_changed')}>
          ${rejection.priceChanges.map(
            (c) => html`<li>${msg(locale, 'checkout.price-line', { name: c.name, before: money(c.previousUnitPrice), after: money(c.currentUnitPrice) })}</li>`,
          )}
        </ul>`
      : nothing}
    ${rejection?.stockIssues.length
      ? html`<ul class="changes">
            ${rejection.stockIssues.map((s) => html`<li>${msg(locale, 'checkout.stock-line', { ...s })}</li>`)}
          </ul>
          <button type="button" class="button secondary" @click=${() => void flow.adjustToStock()}>${msg(locale, 'checkout.adjust-stock')}</button>`
      : nothing}
    ${settings?.showNotesField
      ? html`<div class="field">
          <label for="f-notes">${msg(locale, 'checkout.notes')} <span class="optional">${msg(locale, 'field.optional')}</span></label>
          <textarea id="f-notes" name="notes" rows="2" maxlength="1000" .value=${state.notes}></textarea>
        </div>`
      : nothing}
    ${settings?.termsMode === 'required_checkbox'
      ? html`<div class="terms">
          <label class="check">
            <input id="f-terms" type="checkbox" name="terms" ?checked=${state.agreed} aria-invalid=${termsError ? 'true' : 'false'}
              aria-describedby=${termsError ? 'f-terms-error' : nothing} />
            <span>${msg(locale, 'checkout.agree')}</span>
          </label>
          ${settings.termsUrl ? html`<a href=${settings.termsUrl} target="_blank" rel="noopener">${msg(locale, 'checkout.terms-link')}</a>` : nothing}
          ${fieldError(ctx, 'f-terms', termsError)}
        </div>`
      : settings?.termsMode === 'notice'
        ? html`<p class="field-note">
            ${msg(locale, 'checkout.terms-notice')}
            ${settings.termsUrl ? html`<a href=${settings.termsUrl} target="_blank" rel="noopener">${msg(locale, 'checkout.terms-link')}</a>` : nothing}
          </p>`
        : nothing}
    ${rejection?.rejection === 'price_changed'
      ? html`<button type="button" class="button place" ?disabled=${state.busy} @click=${() => void flow.acceptPriceChanges()}>
          ${msg(locale, 'checkout.accept-prices')}
        </button>`
      : html`<button part="place-order" class="button place" ?disabled=${state.busy} aria-busy=${state.busy ? 'true' : 'false'}>
          ${msg(locale, state.order ? 'checkout.pay-again' : 'checkout.place', { amount: money(total) })}
        </button>`}
  </form>`;
}

/** The one-line summary of a finished step, shown with its "Change" button. */
export function stepSummary(step: Step, ctx: StepContext): string {
  const { state, locale, currency } = ctx;
  switch (step) {
    case 'contact':
      return [state.email, state.cart?.requiresShipping ? '' : state.name].filter(Boolean).join(' · ');
    case 'address':
      return addressLines(state.cart?.shippingAddress ?? state.address, locale).join(', ');
    case 'shipping': {
      const option = state.shippingOptions?.find((o) => o.id === state.shippingRateId);
      if (!option) return state.cart?.shippingMethodName ?? '';
      return `${option.name} · ${option.cost === 0 ? msg(locale, 'checkout.free') : formatMoney(option.cost, currency, locale)}`;
    }
    case 'payment':
      return ctx.flow.paymentMethod?.name ?? '';
    default:
      return '';
  }
}

export const STEP_RENDERERS: Record<Step, (ctx: StepContext) => TemplateResult> = {
  contact: renderContact,
  address: renderAddress,
  shipping: renderShipping,
  payment: renderPayment,
  review: renderReview,
};
