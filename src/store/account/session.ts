// The account session of one shop: signing in by emailed code, the token kept beside the cart token
// and sent as `X-Customer-Token`, the profile, orders and addresses, and signing out — in every tab
// at once. Its guarantees (docs/account.md):
//  - the token is stored the moment the server gives it (it appears once), and is dropped from
//    memory and storage on sign-out (before the server is told), on a `401` and when it expires;
//  - a login code is never asked for, or checked, twice by Tote itself: a second click while one is
//    on its way joins it, the limiter refuses rather than queues (transport.ts, sensitive class), and
//    a resend cooldown the server announced is waited out here without spending the budget;
//  - the tabs of one shop share one sign-in: a change is written first, then announced on a
//    BroadcastChannel, and every tab reads storage again (the message carries no token).
import type { ApiClient, CustomerIdentity, CustomerProfile } from '../../api/index.js';
import { ApiError } from '../../api/index.js';
import { emailIssue } from '../../model/address.js';
import type { CustomerTokenHome } from '../customer-token.js';
import type { AccountProblem, AccountSession, AccountState } from './account-types.js';
import { problemOf, retryAtOf, wakeAt } from './problems.js';
import { readSignIn, SIGN_IN_KEY, signInOf, type StoredSignIn } from './stored-sign-in.js';

/** The contract's reference store: one code per email per minute (no value comes with `sent: true`). */
export const RESEND_COOLDOWN_MS = 6e4;

const EXPIRED: AccountProblem = { key: 'account.signed-out-expired' };
const REQUEST_KEYS = { wait: 'account.wait', refused: 'account.refused' };
const CODE_KEYS = { wait: 'account.wait', refused: 'account.code-refused' };

export interface SessionOptions {
  api: Pick<
    ApiClient,
    'requestLoginCode' | 'verifyLoginCode' | 'customer' | 'customerOrders' | 'customerAddresses' | 'signOut'
  >;
  /** The shop's storage and namespace; the session installs its `token` getter here. */
  home: CustomerTokenHome;
  now?: () => number;
}

/**
 * Why the server refused a code, from the reason the reference store puts beside its sentence, else
 * from the sentence itself (the contract only promises a `422` on `code` with a message).
 */
