// The edge for product reviews: one review, and a page of them with its rating summary. Loaded on
// first use (with later-endpoints.ts, through on-demand.ts).
import type { List } from '../types/common.js';
import { bad, idOf, isNum, listOf, need, num, obj, str } from './primitives.js';
import type { Review, ReviewsMeta } from '../types/review.js';

/** One review; a rating outside 1–5 (or not a number) makes it unusable. */
export function normReview(v: unknown): Review {
  const r = obj(v);
  const rating = r.rating;
  if (!isNum(rating) || rating < 1 || rating > 5) throw bad('a review');
  return {
    id: need(idOf(r.id), 'a review'),
    rating: Math.round(rating),
    title: str(r.title),
    content: str(r.content),
    authorName: str(r.authorName),
    isVerifiedPurchase: r.isVerifiedPurchase === true,
    source: str(r.source, 'organic'),
    createdAt: str(r.createdAt),
  };
}

/** `GET /products/{id}/reviews`. The meta has no `totalPages`: pages are ceil(total / perPage). */
export function normReviews(v: unknown): List<Review, ReviewsMeta> {
  const { data, meta, n } = listOf(v, normReview, 'the reviews');
  const d = obj(meta.ratingDistribution);
  const ratingDistribution: Record<string, number> = {};
  for (const k of ['1', '2', '3', '4', '5']) ratingDistribution[k] = Math.max(0, num(d[k]));
  const total = Math.max(0, num(meta.total, n));
  return {
    data,
    meta: {
      page: Math.max(1, num(meta.page, 1)),
      perPage: Math.max(1, num(meta.perPage, 10)),
      total,
      avgRating: num(meta.avgRating),
      reviewCount: num(meta.reviewCount, total),
      ratingDistribution,
    },
  };
}
