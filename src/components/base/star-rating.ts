// Stars drawn for the eye: five outlines and, over them, five filled stars cut to the rating
// (4.6 → 92 %). The product view and `<tote-reviews>` share them; the grid's cards say the rating in
// text (stars.ts), which costs the first paint less. Decorative: each caller says the rating in
// words beside them.
import { css, html } from 'lit';
import { msg } from '../../i18n/messages.js';
import { localRating } from './stars.js';

/** "Rated 4.6 out of 5, 12 reviews" (`count === 1`: "…, 1 review"). */
export function ratingSentence(locale: string, rating: number, count: number): string {
  return msg(locale, 'rating.summary', { rating: localRating(locale, rating), count });
}

/** Stars filled to `rating` (0–5), hidden from screen readers. */
export function starsView(rating: number) {
  const fill = Math.round((Math.max(0, Math.min(5, rating)) / 5) * 1000) / 10;
  // A property, not the style attribute: CSSOM writes pass a strict CSP, style="" does not.
  return html`<span class="stars" aria-hidden="true" .style=${`--_fill:${fill}%`}></span>`;
}

/** The stars' look; `--tote-star` colours the filled ones. Logical properties: they fill from the start in RTL too. */
export const starStyles = css`
  .stars {
    position: relative;
    display: inline-block;
    line-height: 1;
    letter-spacing: 0.1em;
    white-space: nowrap;
    color: var(--_control-border);
  }
  .stars::before,
  .stars::after {
    content: '★★★★★';
  }
  .stars::after {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: var(--_fill, 0%);
    overflow: hidden;
    color: var(--tote-star, #f59e0b);
  }
`;
