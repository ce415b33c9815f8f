// Product reviews of one store: seeded ones, `GET/POST /products/{id}/reviews`, and the counts
// product cards show (`reviewCount`, `averageRating`). Reviews are published at once (there is no
// moderation queue here), so a new one counts immediately.
import { queryInt } from './catalog.js';
import type { ApiContext, ApiResult } from './context.js';
import { param } from './context.js';
import { hasBought } from './history.js';
import { ApiError, randomId } from './http.js';
import type { ProductRec, ReviewSpec } from './types.js';
import { int, objectBody, str, throwIfIssues, type Issues } from './validate.js';

export const REVIEWS_PER_PAGE = 10;
const DAY = 86_400_000;

export interface ReviewRec {
  id: string;
  productId: string;
  rating: number;
  title: string;
  content: string;
  authorName: string;
  isVerifiedPurchase: boolean;
  source: 'organic' | 'imported' | 'manual';
  createdAt: number;
}

export interface NewReviewAuthor {
  /** "Ada L." for a signed-in customer, else null. */
  customerName: string | null;
  /** The signed-in customer has a paid order containing the product. */
  verified: boolean;
}

export class Reviews {
  private readonly byProduct = new Map<string, ReviewRec[]>();

  constructor(specs: ReviewSpec[], products: ProductRec[], epoch: number) {
    specs.forEach((spec, i) => {
      const product = products.find((p) => p.slug === spec.product);
      if (!product) throw new Error(`seed: a review names unknown product ${spec.product}`);
      this.push({
        id: `rev_seed${String(i + 1).padStart(2, '0')}`,
        productId: product.id,
        rating: spec.rating,
        title: spec.title,
        content: spec.content,
        authorName: spec.authorName,
        isVerifiedPurchase: spec.isVerifiedPurchase,
        source: spec.source,
        createdAt: epoch - spec.daysAgo * DAY,
      });
    });
  }

  private push(review: ReviewRec): void {
    const list = this.byProduct.get(review.productId) ?? [];
    list.push(review);
    list.sort((a, b) => b.createdAt - a.createdAt); // newest first
    this.byProduct.set(review.productId, list);
  }

  stats(productId: string): { reviewCount: number; averageRating: number } {
    const list = this.byProduct.get(productId) ?? [];
    const sum = list.reduce((n, r) => n + r.rating, 0);
    return { reviewCount: list.length, averageRating: list.length ? Math.round((sum / list.length) * 10) / 10 : 0 };
  }

  /** One page, newest first, with the whole product's statistics in `meta` (no totalPages). */
  list(productId: string, page: number): { data: Record<string, unknown>[]; meta: Record<string, unknown> } {
    const list = this.byProduct.get(productId) ?? [];
    const start = (page - 1) * REVIEWS_PER_PAGE;
    const ratingDistribution: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const r of list) ratingDistribution[String(r.rating)] = (ratingDistribution[String(r.rating)] ?? 0) + 1;
    const { reviewCount, averageRating } = this.stats(productId);
    return {
      data: list.slice(start, start + REVIEWS_PER_PAGE).map(serializeReview),
      meta: {
        page,
        perPage: REVIEWS_PER_PAGE,
        total: list.length,
        avgRating: averageRating,
        reviewCount,
        ratingDistribution,
      },
    };
  }

  create(productId: string, rawBody: unknown, author: NewReviewAuthor, now: number): Record<string, unknown> {
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const rating = int(body, 'rating', issues, { min: 1, max: 5, required: true });
    const title = str(body, 'title', issues, { max: 120, required: true });
    const content = str(body, 'content', issues, { max: 5000, required: true });
    const authorName = str(body, 'authorName', issues, { max: 100, nullable: true });
    throwIfIssues(issues, 'The review is not valid.');
    if (rating == null || !title || !content) throw new ApiError(422, 'The review is not valid.');
    const review: ReviewRec = {
      id: randomId('rev'),
      productId,
      rating,
      title,
      content,
      authorName: authorName || author.customerName || 'Anonymous',
      isVerifiedPurchase: author.verified,
      source: 'organic',
      createdAt: now,
    };
    this.push(review);
    return serializeReview(review);
  }
}

function serializeReview(review: ReviewRec): Record<string, unknown> {
  return {
    id: review.id,
    rating: review.rating,
    title: review.title,
    content: review.content,
    authorName: review.authorName,
    isVerifiedPurchase: review.isVerifiedPurchase,
    source: review.source,
    createdAt: new Date(review.createdAt).toISOString(),
  };
}

// ---- Handlers for the route table ----

function productOf(ctx: ApiContext): ProductRec {
  const product = ctx.state.catalogue.findProduct(param(ctx, 'id'));
  if (!product) throw new ApiError(404, `No product "${param(ctx, 'id').slice(0, 100)}".`);
  return product;
}

/** GET /products/{idOrSlug}/reviews?page */
export function listReviews(ctx: ApiContext): ApiResult {
  const product = productOf(ctx);
  const issues: Issues = [];
  const page = queryInt(ctx.query, 'page', issues, 1, 100_000) ?? 1;
  throwIfIssues(issues);
  return ctx.state.reviews.list(product.id, page);
}

/** POST /products/{idOrSlug}/reviews: published at once; verified when the signed-in customer bought it. */
export function createReview(ctx: ApiContext): ApiResult {
  const product = productOf(ctx);
  const customer = ctx.state.customers.identify(ctx.customerToken, ctx.now);
  const customerName = customer?.firstName
    ? `${customer.firstName}${customer.lastName ? ` ${customer.lastName.slice(0, 1)}.` : ''}`
    : null;
  const verified = customer ? hasBought(ctx.state.orders.all(), customer, product.id) : false;
  return { status: 201, data: ctx.state.reviews.create(product.id, ctx.body, { customerName, verified }, ctx.now) };
}
