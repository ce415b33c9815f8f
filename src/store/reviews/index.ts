// A product's reviews feed, for the views that load it on first use (never the first paint). One
// feed per shop and product: every view of the product (the summary, the list, the form) shares it.
import type { ToteShop } from '../index.js';
import { Feed } from './feed.js';
import type { ReviewsFeed } from './reviews-types.js';

export type * from './reviews-types.js';
export { cleanReview, Feed, REVIEW_LIMITS, reviewIssue, sameReview, type FeedOptions } from './feed.js';

const feeds = new WeakMap<object, Map<string, Feed>>();

/** The feed of `product` (its id or slug) in `shop`, created on first call; call `load()` to read it. */
export function reviewsOf(shop: Pick<ToteShop, 'api'>, product: string): ReviewsFeed {
  let byProduct = feeds.get(shop.api);
  if (!byProduct) feeds.set(shop.api, (byProduct = new Map()));
  let feed = byProduct.get(product);
  if (!feed) byProduct.set(product, (feed = new Feed({ api: shop.api, product })));
  return feed;
}
