import { html, nothing } from 'lit';
import { cleanReview, reviewIssue, reviewsOf, type ReviewsFeed } from '../../store/reviews/index.js';
import { panelStyles } from '../../styles/panel.js';
import { Countdown } from '../base/countdown.js';
import { Follow } from '../base/follow.js';
import { LazyToteElement } from '../base/lazy-element.js';
import { starStyles } from '../base/star-rating.js';
import { draftOf, emptyDraft, FIELD_PROBLEMS, formView, type Draft } from './review-form.js';
import { listView, summaryView } from './reviews-parts.js';
import { reviewsStyles } from './reviews.styles.js';

/**
 * A product's reviews: the average rating and how the ratings spread over one to five stars, the
 * reviews a page at a time (newest first, with a "Verified purchase" badge), and a form to write
 * one. A review is sent once, however often the button is pressed; one that could not be sent
 * stays in the form, with the reason and a way to try again.
 *
 * @summary A product's rating summary, pages of reviews and a form to write one.
 * @tagname tote-reviews
 *
 * @fires {CustomEvent<ReviewSubmitDetail>} tote-review-submit - The shop accepted a review; `detail: {productId, review: {rating, title, content, authorName?}}`.
 *
 * @csspart base - The whole section.
 * @csspart title - The "Reviews" heading.
 * @csspart summary - The average, the stars and the count.
 * @csspart distribution - The five bars of the ratings.
 * @csspart list - The page of reviews.
 * @csspart review - One review.
 * @csspart verified - The "Verified purchase" badge.
 * @csspart empty - The message shown while there are no reviews.
 * @csspart error - The message shown when the reviews could not be read.
 * @csspart pager - Previous and Next, and the page number.
 * @csspart form - The form to write a review.
 * @csspart rating-input - The star rating's radio group.
 * @csspart failure - Why a review was not posted.
 * @csspart submit - The form's button.
 *
 * @cssprop --tote-star - The filled stars (default amber).
 */
export class ToteReviews extends LazyToteElement {
  static override properties = {
    product: {},
    feed: { attribute: false },
  };
  static override styles = [super.styles, panelStyles, starStyles, reviewsStyles];

  /** The product's id or slug. */
  product = '';

  /**
   * The reviews shown: by default the shop's feed of `product` (`reviewsOf(shop, product)`). A page
   * that runs the headless shop, or a test, may pass another one.
   */
  feed?: ReviewsFeed;

  #follow = new Follow<ReviewsFeed>(
    this,
    () => this.feed ?? (this.shop && this.product ? reviewsOf(this.shop, this.product) : undefined),
    (feed) => {
      const { meta, loading, submission } = feed.state;
      // A draft the feed still holds (the form was left after a failure) is shown again.
      this.#draft = submission.draft ? draftOf(submission.draft) : emptyDraft();
      this.#invalid = '';
      if (!meta && !loading) void feed.load(1);
    },
  );
  #countdown = new Countdown(this, () => this.#follow.source?.state.submission.retryAt ?? 0);
  #draft: Draft = emptyDraft();
  #invalid = '';
  #sending = false;
  #announcement = '';

  protected override renderShop() {
    const feed = this.#follow.source;
    const state = feed?.state;
    const locale = this.shopLocale;
    return html`<section part="base" class="panel-box reviews" aria-labelledby="reviews-title">
      <h2 part="title" class="title" id="reviews-title">${this.t('reviews.title')}</h2>
      ${state?.meta?.reviewCount ? summaryView(locale, state.meta) : nothing}
      ${
        state
          ? listView(
              locale,
              state,
              (page) => this.#go(page),
              () => void feed.load(),
            )
          : html`<p class="muted" role="status" aria-busy="true">${this.t('reviews.loading')}</p>`
      }
      ${
        state && state.problem?.key !== 'reviews.not-found'
          ? formView({
              locale,
              draft: this.#draft,
              submission: state.submission,
              invalid: this.#invalid,
              sending: this.#sending,
              wait: this.#countdown.seconds,
              onInput: this.#onInput,
              onSubmit: this.#onSubmit,
            })
          : nothing
      }
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
    </section>`;
  }

  #announce(text: string): void {
    // Cleared first, so the same words twice in a row are announced twice.
    this.#announcement = '';
    this.requestUpdate();
    requestAnimationFrame(() => {
      this.#announcement = text;
      this.requestUpdate();
    });
  }

  /** Another page; focus stays on the pager's button (it is never disabled, only aria-disabled). */
  async #go(page: number): Promise<void> {
    const feed = this.#follow.source;
    if (!feed) return;
    await feed.load(page);
    const { page: now, pages } = feed.state;
    this.#announce(this.t('products.page', { page: now, pages }));
  }

  #onInput = (event: Event): void => {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement;
    const name = field.name as keyof Draft;
    if (!(name in this.#draft)) return;
    this.#draft = { ...this.#draft, [name]: name === 'rating' ? Number(field.value) : field.value };
    if (this.#invalid === name) {
      this.#invalid = '';
      this.requestUpdate();
    }
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement; // (null once the event is over: read it now)
    const feed = this.#follow.source;
    // Pressed twice (or Enter and a click): the first one sends, the rest are nothing.
    if (!feed || this.#sending || feed.state.submission.status === 'sending' || this.#countdown.seconds > 0) return;
    const review = cleanReview(this.#draft);
    const issue = reviewIssue(review);
    if (issue && FIELD_PROBLEMS[issue]) return this.#showInvalid(issue);
    this.#invalid = '';
    this.#sending = true;
    this.requestUpdate();
    // The feed never rejects: a failure is in its `submission`.
    const sent = await feed.submit(review);
    this.#sending = false;
    this.requestUpdate();
    const problem = feed.state.submission.problem;
    if (!sent) {
      if (problem?.key === 'reviews.invalid' && problem.field && FIELD_PROBLEMS[problem.field])
        this.#showInvalid(problem.field);
      return;
    }
    this.#draft = emptyDraft();
    form.reset();
    this.#announce(this.t('reviews.thanks'));
    this.emit('tote-review-submit', { productId: this.product || feed.product, review });
  };

  /** Says what is missing under its field and puts focus there (the first radio for the rating). */
  #showInvalid(field: string): void {
    this.#invalid = field;
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(field === 'rating' ? 'input[name="rating"]' : `#${field}`)?.focus(),
    );
  }
}
