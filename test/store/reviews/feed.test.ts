// The reviews feed (src/store/reviews/): pages and the summary, and a submitted review that is never
// sent twice and never lost. First over a fake API with exact faults (an answer lost after the
// server saved the review, or before; a read that fails while in doubt), then against the real
// reference store with its `lost` fault and its rate limit.
import { expect } from '@open-wc/testing';
import {
  ApiError,
  createApiClient,
  createLimiter,
  type Review,
  type ReviewInput,
  type ReviewsMeta,
} from '../../../src/api/index.js';
import { Feed, reviewsOf } from '../../../src/store/reviews/index.js';
import { createShop } from '../../../src/store/index.js';
import {
  API_BASE,
  DEMO_KEY,
  control,
  counters,
  freshStore,
  requireReferenceStore,
} from '../../helpers/reference-store.js';

type Fault =
  'lost-after' | 'lost-before' | '5xx' | 'bad-body' | 'cut-body' | { status: number; message?: string } | null;

/** Reviews of one product in memory, with scripted faults per call and a log of every call. */
function fakeReviewsApi(seed = 3) {
  const reviews: Review[] = Array.from({ length: seed }, (_, i) => ({
    id: `r_seed_${i}`,
    rating: 4,
    title: `Seed ${i}`,
    content: 'Fine.',
    authorName: 'Someone',
    isVerifiedPurchase: false,
    source: 'organic',
    createdAt: new Date(Date.now() - (i + 1) * 864e5).toISOString(),
  }));
  const posts: Fault[] = [];
  const reads: Fault[] = [];
  const log: string[] = [];
  const perPage = 10;
  const limiter = createLimiter({ share: false });
  let hold: Promise<void> | null = null;
  const fail = (fault: Fault) => {
    if (fault === '5xx') throw new ApiError(503, 'OUTCOME_UNKNOWN', 'unknown');
    if (fault && typeof fault === 'object') throw new ApiError(fault.status, 'HTTP', fault.message ?? 'refused');
  };
  const api = {
    limiter,
    async reviews(_product: string, page = 1) {
      log.push(`GET ${page}`);
      const fault = reads.shift() ?? null;
      if (fault === 'lost-before') throw new ApiError(0, 'NETWORK', 'down');
      fail(fault);
      const sum = reviews.reduce((n, r) => n + r.rating, 0);
      const meta: ReviewsMeta = {
        page,
        perPage,
        total: reviews.length,
        avgRating: reviews.length ? sum / reviews.length : 0,
        reviewCount: reviews.length,
        ratingDistribution: {},
      };
      return { data: reviews.slice((page - 1) * perPage, page * perPage), meta };
    },
    async submitReview(_product: string, input: ReviewInput) {
      log.push('POST');
      if (hold) await hold;
      const fault = posts.shift() ?? null;
      if (fault === 'lost-before') throw new ApiError(0, 'OUTCOME_UNKNOWN', 'lost');
      fail(fault);
      const review: Review = {
        id: `r_${log.length}`,
        rating: input.rating,
        title: input.title,
        content: input.content,
        authorName: input.authorName ?? 'Anonymous',
        isVerifiedPurchase: false,
        source: 'organic',
        createdAt: new Date().toISOString(),
      };
      reviews.unshift(review);
      if (fault === 'lost-after') throw new ApiError(0, 'OUTCOME_UNKNOWN', 'lost');
      if (fault === 'bad-body') throw new ApiError(201, 'BAD_RESPONSE', 'unreadable');
      if (fault === 'cut-body') throw new ApiError(201, 'OUTCOME_UNKNOWN', 'cut off');
      return review;
    },
  };
  return {
    api,
    reviews,
    log,
    posts: (...faults: Fault[]) => posts.push(...faults),
    reads: (...faults: Fault[]) => reads.push(...faults),
    hold(): () => void {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => ((hold = null), release());
    },
  };
}

const DRAFT: ReviewInput = { rating: 5, title: 'Lovely', content: 'Would buy again.', authorName: 'Ada' };
const postsIn = (log: string[]) => log.filter((entry) => entry === 'POST').length;

