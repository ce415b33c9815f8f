// Render modules of the checkout's steps. Each step is a real <form> (Enter submits it, the browser
// autofills it); errors sit next to their fields with aria-invalid and aria-describedby.
import { html, nothing, type TemplateResult } from 'lit';
import type { Address } from '../../api/index.js';
import { formatMoney } from '../../model/money.js';
import { msg } from '../../i18n/messages.js';
import { addressFields, addressLines, type AddressKind } from '../../model/address.js';
import type { CheckoutFlow, FlowState, Step } from '../../store/checkout/checkout-flow.js';
import { regionLabelKey, subdivisionsOf } from '../../model/countries.js';

export interface StepContext {
  flow: CheckoutFlow;
  state: FlowState;
  locale: string;
  currency: string;
  /** The address step's optional sign-in (account-link.ts): offered while the shopper is a guest. */
  signIn?: { signedIn: boolean; open: boolean; toggle(): void };
}

export const fieldId = (key: string) => `f-${key.replace(/\W/g, '-')}`;

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
  placeholder?: string;
}

/** A field's error under it, tied to the control with aria-describedby. */
export function fieldError(ctx: StepContext, id: string, error: string | undefined) {
  return error ? html`<p class="field-error" id="${id}-error">${msg(ctx.locale, error)}</p>` : nothing;
}

/** A labelled input (optional ones say so) with its error under it. */
function field(ctx: StepContext, spec: FieldSpec): TemplateResult {
  const id = fieldId(spec.key ?? spec.name);
  const error = ctx.state.errors[spec.key ?? spec.name];
  const optional = spec.required ? nothing : html` <span class="optional">${msg(ctx.locale, 'field.optional')}</span>`;
  return html`<div class="field" data-field=${(spec.key ?? spec.name).split('.').pop()}>
    <label for=${id}>${spec.label}${optional}</label>
    <input id=${id} name=${spec.name} type=${spec.type ?? 'text'} .value=${spec.value} autocomplete=${spec.autocomplete}
      placeholder=${spec.placeholder ?? nothing} ?required=${spec.required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
    ${fieldError(ctx, id, error)}
  </div>`;
}

export function continueButton(ctx: StepContext, label = msg(ctx.locale, 'step.continue')): TemplateResult {
  return html`<button class="button continue" ?disabled=${ctx.state.busy} aria-busy=${ctx.state.busy ? 'true' : 'false'}>${label}</button>`;
}

export function values(event: SubmitEvent): Record<string, string> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  return Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
}

