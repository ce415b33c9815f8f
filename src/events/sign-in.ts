// `tote-sign-in`: the shopper signed in with an emailed code (`<tote-account>`).
import type { CustomerIdentity } from '../api/index.js';

/** Detail of `tote-sign-in`: who signed in (never the token). */
export interface SignInDetail {
  customer: CustomerIdentity;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-sign-in': CustomEvent<SignInDetail>;
  }
}
