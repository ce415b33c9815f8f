// The demo mailbox: the mail the reference store "sent" (sign-in codes, gift-card codes), read from
// its control surface, so a merchant can try signing in with no email server. A demo tool, never
// part of Tote: a real shop's codes go to the shopper's inbox. It reads the outbox every 2 s while
// it is open and the page is visible, and says in a live region when a new code arrives.
import { html, nothing, render } from 'lit';
import { DEMO_API_BASE, type ConfigState, type DemoConfig } from './config.js';
import { copyText } from './copy.js';

/** Under /v3 so that every server that mounts the reference store at /v3 (Vite, the tests) serves it. */
export const OUTBOX_URL = '/v3/__control/outbox';
export const POLL_MS = 2000;
/** How long the reference store keeps a login code valid (docs/reference-store.md). */
const CODE_TTL_MS = 10 * 60_000;
const SHOWN = 8;

export interface MailMessage {
  id: string;
  /** The publishable key of the store that sent it. */
  store: string;
  to: string;
  kind: string;
  subject: string;
  code: string;
  sentAt: string;
}

/** The seeded customers of each reference store: emails that can sign in before any order. */
export const SEEDED_CUSTOMERS: Record<string, string[]> = {
  pk_test_tote_demo: ['ada@example.com', 'grace@example.com'],
  pk_test_tote_pl: ['jan@example.pl'],
  pk_Xq3vT9mLr2WbN8cYhK4dE: ['sam@example.co.uk'],
};

/** Whether the config's shop is the reference store on this server (only its mail comes here). */
export function isLocalStore(config: DemoConfig, origin: string): boolean {
  try {
    return new URL(config.apiBase, origin).href.replace(/\/+$/, '') === new URL(DEMO_API_BASE, origin).href;
  } catch {
    return false;
  }
}

/** What a message's code is good for now: a newer code for the same address replaces it. */
export function codeState(message: MailMessage, newer: boolean, now: number): 'valid' | 'replaced' | 'expired' {
  if (message.kind !== 'login_code') return 'valid';
  if (newer) return 'replaced';
  return now < Date.parse(message.sentAt) + CODE_TTL_MS ? 'valid' : 'expired';
}

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function mountMailbox(root: HTMLElement, state: ConfigState): void {
  let open = false;
  let messages: MailMessage[] | undefined;
  let problem = '';
  let announcement = '';
  /** Ids already shown, so only mail that arrives while the box is open is announced. */
  let seen: Set<string> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const mine = () => (messages ?? []).filter((m) => m.store === state.value.publicKey);

  const read = async () => {
    try {
      const response = await fetch(OUTBOX_URL);
      if (!response.ok) throw new Error(`the outbox answered ${response.status}`);
      messages = ((await response.json()) as { data: MailMessage[] }).data;
      problem = '';
    } catch (error) {
      problem = `The mailbox needs the reference store’s control surface (npm start): ${(error as Error).message}.`;
    }
    const fresh = mine().filter((m) => seen && !seen.has(m.id));
    if (fresh.length === 1 && fresh[0])
      announcement = `New ${fresh[0].kind === 'login_code' ? 'sign-in code' : 'gift card'} for ${fresh[0].to}.`;
    else if (fresh.length > 1)
      announcement = `${fresh.length} new messages, for ${[...new Set(fresh.map((m) => m.to))].join(', ')}.`;
    seen = new Set((messages ?? []).map((m) => m.id)); // every store's: a switch of store announces nothing old
    draw();
  };

  const poll = () => {
    if (document.visibilityState === 'visible') void read();
  };

  const toggle = () => {
    open = !open;
    clearInterval(timer);
    timer = undefined;
    announcement = '';
    if (open) {
      seen = undefined;
      void read();
      timer = setInterval(poll, POLL_MS);
    }
    draw();
  };

  const copy = async (message: MailMessage) => {
    const ok = await copyText(message.code);
    announcement = ok ? `Copied the code for ${message.to}.` : 'Could not copy: select the code and copy it by hand.';
    draw();
  };

  const item = (message: MailMessage, index: number, list: MailMessage[]) => {
    const newer = list.slice(0, index).some((m) => m.kind === message.kind && m.to === message.to);
    const status = codeState(message, newer, Date.now());
    const label = message.kind === 'login_code' ? 'Sign-in code' : 'Gift card code';
    return html`<li class="mail">
      <p class="mail-meta">
        <span>To <strong>${message.to}</strong></span>
        <time datetime=${message.sentAt}>${time(message.sentAt)}</time>
      </p>
      <p class="mail-subject">${message.subject}</p>
      <p class="mail-code">
        <span class="visually-hidden">${label}:</span>
        <code>${message.code}</code>
        <button type="button" class="button secondary small" aria-label="Copy the ${label.toLowerCase()} for ${message.to}"
          @click=${() => void copy(message)}>Copy</button>
        ${
          message.kind === 'login_code'
            ? html`<span class="pill ${status === 'valid' ? 'ok' : 'warn'}">${
                status === 'valid'
                  ? `valid until ${time(new Date(Date.parse(message.sentAt) + CODE_TTL_MS).toISOString())}`
                  : status === 'replaced'
                    ? 'replaced by a newer code'
                    : 'expired'
              }</span>`
            : nothing
        }
      </p>
    </li>`;
  };

  const draw = () => {
    const config = state.value;
    const local = isLocalStore(config, location.origin);
    const seeded = SEEDED_CUSTOMERS[config.publicKey] ?? [];
    const list = mine().slice(0, SHOWN);
    render(
      html`
        <p class="hint">
          ${
            seeded.length
              ? html`Sign in with ${seeded.map((email, i) => html`${i ? ' or ' : ''}<code>${email}</code>`)}, or the email of an order you placed in the preview. `
              : nothing
          }Codes last 10 minutes; five wrong tries lock one.
        </p>
        <button type="button" class="button secondary" aria-expanded=${open ? 'true' : 'false'} aria-controls="mailbox-messages"
          @click=${toggle}>${open ? 'Close the mailbox' : 'Open the mailbox'}</button>
        <div id="mailbox-messages" class="mailbox-messages" ?hidden=${!open}>
          ${local ? nothing : html`<p class="hint">Only the reference store on this server (API base <code>/v3</code>) mails here; this configuration uses another API.</p>`}
          ${problem ? html`<p class="bad-text">${problem}</p>` : nothing}
          ${
            list.length
              ? html`<ul class="mail-list" aria-label="Mail the reference store sent, newest first">${list.map(item)}</ul>`
              : messages && !problem
                ? html`<p class="muted">No mail for this store yet. Ask for a sign-in code in the preview.</p>`
                : nothing
          }
        </div>
        <p class="mailbox-status" role="status">${announcement}</p>
      `,
      root,
    );
  };

  state.subscribe(() => draw());
}