/** A select of the flow's countries (ship-to for shipping, all for billing); a pick re-renders the region. */
function countryField(ctx: StepContext, kind: AddressKind, name: string, autocomplete: string): TemplateResult {
  const { state, locale, flow } = ctx;
  const key = `${kind}Address.countryCode`;
  const id = fieldId(key);
  const error = state.errors[key];
  const chosen = (kind === 'shipping' ? state.address : state.billing).countryCode ?? '';
  return html`<div class="field" data-field="countryCode">
    <label for=${id}>${msg(locale, 'field.countryCode')}</label>
    <select id=${id} name=${name} autocomplete=${autocomplete} aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-error` : nothing} @change=${(e: Event) => flow.setCountry(kind, (e.target as HTMLSelectElement).value)}>
      ${flow.countryList(kind).map((c) => html`<option value=${c.code} ?selected=${c.code === chosen}>${c.name}</option>`)}
    </select>
    ${fieldError(ctx, id, error)}
  </div>`;
}

export function renderContact(ctx: StepContext): TemplateResult {
  const { state, locale, flow } = ctx;
  const digital = state.cart?.requiresShipping === false;
  const settings = state.settings?.checkout;
  const submit = (e: SubmitEvent) => {
    const form = values(e);
    void flow.submitContact({
      email: form.email ?? '',
      name: form.name,
      countryCode: form.countryCode,
      marketing: settings?.showMarketingOptIn ? form.marketing === 'on' : undefined,
    });
  };
  const typed = (e: InputEvent) => {
    const input = e.target as HTMLInputElement;
    if (input.name === 'email') flow.draftEmail(input.value);
  };
  return html`<form novalidate @submit=${submit} @input=${typed}>
    ${field(ctx, { name: 'email', label: msg(locale, 'field.email'), value: state.email, required: true, type: 'email', autocomplete: 'email' })}
    ${
      digital
        ? html`${field(ctx, { name: 'name', key: 'billingAddress.name', label: msg(locale, 'field.name'), value: state.name, required: true, autocomplete: 'billing name' })}
          ${countryField(ctx, 'billing', 'countryCode', 'billing country')}
          <p class="field-note">${msg(locale, 'checkout.billing-digital')}</p>`
        : nothing
    }
    ${
      settings?.showMarketingOptIn
        ? html`<label class="check"><input type="checkbox" name="marketing" ?checked=${state.marketing} /><span>${msg(locale, 'checkout.marketing')}</span></label>`
        : nothing
    }
    ${continueButton(ctx)}
  </form>`;
}

/** One address's fields, with the country's region (select or text, named by the country) and postal rules. */
function addressFieldset(ctx: StepContext, kind: AddressKind, prefix: string): TemplateResult[] {
  const { state, locale, flow } = ctx;
  const address = kind === 'shipping' ? state.address : state.billing;
  const country = flow.countryOf(kind);
  return addressFields(flow.rules, country, kind).map(({ field: name, required, autocomplete }) => {
    const key = `${kind}Address.${name}`;
    const control = `${prefix}${name}`;
    if (name === 'countryCode') return countryField(ctx, kind, control, autocomplete);
    const label = msg(locale, name === 'region' ? regionLabelKey(country) : `field.${name}`);
    const choices = name === 'region' ? subdivisionsOf(country) : null;
    if (!choices) {
      const placeholder = name === 'postalCode' ? (country?.postalExample ?? undefined) : undefined;
      return field(ctx, {
        name: control,
        key,
        label,
        value: address[name] ?? '',
        required,
        autocomplete,
        placeholder,
        type: name === 'phone' ? 'tel' : 'text',
      });
    }
    const id = fieldId(key);
    const error = state.errors[key];
    const optional = required ? nothing : html` <span class="optional">${msg(locale, 'field.optional')}</span>`;
    return html`<div class="field" data-field="region">
      <label for=${id}>${label}${optional}</label>
      <select id=${id} name=${control} autocomplete=${autocomplete} ?required=${required} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}>
        <option value="" ?selected=${!address.region}>${msg(locale, 'field.choose')}</option>
        ${choices.map((s) => html`<option value=${s.code} ?selected=${s.code === address.region}>${s.name}</option>`)}
      </select>
      ${fieldError(ctx, id, error)}
    </div>`;
  });
}

export function renderAddress(ctx: StepContext): TemplateResult {
  const { state, locale, flow } = ctx;
  const submit = (e: SubmitEvent) => {
    const form = values(e);
    const pick = (prefix: string) =>
      Object.fromEntries(
        Object.entries(form)
          .filter(([k]) => k.startsWith(prefix))
          .map(([k, v]) => [k.slice(prefix.length), v]),
      ) as Partial<Address>;
    void flow.submitAddress(pick('ship-'), state.billingSame ? undefined : pick('bill-'));
  };
  return html`${signInOffer(ctx)}<form novalidate @submit=${submit} class="address">
    ${savedAddresses(ctx)}
    ${addressFieldset(ctx, 'shipping', 'ship-')}
    <label class="check same-billing">
      <input type="checkbox" .checked=${state.billingSame} @change=${(e: Event) => void flow.setBillingSame((e.target as HTMLInputElement).checked)} />
      <span>${msg(locale, 'checkout.billing-same')}</span>
    </label>
    ${
      state.billingSame
        ? nothing
        : html`<fieldset class="billing"><legend>${msg(locale, 'checkout.billing')}</legend>${addressFieldset(ctx, 'billing', 'bill-')}</fieldset>`
    }
    ${continueButton(ctx)}
  </form>`;
}

/**
 * A guest may sign in here to use an address saved with their account — never required to buy.
 * The account element does the signing in (it loads on first use); the checkout follows it.
 */
function signInOffer(ctx: StepContext) {
  const offer = ctx.signIn;
  if (!offer || offer.signedIn) return offer?.open ? signInPanel(ctx) : nothing;
  return html`<p class="sign-in-offer">
      ${msg(ctx.locale, 'checkout.sign-in-offer')}
      <button type="button" class="link" aria-expanded=${offer.open ? 'true' : 'false'} aria-controls="checkout-sign-in" @click=${offer.toggle}>
        ${msg(ctx.locale, 'checkout.sign-in')}
      </button>
    </p>
    ${offer.open ? signInPanel(ctx) : nothing}`;
}

const signInPanel = (ctx: StepContext) =>
  html`<tote-account id="checkout-sign-in" compact email=${ctx.state.email || nothing}></tote-account>`;

/** A signed-in shopper's saved addresses: picking one fills the form (which stays editable). */
function savedAddresses(ctx: StepContext) {
  const { state, locale, flow } = ctx;
  if (!state.savedAddresses.length) return nothing;
  const chosen = state.savedAddresses.find(
    (saved) => saved.line1 === state.address.line1 && saved.postalCode === state.address.postalCode,
  );
  return html`<div class="field saved-address">
    <label for="saved-address">${msg(locale, 'checkout.saved-address')}</label>
    <select id="saved-address" @change=${(e: Event) => flow.useSavedAddress((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!chosen}>${msg(locale, 'checkout.saved-address.another')}</option>
      ${state.savedAddresses.map((saved) => html`<option value=${saved.id} ?selected=${saved === chosen}>${addressLines(saved, locale).join(', ')}</option>`)}
    </select>
  </div>`;
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
            ${
              o.estimatedDaysMin !== null
                ? html`<small>${msg(locale, 'checkout.days', { min: o.estimatedDaysMin, max: o.estimatedDaysMax ?? o.estimatedDaysMin })}</small>`
                : nothing
            }
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
