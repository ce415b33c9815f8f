// The small readers every normalizer is built from (`str`, `num`, `obj`, `idOf`, `each`, `listOf`,
// …), and the checks of values the browser would choke on: URLs, currency and country codes.

// The edge: every answer the endpoints return is turned into the shapes of the *-types.ts modules by
// the normalize-*.ts modules, so the store and the views never guess. The live wire leaves many
// fields out, spells some two ways and may, through a proxy, a bad deploy or a hostile admin, send
// JSON of the wrong shape. The rules:
//  - a missing optional field gets the contract's default; an unknown field is dropped;
//  - one bad entry of a list is dropped, not the whole list (a grid still shows the other 23);
//  - an answer that cannot be used at all (no id, a price that is not a number, a cart without
//    totals) throws `ApiError(…, 'BAD_RESPONSE')`, which the element shows as its error state;
//  - every URL is checked here (`safeUrl`), once, so no view has to remember to.
// What a page needs for its first paint (store, catalogue, cart) is normalized by modules loaded
// with the page; the answers of checkout, orders, account, reviews and lookups by the modules
// on-demand.ts gathers, loaded with the first of them.
import { ApiError } from '../errors.js';

export type WireObject = Record<string, unknown>;

export const bad = (what: string) => new ApiError(200, 'BAD_RESPONSE', `The API sent ${what} in an unexpected shape.`);

export const isObj = (v: unknown): v is WireObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): WireObject => (isObj(v) ? v : {});
export const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
export const strN = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const num = (v: unknown, d = 0): number => (isNum(v) ? v : d);
export const numN = (v: unknown): number | null => (isNum(v) ? v : null);
export const bool = (v: unknown, d = false): boolean => (typeof v === 'boolean' ? v : d);
/** An id: a non-empty string, or a number (some wires use integer ids). */
export const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v ? v : isNum(v) ? String(v) : undefined;
export const idN = (v: unknown): string | null => idOf(v) ?? null;
export const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw bad(what);
  return v;
};
/** `v` if it is one of `allowed`, else `d`. */
export const oneOf = <T extends string>(v: unknown, allowed: readonly T[], d: T): T =>
  allowed.includes(v as T) ? (v as T) : d;

/**
 * Maps a list, dropping the entries that cannot be used (their normalizer threw or gave nothing),
 * so one bad entry does not take the rest with it. Not an array: an empty list.
 */
export function each<T>(v: unknown, f: (x: unknown, i: number) => T | undefined): T[] {
  const out: T[] = [];
  if (Array.isArray(v))
    v.forEach((x, i) => {
      try {
        const y = f(x, i);
        if (y !== undefined) out.push(y);
      } catch {
        // dropped: see above
      }
    });
  return out;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A URL from the API, or null: absolute `https:`, or `http:` on a loopback host (a local reference
 * store). Everything else (`javascript:`, `data:`, relative paths that would resolve against the
 * embedding page, plain-http hosts a network could rewrite) is refused. Returns the parsed form,
 * which percent-encodes quotes and spaces.
 */
export function safeUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * An ISO-4217 code, or the fallback. A wrong code makes `Intl.NumberFormat` throw a RangeError in
 * the middle of a render, which would freeze the view, so it never gets through. Lower case is
 * repaired; anything else falls back to `XXX`, ISO's "no currency": prices still render (as
 * "¤12.34", two decimals) without claiming a currency the store may not use.
 */
export function currency(v: unknown, fallback = 'XXX'): string {
  const c = typeof v === 'string' ? v.trim().toUpperCase() : '';
  return /^[A-Z]{3}$/.test(c) ? c : fallback;
}

export const country = (v: unknown): string | null => {
  const c = typeof v === 'string' ? v.trim().toUpperCase() : '';
  return /^[A-Z]{2}$/.test(c) ? c : null;
};

/**
 * A list: `{data, meta}`, or a bare array (the `data ?? body` tolerance). Bad entries are dropped;
 * when entries came and none is usable, the answer as a whole is wrong (an error state, not an
 * empty one that would say "nothing matched").
 */
export function listOf<T>(
  v: unknown,
  item: (x: unknown, i: number) => T,
  what: string,
): { data: T[]; meta: WireObject; n: number } {
  const body = Array.isArray(v) ? { data: v } : obj(v);
  if (!Array.isArray(body.data)) throw bad(what);
  const data = each(body.data, item);
  if (body.data.length && !data.length) throw bad(what);
  return { data, meta: obj(body.meta), n: body.data.length };
}
