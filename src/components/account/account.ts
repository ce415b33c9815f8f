import { html, type PropertyValues } from 'lit';
import { accountOf, type AccountSession, type AccountState } from '../../store/account/index.js';
import { panelStyles } from '../../styles/panel.js';
import { Countdown } from '../base/countdown.js';
import { Follow } from '../base/follow.js';
import { LazyToteElement } from '../base/lazy-element.js';
import { codeStep, emailStep, isWait, signedInStep, type AccountContext } from './account-steps.js';
import { accountStyles } from './account.styles.js';

const CODE_LENGTH = 6;

/**
 * A returning shopper signs in with a code the shop emails them (no password), then sees their
 * orders and saved addresses and can sign out. Signing in is never needed to buy. The sign-in is
 * the shop's (`window.Tote.account()`): every element of the shop, and every tab, shares it.
 *
 * @summary Sign in by emailed code; order history, saved addresses, sign out.
 * @tagname tote-account
 *
 * @fires {CustomEvent<SignInDetail>} tote-sign-in - The shopper signed in here; `detail: {customer: {id, email, firstName, lastName}}`.
 * @fires {Event} tote-sign-out - The shopper signed out here.
 *
 * @csspart base - The whole panel.
 * @csspart title - The heading of each step.
 * @csspart form - The email form and the code form.
 * @csspart orders - The orders' section.
 * @csspart order - One order.
 * @csspart addresses - The saved addresses' section.
 * @csspart address - One saved address.
 * @csspart sign-out - The sign-out button.
 *
 */
export class ToteAccount extends LazyToteElement {
  static override properties = {
    session: { attribute: false },
    email: {},
    compact: { type: Boolean, reflect: true },
  };
  static override styles = [super.styles, panelStyles, accountStyles];

  /**
   * The account session shown: by default the shop's own (`accountOf(shop)`). A page that runs the
   * headless shop, or a test, may pass another one.
   */
  session?: AccountSession;

  /** An email to start the form with (the checkout passes the one the shopper gave it). */
  email?: string;

  /** Signed in, show only who is signed in and "Sign out", not the orders and addresses (the checkout's inline sign-in). */
  compact = false;

  #follow = new Follow<AccountSession>(this, () => this.session ?? (this.shop ? accountOf(this.shop) : undefined));
  #countdown = new Countdown(this, () => this.#follow.source?.state.retryAt ?? 0);
  /** What the last render showed: a change of step (in the next) moves focus and is announced. */
  #seen: { phase: AccountState['phase']; problem: string; retryAt: number } | undefined;
  #announcement = '';
  /** Focus the new step's heading or first field after this render. */
  #focus: 'title' | 'email' | 'code' | null = null;
  /** This element's own verify is on its way: the sign-in it brings fires `tote-sign-in`. */
  #verifying = false;
  #signingOut = false;
  #localProblem = '';
  /** The last code sent by itself (six digits typed or pasted): not sent again unchanged. */
  #autoSent = '';

  get #state(): AccountState | undefined {
    return this.#follow.source?.state;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const state = this.#state;
    const seen = this.#seen;
    if (!state?.ready || !seen) return; // the first look: nothing changed under the shopper's eyes
    const problem = state.problem?.key ?? '';
    // Focus moves only when it is in here (or the shopper just acted here): a sign-out in another
    // tab must not pull focus across the page.
    const focusHere = this.matches(':focus-within') || this.#verifying || this.#signingOut;
    if (seen.phase !== state.phase) {
      this.#localProblem = '';
      this.#autoSent = '';
      if (state.phase === 'code-sent') {
        this.#announce(this.t('account.code-announce', { email: state.email }));
        if (focusHere) this.#focus = 'code';
      } else if (state.phase === 'signed-in') {
        this.#announce(this.t('account.signed-in'));
        if (focusHere) this.#focus = 'title';
        if (this.#verifying && state.customer) {
          const { id, email, firstName, lastName } = state.customer;
          this.emit('tote-sign-in', { customer: { id, email, firstName, lastName } });
        }
      } else {
        if (seen.phase === 'signed-in') this.#announce(this.t('account.signed-out'));
        if (focusHere) this.#focus = seen.phase === 'signed-in' ? 'title' : 'email';
      }
    } else if (isWait(problem) && (problem !== seen.problem || state.retryAt !== seen.retryAt)) {
      // Once, politely; the countdown itself is not a live region (it would speak every second).
      const seconds = this.#countdown.seconds;
      if (seconds > 0) this.#announce(`${this.t(problem)} ${this.t('account.retry-in', { seconds })}`);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.#state;
    // What this render showed: the next one compares with it.
    this.#seen = state?.ready
      ? { phase: state.phase, problem: state.problem?.key ?? '', retryAt: state.retryAt }
      : undefined;
    const target = this.#focus;
    if (!target) return;
    this.#focus = null;
    this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
  }

