import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { whenUsed } from '../../dom/lazy-define.js';
import { formatMoney } from '../../model/money.js';
import {
  clearPaymentMarker,
  clearPendingOrder,
  paymentUrlsFor,
  readPendingOrder,
  writePendingOrder,
} from '../../store/checkout/pending-order.js';
import type { ToteShop } from '../../store/index.js';
import { renderTotals } from '../base/totals.js';
import { LazyToteElement } from '../base/lazy-element.js';
import { CheckoutFlow, type FlowState, type Step } from '../../store/checkout/checkout-flow.js';
import {
  renderAddress,
  renderContact,
  renderPayment,
  renderShipping,
  stepSummary,
  type StepContext,
} from './checkout-steps.js';
import { AccountLink } from './account-link.js';
import { checkoutStyles } from './checkout.styles.js';
import { mountPayPal } from './paypal.js';
import { renderReceipt } from './receipt.js';
import { renderReview } from './review.js';
import { saidView } from '../base/problem-text.js';

const STEP_RENDERERS: Record<Step, (ctx: StepContext) => TemplateResult> = {
  contact: renderContact,
  address: renderAddress,
  shipping: renderShipping,
  payment: renderPayment,
  review: renderReview,
};

/**
 * The checkout: contact, shipping and billing address, shipping method, payment method and review,
 * each saved to the cart as it is completed (a reload resumes there); then the order, the hand-off
 * (the hosted payment page, or PayPal's in-context buttons), the wait for the verdict on return,
 * and the receipt. Works on its own on a checkout page, or inside the `<tote-cart>` drawer.
 *
 * @summary Checkout steps, place order, payment hand-off and receipt.
 * @tagname tote-checkout
 * @fires {CustomEvent<OrderCompleteDetail>} tote-order-complete - The order is placed and paid (or awaits a bank transfer). `detail: {orderId, orderNumber, total, currencyCode, paymentStatus}`.
 * @fires {CustomEvent<CartErrorDetail>} tote-error - The order could not be placed or paid. `detail: {code, message, source}`.
 * @fires {Event} tote-continue-shopping - The shopper chose "Continue shopping" on the receipt (no detail).
 * @csspart base - The checkout.
 * @csspart step - Each step's section.
 * @csspart place-order - The place-order button.
 * @csspart summary - The order summary.
 * @csspart totals - The totals in the summary.
 * @csspart total - The grand total row.
 * @csspart tax - The tax row, or "Includes … VAT" under the total in a tax-inclusive store.
 * @csspart receipt - The receipt.
 * @csspart instructions - Bank-transfer instructions on the receipt.
 * @csspart amount-due - The receipt's "Total paid" or "Amount due" row.
 * @csspart paypal - The box PayPal's buttons render into (on the review step, when PayPal is chosen).
 */
export class ToteCheckout extends LazyToteElement {
  static override properties = {
    embedded: { type: Boolean, reflect: true },
    navigate: { attribute: false },
    flowState: { state: true },
  };
  static override styles = [super.styles, checkoutStyles];

  /** Set by `<tote-cart>` when the checkout is shown inside its drawer (no own title). */
  embedded = false;

  /** How the shopper leaves for the hosted payment page (or the store's page after the receipt); replace it to open the page elsewhere. */
  navigate: (url: string) => void = (url) => location.assign(url);

  private flowState: FlowState | null = null;

