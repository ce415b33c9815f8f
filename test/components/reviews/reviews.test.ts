// <tote-reviews> drawn from a fake reviews feed (fake-feed.ts): the summary and its distribution,
// a page of reviews as plain text, the pager, and the form — keyboard, validation, one submit per
// double click, a failure that keeps the draft, the wait — in English and Arabic.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ToteReviews } from '../../../src/index.js';
import '../../../src/define.js';
import '../../../src/components/reviews/define.js';
import type { ReviewSubmitDetail } from '../../../src/events/review-submit.js';
import { API_BASE, DEMO_KEY } from '../../helpers/reference-store.js';
import { waitUntil } from '../../helpers/wait.js';
import { FakeFeed, loaded, review } from './fake-feed.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
// Emails and names are isolated for right-to-left sentences (U+2068 … U+2069): left out here.
const plain = (value: string | null | undefined) => (value ?? '').replace(/[\u2068\u2069]/g, '');
const text = (el: Element, selector: string) => plain($(el, selector)?.textContent).replace(/\s+/g, ' ').trim();
const live = (el: Element) => text(el, '.reviews > [aria-live="polite"]');
const focused = (el: Element) => el.shadowRoot!.activeElement;

async function mount(feed: FakeFeed, locale = 'en'): Promise<ToteReviews> {
  const wrap = await fixture(html`<div dir=${locale === 'ar' ? 'rtl' : 'ltr'} lang=${locale}>
    <tote-store public-key=${DEMO_KEY} api-base=${API_BASE} locale=${locale}>
      <tote-reviews product="classic-tee" .feed=${feed}></tote-reviews>
    </tote-store>
  </div>`);
  const el = wrap.querySelector<ToteReviews>('tote-reviews')!;
  await waitUntil(() => el.shadowRoot?.querySelector('.reviews'), 'never rendered');
  await el.updateComplete;
  return el;
}

const shown = async (el: ToteReviews, feed: FakeFeed) => {
  await waitUntil(() => !feed.state.loading && feed.state.meta, 'the page never came');
  await el.updateComplete;
};

