// One product's reviews: pages of them with the rating summary, and the review the shopper writes.
// A review is never sent twice and never lost (docs/account.md):
//  - the draft stays in `submission` until the server confirms it, whatever went wrong;
//  - a second submit while one is on its way joins it; the transport never sends a review again on
//    its own, and refuses at once, without sending, when the rate budget has no slot
//    (`RATE_LIMITED`, which sets `retryAt`);
//  - after a failure whose outcome is unknown (no answer, a lost one, a server error) the review
//    may be saved. Submitting the same review again first reads the newest reviews: one with the
//    same rating, title and text (and name, when given) that is new since the first attempt is
//    taken as the success, and nothing is sent. If that read fails, nothing is sent either.
import { nanoid } from 'nanoid';
import type { ApiClient, Review, ReviewInput } from '../../api/index.js';
import { ApiError } from '../../api/index.js';
import { outcomeUnknown, problemOf, retryAtOf, wakeAt } from '../account/problems.js';
import type { ReviewsFeed, ReviewsProblem, ReviewsState, ReviewSubmission } from './reviews-types.js';

const KEYS = { wait: 'reviews.wait', refused: 'reviews.refused' };
/** The contract's bounds (the reference store's `422`s): checked before a slot of the budget is spent. */
export const REVIEW_LIMITS = { title: 120, content: 5000, authorName: 100 } as const;
/** How far the server's clock may be behind ours when an earlier attempt is looked for. */
const CLOCK_SKEW_MS = 15 * 6e4;
/** How many pages (newest first) are read looking for an earlier attempt, on a busy product. */
const LOOK_BACK_PAGES = 3;

export interface FeedOptions {
  api: Pick<ApiClient, 'reviews' | 'submitReview'>;
  /** The product's id (or slug). */
  product: string;
  now?: () => number;
}

/** A review whose outcome is unknown: what was sent, when first, and the reviews known before it. */
interface Doubt {
  draft: ReviewInput;
  since: number;
  known: Set<string>;
}

/** The review as it is sent: trimmed, without an empty name. */
export function cleanReview(input: ReviewInput): ReviewInput {
  const review: ReviewInput = {
    rating: input.rating,
    title: String(input.title ?? '').trim(),
    content: String(input.content ?? '').trim(),
  };
  const name = String(input.authorName ?? '').trim();
  if (name) review.authorName = name;
  return review;
}

/** The field a review cannot be sent with (empty, too long, a rating outside 1–5), else null. */
export function reviewIssue(review: ReviewInput): keyof ReviewInput | null {
  if (!Number.isInteger(review.rating) || review.rating < 1 || review.rating > 5) return 'rating';
  if (!review.title || review.title.length > REVIEW_LIMITS.title) return 'title';
  if (!review.content || review.content.length > REVIEW_LIMITS.content) return 'content';
  if ((review.authorName?.length ?? 0) > REVIEW_LIMITS.authorName) return 'authorName';
  return null;
}

/** Whether `review` is `draft` as the server lists it (it trims what it stores). */
export function sameReview(review: Review, draft: ReviewInput): boolean {
  return (
    review.rating === draft.rating &&
    review.title.trim() === draft.title &&
    review.content.trim() === draft.content &&
    (!draft.authorName || review.authorName.trim() === draft.authorName)
  );
}

const IDLE: ReviewSubmission = { status: 'idle', problem: null, retryAt: 0, draft: null };