describe('reviews feed (fake API)', () => {
  it('reads a page: the summary, the reviews, the number of pages', async () => {
    const fake = fakeReviewsApi(23);
    const feed = new Feed({ api: fake.api, product: 'p1' });
    await feed.load(2);
    expect(feed.state).to.include({ page: 2, pages: 3, perPage: 10, loading: false, problem: null });
    expect(feed.state.reviews).to.have.length(10);
    expect(feed.state.meta!.reviewCount).to.equal(23);
  });

  it('posts once, then shows the new review on page 1 with the new count', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    await feed.load(1);
    expect(await feed.submit({ ...DRAFT, title: '  Lovely  ' })).to.equal(true);
    expect(postsIn(fake.log)).to.equal(1);
    expect(feed.state.submission).to.deep.equal({ status: 'sent', problem: null, retryAt: 0, draft: null });
    expect(feed.state.reviews[0]!.title).to.equal('Lovely');
    expect(feed.state.meta!.reviewCount).to.equal(4);
  });

  it('a second submit while one is on its way joins it: one POST', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    const release = fake.hold();
    const first = feed.submit(DRAFT);
    const second = feed.submit(DRAFT);
    expect(feed.state.submission.status).to.equal('sending');
    release();
    expect(await Promise.all([first, second])).to.deep.equal([true, true]);
    expect(postsIn(fake.log)).to.equal(1);
  });

  it('an answer lost after the server saved it: the draft stays; the retry finds it and sends nothing', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    await feed.load(1);
    fake.posts('lost-after');
    expect(await feed.submit(DRAFT)).to.equal(false);
    expect(feed.state.submission).to.deep.include({ status: 'failed', draft: DRAFT });
    expect(feed.state.submission.problem!.key).to.equal('error.network');
    expect(await feed.submit(DRAFT)).to.equal(true);
    expect(postsIn(fake.log)).to.equal(1);
    expect(fake.reviews.filter((review) => review.title === 'Lovely')).to.have.length(1);
  });

  it('a 5xx after the server saved it: the same', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    fake.posts('lost-after');
    await feed.submit(DRAFT);
    fake.posts('5xx');
    // The first retry finds it (the 5xx is never reached).
    expect(await feed.submit(DRAFT)).to.equal(true);
    expect(postsIn(fake.log)).to.equal(1);
  });

  it('an answer lost before the server saw it: the retry looks, finds nothing, and sends it once more', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    fake.posts('lost-before');
    expect(await feed.submit(DRAFT)).to.equal(false);
    expect(await feed.submit(DRAFT)).to.equal(true);
    expect(postsIn(fake.log)).to.equal(2);
    expect(fake.reviews.filter((review) => review.title === 'Lovely')).to.have.length(1);
  });

  it('while in doubt, a read that fails sends nothing: the draft waits for the next try', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    fake.posts('lost-after');
    await feed.submit(DRAFT);
    fake.reads('lost-before');
    expect(await feed.submit(DRAFT)).to.equal(false);
    expect(postsIn(fake.log)).to.equal(1);
    expect(feed.state.submission).to.deep.include({ status: 'failed', draft: DRAFT });
    expect(await feed.submit(DRAFT)).to.equal(true);
    expect(postsIn(fake.log)).to.equal(1);
    expect(fake.reviews.filter((review) => review.title === 'Lovely')).to.have.length(1);
  });

  it('an identical review that was there before the first try is not taken for it', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    await feed.submit(DRAFT); // posted fine once
    fake.posts('lost-before');
    await feed.submit(DRAFT); // the same words again: lost before the server saw it
    expect(await feed.submit(DRAFT)).to.equal(true);
    expect(postsIn(fake.log)).to.equal(3);
    expect(fake.reviews.filter((review) => review.title === 'Lovely')).to.have.length(2);
  });

  it('an edited review after a lost answer is a new one: posted without looking', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    fake.posts('lost-before');
    await feed.submit(DRAFT);
    const reads = fake.log.filter((entry) => entry.startsWith('GET')).length;
    expect(await feed.submit({ ...DRAFT, content: 'Would buy it twice.' })).to.equal(true);
    expect(fake.log.filter((entry) => entry.startsWith('GET')).length - reads).to.equal(1, 'only the reload after');
  });

  it('a refusal keeps the draft and says why; an incomplete review is never sent', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    for (const [input, field] of [
      [{ ...DRAFT, rating: 0 }, 'rating'],
      [{ ...DRAFT, rating: 4.5 }, 'rating'],
      [{ ...DRAFT, title: '   ' }, 'title'],
      [{ ...DRAFT, title: 'x'.repeat(121) }, 'title'],
      [{ ...DRAFT, content: '' }, 'content'],
      [{ ...DRAFT, authorName: 'x'.repeat(101) }, 'authorName'],
    ] as const) {
      expect(await feed.submit(input)).to.equal(false);
      expect(feed.state.submission.problem).to.deep.equal({ key: 'reviews.invalid', field });
    }
    expect(postsIn(fake.log)).to.equal(0);
    fake.posts({ status: 422, message: 'The review is not valid.' });
    expect(await feed.submit(DRAFT)).to.equal(false);
    expect(feed.state.submission.problem).to.deep.include({ key: 'reviews.invalid', text: 'The review is not valid.' });
    expect(feed.state.submission.draft).to.deep.equal(DRAFT);
    fake.posts({ status: 404 });
    await feed.submit(DRAFT);
    expect(feed.state.submission.problem!.key).to.equal('reviews.not-found');
  });

  it('an answer the client cannot read after a 201 is a success (the server has it)', async () => {
    for (const fault of ['bad-body', 'cut-body'] as const) {
      const fake = fakeReviewsApi();
      const feed = new Feed({ api: fake.api, product: 'p1' });
      fake.posts(fault);
      expect(await feed.submit(DRAFT), fault).to.equal(true);
      expect(postsIn(fake.log)).to.equal(1);
    }
  });

  it('a rate-limit refusal sets retryAt; a try before then is not sent; the wait ends by itself', async () => {
    const fake = fakeReviewsApi();
    const feed = new Feed({ api: fake.api, product: 'p1' });
    const retryAfter = 1;
    fake.api.submitReview = async () => {
      fake.log.push('POST');
      throw new ApiError(429, 'RATE_LIMITED', 'slow', [], null, retryAfter);
    };
    const before = Date.now();
    expect(await feed.submit(DRAFT)).to.equal(false);
    expect(feed.state.submission.problem!.key).to.equal('reviews.wait');
    expect(feed.state.submission.retryAt - before).to.be.within(1000, 1100);
    expect(await feed.submit(DRAFT)).to.equal(false);
    expect(postsIn(fake.log)).to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, 1150));
    expect(feed.state.submission.retryAt).to.equal(0);
  });

  it('only the newest read is shown: an older page that answers late is dropped', async () => {
    const fake = fakeReviewsApi(25);
    const slow = fake.api.reviews;
    fake.api.reviews = async (product, page = 1) => {
      if (page === 1) await new Promise((resolve) => setTimeout(resolve, 50));
      return slow(product, page);
    };
    const feed = new Feed({ api: fake.api, product: 'p1' });
    await Promise.all([feed.load(1), feed.load(3)]);
    expect(feed.state.page).to.equal(3);
    expect(feed.state.reviews).to.have.length(5);
  });
});