async function fill(
  el: ToteReviews,
  { rating = 4, title = 'Soft and sturdy', content = 'Washed ten times, still great.' } = {},
) {
  $<HTMLInputElement>(el, `input[name="rating"][value="${rating}"]`).click();
  for (const [id, value] of [
    ['title', title],
    ['content', content],
  ] as const) {
    const field = $<HTMLInputElement>(el, `#${id}`);
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

describe('<tote-reviews>', () => {
  it('reads the first page, then shows the average, five bars and the reviews as plain text', async () => {
    const feed = new FakeFeed();
    feed.delay = 400;
    feed.onLoad = () => ({
      ...loaded,
      reviews: [review(1, { content: '<img src=x onerror=alert(1)><b>bold</b>\nsecond line' }), review(2)],
    });
    const el = await mount(feed);
    expect(feed.calls.load).to.deep.equal([1]);
    expect(text(el, '[role="status"][aria-busy="true"]')).to.equal('Loading reviews…');
    await expect(el).to.be.accessible();
    await shown(el, feed);
    expect(text(el, '.average .visually-hidden')).to.equal('Rated 4.6 out of 5, 24 reviews');
    expect(text(el, '.average .big')).to.equal('4.6');
    const bars = $$(el, '.distribution li').map((li) => li.querySelector('.visually-hidden')!.textContent!.trim());
    expect(bars).to.deep.equal([
      '5 stars: 16 reviews',
      '4 stars: 6 reviews',
      '3 stars: 1 review',
      '2 stars: 0 reviews',
      '1 star: 1 review',
    ]);
    expect($<HTMLElement>(el, '.distribution li .bar > span').style.getPropertyValue('--_share')).to.equal('66.7%');
    const first = $$(el, '[part="review"]')[0]!;
    expect(first.querySelector('.content')!.textContent).to.equal(
      '<img src=x onerror=alert(1)><b>bold</b>\nsecond line',
    );
    expect(first.querySelector('img, b'), 'never markup').to.equal(null);
    expect(first.querySelector('h3')!.textContent).to.equal('Review number 1');
    expect(first.querySelector('.rated .visually-hidden')!.textContent!.trim()).to.equal('Rated 4 out of 5');
    expect(plain(first.querySelector('.byline')!.textContent))
      .to.contain('By Author 1')
      .and.contain('Mar 12, 2026');
    expect(first.querySelector('[part="verified"]')!.textContent).to.equal('Verified purchase');
    expect($$(el, '[part="review"]')[1]!.querySelector('[part="verified"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when there are no reviews yet, and when they could not be read (with a retry)', async () => {
    const feed = new FakeFeed();
    feed.onLoad = () => ({ problem: { key: 'error.network' } });
    const el = await mount(feed);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error');
    expect(text(el, '[part="error"] p')).to.equal(
      'The reviews could not be loaded. Could not reach the shop. Check your connection and try again.',
    );
    await expect(el).to.be.accessible();
    feed.onLoad = () => ({ meta: { ...loaded.meta!, total: 0, reviewCount: 0, avgRating: 0 }, reviews: [], pages: 0 });
    $<HTMLButtonElement>(el, '[part="error"] button').click();
    await shown(el, feed);
    expect(text(el, '[part="empty"]')).to.equal('No reviews yet. Be the first to write one.');
    expect($(el, '[part="summary"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('pages with Previous and Next; focus stays on the pager and the page is announced', async () => {
    const feed = new FakeFeed();
    const el = await mount(feed);
    await shown(el, feed);
    const prev = $<HTMLButtonElement>(el, '[data-page="prev"]');
    expect(prev.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el, '[part="pager"] span')).to.equal('Page 1 of 3');
    $<HTMLButtonElement>(el, '[data-page="next"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => live(el) === 'Page 2 of 3', 'no page announcement');
    expect(feed.calls.load).to.deep.equal([1, 2]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => live(el) === 'Page 3 of 3', 'no third page');
    expect($(el, '[data-page="next"]').getAttribute('aria-disabled')).to.equal('true');
    expect(focused(el), 'focus kept on Next, not the body').to.equal($(el, '[data-page="next"]'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(feed.calls.load, 'past the last page: nothing').to.deep.equal([1, 2, 3]);
  });

  it('is written with the keyboard alone: arrows over the star radios, Tab through the fields, Enter', async () => {
    const feed = new FakeFeed();
    const el = await mount(feed);
    await shown(el, feed);
    const radios = $$<HTMLInputElement>(el, 'input[name="rating"]');
    // Each radio is named by its label: the star is hidden, the words are not.
    expect(radios.map((radio) => radio.closest('label')!.querySelector('.visually-hidden')!.textContent)).to.deep.equal(
      ['1 star', '2 stars', '3 stars', '4 stars', '5 stars'],
    );
    expect(radios[0]!.closest('label')!.querySelector('[aria-hidden="true"]')!.textContent).to.equal('★');
    expect(text(el, '.rate legend')).to.equal('Your rating');
    radios[0]!.focus();
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
    expect(radios.findIndex((radio) => radio.checked)).to.equal(3);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('title');
    await sendKeys({ type: 'Soft and sturdy' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Washed ten times.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Grace' });
    const posted = oneEvent(el, 'tote-review-submit') as Promise<CustomEvent<ReviewSubmitDetail>>;
    await sendKeys({ press: 'Enter' });
    const event = await posted;
    expect(feed.calls.submit).to.deep.equal([
      { rating: 4, title: 'Soft and sturdy', content: 'Washed ten times.', authorName: 'Grace' },
    ]);
    expect(event.detail).to.deep.equal({ productId: 'classic-tee', review: feed.calls.submit[0] });
    await waitUntil(() => live(el) === 'Thank you! Your review is posted.', 'no thanks');
    expect($<HTMLInputElement>(el, '#title').value, 'the form is reset').to.equal('');
    expect(radios.some((radio) => radio.checked)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('a double click posts the review once', async () => {
    const feed = new FakeFeed();
    feed.delay = 100;
    const el = await mount(feed);
    await shown(el, feed);
    await fill(el);
    const button = $<HTMLButtonElement>(el, '[part="submit"]');
    button.click();
    button.click();
    await el.updateComplete;
    button.click();
    expect(text(el, '[part="submit"]')).to.equal('Posting your review…');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => feed.state.submission.status === 'sent', 'never sent');
    expect(feed.calls.submit).to.have.length(1);
  });

  it('says what is missing under its field, with focus there, and sends nothing', async () => {
    const feed = new FakeFeed();
    const el = await mount(feed);
    await shown(el, feed);
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => text(el, '#rating-error'), 'no rating error');
    expect(text(el, '#rating-error')).to.equal('Choose from 1 to 5 stars.');
    expect($(el, '.rate').getAttribute('aria-describedby')).to.equal('rating-error');
    await waitUntil(() => focused(el) === $(el, 'input[name="rating"]'), 'focus not on the first star');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input[name="rating"][value="5"]').click();
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => text(el, '#title-error'), 'no title error');
    expect($(el, '#title').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#title').getAttribute('aria-describedby')).to.equal('title-error');
    expect(feed.calls.submit).to.deep.equal([]);
  });

  it('keeps the draft after a failed post, says why, offers "Try again", and counts down a wait', async () => {
    const feed = new FakeFeed();
    feed.outcome = { key: 'error.network' };
    const el = await mount(feed);
    await shown(el, feed);
    await fill(el, { title: 'Kept', content: 'Not lost' });
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => feed.state.submission.status === 'failed', 'never failed');
    await el.updateComplete;
    expect(text(el, '[part="failure"]')).to.equal(
      'Your review was not posted. It is kept here, so you can try again. Could not reach the shop. Check your connection and try again.',
    );
    expect($(el, '[part="failure"]').getAttribute('role')).to.equal('alert');
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Kept');
    expect($<HTMLTextAreaElement>(el, '#content').value).to.equal('Not lost');
    expect(text(el, '[part="submit"]')).to.equal('Try again');
    await expect(el).to.be.accessible();

    feed.outcome = { key: 'reviews.wait', retryAt: Date.now() + 2500 };
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitUntil(() => feed.state.submission.problem?.key === 'reviews.wait', 'no wait');
    await el.updateComplete;
    expect(text(el, '#review-wait')).to.equal('You can post it in 3 s.');
    expect($(el, '[part="submit"]').getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[part="submit"]').getAttribute('aria-describedby')).to.equal('review-wait');
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    expect(feed.calls.submit, 'held back while waiting').to.have.length(2);
    await waitUntil(() => text(el, '#review-wait') === 'You can post it in 2 s.', 'no countdown');
    await expect(el).to.be.accessible();
  });

  it('a draft the feed still holds comes back into the form', async () => {
    const feed = new FakeFeed({
      ...loaded,
      submission: {
        status: 'failed',
        problem: { key: 'error.busy' },
        retryAt: 0,
        draft: { rating: 2, title: 'Shrank', content: 'After one wash.' },
      },
    });
    const el = await mount(feed);
    expect($<HTMLInputElement>(el, '#title').value).to.equal('Shrank');
    expect($<HTMLInputElement>(el, 'input[name="rating"][value="2"]').checked).to.equal(true);
    expect(text(el, '[part="failure"]')).to.contain('The shop is busy');
  });

  describe('in Arabic, right to left', () => {
    it('is in Arabic and axe-clean, loading, read and failed', async () => {
      const feed = new FakeFeed();
      feed.delay = 400;
      feed.outcome = { key: 'reviews.refused', text: 'Reviews are closed for this product.' };
      const el = await mount(feed, 'ar');
      expect(text(el, '[aria-busy="true"]')).to.equal('جارٍ تحميل المراجعات…');
      await expect(el).to.be.accessible();
      await shown(el, feed);
      expect(text(el, 'h2')).to.equal('المراجعات');
      expect(plain($$(el, '.distribution .visually-hidden')[0]!.textContent).trim()).to.match(
        /^(5|٥) نجوم — (16|١٦) مراجعة$/, // 3–10 and 11–99 take different forms in Arabic
      );
      expect(text(el, '[part="verified"]')).to.equal('عملية شراء موثّقة');
      await expect(el).to.be.accessible();
      await fill(el);
      $<HTMLButtonElement>(el, '[part="submit"]').click();
      await waitUntil(() => feed.state.submission.status === 'failed', 'never failed');
      await el.updateComplete;
      expect(text(el, '[part="failure"]')).to.contain(
        'لم يقبل المتجر هذه المراجعة. Reviews are closed for this product.',
      );
      expect(getComputedStyle(el).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
    });
  });
});
