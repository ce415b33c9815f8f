import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { ToteBuyButton, ToteProduct } from '../../../src/index.js';
import '../../../src/define.js';
import '../../../src/components/product/define.js';
import '../../../src/components/buy-button/define.js';
import '../../../src/components/cart/define.js';
import { fakeApi, watchErrors, type FakeApi } from '../../security/fake-api.js';
import {
  API,
  DEMO,
  PL,
  control,
  requests,
  requestsBesidesCartStart,
  resetRequests,
  until,
} from '../../helpers/catalog-fixture.js';

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
    const store = await fixture(
      html`<tote-store public-key=${DEMO} api-base=${API}><tote-product product="enamel-pin"></tote-product></tote-store>`,
    );
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
    expect(data.offers[0]).to.include({
      '@type': 'Offer',
      price: '149.00',
      priceCurrency: 'USD',
      availability: 'https://schema.org/InStock',
    });

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

  it('arrowing through sizes says aloud every other choice and price it changes', async () => {
    const el = await mount('product="classic-tee"');
    const legends = () =>
      [...root(el).querySelectorAll('fieldset legend')].map((legend) =>
        legend.textContent!.replace(/\s+/g, ' ').trim(),
      );
    const price = () => $(el, '[part="price"]').textContent!.trim();
    const note = () => $(el, '.choice-note[role="status"]').textContent!.trim();
    $<HTMLInputElement>(el, 'fieldset input:checked').focus();
    let before = { legends: legends(), price: price() };
    let changes = 0;
    for (let step = 0; step < 5; step++) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      const now = { legends: legends(), price: price() };
      now.legends.slice(1).forEach((legend, index) => {
        const [option, value] = legend.split(': ');
        const was = before.legends[index + 1]!.split(': ')[1];
        if (value !== was) {
          changes++;
          expect(note()).to.contain(`${option} is now ${value} (was ${was}).`);
        }
      });
      if (now.price !== before.price) {
        changes++;
        expect(note()).to.contain(`Price now ${now.price}.`);
      }
      if (now.price === before.price && now.legends.slice(1).join() === before.legends.slice(1).join())
        expect(note(), 'nothing else changed: nothing to say').to.equal('');
      before = now;
    }
    expect(changes, 'the walk met a change (XL costs more)').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('forced colours (high contrast): swatches keep their colours, and the chosen value stands out', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const el = await mount('product="classic-tee"');
      const faces = [...root(el).querySelectorAll<HTMLElement>('.swatch .face')];
      expect(faces.length, 'classic-tee has colour swatches').to.be.greaterThan(1);
      const colours = new Set(faces.map((face) => getComputedStyle(face).backgroundColor));
      expect(colours.size, 'each swatch its own colour').to.equal(faces.length);
      const chosen = root(el).querySelector<HTMLElement>('.swatch input:checked + .face')!;
      const other = faces.find((face) => face !== chosen)!;
      expect(getComputedStyle(chosen).borderTopWidth).to.equal('3px');
      expect(getComputedStyle(other).borderTopWidth).to.equal('1px');
      const chip = root(el).querySelector<HTMLElement>('.chip input:checked + .face')!;
      expect(getComputedStyle(chip).borderTopWidth, 'a chosen size too').to.equal('3px');
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('the quantity steppers say what they change: "Decrease quantity of Classic Tee"', async () => {
    const el = await mount('product="classic-tee"');
    // What a screen reader names each button by: the sign is hidden from it.
    const names = [...root(el).querySelectorAll('button.step .visually-hidden')].map((label) => label.textContent);
    expect(names).to.deep.equal(['Decrease quantity of Classic Tee', 'Increase quantity of Classic Tee']);
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
    const store = await fixture(
      html`<tote-store public-key=${PL} api-base=${API} locale="pl-PL"><tote-products per-page="1"></tote-products></tote-store>`,
    );
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

  it('"Buy now" (not cancelled) adds and opens the page\'s drawer at its checkout', async () => {
    await control({ reset: true });
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-buy-button product="gift-card" action="buy"></tote-buy-button>
      <tote-cart></tote-cart>
    </tote-store>`);
    const buy = store.querySelector<ToteBuyButton>('tote-buy-button')!;
    await until(() => $(buy, 'button:not([aria-busy])'), 'button ready');
    $(buy, 'button').click();
    const cart = store.querySelector('tote-cart')!;
    await until(() => cart.shadowRoot?.querySelector('dialog[open] tote-checkout'), 'the drawer shows its checkout');
    expect(cart.shadowRoot!.querySelector('[part="base"]')!.getAttribute('data-view')).to.equal('checkout');
  });
});

// What the live wire may send, fed through a fake API (the reference store serves its own seeds):
// a gift card with no stock fields, images with renditions only and no size, a product with only
// the required fields. None of them may look sold out, break a view, or throw.
describe('products as the live wire sends them', function () {
  this.timeout(20_000);
  let fake: FakeApi | undefined;
  let watch: ReturnType<typeof watchErrors>;
  beforeEach(() => (watch = watchErrors()));
  afterEach(() => {
    watch.stop();
    fake?.restore();
    fake = undefined;
    fixtureCleanup();
  });

  const giftCard = {
    id: 'prod_gc',
    name: 'Gift Card',
    slug: 'gift-card',
    kind: 'gift_card',
    images: [],
    variants: [{ id: 'var_gc', price: 2500 }],
  };
  const renditions = {
    id: 'prod_nb',
    name: 'Field Notebook',
    slug: 'field-notebook',
    variants: [{ id: 'var_nb', price: 1200, sellableQuantity: 3 }],
    images: [
      {
        id: 'med_1',
        urls: {
          thumb: 'https://img.invalid/t.png',
          card: 'https://img.invalid/c.png',
          card2x: 'https://img.invalid/c2.png',
          gallery2x: 'https://img.invalid/g2.png',
        },
      },
    ],
  };
  const bare = { id: 'prod_bare', name: 'Bare Thing', slug: 'bare-thing', images: [] };
  const emptyCart = {
    id: 'cart_w',
    currencyCode: 'USD',
    email: null,
    items: [],
    shippingAddress: null,
    billingAddress: null,
    shippingRateId: null,
    shippingMethodName: null,
    discounts: [],
    discountCode: null,
    discountError: null,
    giftCard: null,
    giftCardError: null,
    totals: { subtotal: 0, discountTotal: 0, taxTotal: 0, shippingTotal: 0, total: 0, giftCardTotal: 0, amountDue: 0 },
    expiresAt: '2099-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
  const products = [giftCard, renditions, bare];

  async function mountWire(body: string) {
    let cart: Record<string, unknown> = emptyCart;
    fake = fakeApi((method, path) => {
      if (path === '/') return { data: { id: 'store_w', name: 'Wire', currency: 'USD', locale: 'en-US' } };
      if (path === '/products')
        return {
          data: products,
          meta: { page: 1, perPage: 12, total: 3, totalPages: 1, currency: 'USD', priceMin: 1200, priceMax: 2500 },
        };
      const product = products.find((p) => path === `/products/${p.id}` || path === `/products/${p.slug}`);
      if (product) return { data: product };
      if (path === '/categories') return { data: [], meta: { page: 1, perPage: 100, total: 0, totalPages: 0 } };
      if (path === '/cart' && method === 'GET') return { data: cart };
      if (path === '/cart/items' && method === 'POST') {
        cart = {
          ...emptyCart,
          updatedAt: '2026-01-01T00:00:01Z',
          items: [
            {
              id: 'item_gc',
              productId: 'prod_gc',
              variantId: 'var_gc',
              name: 'Gift Card',
              variantName: null,
              sku: null,
              unitPrice: 2500,
              quantity: 1,
              subtotal: 2500,
              imageUrl: null,
            },
          ],
          totals: { ...emptyCart.totals, subtotal: 2500, total: 2500, amountDue: 2500 },
        };
        return { data: cart };
      }
      return undefined;
    });
    const store = await fixture(
      html`<tote-store public-key="pk_test_wireshapes" api-base=${fake.apiBase} locale="en-US"></tote-store>`,
    );
    store.innerHTML = body;
    return store;
  }

  it('a gift card with no stock fields: purchasable, never "sold out" or "only N left", and it adds', async () => {
    const store = await mountWire('<tote-product product="gift-card"></tote-product><tote-products></tote-products>');
    const el = store.querySelector('tote-product')!;
    await until(() => root(el)?.querySelector('h2, [part="error"]'), 'gift card rendered');
    expect($(el, '[part="stock"]').textContent!.trim()).to.equal('In stock');
    const add = $(el, '[part="add-button"]');
    expect(add.getAttribute('aria-disabled')).to.equal('false');
    expect(add.textContent!.trim()).to.equal('Add to cart');
    expect(root(el).textContent).to.contain('$25.00');
    add.click();
    await until(() => fake!.calls.includes('POST /cart/items'), 'the add was sent');
    const grid = store.querySelector('tote-products')!;
    await until(() => root(grid)?.querySelector('[part="card"]'), 'grid rendered');
    expect(root(grid).querySelector('[data-product="prod_gc"] [part="badge"]')).to.equal(null);
    await expect(el).to.be.accessible();
    expect(watch.errors).to.deep.equal([]);
  });

  it('images with renditions only and no size: srcset lists what is there, the box keeps its shape', async () => {
    const store = await mountWire(
      '<tote-products></tote-products><tote-product product="field-notebook"></tote-product>',
    );
    const grid = store.querySelector('tote-products')!;
    await until(() => root(grid)?.querySelector('[data-product="prod_nb"] img'), 'card image');
    const img = root(grid).querySelector<HTMLImageElement>('[data-product="prod_nb"] img')!;
    expect(img.getAttribute('src')).to.equal('https://img.invalid/c.png');
    expect(img.getAttribute('srcset')).to.equal(
      'https://img.invalid/t.png 160w, https://img.invalid/c.png 400w, https://img.invalid/c2.png 800w',
    );
    expect(img.hasAttribute('width') || img.hasAttribute('height'), 'no made-up size').to.equal(false);
    const box = root(grid)
      .querySelector<HTMLElement>('[data-product="prod_nb"] [part="media"]')!
      .getBoundingClientRect();
    expect(box.height, 'the aspect box reserves the space').to.be.greaterThan(0);
    const el = store.querySelector('tote-product')!;
    await until(() => root(el)?.querySelector('[part="gallery"] img'), 'gallery image');
    const main = root(el).querySelector<HTMLImageElement>('[part="gallery"] [part="image"]')!;
    expect(main.getAttribute('src')).to.equal('https://img.invalid/g2.png');
    expect(main.getAttribute('srcset')).to.equal('https://img.invalid/t.png 160w, https://img.invalid/g2.png 1600w');
    expect($(el, '[part="stock"]').textContent!.trim()).to.equal('Only 3 left');
    expect(watch.errors).to.deep.equal([]);
  });

  it('a product with only the required fields: a placeholder, no price, not "sold out", no exception', async () => {
    const store = await mountWire('<tote-products></tote-products><tote-product product="bare-thing"></tote-product>');
    const grid = store.querySelector('tote-products')!;
    await until(() => root(grid)?.querySelector('[data-product="prod_bare"]'), 'bare card');
    const card = root(grid).querySelector('[data-product="prod_bare"]')!;
    expect(card.querySelector('.no-image')).to.exist;
    expect(card.querySelector('[part="badge"]')).to.equal(null);
    expect(card.querySelector('[part="price"]')).to.equal(null);
    expect(card.textContent).to.contain('Bare Thing');
    const el = store.querySelector('tote-product')!;
    await until(() => root(el)?.querySelector('h2, [part="error"]'), 'bare product rendered');
    expect($(el, 'h2').textContent!.trim()).to.equal('Bare Thing');
    expect(root(el).textContent).not.to.contain('Sold out');
    expect($(el, '[part="add-button"]').getAttribute('aria-disabled')).to.equal('true');
    await expect(grid).to.be.accessible();
    await expect(el).to.be.accessible();
    expect(watch.errors).to.deep.equal([]);
  });
});
