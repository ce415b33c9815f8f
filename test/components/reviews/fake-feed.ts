// A stand-in for a product's reviews feed (src/store/reviews/reviews-types.ts): pages and answers a
// test sets, and a count of the calls, so <tote-reviews> can be drawn in each state without a server.
import type { Review, ReviewInput } from '../../../src/api/index.js';
import type { ReviewsFeed, ReviewsState } from '../../../src/store/reviews/index.js';

export const review = (n: number, patch: Partial<Review> = {}): Review => ({
  id: `rev_${n}`,
  rating: 5 - (n % 5),
  title: `Review number ${n}`,
  content: `Text of review ${n}`,
  authorName: `Author ${n}`,
  isVerifiedPurchase: n % 2 === 1,
  source: 'organic',
  createdAt: '2026-03-12T10:00:00Z',
  ...patch,
});

export const meta = {
  page: 1,
  perPage: 10,
  total: 24,
  avgRating: 4.6,
  reviewCount: 24,
  ratingDistribution: { '1': 1, '2': 0, '3': 1, '4': 6, '5': 16 },
};

export const loaded: Partial<ReviewsState> = {
  meta,
  reviews: Array.from({ length: 10 }, (_, i) => review(i + 1)),
  page: 1,
  pages: 3,
};

export class FakeFeed implements ReviewsFeed {
  readonly product = 'classic-tee';
  state: ReviewsState = {
    meta: null,
    reviews: [],
    page: 1,
    pages: 0,
    perPage: 10,
    loading: false,
    problem: null,
    submission: { status: 'idle', problem: null, retryAt: 0, draft: null },
  };
  readonly calls = { load: [] as (number | undefined)[], submit: [] as ReviewInput[] };
  /** What a submit ends with: true (sent), or the failure to file. */
  outcome: true | { key: string; text?: string; field?: string; retryAt?: number } = true;
  /** What a load files (default: the page asked for, from `loaded`). */
  onLoad: ((page: number) => Partial<ReviewsState>) | null = (page) => ({ ...loaded, page, meta: { ...meta, page } });
  delay = 20;
  #listeners = new Set<(state: ReviewsState) => void>();

  constructor(state: Partial<ReviewsState> = {}) {
    Object.assign(this.state, state);
  }

  subscribe(listener: (state: ReviewsState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.state);
    return () => void this.#listeners.delete(listener);
  }

  set(patch: Partial<ReviewsState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.#listeners) listener(this.state);
  }

  async load(page?: number): Promise<void> {
    this.calls.load.push(page);
    this.set({ loading: true });
    await new Promise((resolve) => setTimeout(resolve, this.delay));
    this.set({ loading: false, problem: null, ...this.onLoad?.(page ?? this.state.page) });
  }

  async submit(input: ReviewInput): Promise<boolean> {
    this.calls.submit.push(input);
    this.set({ submission: { status: 'sending', problem: null, retryAt: 0, draft: input } });
    await new Promise((resolve) => setTimeout(resolve, this.delay));
    const outcome = this.outcome;
    if (outcome === true) {
      this.set({ submission: { status: 'sent', problem: null, retryAt: 0, draft: null } });
      return true;
    }
    const { retryAt = 0, ...problem } = outcome;
    this.set({ submission: { status: 'failed', problem, retryAt, draft: input } });
    return false;
  }
}