describe('reviews feed against the reference store', function () {
  this.timeout(30_000);
  before(() => requireReferenceStore());
  beforeEach(() => freshStore());
  afterEach(() => control({ faults: null }));

  const feedOf = () =>
    new Feed({ api: createApiClient({ publicKey: DEMO_KEY, apiBase: API_BASE }), product: 'classic-tee' });

  it('one feed per shop and product', () => {
    const shop = createShop({ publicKey: DEMO_KEY, apiBase: API_BASE });
    expect(reviewsOf(shop, 'classic-tee')).to.equal(reviewsOf(shop, 'classic-tee'));
    expect(reviewsOf(shop, 'classic-tee')).not.to.equal(reviewsOf(shop, 'other'));
  });

  it('posts a review once and lists it with the new summary', async () => {
    const feed = feedOf();
    await feed.load(1);
    const count = feed.state.meta!.reviewCount;
    const title = `Posted ${Math.random().toString(36).slice(2)}`;
    expect(await feed.submit({ ...DRAFT, title })).to.equal(true);
    expect(feed.state.reviews[0]).to.include({ title, authorName: 'Ada', rating: 5 });
    expect(feed.state.meta!.reviewCount).to.equal(count + 1);
    expect((await counters()).requests['POST /products/{id}/reviews']).to.equal(1);
  });

  it('the answer is lost after the store saved it: the retry does not post it again', async () => {
    const feed = feedOf();
    await feed.load(1);
    const count = feed.state.meta!.reviewCount;
    const title = `Lost ${Math.random().toString(36).slice(2)}`;
    await control({ faults: 'lost=1' });
    expect(await feed.submit({ ...DRAFT, title })).to.equal(false);
    expect(feed.state.submission.draft).to.deep.include({ title });
    await control({ faults: null });
    expect(await feed.submit({ ...DRAFT, title })).to.equal(true);
    expect(feed.state.reviews.filter((review) => review.title === title)).to.have.length(1);
    expect(feed.state.meta!.reviewCount).to.equal(count + 1);
    expect((await counters()).requests['POST /products/{id}/reviews']).to.equal(1);
  });

  it('six reviews in a minute: the sixth is held back, unsent, with a countdown; no 429', async () => {
    const feed = feedOf();
    const started = Date.now();
    for (let i = 0; i < 5; i++) expect(await feed.submit({ ...DRAFT, title: `Review ${i}` })).to.equal(true);
    expect(await feed.submit({ ...DRAFT, title: 'Review 5' })).to.equal(false);
    expect(feed.state.submission.problem!.key).to.equal('reviews.wait');
    expect(feed.state.submission.retryAt - started).to.be.within(50_000, 62_000);
    const c = await counters();
    expect(c.requests['POST /products/{id}/reviews']).to.equal(5);
    expect(c.rateLimited).to.equal(0);
  });
});
