// The checkout as a state machine, free of Lit and of the DOM, so every rule of it is unit-tested
// without a page (test/node/store/checkout/checkout-flow.test.ts). `<tote-checkout>` renders its
// state and turns the shopper's gestures into calls of its methods. Beside it, by job: the
// payment's rules (payment.ts), the order's settling (order-steps.ts), the steps a cart goes
// through (flow-steps.ts), the country lists (flow-countries.ts), where a failure is filed
// (flow-errors.ts).
import type { Address, Country, PaymentMethod, PaymentSelect } from '../../api/index.js';
import {
  addressIssues,
  cleanAddress,
  emailIssue,
  isAddressComplete,
  type AddressKind,
  type AddressRules,
} from '../../model/address.js';
import { accountPatch, addressOfSaved, type CheckoutAccount } from './flow-account.js';
import { FlowCountries } from './flow-countries.js';
import { fieldErrorsOf, noteOf, placeErrorPatch } from './flow-errors.js';
import { formsOf, resumeStepOf, stepAfter, stepsOf } from './flow-steps.js';
import { OrderSteps } from './order-steps.js';
import { isPayPal, sameSelect } from './payment.js';
import { convertedOrderOf } from './place-recovery.js';
import {
  INITIAL_STATE,
  type FlowControl,
  type FlowDeps,
  type FlowState,
  type PendingOrder,
  type Step,
} from './flow-types.js';

export type { FlowApi, FlowDeps, FlowState, Note, PendingOrder, Phase, PlacedOrder, Step } from './flow-types.js';

/** How long a typed email rests before it is saved on the cart. */
export const EMAIL_DRAFT_MS = 600;

