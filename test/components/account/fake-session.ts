// A stand-in for the account session (src/store/account/account-types.ts): it files what a test
// tells it to, and counts the calls, so each state of <tote-account> can be drawn without a server.
import type { AccountSession, AccountState } from '../../../src/store/account/index.js';

export const signedOut: AccountState = {
  ready: true,
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

export const ada = { id: 'cus_1', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' };

export const signedIn: AccountState = {
  ...signedOut,
  phase: 'signed-in',
  email: ada.email,
  recognised: true,
  customer: ada,
  orders: [
    {
      id: 'ord_1',
      orderNumber: 'TOTE-1001',
      status: 'paid',
      paymentStatus: 'paid',
      fulfillmentStatus: 'unfulfilled',
      currencyCode: 'USD',
      total: 4200,
      placedAt: '2026-03-12T10:00:00Z',
    },
    {
      id: 'ord_2',
      orderNumber: 'TOTE-1002',
      status: 'on_hold_by_merchant',
      paymentStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      currencyCode: 'USD',
      total: 1999,
      placedAt: null,
    },
  ],
  addresses: [
    {
      id: 'adr_1',
      name: 'Ada Lovelace',
      company: null,
      line1: '12 St James Square',
      line2: null,
      city: 'London',
      region: null,
      postalCode: 'SW1Y 4JH',
      countryCode: 'GB',
      phone: null,
    },
  ],
};

type Answer = Partial<AccountState> | ((state: AccountState) => Partial<AccountState>);

export class FakeSession implements AccountSession {
  state: AccountState;
  readonly calls = { requestCode: [] as string[], verify: [] as string[], changeEmail: 0, signOut: 0, refresh: 0 };
  /** What each call files when it ends (after `delay` ms, with `busy` meanwhile). */
  answers: { requestCode?: Answer; verify?: Answer; signOut?: Answer } = {};
  delay = 20;
  #listeners = new Set<(state: AccountState) => void>();

  constructor(state: Partial<AccountState> = {}) {
    this.state = { ...signedOut, ...state };
  }

  subscribe(listener: (state: AccountState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.state);
    return () => void this.#listeners.delete(listener);
  }

  set(patch: Partial<AccountState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.#listeners) listener(this.state);
  }

  async #answer(answer: Answer | undefined, patch: Partial<AccountState>): Promise<void> {
    this.set({ busy: true, problem: null, ...patch });
    await new Promise((resolve) => setTimeout(resolve, this.delay));
    const filed = typeof answer === 'function' ? answer(this.state) : (answer ?? {});
    this.set({ busy: false, ...filed });
  }

  requestCode(email: string): Promise<void> {
    this.calls.requestCode.push(email);
    return this.#answer(this.answers.requestCode ?? { phase: 'code-sent', retryAt: Date.now() + 60_000 }, { email });
  }

  verify(code: string): Promise<void> {
    this.calls.verify.push(code);
    return this.#answer(this.answers.verify ?? signedIn, {});
  }

  changeEmail(): void {
    this.calls.changeEmail++;
    this.set({ phase: 'signed-out', problem: null, recognised: null, retryAt: 0 });
  }

  async refresh(): Promise<void> {
    this.calls.refresh++;
  }

  signOut(): Promise<void> {
    this.calls.signOut++;
    return this.#answer(this.answers.signOut ?? { ...signedOut, email: '' }, {});
  }

  async token(): Promise<string | null> {
    return this.state.phase === 'signed-in' ? 'cust_token' : null;
  }
}
