// The star summaries: a grid card's text rating (only when the list carries reviews), the product
// view's stars and its way to <tote-reviews>, and a review posted through the real feed, against
// the reference store (classic-tee has three seeded reviews, stoneware-mug two, the rest none).
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import type { Product } from '../../../src/api/index.js';
import { productCard } from '../../../src/components/products/product-card.js';
import type { ToteProduct, ToteProducts, ToteReviews } from '../../../src/index.js';
import { loadAllTexts } from '../../../src/i18n/messages.js';
import '../../../src/define.js';
import '../../../src/components/product/define.js';
import '../../../src/components/reviews/define.js';
import { API_BASE, DEMO_KEY, freshStore } from '../../helpers/reference-store.js';
import { waitUntil } from '../../helpers/wait.js';

const product = (patch: Partial<Product>) =>
  ({ id: 'p1', name: 'Tee', images: [], variants: [], options: [], ...patch }) as unknown as Product;

function card(patch: Partial<Product>, locale = 'en'): HTMLElement {
  const list = document.createElement('ul');
  render(productCard(product(patch), 0, locale, 'USD'), list);
  document.body.append(list);
  return list;
}

describe('star summaries', function () {
  this.timeout(20_000);
  afterEach(() => document.querySelectorAll('body > ul').forEach((list) => list.remove()));

  it('a card shows "★ 4.6 (12)", said as a sentence, only when the list carries reviews', async () => {
    const rated = card({ reviewCount: 12, averageRating: 4.6 });
    const rating = rated.querySelector('[part="rating"]')!;
    expect(rating.textContent!.replace(/\s+/g, ' ').trim()).to.equal('★ 4.6 (12)');
    expect(rating.getAttribute('role')).to.equal('img');
    expect(rating.getAttribute('aria-label')).to.equal('Rated 4.6 out of 5, 12 reviews');
    expect(rated.querySelector('svg'), 'text, no drawing').to.equal(null);
    await expect(rated).to.be.accessible();
    expect(
      card({ reviewCount: 1, averageRating: 5 }).querySelector('[part="rating"]')!.getAttribute('aria-label'),
    ).to.equal('Rated 5.0 out of 5, 1 review');
    expect(card({ reviewCount: 0, averageRating: 0 }).querySelector('[part="rating"]')).to.equal(null);
    expect(card({}).querySelector('[part="rating"]'), 'a list without review counts').to.equal(null);
    await loadAllTexts('pl');
    const pl = card({ reviewCount: 12, averageRating: 4.6 }, 'pl').querySelector('[part="rating"]')!;
    expect(pl.textContent!.replace(/\s+/g, ' ').trim()).to.equal('★ 4,6 (12)');
    expect(pl.getAttribute('aria-label')).to.equal('Ocena 4,6 na 5, 12 opinii'); // Polish's form for 12
  });

  it('the grid rates the cards of reviewed products only', async () => {
    await freshStore();
    const store = await fixture(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE}>
      <tote-products ids="classic-tee,stoneware-mug,keychain"></tote-products>
    </tote-store>`);
    const grid = store.querySelector<ToteProducts>('tote-products')!;
    await waitUntil(() => grid.shadowRoot!.querySelectorAll('.card[data-index]').length === 3, 'no cards');
    const ratings = Object.fromEntries(
      [...grid.shadowRoot!.querySelectorAll('.card[data-index]')].map((c) => [
        c.querySelector('.name')!.textContent,
        c.querySelector('[part="rating"]')?.getAttribute('aria-label') ?? null,
      ]),
    );
    expect(ratings['Keychain']).to.equal(null);
    expect(ratings['Classic Tee']).to.match(/^Rated \d\.\d out of 5, 3 reviews$/);
    expect(ratings['Stoneware Mug']).to.match(/^Rated \d\.\d out of 5, 2 reviews$/);
    await expect(grid).to.be.accessible();
  });

  it('the product view shows stars and opens its reviews; a review posted there is listed', async () => {
    await freshStore();
    const store = await fixture(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE}>
      <tote-product product="classic-tee"></tote-product>
    </tote-store>`);
    const view = store.querySelector<ToteProduct>('tote-product')!;
    await waitUntil(() => view.shadowRoot!.querySelector('[part="rating"]'), 'no rating');
    const rating = view.shadowRoot!.querySelector('[part="rating"]')!;
    expect(rating.querySelector('.stars')!.getAttribute('aria-hidden')).to.equal('true');
    expect(rating.querySelector('.visually-hidden')!.textContent).to.match(/^Rated \d\.\d out of 5, 3 reviews$/);
    const toggle = rating.querySelector<HTMLButtonElement>('button')!;
    expect(toggle.textContent!.trim()).to.equal('Read the reviews');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await expect(view).to.be.accessible();
    toggle.click();
    await view.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const reviews = view.shadowRoot!.querySelector<ToteReviews>('tote-reviews')!;
    expect(toggle.getAttribute('aria-controls')).to.equal(reviews.id);
    await waitUntil(() => reviews.shadowRoot?.querySelectorAll('[part="review"]').length === 3, 'no reviews');
    await expect(view).to.be.accessible();

    const root = reviews.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name="rating"][value="5"]')!.click();
    for (const [id, value] of [
      ['title', 'Posted from a test'],
      ['content', 'It is listed at once.'],
    ] as const) {
      const field = root.querySelector<HTMLInputElement>(`#${id}`)!;
      field.value = value;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => root.querySelectorAll('[part="review"]').length === 4, 'the new review is not listed');
    expect(root.querySelector('[part="review"] h3')!.textContent).to.equal('Posted from a test');
    expect(root.querySelector('.average .visually-hidden')!.textContent).to.match(/, 4 reviews$/);
  });
});
