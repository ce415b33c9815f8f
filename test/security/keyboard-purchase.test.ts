// A purchase with the keyboard alone (issue 10): grid → product → add → cart → checkout → receipt,
// every step through sendKeys, with axe on each state on the way (the buy button and the cart
// button included, which the element tests check less).
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type {
  ToteBuyButton,
  ToteCart,
  ToteCartToggle,
  ToteCheckout,
  ToteProducts,
  ToteStore,
} from '../../src/index.js';
import { whenUsed } from '../../src/dom/lazy-define.js';
import '../../src/define.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `match` holds for the focused element (a shopper tabbing to a control). */
async function tabTo(match: (el: Element) => boolean, what: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    const el = deepActive();
    if (el && match(el)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(
    `Tab never reached ${what} (focus on <${deepActive()?.localName}> ${deepActive()?.textContent?.trim().slice(0, 40)})`,
  );
}

describe('security: keyboard-only purchase and axe on every element', function () {
  this.timeout(40_000);
  beforeEach(() => freshStore());
  afterEach(() => fixtureCleanup());

  it('buys a gift card from the grid to the receipt with the keyboard alone', async () => {
    const store = await fixture<ToteStore>(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE} locale="en-US">
      <tote-cart-toggle></tote-cart-toggle>
      <tote-products ids="gift-card"></tote-products>
      <tote-buy-button product="stoneware-mug"></tote-buy-button>
      <tote-cart></tote-cart>
    </tote-store>`);
    await store.shop!.cart.start();
    await store.shop!.cart.startOver();
    await Promise.all([whenUsed('tote-cart'), whenUsed('tote-buy-button')]);
    const grid = store.querySelector<ToteProducts>('tote-products')!;
    const toggle = store.querySelector<ToteCartToggle>('tote-cart-toggle')!;
    const buy = store.querySelector<ToteBuyButton>('tote-buy-button')!;
    const cart = store.querySelector<ToteCart>('tote-cart')!;
    await waitUntil(() => grid.shadowRoot!.querySelector('[part="card"]'), 'no card');
    await waitUntil(() => buy.shadowRoot!.querySelector('button:not([disabled])'), 'no buy button');
    await expect(toggle).to.be.accessible();
    await expect(buy).to.be.accessible();
    await expect(grid).to.be.accessible();

    // Grid → product (dialog).
    await tabTo((el) => el.getAttribute('part') === 'card', 'the card');
    await sendKeys({ press: 'Enter' });
    const dialog = await waitUntil(
      () => grid.shadowRoot!.querySelector('dialog[open] tote-product'),
      'no product dialog',
    ).then(() => grid.shadowRoot!.querySelector('dialog')!);
    const product = dialog.querySelector('tote-product')!;
    await waitUntil(() => product.shadowRoot!.querySelector('[part="add-button"]:not([disabled])'), 'no add button');
    await expect(dialog).to.be.accessible();

    // Add → the cart drawer opens.
    await tabTo((el) => el.getAttribute('part') === 'add-button', 'the add button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cart.open, 'the cart did not open on add', { timeout: 5000 });
    await store.shop!.cart.settled();
    await cart.updateComplete;
    await waitUntil(
      () => cart.shadowRoot!.querySelector('[part="checkout-button"]:not([disabled])'),
      'no checkout button',
    );
    await Promise.all(cart.shadowRoot!.getAnimations().map((a) => a.finished)); // the drawer slides in, fading
    await expect(cart).to.be.accessible();

    // Cart → checkout.
    await tabTo((el) => el.getAttribute('part') === 'checkout-button', 'the checkout button');
    await sendKeys({ press: 'Enter' });
    const checkout = await waitUntil(() => cart.shadowRoot!.querySelector('tote-checkout'), 'no checkout').then(() =>
      cart.shadowRoot!.querySelector<ToteCheckout>('tote-checkout')!,
    );
    checkout.navigate = () => {
      throw new Error('a bank transfer needs no payment page');
    };
    await waitUntil(() => checkout.flow?.state.phase === 'form', 'checkout did not load', { timeout: 5000 });
    await checkout.updateComplete;
    await expect(checkout).to.be.accessible();

    // Contact (a gift card needs no address, only the billing name and country): email, name, Enter.
    await tabTo((el) => el.id === 'f-email', 'the email field');
    await sendKeys({ type: 'ada@example.com' });
    await tabTo((el) => el.id === 'f-billingAddress-name', 'the name field');
    await sendKeys({ type: 'Ada Lovelace' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => checkout.flow!.state.step === 'payment', 'contact not accepted', { timeout: 5000 });
    await checkout.updateComplete;
    // Payment: the first radio, arrow to bank transfer, Enter.
    await tabTo((el) => el instanceof HTMLInputElement && el.type === 'radio', 'a payment method');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => checkout.flow!.state.step === 'review', 'payment not chosen', { timeout: 5000 });
    await checkout.updateComplete;
    await expect(checkout).to.be.accessible();
    // Review: tick the terms with Space, then place the order with Enter.
    await tabTo((el) => el.id === 'f-terms', 'the terms checkbox');
    await sendKeys({ press: 'Space' });
    await tabTo((el) => el.getAttribute('part') === 'place-order', 'the place-order button');
    // Frame by frame while the order is placed, focus is somewhere in the checkout, never the page.
    const dropped: string[] = [];
    let watching = true;
    const watch = () => {
      if (document.activeElement === document.body) dropped.push(checkout.flow!.state.phase);
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => checkout.flow!.state.phase === 'receipt',
      `no receipt: ${JSON.stringify(checkout.flow!.state.errors)}`,
      { timeout: 8000 },
    );
    await checkout.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    watching = false;
    expect(dropped, 'focus fell to the page').to.deep.equal([]);
    expect(deepActive()?.id, 'the receipt has focus').to.equal('receipt-title');
    await expect(checkout).to.be.accessible();
  });
});
