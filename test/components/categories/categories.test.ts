// <tote-categories> against the reference store (demo seed: Apparel › T-shirts, Hoodies & jackets;
// Home › Kitchen; Accessories): tiles with counts, a drill-down with breadcrumbs that narrows the
// linked grid, the way back, the keyboard-only path with its focus, a vetoed choice, and axe in
// English and Arabic.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteCategories, ToteProducts } from '../../../src/index.js';
import '../../../src/define.js';
import '../../../src/components/categories/define.js';
import type { CategorySelectDetail } from '../../../src/events/category-select.js';
import { API_BASE, DEMO_KEY, freshStore, requireReferenceStore } from '../../helpers/reference-store.js';
import { waitUntil } from '../../helpers/wait.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const tiles = (el: ToteCategories) => $$(el, 'button[part="tile"]');
const tile = (el: ToteCategories, name: string) => tiles(el).find((t) => words(t.querySelector('.name')) === name)!;
const crumbs = (el: ToteCategories) => $$(el, 'nav[part="breadcrumbs"] li').map(words);
const heading = (el: ToteCategories) => $(el, 'h2')!;

async function mount(locale = 'en') {
  const wrap = await fixture(html`<div dir=${locale === 'ar' ? 'rtl' : 'ltr'} lang=${locale}>
    <tote-store public-key=${DEMO_KEY} api-base=${API_BASE} locale=${locale}>
      <tote-categories></tote-categories>
      <tote-products per-page="24" open="none"></tote-products>
    </tote-store>
  </div>`);
  const el = wrap.querySelector<ToteCategories>('tote-categories')!;
  const grid = wrap.querySelector<ToteProducts>('tote-products')!;
  await settled(el, grid);
  return { el, grid };
}

/** Tiles drawn (not skeletons) and the grid's cards for its current category. */
async function settled(el: ToteCategories, grid: ToteProducts) {
  await waitUntil(
    () => el.shadowRoot?.querySelector('button[part="tile"], [part="empty"], [part="error"]'),
    'no tiles',
  );
  await waitUntil(
    () => grid.shadowRoot?.querySelector('.card[data-product]') && !grid.shadowRoot.querySelector('[aria-busy]'),
    'no cards',
  );
  await el.updateComplete;
  await grid.updateComplete;
}

const cardIds = (grid: ToteProducts) =>
  [...grid.shadowRoot!.querySelectorAll<HTMLElement>('.card[data-product]')].map((c) => c.dataset.product).sort();

async function productIdsIn(category: string): Promise<string[]> {
  const response = await fetch(`${API_BASE}/public/${DEMO_KEY}/products?category=${category}&perPage=100`);
  const body = (await response.json()) as { data: { id: string }[] };
  return body.data.map((p) => p.id).sort();
}

