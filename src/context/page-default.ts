import { createShop, type ShopOptions, type ToteShop } from '../store/shop.js';

let pageDefault: ShopOptions | undefined;
let pageProblem: string | undefined;
const listeners = new Set<() => void>();

/**
 * Sets the shop that Tote elements outside any `<tote-store>` use — what the drop-in script does
 * with its `data-public-key`, and what developers call once at start-up. Elements already on the
 * page switch to it. Throws `ToteKeyError` for a secret key, before any request.
 */
export function configure(options: ShopOptions): ToteShop {
  const shop = createShop(options);
  pageDefault = options;
  pageProblem = undefined;
  for (const listener of listeners) listener();
  return shop;
}

/**
 * Records why the page has no default shop (a refused `data-public-key`), so elements outside any
 * `<tote-store>` can say so in place of the shop instead of loading forever.
 */
export function reportConfigProblem(problem: string): void {
  pageProblem = problem;
  for (const listener of listeners) listener();
}

/** Why the page has no default shop, when something was tried and refused. */
export function configProblem(): string | undefined {
  return pageProblem;
}

/** The page's default shop, if one was configured. */
export function defaultShop(): ToteShop | undefined {
  return pageDefault && createShop(pageDefault);
}

/** Calls `listener` whenever the page default changes; returns the unsubscribe function. */
export function onDefaultShopChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
