// The account session of a shop, for the views that load it on first use (never the first paint:
// src/store/index.ts does not import this folder). One session per shop: locale views of a shop
// share its API client, and so its session.
import type { ToteShop } from '../index.js';
import { customerTokenHomes } from '../customer-token.js';
import type { AccountSession } from './account-types.js';
import { Session } from './session.js';

export type * from './account-types.js';
export { codeRefusal, RESEND_COOLDOWN_MS, Session, type SessionOptions } from './session.js';

const sessions = new WeakMap<object, Session>();

/**
 * The shop's account session, created (and its stored sign-in read) on first call. From then on
 * the shop's stateful requests carry the signed-in shopper's `X-Customer-Token`.
 */
export function accountOf(shop: Pick<ToteShop, 'api'> | undefined): AccountSession {
  if (!shop) throw new Error('Tote: there is no shop on this page (add data-public-key, or a <tote-store>).');
  let session = sessions.get(shop.api);
  if (!session) {
    const home = customerTokenHomes.get(shop.api);
    if (!home)
      throw new Error(
        'Tote: accountOf() needs a shop made by createShop() (its storage keeps the sign-in); this one has none.',
      );
    sessions.set(shop.api, (session = new Session({ api: shop.api, home })));
  }
  return session;
}
