// <tote-account> with the shop's real account session against the reference store: the code comes
// from the store's outbox (the demo's mailbox), as a shopper would read it from their inbox.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteAccount } from '../../../src/index.js';
import '../../../src/define.js';
import '../../../src/components/account/define.js';
import { API_BASE, DEMO_KEY, freshStore, loginCodeFor } from '../../helpers/reference-store.js';
import { waitUntil } from '../../helpers/wait.js';

const EMAIL = 'grace@example.com';

describe('<tote-account> and the reference store', function () {
  this.timeout(20_000);

  it('signs in by the emailed code with the keyboard, lists what the store knows, and signs out', async () => {
    await freshStore();
    const store = await fixture(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE}>
      <tote-account></tote-account>
    </tote-store>`);
    const el = store.querySelector<ToteAccount>('tote-account')!;
    const root = () => el.shadowRoot!;
    await waitUntil(() => root()?.querySelector('#email'), 'no email form');
    root().querySelector<HTMLInputElement>('#email')!.focus();
    await sendKeys({ type: EMAIL });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root().activeElement?.id === 'code', 'focus never reached the code field');
    const code = await loginCodeFor(EMAIL);
    await sendKeys({ type: code });
    await waitUntil(
      () =>
        root()
          .querySelector('h2')
          ?.textContent?.replace(/[\u2068\u2069]/g, '') === 'Hello, Grace Hopper',
      'not signed in',
      {
        timeout: 8000,
      },
    );
    await waitUntil(() => !root().querySelector('[role="status"]:not([aria-live])'), 'lists still loading');
    await expect(el).to.be.accessible();
    root().querySelector<HTMLButtonElement>('[part="sign-out"]')!.click();
    await waitUntil(() => root().querySelector('h2')?.textContent === 'Sign in', 'not signed out');
  });
});
