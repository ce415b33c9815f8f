// <tote-cart-toggle> and <tote-cart> against the reference store: the badge, the drawer (modal,
// Escape, focus return, scroll lock), lines, undo, discount codes, announcements, axe.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteCart, ToteCartToggle, ToteStore } from '../../src/index.js';
import '../../src/define.js';

const API = `${location.origin}/v3`;

async function control(body: Record<string, unknown>): Promise<void> {
  const response = await fetch('/__control', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`control: ${response.status}`);
}

async function mount() {
  const store = await fixture<ToteStore>(html`<tote-store public-key="pk_test_tote_demo" api-base=${API}>
    <button id="elsewhere">Elsewhere</button>
    <tote-cart-toggle></tote-cart-toggle>
    <tote-cart></tote-cart>
  </tote-store>`);
  const shop = await waitUntil(() => store.shop, 'no shop').then(() => store.shop!);
  await shop.cart.start();
  await customElements.whenDefined('tote-cart'); // the drawer loads lazily, right after the page
  const toggle = store.querySelector<ToteCartToggle>('tote-cart-toggle')!;
  const cart = store.querySelector<ToteCart>('tote-cart')!;
  return { store, shop, toggle, cart };
}

type Shop = Awaited<ReturnType<typeof mount>>['shop'];

async function addProduct(shop: Shop, slug: string, quantity = 1) {
  const product = await shop.catalog.product(slug);
  const variant = product.variants.find((v) => v.sellableQuantity !== 0)!;
  shop.cart.add(variant.id, quantity, { productId: product.id, name: product.name, variantName: null, sku: variant.sku, unitPrice: variant.price, imageUrl: null });
  await shop.cart.settled();
  return variant;
}

const button = (el: Element) => el.shadowRoot!.querySelector('button')!;

