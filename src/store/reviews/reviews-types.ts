// A product's reviews as the reviews feed (feed.ts) shows them to views: the rating summary, one
// page of reviews, and the review the shopper is writing, through to the server's confirmation.
import type { Review, ReviewInput, ReviewsMeta } from '../../api/index.js';
import type { AccountProblem } from '../account/account-types.js';

/**
 * A problem to show: a message key, the server's sentence as a last resort, the field it concerns.
 *
 * The keys the feed files (every one needs a translation):
 * - `reviews.invalid`: the review is incomplete or too long (checked before sending: `field` is
 *   `rating`, `title`, `content` or `authorName`), or the server's `422` (its sentence in `text`).
 * - `reviews.wait`: the rate budget for reviews is spent, or the server answered `429`: show
 *   "wait N s" from `submission.retryAt`. Nothing was sent.
 * - `reviews.not-found`: the shop has no such product (`404`).
 * - `reviews.refused`: any other refusal; `text` is the server's sentence.
 * - `error.network`: the shop could not be reached, or the answer was lost (a review may have been
 *   saved: sending it again first looks for it, see `submit`).
 * - `error.busy`: the shop answered with a server error.
 */
export type ReviewsProblem = AccountProblem;

export interface ReviewSubmission {
  /** `sending` also covers looking for an earlier attempt of the same review before sending again. */
  status: 'idle' | 'sending' | 'sent' | 'failed';
  problem: ReviewsProblem | null;
  /** Epoch ms before which no review may be sent (the rate budget or `Retry-After`); 0 when free. */
  retryAt: number;
  /**
   * The review on its way or refused, kept until the server confirms it (so the form can show it
   * again with a retry); null when idle or sent.
   */
  draft: ReviewInput | null;
}

export interface ReviewsState {
  /** The product's summary (average, count, distribution), from the last page read; null before. */
  meta: ReviewsMeta | null;
  /** The current page, newest first. */
  reviews: Review[];
  /** The current page's number (1-based). */
  page: number;
  /** `ceil(total / perPage)`; 0 when there are no reviews. */
  pages: number;
  perPage: number;
  /** A page is being read. */
  loading: boolean;
  /** Why the last read failed; null after a good one. */
  problem: ReviewsProblem | null;
  submission: ReviewSubmission;
}

export interface ReviewsFeed {
  readonly product: string;
  readonly state: ReviewsState;
  /** Called at once and after every change; returns the unsubscribe. */
  subscribe(listener: (state: ReviewsState) => void): () => void;
  /** Reads a page (default: the current one). Never rejects; a failure is `problem`. */
  load(page?: number): Promise<void>;
  /**
   * Sends the review once: resolves true when the server has it (then page 1 and the summary are
   * read again), false when it was not sent or refused (see `submission`). Never rejects. While one
   * is on its way, another call joins it. After a failure whose outcome is unknown, the same review
   * sent again is first looked for among the newest reviews and taken as sent when it is there.
   */
  submit(input: ReviewInput): Promise<boolean>;
}
