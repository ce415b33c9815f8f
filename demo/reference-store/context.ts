// What a route handler receives and returns. Kept apart from routes.ts so domain modules
// (countries.ts, customers.ts, …) can export their handlers without importing the route table.
import type { StoreState } from './state.js';

export interface ApiContext {
  state: StoreState;
  /** Scheme and host the client used; absolute URLs in answers are built from it. */
  origin: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** X-Cart-Token; present (and well-formed) for every `cart` route, '' elsewhere. */
  token: string;
  /** X-Customer-Token as sent, or null. Checked by the customer routes themselves. */
  customerToken: string | null;
  /** Accept-Language as sent, or null (the visitor-country hint reads its region). */
  acceptLanguage: string | null;
  now: number;
}

export interface ApiResult {
  status?: number;
  data: unknown;
  meta?: Record<string, unknown>;
  /** Members beside `data` at the top of the body (the country routes' `success: true`). */
  top?: Record<string, unknown>;
}

export const param = (ctx: ApiContext, name: string): string => ctx.params[name] ?? '';
