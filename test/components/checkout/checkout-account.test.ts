// A returning customer in the checkout, against the reference store: signing in is offered on the
// address step (never required), done inline by the account element with the emailed code (read
// from the store's outbox, as the shopper would read their inbox), and the saved addresses then
// fill the form; one signed in elsewhere on the page finds the form filled. The account element is
// not defined up front: the checkout must load it (the page's watch does not see its shadow root).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteAccount, ToteCheckout } from '../../../src/index.js';
import '../../../src/components/checkout/define.js';
import { accountOf } from '../../../src/store/account/index.js';
import { freshStore, loginCodeFor } from '../../helpers/reference-store.js';
import { waitUntil } from '../../helpers/wait.js';
import { $, fillCart, flowOf, mountCheckout, submitStep, type } from './checkout-fixture.js';

const ADA = 'ada@example.com';

let checkout: ToteCheckout | undefined;

/** The checkout at its address step, as a guest who gave Ada's email. */
async function atAddressStep(): Promise<ToteCheckout> {
  await fillCart(['classic-tee']);
  const el = await mountCheckout();
  checkout = el;
  type(el, 'f-email', ADA);
  await submitStep(el, 'contact');
  expect(flowOf(el).state.step).to.equal('address');
  return el;
}

describe('<tote-checkout> and a returning customer', function () {
  this.timeout(30_000);
  beforeEach(() => freshStore());
  // The sign-in is kept beside the cart (IndexedDB): the next test starts as a guest again.
  afterEach(async () => {
    const shop = checkout?.closest('tote-store')?.shop;
    if (shop) await accountOf(shop).signOut();
    checkout = undefined;
  });

  it('offers an inline sign-in by code on the address step, and the saved address then fills the form', async () => {
    const el = await atAddressStep();
    expect($(el, 'tote-account'), 'nothing shown before the shopper asks').to.equal(null);
    const offer = $<HTMLButtonElement>(el, '.sign-in-offer button');
    expect(offer.getAttribute('aria-expanded')).to.equal('false');
    offer.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(offer.getAttribute('aria-expanded')).to.equal('true');
    const account = $<ToteAccount>(el, 'tote-account');
    await waitUntil(() => account.shadowRoot?.querySelector('#email'), 'the account element did not load', {
      timeout: 8000,
    });
    const email = account.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
    expect(email.value, 'the email the shopper gave the checkout').to.equal(ADA);
    email.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => account.shadowRoot!.activeElement?.id === 'code', 'no code field');
    await sendKeys({ type: await loginCodeFor(ADA) });
    await waitUntil(() => flowOf(el).state.savedAddresses.length === 2, 'the saved addresses never came', {
      timeout: 8000,
    });
    await el.updateComplete;
    expect(flowOf(el).state.address.line1).to.equal('1 Main St');
    expect($<HTMLInputElement>(el, '#f-shippingAddress-line1').value).to.equal('1 Main St');
    expect($(el, '.sign-in-offer'), 'no offer once signed in').to.equal(null);
    expect(account.shadowRoot!.querySelector('[part="orders"]'), 'compact: no order list in the checkout').to.equal(
      null,
    );
    // The other saved address, picked from the list, is what the cart gets.
    const saved = $<HTMLSelectElement>(el, '#saved-address');
    expect([...saved.options].map((option) => option.textContent?.trim())).to.have.length(3);
    saved.value = saved.options[2]!.value;
    saved.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-shippingAddress-city').value).to.equal('London');
    await submitStep(el, 'address');
    expect(flowOf(el).state.step).to.equal('shipping');
    expect(flowOf(el).state.cart?.shippingAddress?.postalCode).to.equal('SW1Y 4JH');
    await expect(el).to.be.accessible();
  });

  it('a guest is never asked to sign in: the address step works without it', async () => {
    const el = await atAddressStep();
    expect($(el, '.sign-in-offer')).to.exist;
    expect($(el, '#saved-address'), 'no saved addresses for a guest').to.equal(null);
    expect(flowOf(el).state.address.line1 ?? '').to.equal('');
  });

  it('a shopper signed in elsewhere on the page finds the email and address filled', async () => {
    const { shop } = await fillCart(['classic-tee']);
    const session = accountOf(shop);
    await session.requestCode(ADA);
    await session.verify(await loginCodeFor(ADA));
    expect(session.state.phase).to.equal('signed-in');
    const el = await mountCheckout();
    checkout = el;
    await waitUntil(() => flowOf(el).state.savedAddresses.length === 2, 'the saved addresses never came');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-email').value).to.equal(ADA);
    await submitStep(el, 'contact');
    expect($<HTMLInputElement>(el, '#f-shippingAddress-line1').value).to.equal('1 Main St');
    expect($(el, '.sign-in-offer'), 'signed in: no offer').to.equal(null);
  });
});
