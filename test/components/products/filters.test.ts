// The grid's price range, page size and product count (`controls="price per-page count"`, issue 18),
// against the reference store: every choice is one request with the right query, and the cards obey it.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteProducts } from '../../../src/index.js';
import '../../../src/define.js';
import { API, DEMO, control, requests, resetRequests, until } from '../../helpers/catalog-fixture.js';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector)!;
const cards = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('.card[data-index]')];
const count = (el: Element) => $(el, '[part="count"]').textContent!.trim();
const lastQuery = () => new URL(requests(/^\/products$/).at(-1)!).searchParams;
/** The lowest price a card shows, in cents ("from $28.00", "$39.00 was $49.00"). */
const cardPrice = (card: Element) =>
  Math.round(Number(/[\d.]+/.exec(card.querySelector('.price')!.textContent!)![0]) * 100);

async function mount() {
  await control({ resetLimits: true, faults: null });
  const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
    <tote-products controls="price per-page count" per-page="12" sort="price"></tote-products>
  </tote-store>`);
  const el = store.querySelector('tote-products') as ToteProducts;
  await until(() => cards(el).length > 0 && count(el) !== '', 'cards and count rendered');
  return el;
}

async function typePrice(el: Element, field: 'min' | 'max', value: string) {
  const input = root(el).querySelectorAll<HTMLInputElement>('input[type="number"]')[field === 'min' ? 0 : 1]!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  await sendKeys({ press: 'Tab' }); // `change` on leaving the field
}

describe('<tote-products> price, page size and count', () => {
  it('shows how many products match and offers page sizes with the merchant’s own among them', async () => {
    resetRequests();
    const el = await mount();
    const total = Number(/\d+/.exec(count(el))![0]);
    expect(count(el)).to.equal(`${total} products`);
    expect(cards(el)).to.have.length(12);
    const menu = $<HTMLSelectElement>(el, 'select');
    expect([...menu.options].map((option) => option.value)).to.deep.equal(['12', '24', '48', '96']);
    expect(menu.value).to.equal('12');
    await expect(el).to.be.accessible();

    resetRequests();
    menu.value = '24';
    menu.dispatchEvent(new Event('change'));
    await until(() => cards(el).length === Math.min(24, total), '24 cards');
    expect(requests(/^\/products$/), 'one request').to.have.length(1);
    expect(lastQuery().get('perPage')).to.equal('24');
    expect(lastQuery().get('page')).to.equal('1');
  });

  it('filters by a price range in the currency’s units, shows the range, and clears a bound left empty or absurd', async () => {
    const el = await mount();
    const before = count(el);
    const [min, max] = root(el).querySelectorAll<HTMLInputElement>('input[type="number"]');
    expect(min!.labels![0]!.textContent).to.contain('Min price');
    expect(max!.labels![0]!.textContent).to.contain('Max price');
    // The placeholders say the range of everything there is (the list's priceMin/priceMax).
    expect(Number(min!.placeholder)).to.be.greaterThan(0);
    expect(Number(max!.placeholder)).to.be.greaterThan(Number(min!.placeholder));

    resetRequests();
    await typePrice(el, 'min', '20');
    await typePrice(el, 'max', '50');
    await until(() => lastQuery().get('priceMax') === '5000', 'the range asked for');
    expect(lastQuery().get('priceMin')).to.equal('2000');
    await until(() => cards(el).length > 0 && cards(el).every((card) => cardPrice(card) <= 5000), 'cards in range');
    const total = Number(/\d+/.exec(count(el))![0]);
    expect(total).to.be.greaterThan(0);

    // "-5" is no price: the bound is cleared, not sent.
    await typePrice(el, 'min', '-5');
    await until(() => !lastQuery().has('priceMin'), 'min cleared');
    expect(lastQuery().get('priceMax')).to.equal('5000');
    expect(min!.value).to.equal('');
    await typePrice(el, 'max', '');
    // Back to a query read before: the catalogue's cache answers it (no request), the cards show it all.
    await until(() => count(el) === before, 'max cleared: everything again');
  });

  it('the price fields wait for the first list’s currency (a price cannot be scaled before), and keep it while the next list loads', async () => {
    await control({ resetLimits: true, faults: 'latency=600-600' });
    const store = await fixture(html`<tote-store public-key=${DEMO} api-base=${API}>
      <tote-products controls="price count" per-page="4" sort="-price"></tote-products>
    </tote-store>`);
    const el = store.querySelector('tote-products') as ToteProducts;
    await until(() => root(el).querySelector('input[type="number"]'), 'fields drawn');
    const fields = () => [...root(el).querySelectorAll<HTMLInputElement>('input[type="number"]')];
    expect(
      fields().map((input) => input.disabled),
      'no currency yet',
    ).to.deep.equal([true, true]);
    expect(count(el), 'nothing counted yet').to.equal('');
    await until(() => cards(el).length > 0, 'the first list');
    expect(fields().map((input) => input.disabled)).to.deep.equal([false, false]);
    const placeholder = fields()[1]!.placeholder;
    await typePrice(el, 'max', '50');
    // While the filtered list loads (600 ms), the fields keep the currency and the range; the count waits.
    await until(() => root(el).querySelector('.grid[aria-busy="true"]'), 'loading');
    expect(fields().map((input) => input.disabled)).to.deep.equal([false, false]);
    expect(fields()[1]!.placeholder).to.equal(placeholder);
    expect(count(el)).to.equal('');
    await control({ faults: null });
  });

  it('an empty range says so, and “Clear filters” clears the prices too', async () => {
    const el = await mount();
    await typePrice(el, 'min', '100000');
    await until(() => root(el).querySelector('[part="empty"]'), 'nothing matches');
    expect(count(el)).to.equal('0 products');
    $<HTMLButtonElement>(el, '[part="empty"] button').click();
    await until(() => cards(el).length === 12, 'all again');
    expect(count(el)).not.to.equal('0 products');
    expect(root(el).querySelector<HTMLInputElement>('input[type="number"]')!.value).to.equal('');
  });
});
