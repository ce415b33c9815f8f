// Which headers a request carries, and the negotiation between the two stateful sets
// (api-contract.md, "Header negotiation"). The seed documentation asks for `Authorization` and
// `X-Request-Id`; Shoprocket's own widget sends neither, so the live API's CORS allow-list is only
// known to admit the official set. A preflight naming a header the server does not allow fails and
// the browser never sends the request: `fetch` rejects as if the network were down. Tote sends the
// documented set until it has proof that only the official set passes, then remembers that for
// the API origin (30 days, shared by every tab through localStorage) and says so once.

import { defaultStorage, MODE_KEY, REMEMBER_MS, storedUntil, type HeaderMode, type ModeStorage } from './header-set.js';

export { headersFor, REMEMBER_MS } from './header-set.js';
export type { HeaderInput, HeaderMode } from './header-set.js';

/** Sends one test request; resolves true when any HTTP response (any status) came back. */
export type HeaderTest = (kind: 'store' | 'cart', mode: HeaderMode) => Promise<boolean>;

export interface NegotiatorOptions {
  /** The API origin (scheme, host, port): the choice is remembered per origin. */
  origin: string;
  test: HeaderTest;
  now?: () => number;
  /** Default: `localStorage` when usable; null keeps the choice in memory (this tab only). */
  storage?: ModeStorage;
  /** The one notice on a switch (default `console.info`). */
  notice?: (message: string) => void;
  /** When a simple read of this origin last got an HTTP response (the transport saw it before loading this). */
  readAt?: number;
}

export interface Negotiator {
  /** The stateful header set to use now. */
  mode(): HeaderMode;
  /** A simple read of this origin got an HTTP response: the network path works. */
  sawRead(): void;
  /**
   * A stateful request sent with the documented set got no HTTP response at all. Finds out why;
   * resolves true when the request should be sent again, once, with the official set (the
   * preflight was refused, so the original never left the browser). Concurrent failures share one
   * negotiation.
   */
  failed(wasCartRead: boolean): Promise<boolean>;
}

/** A simple read this recent proves the network path without a probe. */
export const READ_FRESH_MS = 6e4;
/** After a negotiation that did not switch, failures within this span are plain failures. */
export const QUIET_MS = 6e4;

export function createNegotiator(o: NegotiatorOptions): Negotiator {
  const now = o.now ?? (() => Date.now());
  const storage = o.storage === undefined ? defaultStorage() : o.storage;
  const key = MODE_KEY + o.origin;
  const notice = o.notice ?? ((m: string) => console.info(m));
  let memUntil = 0;
  let lastRead = o.readAt ?? -Infinity;
  let quietUntil = -Infinity;
  let running: Promise<boolean> | undefined;

  const officialUntil = (): number => Math.max(memUntil, storedUntil(storage, key, now()));

  const remember = () => {
    memUntil = now() + REMEMBER_MS;
    try {
      storage?.setItem(key, JSON.stringify({ mode: 'official', until: memUntil }));
    } catch {
      // full or blocked: this tab still remembers
    }
  };

  const mode = (): HeaderMode => (officialUntil() > now() ? 'official' : 'documented');

  async function negotiate(wasCartRead: boolean): Promise<boolean> {
    // The network path must work: a simple read answered lately, or one `GET /` probe now.
    if (now() - lastRead > READ_FRESH_MS && !(await o.test('store', 'documented'))) return false;
    lastRead = Math.max(lastRead, now());
    // Any answer with the documented set proves its preflight passes: never a reason to switch.
    if (!wasCartRead && (await o.test('cart', 'documented'))) return false;
    if (!(await o.test('cart', 'official'))) return false; // both fail: unreachable, not CORS
    // A refused preflight fails every time; a flaky network fails now and then. One more documented
    // try after the official one answered tells them apart, so a dropped connection never switches
    // an origin's headers for 30 days.
    if (await o.test('cart', 'documented')) return false;
    remember();
    notice(
      `Tote: the API at ${o.origin} refused the Authorization and X-Request-Id headers at the CORS preflight; ` +
        `using the official Shoprocket header set for this API for 30 days.`,
    );
    return true;
  }

  return {
    mode,
    sawRead() {
      lastRead = now();
    },
    failed(wasCartRead) {
      if (mode() === 'official') return Promise.resolve(true); // another request or tab found out meanwhile
      if (running) return running;
      if (now() < quietUntil) return Promise.resolve(false);
      running = negotiate(wasCartRead)
        .catch(() => false)
        .then((switched) => {
          running = undefined;
          if (!switched) quietUntil = now() + QUIET_MS;
          return switched;
        });
      return running;
    },
  };
}
