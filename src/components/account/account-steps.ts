// The views of <tote-account>'s steps: the email form, the code form and the signed-in page. Each
// form is a real <form> (Enter submits it, the browser autofills it); a problem with a field sits
// under it (role="alert", tied by aria-describedby), any other above the button. The countdown is
// plain text, never in a live region: the element announces it once.
import { html, nothing, type TemplateResult } from 'lit';
import type { CustomerAddress, CustomerOrder } from '../../api/index.js';
import { addressLines } from '../../model/address.js';
import { formatMoney } from '../../model/money.js';
import type { AccountState } from '../../store/account/index.js';
import { formatDate } from '../base/dates.js';
import { problemText } from '../base/problem-text.js';

/** What the step views need from the element. */
export interface AccountContext {
  state: AccountState;
  locale: string;
  t(key: string, params?: Record<string, string | number>): string;
  /** Seconds before another code may be asked for (0: now). */
  wait: number;
  /** The email form's value: the session's, else the one the page passed. */
  email: string;
  /** Signed in: who, and "Sign out" only. */
  compact: boolean;
  /** A problem the element found itself (a code too short), as a message key. */
  localProblem: string;
  onEmail(event: SubmitEvent): void;
  onCode(event: SubmitEvent): void;
  onCodeInput(event: InputEvent): void;
  onCodePaste(event: ClipboardEvent): void;
  resend(): void;
  otherEmail(): void;
  signOut(): void;
}

/** Waiting for a code is a countdown, not an error: it is drawn (and announced) on its own. */
export const isWait = (key: string | undefined) => !!key && /\.wait$/.test(key);

/**
 * The problem to show under `field` (one of the step's `fields`), or, with `field` omitted, the one
 * that concerns none of them. Waiting and an unknown email are drawn apart.
 */
function problemFor(ctx: AccountContext, fields: string[], field?: string): string {
  if (field === 'code' && ctx.localProblem) return ctx.t(ctx.localProblem);
  const problem = ctx.state.problem;
  if (!problem || isWait(problem.key) || problem.key === 'account.unknown-email') return '';
  const onField = problem.field && fields.includes(problem.field) ? problem.field : undefined;
  return onField === field ? problemText(ctx.locale, problem, { email: ctx.state.email }) : '';
}

function fieldProblem(text: string, id: string) {
  return text ? html`<p class="field-error" id=${id} role="alert">${text}</p>` : nothing;
}

function countdown(ctx: AccountContext) {
  return ctx.wait > 0
    ? html`<p class="field-note" id="wait">${ctx.t('account.retry-in', { seconds: ctx.wait })}</p>`
    : nothing;
}

function busyButton(label: string, busyLabel: string, busy: boolean, blocked: boolean) {
  return html`<button
    class="button"
    aria-disabled=${busy || blocked ? 'true' : 'false'}
    aria-busy=${busy ? 'true' : 'false'}
    aria-describedby=${blocked ? 'wait' : nothing}
  >
    ${busy ? busyLabel : label}
  </button>`;
}

export function emailStep(ctx: AccountContext): TemplateResult {
  const { state, t } = ctx;
  const error = problemFor(ctx, ['email'], 'email');
  const other = problemFor(ctx, ['email']);
  const unknown = state.problem?.key === 'account.unknown-email';
  return html`<h2 part="title" class="title" id="title" tabindex="-1">${t('account.title')}</h2>
    <p class="muted">${t('account.intro')}</p>
    <form part="form" novalidate @submit=${ctx.onEmail}>
      <div class="field">
        <label for="email">${t('field.email')}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          required
          .value=${ctx.email}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'email-error' : nothing}
        />
        ${fieldProblem(error, 'email-error')}
      </div>
      ${unknown ? html`<p class="notice" role="status">${t('account.unknown-email', { email: state.email })}</p>` : nothing}
      ${other ? html`<p class="notice error" role="alert">${other}</p>` : nothing}
      <div class="actions">${busyButton(t('account.send'), t('account.sending'), state.busy, ctx.wait > 0)}</div>
      ${countdown(ctx)}
    </form>`;
}

