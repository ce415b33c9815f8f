// Shared by the checkout's browser tests: a shop against the reference store (mounted by the test
// runner at /v3), a cart filled through the cart engine, the steps filled the way a shopper fills
// them, and the hosted payment page's own form submitted.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { ToteCheckout, ToteShop, ToteStore } from '../../../src/index.js';
import { whenUsed } from '../../../src/dom/lazy-define.js';
import { paymentUrlsFor } from '../../../src/store/checkout/pending-order.js';
import '../../../src/define.js';

export const API = `${location.origin}/v3`;
export const START_URL = location.href;

export async function control(body: Record<string, unknown>): Promise<void> {
  const response = await fetch('/__control', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control: ${response.status} ${await response.text()}`);
}

/** Where the checkout under test sent the shopper (the hosted payment page); emptied by each test. */
export const handoffs: string[] = [];

/**
 * Submits the hosted page's own form the way a browser would, then lands on the return (or cancel)
 * URL. `fetch` follows the 303 but drops the URL's fragment, where our marker lives, so the helper
 * checks the path it landed on and puts back the URL the element gave the gateway.
 */
export async function payOnHostedPage(
  el: ToteCheckout,
  url: string,
  action: 'pay' | 'decline' | 'cancel',
  card = '4242 4242 4242 4242',
): Promise<void> {
  const orderId = flowOf(el).state.order!.orderId;
  const page = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  const form = page.querySelector('form')!;
  expect(page.querySelector(`button[value="${action}"]`), `no ${action} button`).to.exist;
  const body = new URLSearchParams({ card, action });
  const response = await fetch(new URL(form.getAttribute('action')!, url), { method: 'POST', body });
  const urls = paymentUrlsFor(orderId);
  const back = action === 'cancel' ? urls.cancelUrl : urls.returnUrl;
  expect(new URL(response.url).pathname).to.equal(new URL(back).pathname);
  expect(response.url, 'the page query never travels to the gateway').not.to.contain('?');
  history.replaceState(null, '', back);
}

export const DEMO = 'pk_test_tote_demo';

export async function mountCheckout(key = DEMO, locale = 'en-US'): Promise<ToteCheckout> {
  const store = await fixture<ToteStore>(
    html`<tote-store public-key=${key} api-base=${API} locale=${locale}><tote-checkout></tote-checkout></tote-store>`,
  );
  await whenUsed('tote-checkout');
  const checkout = store.querySelector('tote-checkout')!;
  checkout.navigate = (url) => handoffs.push(url);
  await waitUntil(() => checkout.flow && checkout.flow.state.phase !== 'loading', 'checkout did not load', {
    timeout: 5000,
  });
  await checkout.updateComplete;
  return checkout;
}

/** Adds `quantity` of the first sellable variant of `slug`, described as the grid would, and waits for the server. */
export async function addSellable(shop: ToteShop, slug: string, quantity = 1) {
  const product = await shop.catalog.product(slug);
  const variant = product.variants.find((v) => v.sellableQuantity !== 0)!;
  shop.cart.add(variant.id, quantity, {
    productId: product.id,
    name: product.name,
    variantName: null,
    sku: variant.sku,
    unitPrice: variant.price,
    imageUrl: null,
  });
  await shop.cart.settled();
  return { product, variant };
}

export async function fillCart(slugs: string[], key = DEMO) {
  const store = await fixture<ToteStore>(html`<tote-store public-key=${key} api-base=${API}></tote-store>`);
  const shop = store.shop!;
  await shop.cart.start();
  await shop.cart.startOver();
  for (const slug of slugs) await addSellable(shop, slug);
  await shop.cart.settled();
  return { shop, store };
}

export const $ = <T extends Element = HTMLElement>(el: ToteCheckout, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const flowOf = (el: ToteCheckout) => el.flow!;

export function type(el: ToteCheckout, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
}

export async function submitStep(el: ToteCheckout, step: string): Promise<void> {
  $<HTMLFormElement>(el, '.current form').requestSubmit();
  await waitUntil(
    () => flowOf(el).state.step !== step || Object.keys(flowOf(el).state.errors).length > 0,
    `stuck at ${step}`,
    { timeout: 5000 },
  );
  await el.updateComplete;
}

/** Picks a country the way a shopper does (a change event), so the region field follows it. */
export async function pickCountry(el: ToteCheckout, id: string, code: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`);
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A Brooklyn shipping address, typed as a shopper does (the state is chosen by the caller). */
export async function typeAddress(el: ToteCheckout): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('#f-shippingAddress-countryCode option'), 'no countries');
  await pickCountry(el, 'f-shippingAddress-countryCode', 'US');
  type(el, 'f-shippingAddress-name', 'Ada Lovelace');
  type(el, 'f-shippingAddress-line1', '12 Analytical Row');
  type(el, 'f-shippingAddress-city', 'Brooklyn');
  type(el, 'f-shippingAddress-postalCode', '11201');
}

/** Contact, address, shipping and (with `bank`) payment: the same path a shopper takes. */
export async function fillSteps(el: ToteCheckout, method: 'card' | 'bank' = 'card'): Promise<void> {
  type(el, 'f-email', 'ada@example.com');
  await submitStep(el, 'contact');
  expect(flowOf(el).state.step).to.equal('address');
  await typeAddress(el);
  // US states come from GET /countries: a select that submits the code, labelled "State".
  expect($(el, 'label[for="f-shippingAddress-region"]').textContent).to.contain('State');
  expect($<HTMLInputElement>(el, '#f-shippingAddress-postalCode').placeholder).to.not.equal('');
  $<HTMLSelectElement>(el, '#f-shippingAddress-region').value = 'NY';
  await submitStep(el, 'address');
  expect(flowOf(el).state.step).to.equal('shipping');
  await submitStep(el, 'shipping');
  expect(flowOf(el).state.step).to.equal('payment');
  if (method === 'bank') $<HTMLInputElement>(el, 'input[name="method"][value="1"]').checked = true;
  await submitStep(el, 'payment');
  expect(flowOf(el).state.step).to.equal('review');
}
