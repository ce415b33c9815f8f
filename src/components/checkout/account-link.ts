// The checkout follows the shop's account session once there is one (a <tote-account> on the page,
// the inline sign-in on the address step, window.Tote.account()): a signed-in shopper's email and
// saved addresses fill what the cart does not hold yet. It never creates the session itself, so a
// guest's checkout downloads none of it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountSession, AccountState } from '../../store/account/account-types.js';
import type { CheckoutAccount } from '../../store/checkout/flow-account.js';
import type { CheckoutFlow } from '../../store/checkout/checkout-flow.js';
import { customerTokenHomes } from '../../store/customer-token.js';
import type { ToteShop } from '../../store/index.js';

/** What the checkout takes from the session's state: null unless signed in. */
export function checkoutAccountOf(state: AccountState): CheckoutAccount | null {
  if (state.phase !== 'signed-in' || !state.customer) return null;
  const { email, firstName, lastName } = state.customer;
  return { email, name: [firstName, lastName].filter(Boolean).join(' ') || null, addresses: state.addresses ?? [] };
}

export class AccountLink implements ReactiveController {
  #shop: () => ToteShop | undefined;
  #flow: () => CheckoutFlow | undefined;
  #session: AccountSession | undefined;
  #unsubscribe: (() => void) | undefined;
  /** What the flow was last handed, so a session change that is not about the shopper (busy, a
      countdown) does not fill the forms again under the shopper's typing. */
  #handed: { flow: CheckoutFlow; account: string } | undefined;
  /** Whether the shopper is signed in (the address step then offers no sign-in). */
  signedIn = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    shop: () => ToteShop | undefined,
    flow: () => CheckoutFlow | undefined,
  ) {
    this.#shop = shop;
    this.#flow = flow;
    host.addController(this);
    // The inline sign-in made the session (it may not have existed before): follow it from now on.
    host.addEventListener('tote-sign-in', () => this.follow());
  }

  hostConnected(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#session = undefined;
  }

  /**
   * Follows the shop's session if there is one, and hands its state to the flow (a new one, or one
   * that has just loaded: the checkout calls this then).
   */
  follow(): void {
    const shop = this.#shop();
    const session = shop && customerTokenHomes.get(shop.api)?.session;
    if (!session) return;
    if (session !== this.#session) {
      this.#unsubscribe?.();
      this.#session = session;
      this.#unsubscribe = session.subscribe((state) => this.#apply(state));
    } else this.#apply(session.state);
  }

  #apply(state: AccountState): void {
    const account = checkoutAccountOf(state);
    const flow = this.#flow();
    this.signedIn = !!account;
    const key = JSON.stringify(account);
    // Not while the flow loads: its first read of the cart fills the forms from the cart.
    if (!flow || flow.state.phase === 'loading' || (this.#handed?.flow === flow && this.#handed.account === key))
      return;
    this.#handed = { flow, account: key };
    flow.useAccount(account);
  }
}
