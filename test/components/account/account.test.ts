// <tote-account> drawn from a fake account session (fake-session.ts): each step, the keyboard
// alone, a pasted code, the countdown, the problems, focus and announcements, in English and Arabic.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteAccount } from '../../../src/index.js';
import '../../../src/components/store/store.js';
import '../../../src/define.js';
import '../../../src/components/account/define.js';
import type { SignInDetail } from '../../../src/events/sign-in.js';
import { API_BASE, DEMO_KEY } from '../../helpers/reference-store.js';
import { waitUntil } from '../../helpers/wait.js';
import { ada, FakeSession, signedIn } from './fake-session.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
// Emails and names are isolated for right-to-left sentences (U+2068 … U+2069): left out here.
const plain = (value: string | null | undefined) => (value ?? '').replace(/[\u2068\u2069]/g, '');
const text = (el: Element, selector: string) => plain($(el, selector)?.textContent).replace(/\s+/g, ' ').trim();
const focused = (el: Element) => el.shadowRoot!.activeElement;
const live = (el: Element) => text(el, '.account > [role="status"][aria-live="polite"]');

async function mount(session: FakeSession, locale = 'en'): Promise<ToteAccount> {
  const wrap = await fixture(html`<div dir=${locale === 'ar' ? 'rtl' : 'ltr'} lang=${locale}>
    <button id="before">before</button>
    <tote-store public-key=${DEMO_KEY} api-base=${API_BASE} locale=${locale}>
      <tote-account .session=${session}></tote-account>
    </tote-store>
  </div>`);
  const el = wrap.querySelector<ToteAccount>('tote-account')!;
  await waitUntil(() => el.shadowRoot?.querySelector('.account'), 'the account never rendered');
  await el.updateComplete;
  return el;
}

/** Lets the session's answer arrive and the element draw it. */
async function settle(el: ToteAccount, until: () => unknown, what: string) {
  await waitUntil(until, what);
  await el.updateComplete;
  await new Promise(requestAnimationFrame); // announcements are set on the next frame
  await el.updateComplete;
}

function paste(input: HTMLInputElement, value: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', value);
  input.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
  );
}

