// The reading half of <tote-reviews>: the rating summary with its distribution, one page of
// reviews and the pager. Every text of a review is the shop's plain text, rendered as text (Lit
// escapes it), never as markup.
import { html, nothing } from 'lit';
import type { Review, ReviewsMeta } from '../../api/index.js';
import { formatNumber, msg } from '../../i18n/messages.js';
import type { ReviewsState } from '../../store/reviews/index.js';
import { formatDate } from '../base/dates.js';
import { problemText } from '../base/problem-text.js';
import { ratingSentence, starsView } from '../base/star-rating.js';
import { localRating } from '../base/stars.js';

/** "1 star" / "4 stars", "1 review" / "12 reviews" in the shop's language. */
export const starsLabel = (locale: string, stars: number) => msg(locale, 'reviews.stars', { count: stars });
const countLabel = (locale: string, count: number) => msg(locale, 'reviews.count', { count });

/** The average, the count and five bars, each read out as "5 stars: 12 reviews". */
export function summaryView(locale: string, meta: ReviewsMeta) {
  const rating = localRating(locale, meta.avgRating);
  return html`<div part="summary" class="summary">
    <p class="average">
      <span class="big" aria-hidden="true">${rating}</span>
      ${starsView(meta.avgRating)}
      <span aria-hidden="true">${countLabel(locale, meta.reviewCount)}</span>
      <span class="visually-hidden">${ratingSentence(locale, meta.avgRating, meta.reviewCount)}</span>
    </p>
    <ul part="distribution" class="distribution" aria-label=${msg(locale, 'reviews.distribution')}>
      ${[5, 4, 3, 2, 1].map((stars) => {
        const count = meta.ratingDistribution[String(stars)] ?? 0;
        const share = meta.reviewCount ? Math.round((count / meta.reviewCount) * 1000) / 10 : 0;
        return html`<li>
          <span class="bar-label" aria-hidden="true">${formatNumber(locale, stars)} ★</span>
          <span class="bar" aria-hidden="true"><span .style=${`--_share:${share}%`}></span></span>
          <span class="bar-count" aria-hidden="true">${formatNumber(locale, count)}</span>
          <span class="visually-hidden"
            >${msg(locale, 'reviews.bar', { stars: starsLabel(locale, stars), count: countLabel(locale, count) })}</span
          >
        </li>`;
      })}
    </ul>
  </div>`;
}

function reviewView(locale: string, review: Review, index: number) {
  const date = formatDate(locale, review.createdAt);
  return html`<li part="review" class="review">
    <article aria-labelledby="review-${index}">
      <p class="rated">
        ${starsView(review.rating)}<span class="visually-hidden"
          >${msg(locale, 'reviews.rated', { rating: review.rating })}</span
        >
      </p>
      <h3 class="review-title" id="review-${index}" dir="auto">${review.title}</h3>
      <p class="content" dir="auto">${review.content}</p>
      <p class="byline">
        <span>${msg(locale, 'reviews.by', { name: review.authorName })}</span>
        ${date ? html`<time datetime=${review.createdAt}>${date}</time>` : nothing}
        ${review.isVerifiedPurchase ? html`<span part="verified" class="badge verified">${msg(locale, 'reviews.verified')}</span>` : nothing}
      </p>
    </article>
  </li>`;
}

/** The page of reviews (or why there is none), then the pager. */
export function listView(locale: string, state: ReviewsState, go: (page: number) => void, retry: () => void) {
  const { meta, reviews, problem, loading, page, pages } = state;
  if (!meta) {
    return problem
      ? html`<div part="error" class="problem" role="alert">
          <p>${msg(locale, 'reviews.error')} ${problem.key === 'reviews.not-found' ? '' : problemText(locale, problem)}</p>
          <button type="button" class="button secondary" @click=${retry}>${msg(locale, 'error.retry')}</button>
        </div>`
      : html`<p class="muted" role="status" aria-busy="true">${msg(locale, 'reviews.loading')}</p>`;
  }
  if (!meta.reviewCount && !reviews.length)
    return html`<p part="empty" class="muted">${msg(locale, 'reviews.empty')}</p>`;
  const pager =
    pages > 1
      ? html`<nav part="pager" class="pager" aria-label=${msg(locale, 'reviews.pages')}>
          <button type="button" class="button secondary" data-page="prev" aria-disabled=${page <= 1 || loading ? 'true' : 'false'}
            @click=${() => page > 1 && !loading && go(page - 1)}>${msg(locale, 'products.prev')}</button>
          <span>${msg(locale, 'products.page', { page, pages })}</span>
          <button type="button" class="button secondary" data-page="next" aria-disabled=${page >= pages || loading ? 'true' : 'false'}
            @click=${() => page < pages && !loading && go(page + 1)}>${msg(locale, 'products.next')}</button>
        </nav>`
      : nothing;
  return html`${problem ? html`<p class="notice error" role="alert">${msg(locale, 'reviews.error')}</p>` : nothing}
    <ol part="list" class="list" aria-busy=${loading ? 'true' : 'false'} aria-label=${msg(locale, 'reviews.title')}>
      ${reviews.map((review, index) => reviewView(locale, review, index))}
    </ol>
    ${pager}`;
}
