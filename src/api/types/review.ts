// Product reviews: a review, the list's rating summary, and what a shopper submits.

export interface Review {
  id: string;
  /** 1–5. */
  rating: number;
  /** Plain text. */
  title: string;
  content: string;
  authorName: string;
  isVerifiedPurchase: boolean;
  source: string;
  createdAt: string;
}
export interface ReviewsMeta {
  page: number;
  perPage: number;
  total: number;
  avgRating: number;
  reviewCount: number;
  /** Stars "1"–"5" → counts. */
  ratingDistribution: Record<string, number>;
}
export interface ReviewInput {
  rating: number;
  title: string;
  content: string;
  authorName?: string;
}