describe('<tote-cart-toggle> and <tote-cart>', () => {
  beforeEach(async () => {
    await control({ reset: true, resetLimits: true });
    const { shop } = await mount();
    await shop.cart.startOver(); // a fresh cart token: no lines left over from an earlier test
    fixtureCleanup();
  });

  it('names the button with the live count and opens a modal drawer that Escape closes, returning focus', async () => {
    const { shop, toggle, cart } = await mount();
    expect(button(toggle).getAttribute('aria-label')).to.equal('Cart, 0 items');
    await addProduct(shop, 'stoneware-mug', 2);
    await waitUntil(() => button(toggle).getAttribute('aria-label') === 'Cart, 2 items', 'badge did not follow');
    cart.hide();
    await cart.updateComplete;

    button(toggle).focus();
    button(toggle).click();
    await cart.updateComplete;
    const dialog = cart.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.matches(':modal')).to.be.true;
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await expect(cart).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !cart.open, 'Escape did not close');
    expect(document.documentElement.style.overflow).to.equal('');
    expect(toggle.matches(':focus-within')).to.be.true;
  });

  it('opens on add and announces it; shows lines with the server totals', async () => {
    const { shop, cart } = await mount();
    const variant = await addProduct(shop, 'stoneware-mug');
    await waitUntil(() => cart.open, 'did not open on add');
    const live = cart.shadowRoot!.querySelector('dialog [role="status"][aria-live]')!;
    await waitUntil(() => live.textContent!.includes('Added Stoneware Mug, 1 item in cart'), `announcement: ${live.textContent}`);
    const line = cart.shadowRoot!.querySelector('[part="line"]')!;
    expect(line.textContent).to.contain('Stoneware Mug');
    expect(cart.shadowRoot!.querySelector('[part="total"]')!.textContent).to.contain(`$${(variant.price / 100).toFixed(2)}`);
    expect(cart.shadowRoot!.querySelector('[part="totals"]')!.textContent).to.contain('Calculated at checkout');
  });

  it('does not open on add with open-on-add="false"', async () => {
    const { shop, cart } = await mount();
    cart.setAttribute('open-on-add', 'false');
    await addProduct(shop, 'stoneware-mug');
    await cart.updateComplete;
    expect(cart.open).to.be.false;
  });

  it('changes quantities with the stepper and the typed input, through the engine', async () => {
    const { shop, cart } = await mount();
    await addProduct(shop, 'stoneware-mug');
    await cart.updateComplete;
    const root = cart.shadowRoot!;
    (root.querySelector('[part="quantity"] button:last-of-type') as HTMLButtonElement).click();
    await shop.cart.settled();
    expect(shop.cart.state.server!.items[0]!.quantity).to.equal(2);
    const input = root.querySelector<HTMLInputElement>('[part="quantity"] input')!;
    input.value = '4';
    input.dispatchEvent(new Event('change'));
    await shop.cart.settled();
    expect(shop.cart.state.server!.items[0]!.quantity).to.equal(4);
  });

  it('removes a line with an undo toast that brings it back', async () => {
    const { shop, cart } = await mount();
    await addProduct(shop, 'stoneware-mug', 3);
    await cart.updateComplete;
    const root = cart.shadowRoot!;
    (root.querySelector('[part="remove"]') as HTMLButtonElement).click();
    await cart.updateComplete;
    const toast = root.querySelector('[part="toast"]')!;
    expect(toast.textContent).to.contain('Removed Stoneware Mug.');
    expect(shop.cart.state.itemCount).to.equal(0);
    await expect(cart).to.be.accessible();
    (toast.querySelector('button') as HTMLButtonElement).click();
    await shop.cart.settled();
    await waitUntil(() => shop.cart.state.server?.items[0]?.quantity === 3, 'undo did not restore 3');
  });

  it('applies a discount code, shows a bad code inline, and removes the code', async () => {
    const { shop, cart } = await mount();
    await addProduct(shop, 'stoneware-mug', 2);
    await waitUntil(() => cart.shadowRoot!.querySelector('#code'), 'no coupon field');
    const root = cart.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#code')!;
    input.value = 'EXPIRED20';
    root.querySelector<HTMLFormElement>('.discount-form')!.requestSubmit();
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'bad code not flagged');
    expect(root.querySelector('#code-note')!.textContent).to.match(/expired/i);

    input.value = 'WELCOME10';
    root.querySelector<HTMLFormElement>('.discount-form')!.requestSubmit();
    await waitUntil(() => shop.cart.state.server?.discounts.length === 1, 'code not applied');
    await cart.updateComplete;
    expect(root.querySelector('[part="totals"]')!.textContent).to.contain('WELCOME10');
    await expect(cart).to.be.accessible();
    root.querySelector<HTMLButtonElement>('.discount button')!.click();
    await waitUntil(() => shop.cart.state.server?.discounts.length === 0, 'code not removed');
  });

  it('shows the empty state with a way back, and works inline', async () => {
    const store = await fixture<ToteStore>(html`<tote-store public-key="pk_test_tote_demo" api-base=${API}>
      <tote-cart mode="inline" continue-url="/shop"></tote-cart>
    </tote-store>`);
    const cart = store.querySelector<ToteCart>('tote-cart')!;
    await waitUntil(() => cart.shadowRoot!.querySelector('.empty'), 'no empty state');
    expect(cart.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(cart.shadowRoot!.textContent).to.contain('Your cart is empty.');
    expect(cart.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/shop');
    await expect(cart).to.be.accessible();
  });

  it('fires tote-cart-change and a cancelable tote-checkout-start', async () => {
    const { shop, cart } = await mount();
    const changes: number[] = [];
    document.addEventListener('tote-cart-change', (e) => changes.push(e.detail.itemCount));
    await addProduct(shop, 'stoneware-mug');
    await waitUntil(() => changes.includes(1), `changes: ${changes}`);
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('tote-checkout-start', veto, { once: true });
    cart.shadowRoot!.querySelector<HTMLButtonElement>('[part="checkout-button"]')!.click();
    await cart.updateComplete;
    expect(cart.shadowRoot!.querySelector('tote-checkout')).to.equal(null);
  });
});