describe('<tote-account>', () => {
  it('says it is checking until the stored sign-in is read, then shows the email form', async () => {
    const session = new FakeSession({ ready: false });
    const el = await mount(session);
    expect(text(el, '[aria-busy="true"]')).to.equal('Checking whether you are signed in…');
    await expect(el).to.be.accessible();
    session.set({ ready: true });
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Sign in');
    expect($<HTMLInputElement>(el, '#email').autocomplete).to.equal('email');
    expect(focused(el), 'nothing pulled focus on load').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('signs in with the keyboard alone: email, Enter, six digits; focus follows each step; fires tote-sign-in', async () => {
    const session = new FakeSession();
    const el = await mount(session);
    (el.parentElement!.parentElement!.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('email');
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Enter' });
    expect(session.calls.requestCode).to.deep.equal(['ada@example.com']);
    await settle(el, () => session.state.phase === 'code-sent' && live(el), 'no code step');
    expect(text(el, 'h2')).to.equal('Enter your code');
    expect(text(el, '.muted')).to.equal('We sent a 6-digit code to ada@example.com.');
    expect(live(el)).to.equal('Code sent to ada@example.com.');
    const code = $<HTMLInputElement>(el, '#code');
    expect(focused(el), 'focus moves to the code field, never to the body').to.equal(code);
    expect(code.inputMode).to.equal('numeric');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.maxLength).to.equal(6);
    // The normal resend cooldown shows as text, and is not announced.
    expect(text(el, '#wait')).to.match(/^You can ask for a new code in (60|59) s\.$/);
    expect($(el, '.link').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();

    const signIn = oneEvent(el, 'tote-sign-in') as Promise<CustomEvent<SignInDetail>>;
    await sendKeys({ type: '12345' });
    expect(session.calls.verify, 'five digits: nothing sent yet').to.deep.equal([]);
    await sendKeys({ type: '6' });
    expect(session.calls.verify, 'the sixth digit sends the code, once').to.deep.equal(['123456']);
    const event = await signIn;
    expect(event.detail.customer).to.deep.equal(ada);
    expect(event.bubbles && event.composed).to.equal(true);
    await settle(el, () => live(el) === 'You are signed in.', 'no sign-in announcement');
    expect(focused(el)?.id, 'focus on the greeting').to.equal('title');
    expect(text(el, 'h2')).to.equal('Hello, Ada Lovelace');
    expect(session.calls.verify).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows orders (date in the shop language, status words, money) and saved addresses; signs out', async () => {
    const session = new FakeSession(signedIn);
    const el = await mount(session);
    const orders = [...el.shadowRoot!.querySelectorAll('[part="order"]')];
    expect(orders).to.have.length(2);
    expect(orders[0]!.querySelector('.order-number')!.textContent).to.equal('TOTE-1001');
    expect(orders[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-12T10:00:00Z');
    expect(orders[0]!.querySelector('time')!.textContent).to.equal('Mar 12, 2026');
    expect(orders[0]!.textContent).to.contain('Paid').and.to.contain('$42.00');
    expect(orders[1]!.textContent, 'a status Tote does not know: as the shop wrote it').to.contain(
      'on_hold_by_merchant',
    );
    expect($(el, '[part="address"] address').innerText.split('\n')).to.deep.equal([
      'Ada Lovelace',
      '12 St James Square',
      'SW1Y 4JH London',
      'United Kingdom',
    ]);
    expect(text(el, '[part="orders"] h3')).to.equal('Your orders');
    await expect(el).to.be.accessible();

    const signOut = $<HTMLButtonElement>(el, '[part="sign-out"]');
    signOut.focus();
    const out = oneEvent(el, 'tote-sign-out');
    await sendKeys({ press: 'Enter' });
    await out;
    expect(session.calls.signOut).to.equal(1);
    await settle(el, () => live(el) === 'You are signed out.', 'no sign-out announcement');
    expect(text(el, 'h2')).to.equal('Sign in');
    expect(focused(el)?.id, 'focus on the sign-in heading, not the body').to.equal('title');
    await expect(el).to.be.accessible();
  });

  it('empty lists say so; null ones are loading', async () => {
    const el = await mount(
      new FakeSession({
        ...signedIn,
        orders: [],
        addresses: null,
        customer: { ...ada, firstName: null, lastName: null },
      }),
    );
    expect(text(el, 'h2')).to.equal('Hello');
    expect(text(el, '[part="orders"] p')).to.equal('You have no orders yet.');
    expect(text(el, '[part="addresses"] [role="status"]')).to.equal('Loading…');
  });

  it('takes a pasted "123 456" or "123-456" as the six digits, and sends it', async () => {
    const session = new FakeSession({ phase: 'code-sent', email: 'ada@example.com' });
    session.answers.verify = { problem: { key: 'account.code-wrong', field: 'code' } };
    const el = await mount(session);
    const code = $<HTMLInputElement>(el, '#code');
    code.focus();
    paste(code, '123 456');
    expect(code.value).to.equal('123456');
    expect(session.calls.verify).to.deep.equal(['123456']);
    await settle(el, () => !session.state.busy && text(el, '#code-error'), 'no code error');
    // A refused code: its own words under the field, tied to it, and selected to be typed over.
    expect(text(el, '#code-error')).to.equal('That code is not right. Check the email and try again.');
    expect($(el, '#code-error').getAttribute('role')).to.equal('alert');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(code.getAttribute('aria-describedby')).to.equal('code-error');
    await expect(el).to.be.accessible();
    code.select();
    paste(code, ' 654-321 ');
    expect(code.value).to.equal('654321');
    expect(session.calls.verify).to.deep.equal(['123456', '654321']);
  });

  it('Enter with fewer than six digits says so and sends nothing; typed letters are dropped', async () => {
    const session = new FakeSession({ phase: 'code-sent', email: 'ada@example.com' });
    const el = await mount(session);
    $<HTMLInputElement>(el, '#code').focus();
    await sendKeys({ type: '12a3' });
    expect($<HTMLInputElement>(el, '#code').value).to.equal('123');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(session.calls.verify).to.deep.equal([]);
    expect(text(el, '#code-error')).to.equal('Enter all 6 digits of the code.');
    await sendKeys({ type: '4' });
    await el.updateComplete;
    expect($(el, '#code-error'), 'typing clears it').to.equal(null);
  });

  it('counts down while a new code may not be asked for, announcing it once, not every second', async () => {
    const session = new FakeSession({ phase: 'code-sent', email: 'ada@example.com' });
    const el = await mount(session);
    session.set({ retryAt: Date.now() + 2500, problem: { key: 'account.wait' } });
    await settle(el, () => live(el), 'no announcement');
    const said = live(el);
    expect(said).to.match(/^Please wait a little before trying again\. You can ask for a new code in 3 s\.$/);
    expect(text(el, '#wait')).to.equal('You can ask for a new code in 3 s.');
    expect(el.shadowRoot!.querySelector('[role="alert"]'), 'waiting is not an error').to.equal(null);
    const resend = $<HTMLButtonElement>(el, '.actions .link');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect(resend.getAttribute('aria-describedby')).to.equal('wait');
    resend.click();
    expect(session.calls.requestCode, 'held back').to.deep.equal([]);
    await expect(el).to.be.accessible();
    await waitUntil(() => text(el, '#wait') === 'You can ask for a new code in 2 s.', 'the countdown never moved');
    expect(live(el), 'said once').to.equal(said);
    session.set({ retryAt: 0, problem: null });
    await el.updateComplete;
    expect($(el, '#wait')).to.equal(null);
    resend.click();
    expect(session.calls.requestCode).to.deep.equal(['ada@example.com']);
  });

  it('"Use another email" goes back to the email form with focus on the field', async () => {
    const session = new FakeSession({ phase: 'code-sent', email: 'ada@example.com' });
    const el = await mount(session);
    const other = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.link')].find((b) =>
      b.textContent!.includes('another email'),
    )!;
    other.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(session.calls.changeEmail).to.equal(1);
    expect(focused(el)?.id).to.equal('email');
    expect($<HTMLInputElement>(el, '#email').value, 'what was typed stays').to.equal('ada@example.com');
  });

  it('words each problem: a bad email under the field, an unknown email as a guest note, a network error, a server sentence', async () => {
    const session = new FakeSession();
    const el = await mount(session);
    session.set({ email: 'ada@', problem: { key: 'account.email-invalid', field: 'email' } });
    await el.updateComplete;
    expect(text(el, '#email-error')).to.equal('Enter an email address like name@example.com.');
    expect($(el, '#email').getAttribute('aria-describedby')).to.equal('email-error');
    await expect(el).to.be.accessible();
    session.set({ email: 'new@example.com', recognised: false, problem: { key: 'account.unknown-email' } });
    await el.updateComplete;
    expect(text(el, '.notice[role="status"]')).to.equal(
      'We have no account for new@example.com. You can still shop as a guest.',
    );
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    session.set({ problem: { key: 'error.network' } });
    await el.updateComplete;
    expect(text(el, '.notice.error')).to.equal('Could not reach the shop. Check your connection and try again.');
    session.set({ problem: { key: 'account.refused', text: 'This shop does not offer accounts.' } });
    await el.updateComplete;
    expect(text(el, '.notice.error')).to.equal(
      'The shop could not do this. Please try again. This shop does not offer accounts.',
    );
    session.set({ problem: { key: 'account.brand-new-key', text: 'Something the server said.' } });
    await el.updateComplete;
    expect(text(el, '.notice.error'), 'an unknown key: the server sentence').to.equal('Something the server said.');
    await expect(el).to.be.accessible();
  });

  it('a sign-out elsewhere (another tab) does not pull focus into the element', async () => {
    const session = new FakeSession(signedIn);
    const el = await mount(session);
    const before = el.parentElement!.parentElement!.querySelector<HTMLButtonElement>('#before')!;
    before.focus();
    session.set({
      phase: 'signed-out',
      customer: null,
      orders: null,
      addresses: null,
      problem: { key: 'account.signed-out-expired' },
    });
    await settle(el, () => live(el), 'no announcement');
    expect(document.activeElement).to.equal(before);
    expect(text(el, '.notice.error')).to.equal('Your sign-in has expired. Please sign in again.');
  });

  describe('in Arabic, right to left', () => {
    it('every step is in Arabic and axe-clean', async () => {
      const session = new FakeSession({ ready: false });
      const el = await mount(session, 'ar');
      expect(text(el, '[aria-busy="true"]')).to.equal('جارٍ التحقق من تسجيل دخولك…');
      await expect(el).to.be.accessible();
      session.set({ ready: true });
      await el.updateComplete;
      expect(text(el, 'h2')).to.equal('تسجيل الدخول');
      await expect(el).to.be.accessible();
      session.set({ phase: 'code-sent', email: 'ada@example.com', retryAt: Date.now() + 30_000 });
      await el.updateComplete;
      expect(text(el, 'h2')).to.equal('أدخل الرمز');
      expect(text(el, '#wait')).to.match(/^يمكنك طلب رمز جديد بعد \d+ ث\.$/);
      await expect(el).to.be.accessible();
      session.set({ ...signedIn, retryAt: 0 });
      await el.updateComplete;
      expect(text(el, 'h2')).to.equal('مرحبًا، Ada Lovelace');
      expect(text(el, '[part="order"] dd.price')).to.contain('US$');
      expect(getComputedStyle(el).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
    });
  });
});