export class Feed implements ReviewsFeed {
  readonly product: string;
  #state: ReviewsState = {
    meta: null,
    reviews: [],
    page: 1,
    pages: 0,
    perPage: 10,
    loading: false,
    problem: null,
    submission: IDLE,
  };
  readonly #api: FeedOptions['api'];
  readonly #now: () => number;
  readonly #listeners = new Set<(state: ReviewsState) => void>();
  /** Only the newest read is shown: an older one that answers late is dropped. */
  #reads = 0;
  #sending: Promise<boolean> | null = null;
  #doubt: Doubt | null = null;
  #cancelWake = () => {};

  constructor(options: FeedOptions) {
    this.#api = options.api;
    this.product = options.product;
    this.#now = options.now ?? Date.now;
  }

  get state(): ReviewsState {
    return this.#state;
  }

  subscribe(listener: (state: ReviewsState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => void this.#listeners.delete(listener);
  }

  /** `fresh`: a read of its own, never one already on its way (which may predate a new review). */
  async load(page = this.#state.page, fresh = false): Promise<void> {
    const read = ++this.#reads;
    this.#set({ loading: true });
    try {
      const list = await this.#api.reviews(
        this.product,
        Math.max(1, Math.floor(page) || 1),
        fresh ? { requestId: nanoid() } : {},
      );
      if (read !== this.#reads) return;
      const { meta } = list;
      this.#set({
        meta,
        reviews: list.data,
        page: meta.page,
        perPage: meta.perPage,
        pages: Math.ceil(meta.total / meta.perPage),
        loading: false,
        problem: null,
      });
    } catch (error) {
      if (read !== this.#reads) return;
      this.#set({ loading: false, problem: this.#problemOf(error) });
    }
  }

  submit(input: ReviewInput): Promise<boolean> {
    return (this.#sending ??= this.#submit(cleanReview(input)).finally(() => (this.#sending = null)));
  }

  /** Stops the wait's timer (tests; a page that drops the shop). */
  dispose(): void {
    this.#cancelWake();
    this.#listeners.clear();
  }

  async #submit(draft: ReviewInput): Promise<boolean> {
    const field = reviewIssue(draft);
    if (field) return this.#failed(draft, { key: 'reviews.invalid', field });
    if (this.#state.submission.retryAt > this.#now()) return this.#failed(draft, { key: 'reviews.wait' });
    this.#submission({ status: 'sending', problem: null, draft });
    // An edited review is a new one: the doubt about the earlier text is given up with it.
    const doubt = this.#doubt && JSON.stringify(this.#doubt.draft) === JSON.stringify(draft) ? this.#doubt : null;
    this.#doubt = doubt;
    if (doubt) {
      try {
        if (await this.#landed(doubt)) return this.#succeeded();
      } catch (error) {
        return this.#failed(draft, this.#problemOf(error)); // cannot tell: never send blind
      }
    }
    const since = this.#now();
    const known = new Set(this.#state.reviews.map((review) => review.id));
    try {
      await this.#api.submitReview(this.product, draft);
    } catch (error) {
      // A 2xx whose body could not be read (cut off, or not a review): the server has it.
      if (error instanceof ApiError && error.status >= 200 && error.status < 300) return this.#succeeded();
      if (outcomeUnknown(error)) this.#doubt = doubt ?? { draft, since, known };
      const retryAt = retryAtOf(error, this.#now());
      if (retryAt) this.#wait(retryAt);
      return this.#failed(draft, this.#problemOf(error));
    }
    return this.#succeeded();
  }

  /** Whether an earlier attempt of the doubted review is listed: read newest first, back to its time. */
  async #landed(doubt: Doubt): Promise<boolean> {
    const after = doubt.since - CLOCK_SKEW_MS;
    for (let page = 1; page <= LOOK_BACK_PAGES; page++) {
      const { data, meta } = await this.#api.reviews(this.product, page, { requestId: nanoid() });
      for (const review of data) {
        // An unreadable date is not "older": better a review taken as sent than posted twice.
        if (Date.parse(review.createdAt) < after) return false;
        if (!doubt.known.has(review.id) && sameReview(review, doubt.draft)) return true;
      }
      if (page * meta.perPage >= meta.total) return false;
    }
    return false;
  }

  async #succeeded(): Promise<boolean> {
    this.#doubt = null;
    this.#submission({ status: 'sent', problem: null, draft: null });
    await this.load(1, true); // the new review and the new summary
    return true;
  }

  #failed(draft: ReviewInput, problem: ReviewsProblem): false {
    this.#submission({ status: 'failed', problem, draft });
    return false;
  }

  #problemOf(error: unknown): ReviewsProblem {
    const problem = problemOf(error, KEYS);
    if (error instanceof ApiError && error.status === 404) problem.key = 'reviews.not-found';
    else if (error instanceof ApiError && error.status === 422) problem.key = 'reviews.invalid';
    return problem;
  }

  /** Sets `submission.retryAt` (0 or past: none) and clears it, with a change, when the time comes. */
  #wait(at: number): void {
    this.#cancelWake();
    const now = this.#now();
    if (at > now) this.#cancelWake = wakeAt(at, now, () => this.#submission({ retryAt: 0 }));
    this.#submission({ retryAt: at > now ? at : 0 });
  }

  #submission(patch: Partial<ReviewSubmission>): void {
    this.#set({ submission: { ...this.#state.submission, ...patch } });
  }

  #set(patch: Partial<ReviewsState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}
