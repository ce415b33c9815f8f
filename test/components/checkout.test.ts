// <tote-checkout> end to end against the reference store: cart → steps → order → the hosted
// payment page (its real form, submitted) → return URL (a fresh element, as after a reload) →
// receipt. Also bank transfer, a declined-then-retried payment, price_changed, keyboard only, axe.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteCart, ToteCheckout, ToteStore } from '../../src/index.js';
import { whenUsed } from '../../src/internal/lazy-define.js';
import '../../src/define.js';

const API = `${location.origin}/v3`;
const START_URL = location.href;

async function control(body: Record<string, unknown>): Promise<void> {
  const response = await fetch('/__control', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`control: ${response.status} ${await response.text()}`);
}

let handoffs: string[] = [];

/** Submits the hosted page's own form the way a browser would, then lands on the return URL. */
async function payOnHostedPage(url: string, action: 'pay' | 'decline' | 'cancel', card = '4242 4242 4242 4242'): Promise<void> {
  const page = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  const form = page.querySelector('form')!;
  expect(page.querySelector(`button[value="${action}"]`), `no ${action} button`).to.exist;
  const body = new URLSearchParams({ card, action });
  const response = await fetch(new URL(form.getAttribute('action')!, url), { method: 'POST', body });
  const back = new URL(response.url); // followed the 303 to the return URL
  history.replaceState(null, '', back.pathname + back.search);
}

async function mountCheckout(): Promise<ToteCheckout> {
  const store = await fixture<ToteStore>(html`<tote-store public-key="pk_test_tote_demo" api-base=${API}><tote-checkout></tote-checkout></tote-store>`);
  await whenUsed('tote-checkout');
  const checkout = store.querySelector('tote-checkout')!;
  checkout.navigate = (url) => handoffs.push(url);
  await waitUntil(() => checkout.flow && checkout.flow.state.phase !== 'loading', 'checkout did not load', { timeout: 5000 });
  await checkout.updateComplete;
  return checkout;
}

async function fillCart(slugs: string[]) {
  const store = await fixture<ToteStore>(html`<tote-store public-key="pk_test_tote_demo" api-base=${API}></tote-store>`);
  const shop = store.shop!;
  await shop.cart.start();
  await shop.cart.startOver();
  for (const slug of slugs) {
    const product = await shop.catalog.product(slug);
    const variant = product.variants.find((v) => v.sellableQuantity !== 0)!;
    shop.cart.add(variant.id, 1, { productId: product.id, name: product.name, variantName: null, sku: variant.sku, unitPrice: variant.price, imageUrl: null });
  }
  await shop.cart.settled();
  return { shop, store };
}

