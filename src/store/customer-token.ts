// Where the account session (store/account/, loaded with the first view that needs it) finds a
// shop's storage, and how the shop's API client finds the session's customer token. createShop
// files every client here; until a session installs `token`, no `X-Customer-Token` is sent. Kept
// apart and tiny: it is in the first paint, the session is not.
import type { AccountSession } from './account/account-types.js';
import type { KeyValueStorage } from './storage.js';

export interface CustomerTokenHome {
  /** The shop's storage: the one the cart token lives in. */
  readonly storage: KeyValueStorage;
  /** The shop's namespace (`publicKey@apiBase`), which names its tab channel. */
  readonly namespace: string;
  /** Installed by the account session: the token for `X-Customer-Token`, or null. */
  token?: () => Promise<string | null>;
  /** Installed by the account session: itself, for elements that follow it without loading it (the checkout). */
  session?: AccountSession;
}

/** Each shop's home by its API client (locale views of a shop share the client, so the home). */
export const customerTokenHomes = new WeakMap<object, CustomerTokenHome>();
