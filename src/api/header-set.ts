// The header sets of a request, and the remembered choice between the two stateful sets. The
// negotiation that makes the choice (headers.ts) is loaded only when a stateful request first gets
// no HTTP response: a page whose requests are answered never downloads it.

export type HeaderMode = 'documented' | 'official';

export interface HeaderInput {
  locale?: string;
  publicKey: string;
  /** The job's id; sent only in documented mode, kept for logs and errors in both. */
  requestId: string | null;
  cartToken: string | null;
  customerToken: string | null;
  hasBody: boolean;
}

/**
 * A simple read (`stateful` false) carries only `Accept` and `Accept-Language`: no custom header,
 * no token, no preflight. A stateful request carries the set of `mode`.
 */
export function headersFor(stateful: boolean, mode: HeaderMode, h: HeaderInput): Record<string, string> {
  const out: Record<string, string> = { Accept: 'application/json' };
  if (h.locale) out['Accept-Language'] = h.locale;
  if (!stateful) return out;
  if (h.hasBody) out['Content-Type'] = 'application/json';
  if (mode === 'documented') {
    out.Authorization = 'Bearer ' + h.publicKey;
    if (h.requestId) out['X-Request-Id'] = h.requestId;
  }
  if (h.cartToken) out['X-Cart-Token'] = h.cartToken;
  if (h.customerToken) out['X-Customer-Token'] = h.customerToken;
  return out;
}

export type ModeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;

export const MODE_KEY = 'tote-headers:';
export const DAY = 864e5;
export const REMEMBER_MS = 30 * DAY;

export function defaultStorage(): ModeStorage {
  try {
    const s = globalThis.localStorage;
    return s && typeof s.getItem === 'function' ? s : null;
  } catch {
    return null; // storage blocked (sandboxed frame, privacy mode)
  }
}

/**
 * Until when the official set is remembered for the origin (`key`), per `storage`; read on every
 * call, so a switch in another tab applies at once. The stored value is shape-checked: anything
 * odd (hand-edited, another version's, an expiry too far out) is ignored.
 */
export function storedUntil(storage: ModeStorage | undefined, key: string, now: number): number {
  try {
    const raw = storage?.getItem(key);
    if (raw) {
      const v = JSON.parse(raw) as { mode?: unknown; until?: unknown } | null;
      const u = v?.until;
      if (v?.mode === 'official' && typeof u === 'number' && u <= now + REMEMBER_MS + DAY) return u;
    }
  } catch {
    // corrupt or unreadable: documented mode
  }
  return 0;
}
