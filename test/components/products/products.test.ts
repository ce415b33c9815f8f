import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteProducts } from '../../../src/index.js';
import '../../../src/define.js';
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
const grid = (store: Element) => store.querySelector('tote-products')! as ToteProducts;
const cards = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('.card[data-index]')];
const loaded = (el: Element) => until(() => cards(el).length > 0, 'cards rendered');

describe('<tote-products>', () => {
  beforeEach(async () => {
    await control({ resetLimits: true, faults: null });
    resetRequests();
  });

  it('shows skeletons while loading, then 48 products from one GET /products, with prices and badges', async () => {
    await control({ faults: 'latency=400-400' });
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-products per-page="48"></tote-products>
    </tote-store>`);
    const el = grid(store);
    await el.updateComplete;
    const skeleton = root(el).querySelector('.grid[aria-busy="true"]');
    expect(skeleton, 'skeleton list while loading').to.exist;
    expect(skeleton!.querySelectorAll('li').length, 'as many placeholders as the page will show').to.equal(48);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Loading products');
    await expect(el).to.be.accessible();

    await loaded(el);
    await control({ faults: null });
    expect(cards(el)).to.have.length(48);
    expect(requests(/^\/products/)).to.have.length(1);
    expect(requests(/^\/products\/./), 'no per-card product request').to.have.length(0);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('48 products');

    const byName = (name: string) => cards(el).find((card) => card.querySelector('.name')!.textContent === name)!;
    // Price from the variants: a range shows "from", a sale shows the compare-at price struck through.
    expect(byName('Classic Tee').querySelector('.price')!.textContent).to.match(/from \$28\.00/);
    const breton = byName('Breton Stripe Tee');
    expect(breton.querySelector('.price .sale')!.textContent).to.equal('$39.00');
    expect(breton.querySelector('.price s')!.textContent).to.equal('$49.00');
    expect(breton.querySelector('.price .visually-hidden')!.textContent).to.equal('was $49.00');
    // On sale only in some colours, and not the cheapest: no strike-through for "from".
    expect(byName('Pullover Hoodie').querySelector('.price s')).to.equal(null);
    // Sold out: a badge that is part of the card's accessible text.
    expect(byName('Leather Wallet').querySelector('[part="badge"]')!.textContent).to.equal('Sold out');
    expect(byName('Classic Tee').querySelector('[part="badge"]')).to.equal(null);
    expect(byName('Wool Throw').querySelector('[part="badge"]'), 'back-order is not sold out').to.equal(null);
    // A few left (3 in all): said on the card; a sale: its badge in the sale colour.
    const knife = byName("Chef's Knife");
    expect(knife.querySelector('[part="badge"]')!.textContent).to.equal('Only 3 left');
    expect(knife.textContent, 'part of the card’s accessible text').to.contain('Only 3 left');
    const sale = breton.querySelector<HTMLElement>('[part="badge"]')!;
    expect(sale.textContent).to.equal('Sale');
    expect(getComputedStyle(sale).backgroundColor).to.equal(
      getComputedStyle(breton.querySelector('.price .sale')!).color,
      'the sale colour',
    );
    expect(byName('Pullover Hoodie').querySelector('[part="badge"]'), 'not on sale at its "from" price').to.equal(null);
    expect(byName('Gift Card').querySelector('[part="badge"]'), 'a gift card counts no stock').to.equal(null);
    // Images: responsive, lazy, sized (no layout shift), decorative inside the named card.
    const img = byName('Classic Tee').querySelector('img')!;
    expect(img.getAttribute('srcset')).to.match(/card\.svg 400w, .*card2x\.svg 800w/);
    expect(img.loading).to.equal('lazy');
    expect(img.getAttribute('width')).to.equal('1600');
    expect(img.alt).to.equal('');
    expect(byName('Keychain').querySelector('img'), 'no images: a placeholder').to.equal(null);
    const media = byName('Keychain').querySelector<HTMLElement>('.media')!;
    expect(Math.round(media.getBoundingClientRect().height)).to.equal(Math.round(media.getBoundingClientRect().width));
    await expect(el).to.be.accessible();
  });

  it('Tab reaches every card in order; arrow keys, Home and End move across the grid; Enter opens a product in a dialog without a request', async () => {
    const store = await fixture(html`<div style="width: 800px">
      <tote-store public-key=${DEMO} api-base=${API}><tote-products per-page="8" category="tees"></tote-products></tote-store>
    </div>`);
    const el = grid(store.querySelector('tote-store')!);
    await loaded(el);
    const list = cards(el);
    expect(
      list.filter((card) => card.tabIndex === 0),
      'every card a Tab stop',
    ).to.have.length(list.length);
    list[0]!.focus();
    const focused = () => root(el).activeElement as HTMLElement;
    for (const card of list.slice(1)) {
      await sendKeys({ press: 'Tab' });
      expect(focused(), 'Tab goes on to the next card').to.equal(card);
    }
    list[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(list[1]);
    const perRow = list.filter((card) => card.offsetTop === list[0]!.offsetTop).length;
    expect(perRow).to.be.greaterThan(1);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(list[1 + perRow]);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(list[list.length - 1]);
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(list[0]);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(), 'stops at the edge').to.equal(list[0]);

    resetRequests();
    const selected = oneEvent(el, 'tote-product-select');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail.product.id).to.equal(list[1]!.dataset.product);
    expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
    const dialog = await (async () => {
      await until(() => root(el).querySelector('dialog')?.open, 'dialog open');
      return root(el).querySelector('dialog')!;
    })();
    const product = dialog.querySelector('tote-product')!;
    await until(() => product.shadowRoot?.querySelector('h2'), 'product rendered');
    expect(product.shadowRoot!.querySelector('h2')!.textContent).to.equal(event.detail.product.name);
    expect(requestsBesidesCartStart(/./), 'opening a listed product costs no request').to.deep.equal([]);
    await expect(dialog).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await until(() => !root(el).querySelector('dialog'), 'dialog closed');
    expect(focused(), 'focus returns to the card').to.equal(cards(el)[1]);
  });

  it('lets the page take over: a cancelled tote-product-select opens nothing', async () => {
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-products per-page="4" sort="name" open="inline"></tote-products>
    </tote-store>`);
    const el = grid(store);
    await loaded(el);
    store.addEventListener('tote-product-select', (event) => event.preventDefault(), { once: true });
    cards(el)[0]!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root(el).querySelector('tote-product')).to.equal(null);
    // Not cancelled: inline mode replaces the grid and "back" brings it (and the focus) back.
    cards(el)[0]!.click();
    await until(() => root(el).querySelector('[part="detail"] tote-product'), 'inline product');
    expect(root(el).querySelector<HTMLElement>('.grid')!.closest('[hidden]')).to.exist;
    root(el).querySelector<HTMLButtonElement>('[part="detail"] .back')!.click();
    await until(() => !root(el).querySelector('[part="detail"]'), 'grid back');
    expect(root(el).activeElement).to.equal(cards(el)[0]);
  });

  it('searches after a pause, aborts stale searches, shows an empty state and clears it', async () => {
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-products per-page="6" controls="search sort stock category"></tote-products>
    </tote-store>`);
    const el = grid(store);
    await loaded(el);
    await expect(el).to.be.accessible();
    resetRequests();
    const search = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await sendKeys({ type: 'zzqx' });
    await until(() => root(el).querySelector('[part="empty"]'), 'empty state');
    // One request for the whole word, not one per keystroke.
    expect(requests(/^\/products/).filter((url) => url.includes('q='))).to.have.length(1);
    expect(root(el).querySelector('[part="empty"]')!.textContent).to.contain('No products match');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part="empty"] button')!.click();
    await loaded(el);
    expect(search.value).to.equal('');

    // The sort menu changes the order with a new request.
    const sort = root(el).querySelectorAll<HTMLSelectElement>('select')[1]!;
    sort.value = '-price';
    sort.dispatchEvent(new Event('change'));
    await until(() => cards(el)[0]?.textContent?.includes('Quilted Jacket'), 'most expensive first');
  });

  it('shows an error with a retry that works once the server recovers', async () => {
    await control({ faults: 'error5xx=1' });
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-products per-page="5" sort="-newest"></tote-products>
    </tote-store>`);
    const el = grid(store);
    await until(() => root(el).querySelector('[part="error"]'), 'error state', { timeout: 9000 });
    const error = root(el).querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
    await control({ faults: null });
    error.querySelector('button')!.click();
    await loaded(el);
    expect(cards(el)).to.have.length(5);
  });

  it('pages through results', async () => {
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-products per-page="30" columns="4"></tote-products>
    </tote-store>`);
    const el = grid(store);
    await loaded(el);
    const pager = root(el).querySelector('[part="pager"]')!;
    expect(pager.textContent).to.contain('Page 1 of 2');
    const [prev, next] = pager.querySelectorAll('button');
    expect(prev!.disabled).to.equal(true);
    next!.click();
    await until(() => root(el).querySelector('[part="pager"]')?.textContent?.includes('Page 2 of 2'), 'page 2');
    await loaded(el);
    expect(cards(el)).to.have.length(18);
    expect(root(el).querySelector<HTMLButtonElement>('[part="pager"] button:last-child')!.disabled).to.equal(true);
    expect(el.style.getPropertyValue('--_columns')).to.equal('4');
  });

  it('a keyboard user paging on lands on the first card of the new page, never on the page itself', async () => {
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-products per-page="30"></tote-products>
    </tote-store>`);
    const el = grid(store);
    await loaded(el);
    const next = root(el).querySelectorAll<HTMLButtonElement>('[part="pager"] button')[1]!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).querySelector('[part="pager"]')?.textContent?.includes('Page 2 of 2'), 'page 2');
    await until(() => root(el).activeElement === cards(el)[0], 'focus is not on the first card');
    expect(document.activeElement).to.equal(el);
  });

  it('works with two shops on one page: each grid reads its own key, currency and language', async () => {
    const page = await fixture(html`<div>
      <tote-store public-key=${DEMO} api-base=${API} locale="en-US"><tote-products per-page="3" sort="price"></tote-products></tote-store>
      <tote-store public-key=${PL} api-base=${API} locale="pl-PL"><tote-products per-page="3" sort="price"></tote-products></tote-store>
    </div>`);
    const [us, pl] = [...page.querySelectorAll('tote-products')];
    await Promise.all([loaded(us!), loaded(pl!)]);
    expect(cards(us!)[0]!.textContent).to.contain('$');
    expect(cards(pl!)[0]!.textContent).to.match(/zł/);
    expect(requests(/^\/products/).some((url) => url.includes(PL))).to.equal(true);
    expect(requests(/^\/products/).some((url) => url.includes(DEMO))).to.equal(true);
    const ids = (el: Element) => cards(el).map((card) => card.dataset.product);
    expect(ids(us!).some((id) => ids(pl!).includes(id))).to.equal(false);
    await expect(page).to.be.accessible();
  });
});