export class CheckoutFlow implements FlowControl {
  state: FlowState = INITIAL_STATE;
  /** Placing, paying, PayPal's callbacks and the wait for the payment's verdict. */
  readonly orders: OrderSteps;
  #deps: FlowDeps;
  #countries: FlowCountries;
  #emailDraft: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: FlowDeps) {
    this.#deps = deps;
    this.orders = new OrderSteps(this, deps);
    this.#countries = new FlowCountries(this, deps);
  }

  get rules(): AddressRules {
    const fields = this.state.settings?.checkout;
    return {
      phone: fields?.phoneNumberField ?? 'optional',
      company: fields?.companyNameField ?? 'optional',
      line2: fields?.addressLine2Field ?? 'optional',
    };
  }

  /** The selected payment method (the only one, when there is one). */
  get paymentMethod(): PaymentMethod | undefined {
    return this.state.methods.find((method) => sameSelect(this.state.method, method.select)) ?? this.state.methods[0];
  }

  /** Whether the review shows PayPal's buttons instead of the place-order button. */
  get paysWithPayPal(): boolean {
    return isPayPal(this.paymentMethod);
  }

  /** What is missing to the store's minimum order value (minor units), or 0. */
  get belowMinimum(): number {
    const minimum = this.state.settings?.checkout.minimumOrderValue ?? 0;
    const subtotal = this.state.cart?.totals.subtotal ?? 0;
    return minimum > subtotal ? minimum - subtotal : 0;
  }

  /** The countries a form offers: ship-to countries for shipping, every country for billing. */
  countryList(kind: AddressKind): Country[] {
    return this.#countries.list(kind);
  }

  /** The country currently chosen in a form, with its rules. */
  countryOf(kind: AddressKind): Country | undefined {
    return this.#countries.of(kind);
  }

  /** Loads settings, methods, the cart and its countries; resumes a payment in progress or the step reached before. */
  async start(): Promise<void> {
    this.set({ phase: 'loading', note: null });
    try {
      await this.#deps.cart.settled();
      void this.#countries.load('ship'); // read while the rest loads
      const [settings, methods, cart] = await Promise.all([
        this.#deps.store(),
        this.#deps.api.paymentMethods(),
        this.#deps.cart.refresh(),
      ]);
      this.set({
        settings,
        methods: methods.methods,
        method: methods.methods[0]?.select ?? null,
        marketing: settings.checkout.precheckMarketingOptIn,
      });
      this.adopt(cart);
      if (methods.checkoutDisabled) {
        return this.set({
          phase: 'unavailable',
          note: { kind: 'error', text: methods.checkoutDisabledReason ?? 'checkout.disabled' },
        });
      }
      const pending = this.#deps.pending.get();
      if (pending) return await this.orders.resumePayment(pending);
      const cartNow = this.state.cart;
      if (!cartNow || cartNow.items.length === 0)
        return this.set({ phase: 'unavailable', note: { kind: 'info', text: 'cart.empty' } });
      // Again once the cart is adopted (its first read resets the forms): the forms' countries follow.
      await this.#countries.load(cartNow.requiresShipping ? 'ship' : 'all');
      if (!this.state.billingSame || !cartNow.requiresShipping) await this.#countries.load('all');
      if (
        cartNow.requiresShipping &&
        isAddressComplete(cartNow.shippingAddress, this.rules, this.countryOf('shipping'))
      ) {
        await this.loadShipping();
      }
      this.set({
        phase: 'form',
        step: resumeStepOf(this.state.cart, this.state.steps, this.rules, this.countryOf('shipping')),
      });
    } catch (error) {
      this.set({ phase: 'unavailable', note: noteOf(error) });
    }
  }

  /** Shows an earlier step again (the shopper's "Edit"). */
  goTo(step: Step): void {
    if (this.state.busy || !this.state.steps.includes(step)) return;
    this.set({ step, errors: {}, note: null, rejection: null });
  }

  /**
   * The shopper is typing an email. Once it reads as one and has rested for a moment, it goes on the
   * cart, so an abandoned checkout still has an address to write to (api-contract.md, "Send as the
   * shopper types"). Quietly: the answer is not adopted (it would overwrite what is typed meanwhile),
   * and a failure is the step's own submit to report.
   */
  draftEmail(value: string): void {
    clearTimeout(this.#emailDraft);
    const email = value.trim();
    if (emailIssue(email) || email === this.state.cart?.email) return;
    this.#emailDraft = setTimeout(() => {
      if (!this.state.busy && this.state.step === 'contact') this.#deps.api.updateCart({ email }).catch(() => {});
    }, EMAIL_DRAFT_MS);
  }

  /** Contact: the email, and on a cart that ships nothing the billing name and country. */
  async submitContact(values: {
    email: string;
    name?: string;
    countryCode?: string;
    marketing?: boolean;
  }): Promise<void> {
    clearTimeout(this.#emailDraft); // the submit sends it now
    const email = values.email.trim();
    const digital = this.state.cart?.requiresShipping === false;
    const name = values.name?.trim() ?? this.state.name;
    const billing = digital
      ? {
          ...this.state.billing,
          name: name || null,
          countryCode: values.countryCode ?? this.state.billing.countryCode ?? null,
        }
      : this.state.billing;
    this.set({ email, name, billing, marketing: values.marketing ?? this.state.marketing });
    const errors: Record<string, string> = {};
    const issue = emailIssue(email);
    if (issue) errors.email = issue;
    if (digital && !name) errors['billingAddress.name'] = 'invalid.required';
    if (digital && !billing.countryCode) errors['billingAddress.countryCode'] = 'invalid.required';
    if (Object.keys(errors).length) return this.set({ errors });
    // A cart that ships nothing still sends a billing address: the receipt shows what the server stores.
    const patch = digital
      ? { email, customerName: name, billingAddress: { name, countryCode: billing.countryCode } }
      : { email };
    await this.#save(patch, 'contact');
  }

  /** The shopper picked a country in a form: its region list, label and postal rules follow. */
  setCountry(kind: AddressKind, countryCode: string): void {
    this.#countries.choose(kind, countryCode);
  }

  /** "Billing address same as shipping": unticked shows the billing form (and loads every country). */
  async setBillingSame(same: boolean): Promise<void> {
    this.set({ billingSame: same });
    if (!same) await this.#countries.load('all');
  }

  /** The shopper signed in or out (store/account): saved addresses offered, empty fields filled in. */
  useAccount(account: CheckoutAccount | null): void {
    this.set(accountPatch(this.state, account));
  }

  /** The shopper picked one of their saved addresses on the address step. */
  useSavedAddress(id: string): void {
    const saved = this.state.savedAddresses.find((address) => address.id === id);
    if (saved) this.set({ address: addressOfSaved(saved), postalHint: null, errors: {} });
  }

  /** The address step: shipping, and billing (a copy of shipping when "same as shipping"). */
  async submitAddress(address: Partial<Address>, billingForm?: Partial<Address>): Promise<void> {
    const shipping = cleanAddress(address);
    const same = this.state.billingSame;
    const billing = same ? { ...shipping } : cleanAddress(billingForm ?? this.state.billing);
    const hinted = this.state.postalHint;
    this.set({ address: shipping, billing: same ? this.state.billing : billing, shippingOptions: null });
    const issues = {
      ...addressIssues(
        shipping,
        this.rules,
        this.countryOf('shipping'),
        'shipping',
        hinted === `shipping:${shipping.postalCode}`,
      ),
      ...(same
        ? {}
        : addressIssues(
            billing,
            this.rules,
            this.countryOf('billing'),
            'billing',
            hinted === `billing:${billing.postalCode}`,
          )),
    };
    if (Object.keys(issues).length) {
      // A postal code that fails the pattern is a hint: sent again unchanged, it goes to the server.
      const postal = Object.keys(issues).find((field) => issues[field] === 'invalid.postalCode');
      const postalHint = postal
        ? `${postal.startsWith('billing') ? 'billing' : 'shipping'}:${(postal.startsWith('billing') ? billing : shipping).postalCode}`
        : null;
      return this.set({ errors: issues, postalHint });
    }
    if (
      !(await this.#save(
        { shippingAddress: shipping, billingAddress: billing, customerName: shipping.name ?? null },
        null,
      ))
    )
      return;
    try {
      this.set({ busy: true });
      await this.loadShipping();
    } catch (error) {
      return this.set({ busy: false, note: noteOf(error) });
    }
    if (this.state.shippingOptions?.length === 0) {
      return this.set({ busy: false, errors: { 'shippingAddress.countryCode': 'checkout.no-shipping' } });
    }
    this.set({ busy: false });
    this.advance('address');
  }

  async chooseShipping(rateId: string): Promise<void> {
    this.set({ shippingRateId: rateId });
    if (!rateId) return this.set({ errors: { shippingRateId: 'checkout.choose-shipping' } });
    await this.#save({ shippingRateId: rateId }, 'shipping');
  }

  choosePayment(select: PaymentSelect): void {
    this.set({ method: select, errors: {}, rejection: null });
    this.advance('payment');
  }

  /** The review's inputs as they change (PayPal's buttons place the order without a form submit). */
  setAgreed(agreed: boolean): void {
    this.set({ agreed, errors: agreed ? {} : this.state.errors });
  }
  setNotes(notes: string): void {
    this.state = { ...this.state, notes }; // no re-render per keystroke
  }

  /** Places the order (or, after a declined payment, pays the same order again). */
  placeOrder(options: { agreed?: boolean; notes?: string; acceptPriceChanges?: boolean } = {}): Promise<void> {
    return this.orders.place(options);
  }

  /** Accepts the new prices of a `price_changed` refusal and places the order at them. */
  acceptPriceChanges(): Promise<void> {
    return this.placeOrder({ acceptPriceChanges: true });
  }

  /** Sets every line of an `insufficient_stock` refusal to what is available, then shows the review. */
  async adjustToStock(): Promise<void> {
    const issues = this.state.rejection?.stockIssues ?? [];
    for (const issue of issues) {
      const item = this.state.cart?.items.find((line) => line.id === issue.itemId);
      if (item) this.#deps.cart.setQuantity(item.variantId, issue.available);
    }
    this.set({ busy: true, rejection: null, note: null });
    try {
      await this.#deps.cart.settled();
      this.adopt(await this.#deps.cart.refresh());
      this.set({ busy: false, phase: this.state.cart?.items.length ? 'form' : 'unavailable', step: 'review' });
    } catch (error) {
      this.set({ busy: false, note: noteOf(error) });
    }
  }

  /** After the hosted payment page: reads the order's status until it is settled. */
  resumePayment(order: PendingOrder): Promise<void> {
    return this.orders.resumePayment(order);
  }

  /** PayPal's script is blocked (CSP, Trusted Types, offline): PayPal goes, the other methods stay. */
  dropPayPal(): void {
    const methods = this.state.methods.filter((method) => !isPayPal(method));
    if (methods.length === this.state.methods.length) return;
    const wasChosen = this.paysWithPayPal;
    this.set({ methods, method: wasChosen ? (methods[0]?.select ?? null) : this.state.method });
    if (this.state.cart) this.adopt(this.state.cart);
    if (!methods.length) return this.set({ phase: 'unavailable', note: { kind: 'error', text: 'checkout.disabled' } });
    if (wasChosen) {
      const step = this.state.steps.includes('payment') ? 'payment' : 'review';
      this.set({ step, note: { kind: 'info', text: 'checkout.paypal-unavailable' } });
    }
  }

  /** Stops polling and timers (the element left the page). */
  stop(): void {
    this.orders.stop();
  }

  /** Files a checkout or capture failure where the shopper can act on it. Used by OrderSteps. */
  onPlaceError(error: unknown): void {
    this.set(placeErrorPatch(error, this.state));
  }

  /** PATCHes the cart with one step's answers; on success moves past `step` (when given). */
  async #save(patch: Parameters<FlowDeps['api']['updateCart']>[0], step: Step | null): Promise<boolean> {
    if (this.state.busy) return false;
    this.set({ busy: true, errors: {}, note: null });
    try {
      this.adopt(await this.#deps.api.updateCart(patch));
      this.#deps.cart.accept(this.state.cart!);
      this.set({ busy: false, postalHint: null });
      if (step) this.advance(step);
      return true;
    } catch (error) {
      // Checked out meanwhile, its answer lost: "Place order" again finds that order (or starts afresh).
      if (convertedOrderOf(error) !== undefined) {
        this.set({ busy: false, step: 'review', note: { kind: 'error', text: 'checkout.outcome-unknown' } });
        return false;
      }
      const errors = fieldErrorsOf(error);
      this.set({ busy: false, errors, note: Object.keys(errors).length ? null : noteOf(error) });
      return false;
    }
  }

  async loadShipping(): Promise<void> {
    const { options } = await this.#deps.api.shippingOptions();
    const current = this.state.cart?.shippingRateId;
    this.set({
      shippingOptions: options,
      shippingRateId: options.some((option) => option.id === current) ? current! : (options[0]?.id ?? null),
    });
  }

  advance(from: Step): void {
    this.set({ step: stepAfter(this.state.steps, from), errors: {}, note: null });
  }

  /** Takes the server's cart: steps and forms follow it. */
  adopt(cart: NonNullable<FlowState['cart']>): void {
    const steps = stepsOf(cart, this.state.methods.length);
    const step = steps.includes(this.state.step) ? this.state.step : 'review';
    this.set({ cart, steps, step, ...(!this.state.cart && formsOf(cart)) });
  }

  set(patch: Partial<FlowState>): void {
    this.state = { ...this.state, ...patch };
    this.#deps.onChange(this.state);
  }
}