  protected override renderShop() {
    const state = this.#state;
    const ctx = state && this.#context(state);
    return html`<div part="base" class="panel-box account">
      ${
        !state?.ready || !ctx
          ? html`<p class="muted" role="status" aria-busy="true">${this.t('account.checking')}</p>`
          : state.phase === 'signed-in'
            ? signedInStep(ctx, this.#signingOut)
            : state.phase === 'code-sent'
              ? codeStep(ctx)
              : emailStep(ctx)
      }
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
    </div>`;
  }

  #context(state: AccountState): AccountContext {
    return {
      state,
      locale: this.shopLocale,
      t: (key, params) => this.t(key, params),
      wait: this.#countdown.seconds,
      email: state.email || this.email || '',
      compact: this.compact,
      localProblem: this.#localProblem,
      onEmail: this.#onEmail,
      onCode: this.#onCode,
      onCodeInput: this.#onCodeInput,
      onCodePaste: this.#onCodePaste,
      resend: this.#resend,
      otherEmail: this.#otherEmail,
      signOut: this.#signOut,
    };
  }

  #announce(text: string): void {
    // Cleared first, so the same words twice in a row are announced twice.
    this.#announcement = '';
    requestAnimationFrame(() => {
      this.#announcement = text;
      this.requestUpdate();
    });
  }

  /** Whether a request may go now: not while one is on its way or the shop says wait. */
  #free(): boolean {
    return !!this.#state && !this.#state.busy && this.#countdown.seconds === 0;
  }

  #onEmail = (event: SubmitEvent): void => {
    event.preventDefault();
    const email = new FormData(event.target as HTMLFormElement).get('email');
    if (this.#free()) void this.#session()?.requestCode(String(email ?? ''));
  };

  #onCode = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    this.#verify(input.value.replace(/\D/g, ''));
  };

  #onCodeInput = (event: InputEvent): void => {
    this.#typed(event.target as HTMLInputElement, (event.target as HTMLInputElement).value);
  };

  /**
   * A pasted code ("123 456", "123-456") keeps its digits only, put where the caret is: the
   * field's own paste would cut it at six characters, spaces included, before we could.
   */
  #onCodePaste = (event: ClipboardEvent): void => {
    const text = event.clipboardData?.getData('text');
    if (text === undefined) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    const at = input.selectionStart ?? input.value.length;
    const value = input.value.slice(0, at) + text + input.value.slice(input.selectionEnd ?? at);
    this.#typed(input, value);
  };

  /** Keeps the digits of what is in the field; six of them are sent at once. */
  #typed(input: HTMLInputElement, value: string): void {
    const digits = value.replace(/\D/g, '').slice(0, CODE_LENGTH);
    if (input.value !== digits) input.value = digits;
    if (this.#localProblem) {
      this.#localProblem = '';
      this.requestUpdate();
    }
    if (digits.length === CODE_LENGTH && digits !== this.#autoSent) {
      this.#autoSent = digits;
      this.#verify(digits);
    }
  }

  #verify(code: string): void {
    const session = this.#session();
    if (!session || this.#verifying || this.#state?.busy) return;
    if (code.length !== CODE_LENGTH) {
      this.#localProblem = 'account.code-short';
      this.requestUpdate();
      return;
    }
    this.#localProblem = '';
    this.#verifying = true;
    void session.verify(code).finally(() => {
      this.#verifying = false;
      // A refused code: the field keeps it, selected, so the next one replaces it.
      void this.updateComplete.then(() => {
        if (this.#state?.phase === 'code-sent' && this.#state.problem?.field === 'code')
          this.renderRoot.querySelector<HTMLInputElement>('#code')?.select();
      });
    });
  }

  #resend = (): void => {
    const state = this.#state;
    if (state && this.#free()) void this.#session()?.requestCode(state.email);
  };

  #otherEmail = (): void => {
    this.#focus = 'email';
    this.#session()?.changeEmail();
  };

  #signOut = async (): Promise<void> => {
    const session = this.#session();
    if (!session || this.#signingOut) return;
    this.#signingOut = true;
    this.requestUpdate();
    try {
      await session.signOut();
    } finally {
      this.#signingOut = false;
      this.requestUpdate();
    }
    this.emit('tote-sign-out', undefined);
  };

  #session(): AccountSession | undefined {
    return this.#follow.source;
  }
}
