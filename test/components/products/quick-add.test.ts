// The grid's quick add (`<tote-products quick-add>`, issue 18): a product with one variant goes into
// the server's cart from its card; one with several opens at its options; the skeleton holds the
// button's row, so nothing moves when the cards arrive.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteProducts, ToteShop } from '../../../src/index.js';
import '../../../src/define.js';
import { deepActiveElement } from '../../../src/dom/deep-active-element.js';
import { API, DEMO, control, until } from '../../helpers/catalog-fixture.js';

const root = (el: Element) => el.shadowRoot!;
const quickOf = (el: Element, name: string) => {
  const card = [...root(el).querySelectorAll('.card[data-index]')].find(
    (candidate) => candidate.querySelector('.name')!.textContent === name,
  );
  return card?.parentElement!.querySelector<HTMLButtonElement>('[part="quick-add"]') ?? null;
};

async function mount(faults: string | null = null) {
  await control({ resetLimits: true, faults });
  const store = await fixture(html`<div style="width: 900px">
    <tote-store public-key=${DEMO} api-base=${API}>
      <tote-products quick-add per-page="48"></tote-products>
      <tote-cart></tote-cart>
    </tote-store>
  </div>`);
  const el = store.querySelector('tote-products') as ToteProducts;
  const shop = (store.querySelector('tote-store') as HTMLElement & { shop: ToteShop }).shop;
  return { el, shop, cart: store.querySelector('tote-cart')! };
}

describe('<tote-products quick-add>', () => {
  afterEach(() => control({ faults: null }));

  it('holds the button’s row in the skeleton: a card with its quick add is exactly as tall as its placeholder', async () => {
    const { el } = await mount('latency=500-500');
    // Drawn once its quick add's file is here (grid-extras.ts), as placeholders while the list loads.
    await until(() => root(el).querySelector('.grid[aria-busy="true"] li'), 'placeholders');
    const placeholder = root(el).querySelector<HTMLElement>('.grid[aria-busy="true"] li')!;
    expect(placeholder.querySelector('.quick.skeleton'), 'the button’s placeholder').to.exist;
    const skeletonHeight = placeholder.getBoundingClientRect().height;
    const gridHeight = root(el).querySelector('.grid')!.getBoundingClientRect().height;
    await until(() => quickOf(el, 'Olive Wood Spoon'), 'cards rendered');
    const item = quickOf(el, 'Olive Wood Spoon')!.parentElement!;
    expect(item.getBoundingClientRect().height).to.equal(skeletonHeight);
    expect(root(el).querySelector('.grid')!.getBoundingClientRect().height).to.equal(gridHeight);
  });

  it('adds a single-variant product from its card: the server’s cart has it, the drawer opens and says so', async () => {
    const { el, shop, cart } = await mount();
    await until(() => quickOf(el, 'Olive Wood Spoon'), 'cards rendered');
    const spoon = quickOf(el, 'Olive Wood Spoon')!;
    expect(spoon.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Add to cart: Olive Wood Spoon');
    expect(spoon.querySelector('.visually-hidden')!.textContent, 'its name says which product').to.contain('Olive');
    expect(quickOf(el, 'Classic Tee')!.textContent).to.contain('Choose options');
    const wallet = quickOf(el, 'Leather Wallet')!;
    expect(wallet.disabled, 'sold out: nothing to add').to.equal(true);
    expect(wallet.textContent).to.contain('Sold out');
    await expect(el).to.be.accessible();

    spoon.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => cart.shadowRoot?.querySelector('dialog[open]'), 'the drawer opens on the add');
    await until(
      async () => (await shop.api.cart()).items.some((item) => item.variantId === 'var_d28_01'),
      'on the server',
    );
    const line = (await shop.api.cart()).items.find((item) => item.variantId === 'var_d28_01')!;
    expect(line.quantity).to.equal(1);
    await until(() => quickOf(el, 'Olive Wood Spoon')!.textContent!.includes('Added to cart'), 'the card says added');

    await sendKeys({ press: 'Escape' });
    await until(() => !cart.shadowRoot!.querySelector('dialog[open]'), 'drawer closed');
    expect(deepActiveElement(), 'focus back on the card’s button').to.equal(quickOf(el, 'Olive Wood Spoon'));
  });

  it('without a cart on the page, says the add in its own live region', async () => {
    await control({ resetLimits: true, faults: null });
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-products quick-add per-page="48"></tote-products>
    </tote-store>`);
    const el = store.querySelector('tote-products') as ToteProducts;
    await until(() => quickOf(el, 'Olive Wood Spoon'), 'cards rendered');
    quickOf(el, 'Olive Wood Spoon')!.click();
    const region = () => [...root(el).querySelectorAll('[role="status"]')].map((node) => node.textContent).join(' ');
    await until(() => /Added Olive Wood Spoon, \d+ items? in cart/.test(region()), 'said aloud');
  });

  it('"Choose options" opens the product at its first option; closing it returns focus to the button', async () => {
    const { el } = await mount();
    await until(() => quickOf(el, 'Classic Tee'), 'cards rendered');
    quickOf(el, 'Classic Tee')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).querySelector('dialog')?.open, 'dialog open');
    const product = root(el).querySelector('dialog tote-product')!;
    await until(() => deepActiveElement()?.matches('input[type="radio"]'), 'focus on an option');
    const radio = deepActiveElement() as HTMLInputElement;
    expect(radio.closest('fieldset'), 'the first option').to.equal(product.shadowRoot!.querySelector('fieldset'));
    expect(radio.checked, 'its chosen value').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !root(el).querySelector('dialog'), 'dialog closed');
    expect(deepActiveElement()).to.equal(quickOf(el, 'Classic Tee'));
  });

  it('a refused add (no stock left) says why on the card and aloud', async () => {
    const { el, shop } = await mount();
    await until(() => quickOf(el, "Chef's Knife"), 'cards rendered');
    // The card was drawn with 3 left; meanwhile this cart took all 3.
    const knife = (await shop.catalog.product('chefs-knife')).variants[0]!;
    shop.cart.add(knife.id, 3);
    await shop.cart.confirmed(knife.id);
    quickOf(el, "Chef's Knife")!.click();
    await until(() => quickOf(el, "Chef's Knife")!.classList.contains('failed'), 'refused');
    const region = [...root(el).querySelectorAll('[role="status"]')].map((node) => node.textContent).join(' ');
    expect(region).to.contain('Could not add to cart');
    expect(quickOf(el, "Chef's Knife")!.textContent, 'the reason on the card').not.to.match(/^\s*$/);
    expect((await shop.api.cart()).items.find((item) => item.variantId === knife.id)!.quantity).to.equal(3);
  });
});
