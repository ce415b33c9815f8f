// The signed-in shopper, as the account session (session.ts) shows it to views and to the
// checkout: what step of signing in they are at, who they are, their orders and addresses.
import type { CustomerAddress, CustomerIdentity, CustomerOrder, CustomerProfile } from '../../api/index.js';

/** Signing in by emailed code: no email yet → a code was sent → signed in. */
export type AccountPhase = 'signed-out' | 'code-sent' | 'signed-in';

/**
 * A problem to show: a message key of the i18n files, or the server's own sentence as a last resort.
 *
 * The keys the account session files (every one needs a translation):
 * - `account.email-invalid`: the email is empty or not an address (checked before any request; also
 *   the server's `422` on `email`, with its sentence in `text`).
 * - `account.unknown-email`: the shop has no customer with this email (`sent: false, recognised:
 *   false`). Not an error: the shopper simply goes on as a guest.
 * - `account.wait`: another code may not be asked for (or checked) yet: the email's resend cooldown,
 *   the rate budget or a `429`. Show "wait N s" from `retryAt`; it never means "no account".
 * - `account.code-wrong`: the code is not the one sent (the server's sentence, with the tries left,
 *   in `text`).
 * - `account.code-expired`: the code timed out or was used: ask for a new one.
 * - `account.code-locked`: too many wrong tries locked the code: ask for a new one.
 * - `account.code-refused`: any other refusal of a code; `text` is the server's sentence.
 * - `account.refused`: any other refusal of a request; `text` is the server's sentence.
 * - `account.signed-out-expired`: the sign-in ran out (the stored token expired, or the server
 *   answered `401`): the shopper is signed out and may sign in again.
 * - `error.network`: the shop could not be reached (or the answer was lost): try again.
 * - `error.busy`: the shop answered with a server error: try again in a moment.
 */
export interface AccountProblem {
  /** One of the keys above (the reviews feed has its own: `reviews-types.ts`). */
  key: string;
  /** The server's sentence, shown (marked with its language) only when no key fits. */
  text?: string;
  /** The form field the problem concerns, when one does (`email`, `code`; a review's `title`…). */
  field?: string;
}

export interface AccountState {
  /** False until the stored token (if any) has been read. */
  ready: boolean;
  phase: AccountPhase;
  /** The email a code was asked for, or the signed-in shopper's. */
  email: string;
  /** Whether the shop knows the email (from `POST /customer/otp`); null before asking. */
  recognised: boolean | null;
  customer: CustomerIdentity | CustomerProfile | null;
  /** Null until read (signed in only). */
  orders: CustomerOrder[] | null;
  addresses: CustomerAddress[] | null;
  /** A request of the session is on its way. */
  busy: boolean;
  /**
   * Epoch ms before which another code (or review) may not be asked for: the server's resend
   * cooldown, its `Retry-After`, or the rate budget; 0 when free now (set back to 0, with a change,
   * when the time comes).
   */
  retryAt: number;
  problem: AccountProblem | null;
}

export interface AccountSession {
  readonly state: AccountState;
  /** Called at once and after every change; returns the unsubscribe. */
  subscribe(listener: (state: AccountState) => void): () => void;
  /** `POST /customer/otp`. Resolves when the answer is filed in `state` (never rejects). */
  requestCode(email: string): Promise<void>;
  /** `POST /customer/otp/verify` with the state's email. Never rejects; a wrong code is a `problem`. */
  verify(code: string): Promise<void>;
  /** Back to the email form (another email), keeping what was typed. */
  changeEmail(): void;
  /** Reads the profile, orders and addresses again (signed in only). */
  refresh(): Promise<void>;
  /** `POST /customer/signout`; the token is dropped whatever its outcome. */
  signOut(): Promise<void>;
  /** The token to send as `X-Customer-Token`, or null (expired tokens are dropped). */
  token(): Promise<string | null>;
}