describe('<tote-categories>', () => {
  before(() => requireReferenceStore());
  beforeEach(() => freshStore());

  it('shows the top categories as tiles with their image and product count', async () => {
    const { el } = await mount();
    const names = tiles(el).map((t) => words(t.querySelector('.name')));
    expect(names).to.deep.equal(['Apparel', 'Home', 'Accessories']);
    for (const t of tiles(el)) {
      expect(words(t.querySelector('.count'))).to.match(/^\d+ products?$/);
      expect(t.querySelector('img')?.getAttribute('src')).to.match(/^https?:/);
    }
    expect(crumbs(el)).to.deep.equal(['All products']);
    expect($(el, '[aria-current="page"]')?.textContent).to.contain('All products');
    await expect(el).to.be.accessible();
  });

  it('drills into a category: breadcrumbs, its children, and the grid shows only its products', async () => {
    const { el, grid } = await mount();
    const seen: CategorySelectDetail[] = [];
    el.addEventListener('tote-category-select', (event) => seen.push(event.detail));
    tile(el, 'Apparel').click();
    await waitUntil(() => tiles(el).some((t) => words(t.querySelector('.name')) === 'T-shirts'), 'no children');
    expect(seen).to.deep.equal([{ id: seen[0]!.id, slug: 'apparel', name: 'Apparel' }]);
    expect(tiles(el).map((t) => words(t.querySelector('.name')))).to.deep.equal(['T-shirts', 'Hoodies & jackets']);
    expect(crumbs(el)).to.deep.equal(['All products', 'Apparel']);
    expect(words(heading(el))).to.equal('Apparel');
    expect(el.shadowRoot!.activeElement).to.equal(heading(el));

    tile(el, 'T-shirts').click();
    await waitUntil(() => crumbs(el).length === 3, 'no third crumb');
    const tees = seen.at(-1)!;
    expect(tees.slug).to.equal('tees');
    expect(grid.category).to.equal(tees.id);
    await settled(el, grid);
    const expected = await productIdsIn('tees');
    await waitUntil(() => cardIds(grid).join() === expected.join(), 'the grid does not show only the T-shirts');
    // A leaf keeps its siblings in view, itself marked as the current one.
    expect(tile(el, 'T-shirts').getAttribute('aria-current')).to.equal('true');
    expect($(el, 'nav [aria-current="page"]')?.textContent).to.contain('T-shirts');
    await expect(el).to.be.accessible();

    // Back up through the breadcrumbs.
    $$(el, 'nav button')
      .find((b) => words(b) === 'All products')!
      .click();
    await waitUntil(() => crumbs(el).length === 1, 'not back at the top');
    expect(grid.category).to.equal('');
    expect(seen.at(-1)).to.deep.equal({ id: '', slug: '', name: 'All products' });
    expect(el.shadowRoot!.activeElement).to.equal(heading(el));
  });

  it("works from the keyboard alone, with the focus on the new level's heading", async () => {
    const { el, grid } = await mount();
    const seen: string[] = [];
    el.addEventListener('tote-category-select', (event) => seen.push(event.detail.slug));
    tiles(el)[0]!.focus();
    expect(el.shadowRoot!.activeElement).to.equal(tile(el, 'Apparel'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => crumbs(el).length === 2, 'Enter did not drill down');
    expect(el.shadowRoot!.activeElement).to.equal(heading(el));
    expect(document.activeElement).not.to.equal(document.body);
    await waitUntil(() => tiles(el).length === 2, 'no children');
    // Tab order: heading → first child tile.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(tile(el, 'T-shirts'));
    await sendKeys({ press: 'Space' });
    await waitUntil(() => crumbs(el).length === 3, 'Space did not choose');
    expect(el.shadowRoot!.activeElement).to.equal(heading(el));
    // Back with Shift+Tab to the "Apparel" crumb.
    await sendKeys({ press: 'Shift+Tab' });
    expect(words(el.shadowRoot!.activeElement)).to.equal('Apparel');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => crumbs(el).length === 2, 'the crumb did not lead back');
    expect(el.shadowRoot!.activeElement).to.equal(heading(el));
    expect(seen).to.deep.equal(['apparel', 'tees', 'apparel']);
    expect(grid.category).to.match(/^cat_/);
  });

  it('changes nothing when a listener cancels the choice', async () => {
    const { el, grid } = await mount();
    el.addEventListener('tote-category-select', (event) => event.preventDefault());
    tile(el, 'Home').click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(crumbs(el)).to.deep.equal(['All products']);
    expect(grid.category).to.equal('');
    expect(tiles(el).map((t) => words(t.querySelector('.name')))).to.deep.equal(['Apparel', 'Home', 'Accessories']);
  });

  it('drives the grid named by for=', async () => {
    const wrap = await fixture(html`<div>
      <tote-store public-key=${DEMO_KEY} api-base=${API_BASE}>
        <tote-products id="first" open="none"></tote-products>
        <tote-categories for="second"></tote-categories>
        <tote-products id="second" open="none"></tote-products>
      </tote-store>
    </div>`);
    const el = wrap.querySelector<ToteCategories>('tote-categories')!;
    await waitUntil(() => el.shadowRoot?.querySelector('button[part="tile"]'), 'no tiles');
    tile(el, 'Accessories').click();
    await waitUntil(() => crumbs(el).length === 2, 'no crumb');
    expect(wrap.querySelector<ToteProducts>('#second')!.category).to.match(/^cat_/);
    expect(wrap.querySelector<ToteProducts>('#first')!.category).to.equal('');
  });

  it('is accessible in Arabic, right to left', async () => {
    const { el } = await mount('ar');
    expect(crumbs(el)).to.deep.equal(['كل المنتجات']);
    // "20 منتجًا": the count in Arabic's plural form for 11–99 ("many").
    expect(words(tiles(el)[0]!.querySelector('.count'))).to.match(
      /^[\d٠-٩]+ (منتجًا|منتجات|منتج)$|^(منتج واحد|منتجان)$/,
    );
    await expect(el).to.be.accessible();
    tile(el, 'Apparel').click();
    await waitUntil(() => tiles(el).length === 2, 'no children');
    await expect(el).to.be.accessible();
  });
});