  #flow: CheckoutFlow | undefined;
  #flowShop: ToteShop | undefined;
  /** Stops following the cart (the flow's subscription). */
  #unwatchCart: (() => void) | undefined;
  #focusNext: 'heading' | 'error' | 'receipt' | 'waiting' | null = null;
  /** The element PayPal's buttons live in, once mounted (a new one after a re-render mounts again). */
  #paypalHost: HTMLElement | null = null;
  #hadFocus = false;
  /** What the live region says: the step the shopper is on now. */
  #announcement = '';
  /** A signed-in shopper's email and saved addresses fill the forms (account-link.ts). */
  #account = new AccountLink(
    this,
    () => this.shop,
    () => this.#flow,
  );
  /** The address step's inline sign-in is shown. */
  #signInOpen = false;
  #toggleSignIn = () => {
    this.#signInOpen = !this.#signInOpen;
    // Inside this shadow root the page's watch for lazy tags does not see it: load it here.
    if (this.#signInOpen) void whenUsed('tote-account');
    this.requestUpdate();
  };

  /** The state machine behind the element (for tests and custom UIs). */
  get flow(): CheckoutFlow | undefined {
    return this.#flow;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flow?.stop();
    this.#unwatchCart?.();
    this.#flow = undefined;
    this.#flowShop = undefined;
  }

  protected override willUpdate(): void {
    // A re-render may remove the focused control (a step that went away, a form replaced by a
    // spinner): remember that focus was inside, so updated() can put it somewhere sensible.
    this.#hadFocus = !!this.shadowRoot?.activeElement;
    const shop = this.shop;
    if (!shop || shop === this.#flowShop) return;
    this.#flow?.stop();
    this.#flowShop = shop;
    const flow = new CheckoutFlow({
      api: shop.api,
      cart: shop.cart,
      store: () => shop.catalog.store(),
      locale: shop.locale,
      paymentUrls: (order) => paymentUrlsFor(order.orderId),
      navigate: (url) => this.navigate(url),
      pending: {
        get: () => {
          const pending = readPendingOrder(shop.publicKey);
          if (pending?.via === 'cancel') clearPaymentMarker(); // read once: a reload is not a second cancel
          return pending;
        },
        set: (order) => writePendingOrder(shop.publicKey, order),
        clear: () => clearPendingOrder(shop.publicKey),
      },
      onChange: (next) => this.#onChange(next),
      onComplete: (placed) =>
        this.emit('tote-order-complete', {
          orderId: placed.orderId,
          orderNumber: placed.orderNumber,
          total: placed.total ?? 0,
          currencyCode: placed.currencyCode ?? '',
          paymentStatus: placed.paymentStatus,
        }),
    });
    this.#flow = flow;
    this.#account.follow();
    void shop.cart.start().then(() => {
      if (flow === this.#flow) void flow.start();
    });
    // A checkout that found the cart empty starts once something is added (another element, another tab).
    this.#unwatchCart?.();
    this.#unwatchCart = shop.cart.subscribe((cart) => {
      const s = flow.state;
      if (flow === this.#flow && s.phase === 'unavailable' && s.note?.text === 'cart.empty' && cart.lines.length)
        void flow.start();
    });
  }

  #onChange(next: FlowState): void {
    const before = this.flowState;
    this.flowState = next;
    if (before?.phase === 'loading' && next.phase !== 'loading') this.#account.follow();
    if (next.phase === 'receipt' && before?.phase !== 'receipt') this.#focusNext = 'receipt';
    else if (Object.keys(next.errors).length && next.errors !== before?.errors) this.#focusNext = 'error';
    else if (before && next.phase === 'form' && (next.step !== before.step || before.phase !== 'form'))
      this.#focusNext = 'heading';
    else if (
      next.phase !== before?.phase &&
      ['placing', 'redirecting', 'confirming', 'unavailable'].includes(next.phase)
    )
      this.#focusNext = 'waiting';
    else if (next.note?.kind === 'error' && next.note !== before?.note && next.phase === 'form')
      this.#focusNext = 'error';
    if (next.phase === 'form' && (next.step !== before?.step || before?.phase !== 'form')) {
      const label = this.t(`step.${next.step}`);
      this.#announcement = `${this.t('step.number', { n: next.steps.indexOf(next.step) + 1, total: next.steps.length })} ${label}`;
    } else if (next.phase === 'receipt' && before?.phase !== 'receipt') {
      this.#announcement = this.t('receipt.title', {
        number: next.receipt?.orderNumber || next.placed?.orderNumber || '',
      });
    }
    if (next.note?.kind === 'error' && next.note !== before?.note) {
      this.emit('tote-error', {
        code: next.rejection ? 'CHECKOUT_REJECTED' : 'CHECKOUT',
        message: this.t(next.note.text),
        source: 'tote-checkout',
      });
    }
  }

  protected override updated(_changed: PropertyValues<this>): void {
    this.#syncPayPal();
    const lost = this.#hadFocus && !this.shadowRoot?.activeElement;
    const target = this.#focusNext ?? (lost ? (this.flowState?.phase === 'form' ? 'heading' : 'waiting') : null);
    if (!target) return;
    this.#focusNext = null;
    const root = this.renderRoot;
    const el =
      target === 'error'
        ? (root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('.step-note'))
        : target === 'receipt'
          ? root.querySelector<HTMLElement>('#receipt-title')
          : target === 'waiting'
            ? root.querySelector<HTMLElement>('.waiting, .notice, #receipt-title')
            : root.querySelector<HTMLElement>('.current .step-title');
    el?.focus();
  }

  /** PayPal's buttons into `#paypal-buttons` when the review shows it: loaded only now, once per box. */
  #syncPayPal(): void {
    const host = this.renderRoot.querySelector<HTMLElement>('#paypal-buttons');
    if (!host || host === this.#paypalHost) return;
    this.#paypalHost = host;
    const flow = this.#flow;
    const method = flow?.paymentMethod;
    const currency = flow?.state.cart?.currencyCode ?? flow?.state.settings?.currency ?? 'USD';
    if (!flow || !method?.sdk) return;
    void mountPayPal(host, method.sdk, currency, flow.orders.paypal()).then((ok) => {
      if (!ok && flow === this.#flow) flow.dropPayPal();
    });
  }

  protected override renderShop() {
    const s = this.flowState;
    const flow = this.#flow;
    if (!s || !flow || s.phase === 'loading') {
      return html`<div part="base" class="panel-box checkout"><p class="status" role="status" aria-busy="true">${this.t('checkout.loading')}</p></div>`;
    }
    return html`${this.#renderPhase(s, flow)}<p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>`;
  }

  #renderPhase(s: FlowState, flow: CheckoutFlow) {
    const locale = this.shopLocale;
    const currency = s.cart?.currencyCode ?? s.settings?.currency ?? 'USD';
    const ctx: StepContext = {
      flow,
      state: s,
      locale,
      currency,
      signIn: { signedIn: this.#account.signedIn, open: this.#signInOpen, toggle: this.#toggleSignIn },
    };
    const title = this.embedded ? nothing : html`<h2 class="title">${this.t('checkout.title')}</h2>`;
    if (s.phase === 'receipt' && s.placed) {
      const confirmation = s.settings?.checkout.confirmationMessage ?? null;
      return html`<div part="base" class="panel-box checkout">
        ${renderReceipt({ receipt: s.receipt, placed: s.placed, confirmation, redirectTo: s.redirectTo, locale, onContinue: () => this.#continueShopping() })}
      </div>`;
    }
    if (s.phase === 'unavailable') {
      return html`<div part="base" class="panel-box checkout">${title}<p class="notice ${s.note?.kind ?? ''}" role="alert" tabindex="-1">${saidView(this.shopLocale, s.note?.text ?? 'checkout.disabled')}</p>
        <button type="button" class="button secondary" @click=${() => this.#continueShopping()}>${this.t('cart.continue')}</button></div>`;
    }
    if (s.phase === 'placing' || s.phase === 'redirecting' || s.phase === 'confirming') {
      const words = this.t(
        s.phase === 'placing'
          ? 'checkout.placing'
          : s.phase === 'redirecting'
            ? 'checkout.redirecting'
            : 'checkout.confirming',
      );
      const waiting = s.phase === 'confirming' && !s.busy;
      return html`<div part="base" class="panel-box checkout">${title}
        <div class="waiting" role="status" tabindex="-1">
          ${waiting ? nothing : html`<span class="spinner" aria-hidden="true"></span>`}
          <p>${waiting ? this.t(s.note?.text ?? 'checkout.still-confirming') : words}</p>
          ${waiting && s.order?.orderNumber ? html`<p>${this.t('checkout.order-number', { number: s.order.orderNumber })}</p>` : nothing}
          ${waiting && (s.placed?.email || s.email) ? html`<p>${this.t('receipt.email', { email: s.placed?.email || s.email })}</p>` : nothing}
          ${waiting && s.order ? html`<button type="button" class="button secondary" @click=${() => void flow.resumePayment({ ...s.order!, via: 'return' })}>${this.t('checkout.check-again')}</button>` : nothing}
        </div>
        ${this.#renderSummary(ctx)}
      </div>`;
    }
    const index = s.steps.indexOf(s.step);
    return html`<div part="base" class="panel-box checkout">
      ${title}
      <ol class="steps">
        ${s.steps.map((step, i) => this.#renderStep(step, i, index, ctx))}
      </ol>
      ${this.#renderSummary(ctx)}
    </div>`;
  }

  #renderStep(step: Step, i: number, current: number, ctx: StepContext) {
    const s = ctx.state;
    const label = this.t(`step.${step}`);
    const where = i < current ? 'done' : i === current ? 'current' : 'todo';
    const summary = where === 'done' ? stepSummary(step, ctx) : '';
    return html`<li part="step" class="step ${where}" aria-current=${where === 'current' ? 'step' : nothing}>
      <div class="step-head">
        <span class="step-number" aria-hidden="true">${where === 'done' ? '✓' : i + 1}</span>
        <h3 class="step-title" tabindex="-1">
          <span class="visually-hidden">${this.t('step.number', { n: i + 1, total: s.steps.length })} </span>${label}
        </h3>
        ${
          where === 'done'
            ? html`<button type="button" class="link edit" aria-label=${this.t('step.edit-label', { step: label })} ?disabled=${s.busy}
              @click=${() => this.#flow?.goTo(step)}>${this.t('step.edit')}</button>`
            : nothing
        }
      </div>
      ${summary ? html`<p class="step-summary"><bdi>${summary}</bdi></p>` : nothing}
      ${
        where === 'current'
          ? html`${s.note ? html`<p class="notice step-note ${s.note.kind}" role=${s.note.kind === 'error' ? 'alert' : 'status'} tabindex="-1">${saidView(this.shopLocale, s.note.text, s.note.params)}</p>` : nothing}
            ${STEP_RENDERERS[step](ctx)}`
          : nothing
      }
    </li>`;
  }

  #renderSummary(ctx: StepContext) {
    const { state: s, locale, currency } = ctx;
    const cart = s.cart;
    if (!cart) return nothing;
    return html`<section part="summary" class="summary" aria-labelledby="summary-title">
      <h3 id="summary-title">${this.t('checkout.summary')}</h3>
      <ul class="summary-lines">
        ${cart.items.map(
          (item) => html`<li>
            <span><bdi>${item.name}</bdi>${item.variantName ? html` <small><bdi>${item.variantName}</bdi></small>` : nothing} × ${item.quantity}</span>
            <span class="price">${formatMoney(item.subtotal, currency, locale)}</span>
          </li>`,
        )}
      </ul>
      ${renderTotals(cart.totals, cart.discounts, currency, locale, {
        shippingKnown: !!cart.shippingRateId || !cart.requiresShipping,
        taxLines: cart.taxBreakdown,
        taxInclusive: cart.taxInclusive,
        giftCard: cart.giftCard,
      })}
    </section>`;
  }

  #continueShopping(): void {
    this.emit('tote-continue-shopping', undefined);
  }
}