const $ = <T extends Element = HTMLElement>(el: ToteCheckout, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const flowOf = (el: ToteCheckout) => el.flow!;

function type(el: ToteCheckout, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
}

async function submitStep(el: ToteCheckout, step: string): Promise<void> {
  $<HTMLFormElement>(el, '.current form').requestSubmit();
  await waitUntil(() => flowOf(el).state.step !== step || Object.keys(flowOf(el).state.errors).length > 0, `stuck at ${step}`, { timeout: 5000 });
  await el.updateComplete;
}

/** Contact, address, shipping and (with `bank`) payment: the same path a shopper takes. */
async function fillSteps(el: ToteCheckout, method: 'card' | 'bank' = 'card'): Promise<void> {
  type(el, 'f-email', 'ada@example.com');
  await submitStep(el, 'contact');
  expect(flowOf(el).state.step).to.equal('address');
  type(el, 'f-shippingAddress-name', 'Ada Lovelace');
  type(el, 'f-shippingAddress-line1', '12 Analytical Row');
  type(el, 'f-shippingAddress-city', 'Brooklyn');
  type(el, 'f-shippingAddress-postalCode', '11201');
  $<HTMLSelectElement>(el, '#f-shippingAddress-countryCode').value = 'US';
  await submitStep(el, 'address');
  expect(flowOf(el).state.step).to.equal('shipping');
  await submitStep(el, 'shipping');
  expect(flowOf(el).state.step).to.equal('payment');
  if (method === 'bank') $<HTMLInputElement>(el, 'input[name="method"][value="1"]').checked = true;
  await submitStep(el, 'payment');
  expect(flowOf(el).state.step).to.equal('review');
}

describe('<tote-checkout>', function () {
  this.timeout(30_000);

  beforeEach(async () => {
    handoffs = [];
    history.replaceState(null, '', START_URL);
    sessionStorage.clear();
    await control({ reset: true, resetLimits: true });
  });
  afterEach(() => history.replaceState(null, '', START_URL));

  it('buys from the cart drawer to the receipt through the hosted payment page, resuming after a reload', async () => {
    const { shop } = await fillCart(['stoneware-mug']);
    fixtureCleanup();
    // The drawer's "Check out" loads the checkout and shows it in place.
    const store = await fixture<ToteStore>(html`<tote-store public-key="pk_test_tote_demo" api-base=${API}><tote-cart></tote-cart></tote-store>`);
    await whenUsed('tote-cart'); // the cart is defined lazily, as in the drop-in
    const cart = store.querySelector<ToteCart>('tote-cart')!;
    await cart.updateComplete;
    const started: unknown[] = [];
    document.addEventListener('tote-checkout-start', (e) => started.push(e.detail), { once: true });
    await waitUntil(() => cart.shadowRoot!.querySelector('[part="checkout-button"]:not([disabled])'), 'no checkout button');
    cart.show();
    cart.shadowRoot!.querySelector<HTMLButtonElement>('[part="checkout-button"]')!.click();
    const el = await waitUntil(() => cart.shadowRoot!.querySelector('tote-checkout'), 'no checkout').then(() => cart.shadowRoot!.querySelector('tote-checkout')!);
    expect(started).to.have.length(1);
    el.navigate = (url) => handoffs.push(url);
    await waitUntil(() => flowOf(el)?.state.phase === 'form', 'checkout did not load', { timeout: 5000 });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await fillSteps(el);
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#f-terms').checked = true;
    $<HTMLFormElement>(el, '.current form').requestSubmit();
    await waitUntil(() => handoffs.length === 1, 'no hand-off', { timeout: 5000 });
    expect(flowOf(el).state.phase).to.equal('redirecting');

    await payOnHostedPage(handoffs[0]!, 'pay');
    expect(location.search).to.match(/tote_order=ord_/);
    fixtureCleanup(); // the page "reloads" on the return URL: a new element must finish the job
    const completed = new Promise<CustomEvent>((resolve) => document.addEventListener('tote-order-complete', (e) => resolve(e), { once: true }));
    const again = await mountCheckout();
    await waitUntil(() => flowOf(again).state.phase === 'receipt', `no receipt: ${flowOf(again).state.phase}`, { timeout: 10_000 });
    await again.updateComplete;
    const event = await completed;
    expect(event.detail.orderNumber).to.match(/^TOTE-/);
    expect(event.detail.paymentStatus).to.equal('paid');
    expect($(again, '#receipt-title').textContent).to.contain(event.detail.orderNumber);
    expect(again.shadowRoot!.activeElement?.id).to.equal('receipt-title');
    expect(location.search).not.to.contain('tote_order');
    await expect(again).to.be.accessible();
    await waitUntil(() => shop.cart.state.server?.items.length === 0, 'the next cart is not empty');
  });

  it('pays by bank transfer straight to a receipt with payment instructions', async () => {
    await fillCart(['stoneware-mug']);
    const el = await mountCheckout();
    await fillSteps(el, 'bank');
    $<HTMLInputElement>(el, '#f-terms').checked = true;
    $<HTMLFormElement>(el, '.current form').requestSubmit();
    await waitUntil(() => flowOf(el).state.phase === 'receipt', 'no receipt', { timeout: 5000 });
    await el.updateComplete;
    expect(handoffs).to.have.length(0);
    expect($(el, '[part="instructions"]').textContent).to.contain('bank');
    expect($(el, '.receipt').textContent).to.contain('Awaiting payment');
    await expect(el).to.be.accessible();
  });

  it('a declined payment returns to the review with the cart intact; the retry pays the same order', async () => {
    await fillCart(['stoneware-mug']);
    const el = await mountCheckout();
    await fillSteps(el);
    $<HTMLInputElement>(el, '#f-terms').checked = true;
    $<HTMLFormElement>(el, '.current form').requestSubmit();
    await waitUntil(() => handoffs.length === 1, 'no hand-off', { timeout: 5000 });
    await payOnHostedPage(handoffs[0]!, 'pay', '4000 0000 0000 0002');
    fixtureCleanup();
    const back = await mountCheckout();
    await waitUntil(() => flowOf(back).state.note?.text === 'checkout.declined', `no decline: ${JSON.stringify(flowOf(back).state.note)}`, { timeout: 10_000 });
    await back.updateComplete;
    expect(flowOf(back).state.step).to.equal('review');
    expect($(back, '.step-note').textContent).to.contain('declined');
    expect(flowOf(back).state.cart!.items).to.have.length(1);
    await expect(back).to.be.accessible();
    $<HTMLInputElement>(back, '#f-terms').checked = true;
    $<HTMLFormElement>(back, '.current form').requestSubmit();
    await waitUntil(() => handoffs.length === 2, 'no second hand-off', { timeout: 5000 });
    await payOnHostedPage(handoffs[1]!, 'pay');
    fixtureCleanup();
    const done = await mountCheckout();
    await waitUntil(() => flowOf(done).state.phase === 'receipt', 'no receipt after retry', { timeout: 10_000 });
    expect(flowOf(done).state.receipt!.paymentStatus).to.equal('paid');
  });

  it('shows a price_changed refusal with the changed line and places the order once accepted', async () => {
    const { shop } = await fillCart(['stoneware-mug']);
    const el = await mountCheckout();
    await fillSteps(el, 'bank');
    const variantId = shop.cart.state.server!.items[0]!.variantId;
    await control({ variants: { [variantId]: { price: 9900 } } });
    $<HTMLInputElement>(el, '#f-terms').checked = true;
    $<HTMLFormElement>(el, '.current form').requestSubmit();
    await waitUntil(() => flowOf(el).state.rejection?.rejection === 'price_changed', 'no price_changed', { timeout: 5000 });
    await el.updateComplete;
    expect($(el, '.changes').textContent).to.contain('$99.00');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.button.place').click();
    await waitUntil(() => flowOf(el).state.phase === 'receipt', 'no receipt', { timeout: 5000 });
    expect(flowOf(el).state.receipt!.items[0]!.unitPrice).to.equal(9900);
  });

  it('moves focus to the first error, and can be completed with the keyboard alone', async () => {
    await fillCart(['gift-card']); // digital: contact, payment, review
    const el = await mountCheckout();
    expect(flowOf(el).state.steps).to.deep.equal(['contact', 'payment', 'review']);
    $<HTMLInputElement>(el, '#f-email').focus();
    await sendKeys({ type: 'ada@' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => flowOf(el).state.errors.email, 'no email error');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-email');
    expect($(el, '#f-email').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => flowOf(el).state.step === 'payment', 'contact not accepted', { timeout: 5000 });
    await el.updateComplete;
    // Focus sits on the step heading: Tab to the first radio, pick bank transfer with an arrow, Enter.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => flowOf(el).state.step === 'review', 'payment not chosen');
    await el.updateComplete;
    expect(flowOf(el).paymentMethod!.name).to.equal('Bank transfer');
    // Review: place without the terms → focus lands on the checkbox; Space ticks it; Enter places.
    $<HTMLButtonElement>(el, '[part="place-order"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => flowOf(el).state.errors.terms, 'no terms error');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-terms');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' }); // Enter on a checkbox submits its form (implicit submission)
    await waitUntil(() => flowOf(el).state.phase === 'receipt', `no receipt: ${JSON.stringify(flowOf(el).state.errors)}`, { timeout: 5000 });
  });
});
