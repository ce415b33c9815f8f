// The rating of a product in the fewest bytes, for the grid's cards (the first-paint file): a line
// of text, "★ 4.6 (12)", that a screen reader hears as a sentence instead. The product view and
// `<tote-reviews>` draw stars (star-rating.ts), which the first paint does not carry.
import { html } from 'lit';
import { formatNumber, msg } from '../../i18n/messages.js';

/** A rating with one decimal in the shop's language ("4,6" in Polish); a tag Intl refuses gets "4.6". */
export function localRating(locale: string, rating: number): string {
  try {
    return rating.toLocaleString(locale || undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  } catch {
    return rating.toFixed(1);
  }
}

/** A card's rating: "★ 4.6 (12)" to the eye, "Rated 4.6 out of 5, 12 reviews" to a screen reader. */
export function ratingText(locale: string, rating: number, count: number) {
  const shown = localRating(locale, rating);
  const said = msg(locale, 'rating.summary', { rating: shown, count });
  return html`<small part="rating" role="img" aria-label=${said}>★ ${shown} (${formatNumber(locale, count)})</small>`;
}
