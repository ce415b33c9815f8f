// Handlers of the catalogue reads: products, categories. Query parsing and the wire shapes live
// in catalog.ts; this file turns a request into a page of them.
import { queryInt } from './catalog.js';
import type { ApiContext, ApiResult } from './context.js';
import { param } from './context.js';
import { ApiError } from './http.js';
import { throwIfIssues, type Issues } from './validate.js';

export const CATEGORIES_PER_PAGE = 50;

export function listProducts(ctx: ApiContext): ApiResult {
  const { catalogue } = ctx.state;
  const query = catalogue.parseQuery(ctx.query);
  const result = catalogue.query(query);
  return {
    data: result.items.map((p) => catalogue.serializeProduct(ctx.origin, p)),
    meta: {
      page: query.page,
      perPage: query.perPage,
      total: result.total,
      totalPages: Math.ceil(result.total / query.perPage),
      currency: catalogue.config.currency,
      priceMin: result.priceMin,
      priceMax: result.priceMax,
    },
  };
}

export function getProduct(ctx: ApiContext): ApiResult {
  const product = ctx.state.catalogue.findProduct(param(ctx, 'id'));
  if (!product) throw new ApiError(404, `No product "${param(ctx, 'id').slice(0, 100)}".`);
  return { data: ctx.state.catalogue.serializeProduct(ctx.origin, product) };
}

/** The flat list, in the merchant's order; the client builds the tree from `parentId`. */
export function listCategories(ctx: ApiContext): ApiResult {
  const { catalogue } = ctx.state;
  const issues: Issues = [];
  const page = queryInt(ctx.query, 'page', issues, 1, 100_000) ?? 1;
  const perPage = queryInt(ctx.query, 'perPage', issues, 1, 100) ?? CATEGORIES_PER_PAGE;
  throwIfIssues(issues);
  const all = catalogue.categories;
  const start = (page - 1) * perPage;
  return {
    data: all.slice(start, start + perPage).map((c) => catalogue.serializeCategory(ctx.origin, c)),
    meta: { page, perPage, total: all.length, totalPages: Math.ceil(all.length / perPage) },
  };
}

/** GET /categories/{idOrSlug}?include=children,parent (`lang` is accepted and ignored). */
export function getCategory(ctx: ApiContext): ApiResult {
  const { catalogue } = ctx.state;
  const category = catalogue.findCategory(param(ctx, 'id'));
  if (!category) throw new ApiError(404, `No category "${param(ctx, 'id').slice(0, 100)}".`);
  const include = new Set(
    (ctx.query.get('include') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return { data: catalogue.serializeCategory(ctx.origin, category, include) };
}