export function codeStep(ctx: AccountContext): TemplateResult {
  const { state, t } = ctx;
  const error = problemFor(ctx, ['code'], 'code');
  const other = problemFor(ctx, ['code']);
  return html`<h2 part="title" class="title" id="title" tabindex="-1">${t('account.code-title')}</h2>
    <p class="muted">${t('account.code-sent', { email: state.email })}</p>
    <form part="form" novalidate @submit=${ctx.onCode}>
      <div class="field code">
        <label for="code">${t('account.code')}</label>
        <input
          id="code"
          name="code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="6"
          pattern="[0-9]{6}"
          required
          spellcheck="false"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'code-error' : nothing}
          @input=${ctx.onCodeInput}
          @paste=${ctx.onCodePaste}
        />
        ${fieldProblem(error, 'code-error')}
      </div>
      ${other ? html`<p class="notice error" role="alert">${other}</p>` : nothing}
      <div class="actions">
        ${busyButton(t('account.verify'), t('account.verifying'), state.busy, false)}
        <button
          type="button"
          class="link"
          aria-disabled=${state.busy || ctx.wait > 0 ? 'true' : 'false'}
          aria-describedby=${ctx.wait > 0 ? 'wait' : nothing}
          @click=${ctx.resend}
        >
          ${t('account.resend')}
        </button>
        <button type="button" class="link" @click=${ctx.otherEmail}>${t('account.other-email')}</button>
      </div>
      ${countdown(ctx)}
    </form>`;
}

/** "Paid", "Shipped"… for the statuses Tote knows; another one as the shop wrote it. */
function statusText(ctx: AccountContext, status: string): string {
  const key = `order.status.${status.toLowerCase()}`;
  const said = ctx.t(key);
  return said === key ? status : said;
}

function orderItem(ctx: AccountContext, order: CustomerOrder) {
  const date = formatDate(ctx.locale, order.placedAt);
  return html`<li part="order" class="order">
    <span class="order-number">${order.orderNumber}</span>
    <dl>
      <div>
        <dt>${ctx.t('account.date')}</dt>
        <dd>${date ? html`<time datetime=${order.placedAt ?? nothing}>${date}</time>` : '—'}</dd>
      </div>
      <div>
        <dt>${ctx.t('account.status')}</dt>
        <dd>${statusText(ctx, order.status)}</dd>
      </div>
      <div>
        <dt>${ctx.t('account.total')}</dt>
        <dd class="price">${formatMoney(order.total, order.currencyCode, ctx.locale)}</dd>
      </div>
    </dl>
  </li>`;
}

function addressItem(ctx: AccountContext, address: CustomerAddress) {
  const lines = addressLines(address, ctx.locale);
  return html`<li part="address">
    <address>${lines.map((line, index) => html`${index ? html`<br />` : nothing}<bdi>${line}</bdi>`)}</address>
  </li>`;
}

/** A list, "none yet", or "Loading…" while it is null. */
function listOf<T>(ctx: AccountContext, items: T[] | null, none: string, item: (value: T) => unknown, cls: string) {
  if (!items) return html`<p class="muted" role="status">${ctx.t('account.loading')}</p>`;
  return items.length ? html`<ul class=${cls}>${items.map(item)}</ul>` : html`<p class="muted">${ctx.t(none)}</p>`;
}

export function signedInStep(ctx: AccountContext, signingOut: boolean): TemplateResult {
  const { state, t } = ctx;
  const customer = state.customer;
  const name = [customer?.firstName, customer?.lastName].filter(Boolean).join(' ');
  const email = customer?.email || state.email;
  const other = problemFor(ctx, []);
  return html`<h2 part="title" class="title" id="title" tabindex="-1">${name ? t('account.hello', { name }) : t('account.hello-anonymous')}</h2>
    ${email ? html`<p class="muted">${t('account.signed-in-as', { email })}</p>` : nothing}
    ${other ? html`<p class="notice error" role="alert">${other}</p>` : nothing}
    ${
      ctx.compact
        ? nothing
        : html`<section part="orders" aria-labelledby="orders-title">
            <h3 id="orders-title">${t('account.orders')}</h3>
            ${listOf(ctx, state.orders, 'account.no-orders', (order) => orderItem(ctx, order), 'orders')}
          </section>
          <section part="addresses" aria-labelledby="addresses-title">
            <h3 id="addresses-title">${t('account.addresses')}</h3>
            ${listOf(ctx, state.addresses, 'account.no-addresses', (address) => addressItem(ctx, address), 'addresses')}
          </section>`
    }
    <div class="actions">
      <button
        type="button"
        part="sign-out"
        class="button secondary"
        aria-disabled=${signingOut ? 'true' : 'false'}
        aria-busy=${signingOut ? 'true' : 'false'}
        @click=${ctx.signOut}
      >
        ${signingOut ? t('account.signing-out') : t('account.sign-out')}
      </button>
    </div>`;
}