export function codeRefusal(error: ApiError): string {
  const reason = error.details[0]?.reason;
  const words = [error.message, ...error.details.map((detail) => detail.message)].join(' ');
  if (reason === 'locked' || (!reason && /lock|no tries|too many/i.test(words))) return 'account.code-locked';
  if (reason === 'expired' || (!reason && /expired|already used|no longer/i.test(words))) return 'account.code-expired';
  if (reason === 'wrong' || (!reason && /not right|wrong|incorrect|invalid|does not match/i.test(words)))
    return 'account.code-wrong';
  return 'account.code-refused';
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export class Session implements AccountSession {
  #state: AccountState = {
    ready: false,
    phase: 'signed-out',
    email: '',
    recognised: null,
    customer: null,
    orders: null,
    addresses: null,
    busy: false,
    retryAt: 0,
    problem: null,
  };
  readonly #api: SessionOptions['api'];
  readonly #home: CustomerTokenHome;
  readonly #now: () => number;
  readonly #listeners = new Set<(state: AccountState) => void>();
  #channel: BroadcastChannel | undefined;
  /** The sign-in this tab acts on; null when signed out. */
  #signIn: StoredSignIn | null = null;
  /**
   * The token being signed out: gone from storage, but still sent while `POST /customer/signout`
   * (which needs it) is on its way.
   */
  #leaving: string | null = null;
  /** Bumped by every sign-in and sign-out: answers for an earlier sign-in are dropped. */
  #epoch = 0;
  /** Storage reads and writes, one after another: a read never overtakes this tab's own write. */
  #storageWork: Promise<unknown> = Promise.resolve();
  readonly #loaded: Promise<void>;
  /** A code request or check on its way: a second click joins it. */
  #action: Promise<void> | null = null;
  #refreshing: { epoch: number; done: Promise<void> } | null = null;
  #requests = 0;
  /** The email whose resend cooldown the server announced, and when it ends. */
  #cooldown = { email: '', until: 0 };
  #cancelWake = () => {};

  constructor(options: SessionOptions) {
    this.#api = options.api;
    this.#home = options.home;
    this.#now = options.now ?? Date.now;
    this.#home.token = () => this.token();
    this.#home.session = this;
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(`tote-account:${this.#home.namespace}`);
      this.#channel.onmessage = () => void this.#reload();
      (this.#channel as { unref?: () => void }).unref?.(); // Node: never keeps a process alive
    }
    this.#loaded = this.#reload().then(() => this.#set({ ready: true }));
  }

  get state(): AccountState {
    return this.#state;
  }

  subscribe(listener: (state: AccountState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => void this.#listeners.delete(listener);
  }

  async token(): Promise<string | null> {
    await this.#loaded;
    const signIn = this.#signIn;
    if (signIn && signIn.expiresAt <= this.#now()) await this.#drop(signIn, EXPIRED);
    return this.#signIn?.token ?? this.#leaving;
  }

  requestCode(email: string): Promise<void> {
    return (this.#action ??= this.#requestCode(email.trim()).finally(() => (this.#action = null)));
  }

  verify(code: string): Promise<void> {
    return (this.#action ??= this.#verify(code.replace(/[\s-]/g, '')).finally(() => (this.#action = null)));
  }

  changeEmail(): void {
    if (this.#state.phase === 'signed-in') return;
    // The cooldown belonged to the last email. (The rate budget, if spent, refuses the next request
    // at once, unsent, and says for how long.)
    this.#wait(0);
    this.#set({ phase: 'signed-out', recognised: null, problem: null });
  }

  refresh(): Promise<void> {
    // One read at a time per sign-in: a sign-in that came meanwhile reads for itself.
    if (this.#refreshing?.epoch !== this.#epoch) {
      const refreshing = { epoch: this.#epoch, done: this.#refresh() };
      this.#refreshing = refreshing;
      void refreshing.done.finally(() => this.#refreshing === refreshing && (this.#refreshing = null));
    }
    return this.#refreshing!.done;
  }

  async signOut(): Promise<void> {
    await this.#loaded;
    const signIn = this.#signIn;
    if (!signIn) return;
    this.#leaving = signIn.token;
    await this.#drop(signIn, null);
    try {
      await this.#track(this.#api.signOut({ retries: 0 }));
    } catch {
      // best effort: the token is gone here whatever the server says
    } finally {
      if (this.#leaving === signIn.token) this.#leaving = null;
    }
  }

  /** Stops listening to the other tabs (a page that drops the shop; tests). */
  dispose(): void {
    this.#channel?.close();
    this.#channel = undefined;
    this.#cancelWake();
    this.#listeners.clear();
  }

  async #requestCode(email: string): Promise<void> {
    await this.#loaded;
    if (this.#state.phase === 'signed-in') return;
    if (emailIssue(email)) return this.#set({ email, problem: { key: 'account.email-invalid', field: 'email' } });
    const { phase, email: before } = this.#state;
    // A code went out to this email within the cooldown (from this page or another): it can be entered.
    const codeOut = (sent: boolean) =>
      sent || (phase === 'code-sent' && sameEmail(before, email)) ? 'code-sent' : 'signed-out';
    if (sameEmail(this.#cooldown.email, email) && this.#cooldown.until > this.#now()) {
      this.#wait(this.#cooldown.until);
      return this.#set({ email, phase: codeOut(true), problem: { key: 'account.wait' } });
    }
    this.#set({ email, problem: null });
    const epoch = this.#epoch;
    try {
      const answer = await this.#track(this.#api.requestLoginCode(email));
      if (epoch !== this.#epoch) return; // another tab signed in meanwhile
      // A cooldown comes first: it means "wait", never "no account" (and a code is out already).
      if (answer.retryAfterSeconds !== null) {
        this.#coolDown(email, this.#now() + answer.retryAfterSeconds * 1e3);
        return this.#set({
          phase: codeOut(answer.sent || answer.recognised),
          recognised: answer.recognised || null,
          problem: { key: 'account.wait' },
        });
      }
      if (answer.sent) {
        this.#coolDown(email, this.#now() + RESEND_COOLDOWN_MS);
        return this.#set({ phase: 'code-sent', recognised: true, problem: null });
      }
      this.#set({
        phase: codeOut(false),
        recognised: answer.recognised,
        // Unknown: a guest, not an error. Known but nothing sent, with no reason: try later.
        problem: { key: answer.recognised ? 'error.busy' : 'account.unknown-email' },
      });
    } catch (error) {
      const problem = problemOf(error, REQUEST_KEYS);
      if (problem.key === 'account.refused' && (error as ApiError).status === 422)
        problem.key = 'account.email-invalid';
      if (epoch !== this.#epoch) return;
      this.#waitFor(error);
      // A lost answer may still have sent a code: the code form stays where it was.
      this.#set({ problem });
    }
  }

  async #verify(code: string): Promise<void> {
    await this.#loaded;
    const { phase, email } = this.#state;
    if (phase === 'signed-in' || !email) return;
    if (!code || code.length > 32) return this.#set({ problem: { key: 'account.code-wrong', field: 'code' } });
    this.#set({ problem: null });
    let signIn: StoredSignIn | null;
    try {
      const result = await this.#track(this.#api.verifyLoginCode(email, code));
      signIn = signInOf(result, email, this.#now());
    } catch (error) {
      const problem = problemOf(error, CODE_KEYS);
      if (problem.key === 'account.code-refused')
        Object.assign(problem, { key: codeRefusal(error as ApiError), field: 'code' });
      this.#waitFor(error);
      // A lost answer may have used the code up: if it is refused next time, the shopper asks for another.
      return this.#set({ problem });
    }
    if (!signIn) return this.#set({ problem: { key: 'error.busy' } }); // a token no header can carry
    await this.#adopt(signIn);
    await this.refresh();
  }

  async #refresh(): Promise<void> {
    const epoch = this.#epoch;
    await this.#loaded;
    const signIn = this.#signIn;
    if (!signIn || epoch !== this.#epoch) return;
    const [me, orders, addresses] = await Promise.allSettled([
      this.#track(this.#api.customer()),
      this.#track(this.#api.customerOrders()),
      this.#track(this.#api.customerAddresses()),
    ]);
    if (epoch !== this.#epoch) return; // signed out, or in as someone else, meanwhile
    const failures = [me, orders, addresses].flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    if (failures.some((error) => error instanceof ApiError && error.status === 401)) return this.#drop(signIn, EXPIRED);
    const state = this.#state;
    this.#set({
      customer: me.status === 'fulfilled' ? (me.value as CustomerProfile) : state.customer,
      orders: orders.status === 'fulfilled' ? orders.value : state.orders,
      addresses: addresses.status === 'fulfilled' ? addresses.value : state.addresses,
      problem: failures.length ? problemOf(failures[0], REQUEST_KEYS) : null,
    });
  }

  /**
   * Signs this tab in, then stores the sign-in and tells the other tabs. In the storage queue, so a
   * read of another tab's news queued before it cannot undo it.
   */
  #adopt(signIn: StoredSignIn): Promise<void> {
    return this.#serial(async () => {
      this.#signedIn(signIn);
      try {
        await this.#home.storage.set(SIGN_IN_KEY, signIn);
      } catch {
        // storage failed after the probe (quota, eviction): the sign-in still works for this page
      }
      this.#channel?.postMessage('changed');
    });
  }

  /**
   * Signs this tab out of `signIn` (memory at once, then storage, unless another tab has stored
   * another sign-in meanwhile), then tells the other tabs.
   */
  #drop(signIn: StoredSignIn, problem: AccountProblem | null): Promise<void> {
    return this.#serial(async () => {
      if (this.#signIn === signIn) this.#signedOut(problem);
      await this.#home.storage
        .update(SIGN_IN_KEY, (old) =>
          (old as Partial<StoredSignIn> | undefined)?.token === signIn.token ? undefined : old,
        )
        .catch(() => {});
      this.#channel?.postMessage('changed');
    });
  }

  #signedIn(signIn: StoredSignIn): void {
    this.#signIn = signIn;
    this.#epoch++;
    this.#cooldown = { email: '', until: 0 };
    this.#wait(0);
    this.#set({
      phase: 'signed-in',
      email: signIn.email,
      recognised: true,
      customer: signIn.customer as CustomerIdentity,
      orders: null,
      addresses: null,
      problem: null,
    });
  }

  #signedOut(problem: AccountProblem | null): void {
    this.#signIn = null;
    this.#epoch++;
    this.#set({ phase: 'signed-out', customer: null, orders: null, addresses: null, recognised: null, problem });
  }

  /** Reads the stored sign-in again (at start, and when another tab says it changed). */
  #reload(): Promise<void> {
    return this.#serial(async () => {
      let stored: unknown;
      try {
        stored = await this.#home.storage.get(SIGN_IN_KEY);
      } catch {
        stored = undefined; // storage gone: signed out, as a fresh visitor is
      }
      const now = this.#now();
      const signIn = readSignIn(stored, now);
      // Expired or corrupt: dropped (unless another tab has written a sound one meanwhile), never sent.
      if (!signIn && stored !== undefined)
        await this.#home.storage
          .update(SIGN_IN_KEY, (old) => (readSignIn(old, this.#now()) ? old : undefined))
          .catch(() => {});
      const current = this.#signIn;
      if (signIn && signIn.token !== current?.token) {
        this.#signedIn(signIn);
        void this.refresh(); // waits for this read to end (`#loaded`, or the queue's turn)
      } else if (!signIn && current) this.#signedOut(current.expiresAt <= now ? EXPIRED : null);
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#storageWork.then(work, work);
    this.#storageWork = next.catch(() => {});
    return next;
  }

  /** Counts a request in `busy` while it is on its way. */
  async #track<T>(request: Promise<T>): Promise<T> {
    if (this.#requests++ === 0) this.#set({ busy: true });
    try {
      return await request;
    } finally {
      if (--this.#requests === 0) this.#set({ busy: false });
    }
  }

  #coolDown(email: string, until: number): void {
    this.#cooldown = { email, until };
    this.#wait(until);
  }

  /** A refusal for the rate budget: no other request of its kind until it ends. */
  #waitFor(error: unknown): void {
    const at = retryAtOf(error, this.#now());
    if (at) this.#wait(at);
  }

  /** Sets `retryAt` (0 or past: none) and clears it, with a change, when the time comes. */
  #wait(at: number): void {
    this.#cancelWake();
    const now = this.#now();
    if (at <= now) return void (this.#state.retryAt && this.#set({ retryAt: 0 }));
    this.#cancelWake = wakeAt(at, now, () => this.#set({ retryAt: 0 }));
    this.#set({ retryAt: at });
  }

  #set(patch: Partial<AccountState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}
