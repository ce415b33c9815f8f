import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteBuyButton, ToteProduct } from '../../src/index.js';
import '../../src/define.js';
import '../../src/components/product/define.js';
import '../../src/components/buy-button/define.js';
import { API, DEMO, PL, control, requests, requestsBesidesCartStart, resetRequests, until } from './catalog-fixture.js';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector)!;

async function mount(attrs: string, key = DEMO): Promise<ToteProduct> {
  const store = await fixture(html`<tote-store public-key=${key} api-base=${API}></tote-store>`);
  store.innerHTML = `<tote-product ${attrs}></tote-product>`;
  const el = store.querySelector('tote-product')!;
  await until(() => root(el)?.querySelector('h2, [part="error"]'), `product ${attrs} rendered`);
  return el;
}

describe('<tote-product>', () => {
  beforeEach(async () => {
    await control({ resetLimits: true, faults: null });
    resetRequests();
  });

  it('shows a skeleton while loading, then gallery, price, options, stock and a sanitised description', async () => {
    await control({ faults: 'latency=300-300' });
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}><tote-product product="enamel-pin"></tote-product></tote-store>`);
    const el = store.querySelector('tote-product')!;
    await el.updateComplete;
    expect($(el, '[aria-busy="true"]')).to.exist;
    expect($(el, '[role="status"]').textContent).to.contain('Loading product');
    await expect(el).to.be.accessible();
    await until(() => root(el).querySelector('h2'), 'loaded');
    await control({ faults: null });

    expect($(el, 'h2').textContent).to.equal('Enamel Pin');
    expect($(el, '[part="price"]').textContent).to.equal('$9.00');
    expect($(el, '[part="stock"]').textContent).to.equal('In stock');
    const description = $(el, '[part="description"]');
    expect(description.innerHTML).not.to.match(/script|onerror|javascript:|<img/i);
    const links = [...description.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([null, 'https://example.com/pins']);
    expect(links[1]!.rel).to.equal('noopener noreferrer nofollow');
    expect(description.textContent).to.contain('Hard enamel');
    await expect(el).to.be.accessible();
  });

  it('adds JSON-LD (schema.org Product/Offer) to the light DOM, unless no-structured-data', async () => {
    const el = await mount('product="chefs-knife"');
    await until(() => el.querySelector('script[type="application/ld+json"]'), 'JSON-LD');
    const data = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(data['@type']).to.equal('Product');
    expect(data.name).to.equal("Chef's Knife");
    expect(data.offers[0]).to.include({ '@type': 'Offer', price: '149.00', priceCurrency: 'USD', availability: 'https://schema.org/InStock' });

    const plain = await mount('product="leather-wallet" no-structured-data');
    await plain.updateComplete;
    expect(plain.querySelector('script')).to.equal(null);
    el.remove();
    expect(document.querySelector('script[type="application/ld+json"][data-tote]')).to.equal(null);
  });

  it('sold out: says so, and the add button cannot be used', async () => {
    const el = await mount('product="leather-wallet"');
    expect($(el, '[part="stock"]').textContent).to.equal('Sold out');
    const add = $(el, '[part="add-button"]');
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    expect(add.textContent!.trim()).to.equal('Sold out');
    add.click();
    await el.updateComplete;
    expect($(el, '.feedback').textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('variant unavailable: sold-out values are disabled and say why; a sold-out choice cannot be added', async () => {
    // Classic Tee: every XS is sold out. Asking for an XS variant shows that choice as unavailable.
    const tee = await mount('product="classic-tee" variant="var_d01_01"');
    const xs = $<HTMLInputElement>(tee, 'input[type="radio"][value="val_d01_1_1"]');
    expect(xs.disabled).to.equal(true);
    expect(xs.closest('label')!.textContent).to.contain('sold out');
    expect($(tee, '[part="stock"]').textContent).to.equal('This choice is sold out.');
    expect($(tee, '[part="add-button"]').getAttribute('aria-disabled')).to.equal('true');
    await expect(tee).to.be.accessible();
  });

  it('keyboard: arrows choose options (skipping unavailable ones), the image follows, Enter adds, the cart updates', async () => {
    await control({ reset: true });
    const el = await mount('product="classic-tee"');
    const shop = (el.closest('tote-store') as HTMLElement & { shop: { cart: { state: { itemCount: number } } } }).shop;
    const size = () => $<HTMLInputElement>(el, 'fieldset input:checked').closest('label')!.textContent!.trim();
    expect(size()).to.equal('S'); // XS is sold out: the first sellable size is chosen
    $<HTMLInputElement>(el, 'fieldset input:checked').focus();
    await sendKeys({ press: 'ArrowLeft' }); // XS is disabled: the browser skips it (wraps to XL)
    await el.updateComplete;
    expect(size()).to.equal('XL');
    expect($(el, '[part="price"]').textContent).to.equal('$30.00'); // XL costs more
    await sendKeys({ press: 'Tab' }); // into the colour group
    const before = $<HTMLImageElement>(el, '[part="image"]').src;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($<HTMLImageElement>(el, '[part="image"]').src, 'image of the new colour').not.to.equal(before);
    const colour = $(el, 'fieldset:nth-of-type(2) legend .chosen').textContent;
    expect($<HTMLImageElement>(el, '[part="image"]').alt).to.contain(colour!);

    $(el, '[part="add-button"]').focus();
    // The button's words are read in the microtasks right after the add: the server's answer (a
    // macrotask) cannot have come back yet, however slow the machine is.
    const added = oneEvent(el, 'tote-add').then(async (event) => {
      await el.updateComplete;
      return { event, label: $(el, '[part="add-button"]').textContent!.trim() };
    });
    await sendKeys({ press: 'Enter' });
    const { event, label } = await added;
    expect(event.detail.quantity).to.equal(1);
    expect(label).to.equal('Adding…');
    await until(() => $(el, '[part="add-button"]').textContent!.trim() === 'Added to cart', 'added');
    expect($(el, '.feedback').textContent!.trim()).to.equal('Added to cart');
    expect(shop.cart.state.itemCount).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('caps the quantity at what can still be bought, minus what is in the cart', async () => {
    await control({ reset: true });
    const el = await mount('product="chefs-knife"'); // 3 in stock
    expect($(el, '[part="stock"]').textContent).to.equal('Only 3 left');
    const more = $<HTMLButtonElement>(el, '.quantity button:last-of-type');
    more.click();
    await el.updateComplete;
    more.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '.quantity input').value).to.equal('3');
    expect(more.disabled).to.equal(true);
    const input = $<HTMLInputElement>(el, '.quantity input');
    input.value = '2';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $(el, '[part="add-button"]').click();
    await until(() => $(el, '[part="add-button"]').textContent!.trim() === 'Added to cart', 'added');
    // 2 in the cart: one more at most.
    expect($<HTMLInputElement>(el, '.quantity input').max).to.equal('1');
  });

  it('an unknown product says it is unavailable; a failed read offers a retry', async () => {
    const missing = await mount('product="no-such-product"');
    expect($(missing, '[part="error"]').textContent).to.contain('no longer available');
    await expect(missing).to.be.accessible();

    await control({ faults: 'error5xx=1' });
    const failed = await mount('product="desk-plant"');
    expect($(failed, '[part="error"]').textContent).to.contain('could not be loaded');
    await control({ faults: null });
    $<HTMLButtonElement>(failed, '[part="error"] button').click();
    await until(() => root(failed).querySelector('h2'), 'retried');
    expect(requests(/^\/products\/desk-plant/).length).to.be.greaterThan(1);
  });

  it('speaks Polish and PLN in the Polish shop', async () => {
    const store = await fixture(html`<tote-store public-key=${PL} api-base=${API} locale="pl-PL"><tote-products per-page="1"></tote-products></tote-store>`);
    const grid = store.querySelector('tote-products')!;
    await until(() => grid.shadowRoot!.querySelector('.card[data-product]'), 'pl grid');
    const id = grid.shadowRoot!.querySelector<HTMLElement>('.card[data-product]')!.dataset.product!;
    resetRequests();
    store.insertAdjacentHTML('beforeend', `<tote-product product="${id}"></tote-product>`);
    const el = store.querySelector('tote-product')!;
    await until(() => root(el)?.querySelector('h2'), 'pl product');
    expect($(el, '[part="price"]').textContent).to.match(/zł/);
    expect($(el, '[part="add-button"]').textContent!.trim()).to.match(/Dodaj do koszyka|Wyprzedane/);
    expect(requestsBesidesCartStart(/./), 'known from the grid, currency too: no request').to.deep.equal([]);
  });
});

describe('<tote-buy-button>', () => {
  beforeEach(() => control({ resetLimits: true, faults: null }));

  it('adds the default variant with its price in the label; buy fires a cancelable tote-buy', async () => {
    await control({ reset: true });
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-buy-button product="gift-card"></tote-buy-button>
      <tote-buy-button product="gift-card" action="buy" quantity="2"></tote-buy-button>
      <tote-buy-button product="leather-wallet"></tote-buy-button>
    </tote-store>`);
    const [add, buy, soldOut] = [...store.querySelectorAll<ToteBuyButton>('tote-buy-button')];
    await until(() => $(soldOut!, 'button:not([aria-busy])') && $(add!, 'button:not([aria-busy])'), 'buttons ready');
    expect($(add!, 'button').textContent).to.contain('Add to cart · $25.00');
    expect($(buy!, 'button').textContent).to.contain('Buy now · $50.00');
    expect($(soldOut!, 'button').getAttribute('aria-disabled')).to.equal('true');
    expect($(soldOut!, 'button').textContent).to.contain('Sold out');
    await expect(store).to.be.accessible();

    $(add!, 'button').focus();
    const added = oneEvent(add!, 'tote-add');
    await sendKeys({ press: 'Enter' });
    expect((await added).detail).to.include({ quantity: 1 });
    const bought = oneEvent(buy!, 'tote-buy');
    store.addEventListener('tote-buy', (event) => event.preventDefault(), { once: true });
    $(buy!, 'button').click();
    const event = await bought;
    expect(event.detail.quantity).to.equal(2);
    expect(event.cancelable).to.equal(true);
  });
});
