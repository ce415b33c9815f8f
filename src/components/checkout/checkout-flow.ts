// The checkout as a state machine, free of Lit and of the DOM, so every rule of it is unit-tested
// without a page (test/node/checkout-flow.test.ts). `<tote-checkout>` renders its state and turns
// the shopper's gestures into calls of its methods.
import {
  ApiError,
  CheckoutRejection,
  type Address,
  type ApiClient,
  type Cart,
  type OrderReceipt,
  type PaymentMethod,
  type PaymentSelect,
  type ShippingOption,
  type Store,
} from '../../api/index.js';
import type { CartState } from '../../store/index.js';
import { addressIssues, emailIssue, isAddressComplete, type AddressRules } from './address.js';

export type Step = 'contact' | 'address' | 'shipping' | 'payment' | 'review';
/** `form`: a step is shown; the others are the moments between and after the steps. */
export type Phase = 'loading' | 'form' | 'placing' | 'redirecting' | 'confirming' | 'receipt' | 'unavailable';

/** A text to show: a message key of `msg()` (or the server's own words), with its parameters. */
export interface Note {
  kind: 'error' | 'info';
  text: string;
  params?: Record<string, string | number>;
}

/** The order waiting for its payment, kept across the trip to the hosted payment page. */
export interface PendingOrder {
  orderId: string;
  orderNumber: string;
  /** This page is the payment page's return URL (else the shopper came back some other way). */
  returned?: boolean;
}

export interface FlowState {
  phase: Phase;
  step: Step;
  /** The steps this cart goes through (digital carts skip shipping; one method skips payment). */
  steps: Step[];
  settings: Store | null;
  cart: Cart | null;
  email: string;
  name: string;
  address: Partial<Address>;
  shippingOptions: ShippingOption[] | null;
  shippingRateId: string | null;
  methods: PaymentMethod[];
  method: PaymentSelect | null;
  notes: string;
  agreed: boolean;
  /** Field (`email`, `shippingAddress.city`, `terms`…) → message key or server text. */
  errors: Record<string, string>;
  note: Note | null;
  rejection: CheckoutRejection | null;
  /** A request of the current step is on its way: its button is disabled. */
  busy: boolean;
  order: PendingOrder | null;
  receipt: OrderReceipt | null;
}

/** What the flow needs from the shop (a `ToteShop` fits; tests pass fakes). */
export interface FlowDeps {
  api: Pick<ApiClient, 'updateCart' | 'shippingOptions' | 'paymentMethods' | 'checkout' | 'pay' | 'orderStatus' | 'order'>;
  cart: {
    readonly state: CartState;
    settled(): Promise<void>;
    refresh(): Promise<Cart>;
    accept(cart: Cart): void;
    setQuantity(variantId: string, quantity: number): void;
    startOver(): Promise<void>;
  };
  store(): Promise<Store>;
  /** Where the hosted payment page sends the shopper back to, for this order. */
  returnUrl(order: PendingOrder): string;
  /** Leaves the page for the hosted payment page. */
  navigate(url: string): void;
  /** Keeps the pending order across the redirect (sessionStorage in the element). */
  pending: { get(): PendingOrder | null; set(order: PendingOrder): void; clear(): void };
  onChange(state: FlowState): void;
  onComplete?(receipt: OrderReceipt): void;
  sleep?(ms: number): Promise<void>;
  /** Delays between status reads after the return; the read budget is 60 a minute. */
  pollDelays?: number[];
}

// About 45 s of polling in 14 reads, well inside the 60-a-minute read budget.
const POLL_DELAYS = [0, 500, 1000, 1500, 2000, 3000, 4000, 5000, 5000, 5000, 5000, 5000, 5000];
const FIELD_STEP: [RegExp, Step][] = [
  [/^(email|customerName)$/, 'contact'],
  [/^shippingAddress/, 'address'],
  [/^shippingRateId$/, 'shipping'],
  [/^paymentMethod$/, 'payment'],
];

const sameSelect = (a: PaymentSelect | null, b: PaymentSelect): boolean =>
  !!a && (a.kind === 'gateway' ? b.kind === 'gateway' && a.gateway === b.gateway : b.kind === 'manual' && a.manualMethodId === b.manualMethodId);

export class CheckoutFlow {
  state: FlowState = {
    phase: 'loading',
    step: 'contact',
    steps: ['contact', 'review'],
    settings: null,
    cart: null,
    email: '',
    name: '',
    address: {},
    shippingOptions: null,
    shippingRateId: null,
    methods: [],
    method: null,
    notes: '',
    agreed: false,
    errors: {},
    note: null,
    rejection: null,
    busy: false,
    order: null,
    receipt: null,
  };
  #d: FlowDeps;
  #polling = 0;

  constructor(deps: FlowDeps) {
    this.#d = deps;
  }

  get rules(): AddressRules {
    const c = this.state.settings?.checkout;
    return { phone: c?.phoneNumberField ?? 'optional', company: c?.companyNameField ?? 'optional', line2: c?.addressLine2Field ?? 'optional' };
  }

  /** The selected payment method (the only one, when there is one). */
  get paymentMethod(): PaymentMethod | undefined {
    return this.state.methods.find((m) => sameSelect(this.state.method, m.select)) ?? this.state.methods[0];
  }

  /** Loads settings, methods and the cart; resumes a payment in progress or the step reached before. */
  async start(): Promise<void> {
    this.#set({ phase: 'loading', note: null });
    try {
      await this.#d.cart.settled();
      const [settings, methods, cart] = await Promise.all([this.#d.store(), this.#d.api.paymentMethods(), this.#d.cart.refresh()]);
      this.#set({ settings, methods: methods.methods, method: methods.methods[0]?.select ?? null });
      this.#adopt(cart);
      if (methods.checkoutDisabled) {
        return this.#set({ phase: 'unavailable', note: { kind: 'error', text: methods.checkoutDisabledReason ?? 'checkout.disabled' } });
      }
      const pending = this.#d.pending.get();
      if (pending) return await this.resumePayment(pending);
      const cartNow = this.state.cart;
      if (!cartNow || cartNow.items.length === 0) return this.#set({ phase: 'unavailable', note: { kind: 'info', text: 'cart.empty' } });
      if (cartNow.requiresShipping && cartNow.shippingAddress?.countryCode && isAddressComplete(cartNow.shippingAddress, this.rules)) {
        await this.#loadShipping();
      }
      this.#set({ phase: 'form', step: this.#resumeStep() });
    } catch (error) {
      this.#set({ phase: 'unavailable', note: this.#noteOf(error) });
    }
  }

  /** Shows an earlier step again (the shopper's "Edit"). */
  goTo(step: Step): void {
    if (this.state.busy || !this.state.steps.includes(step)) return;
    this.#set({ step, errors: {}, note: null, rejection: null });
  }

  async submitContact(values: { email: string; name?: string }): Promise<void> {
    const email = values.email.trim();
    const name = values.name?.trim() ?? this.state.name;
    this.#set({ email, name });
    const issue = emailIssue(email);
    if (issue) return this.#set({ errors: { email: issue } });
    const patch = this.state.cart?.requiresShipping ? { email } : { email, customerName: name || null };
    await this.#save(patch, 'contact');
  }

  async submitAddress(address: Partial<Address>): Promise<void> {
    const clean = Object.fromEntries(Object.entries(address).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || null : v])) as Partial<Address>;
    this.#set({ address: clean, shippingOptions: null });
    const issues = addressIssues(clean, this.rules);
    if (Object.keys(issues).length) return this.#set({ errors: issues });
    if (!(await this.#save({ shippingAddress: clean, customerName: clean.name ?? null }, null))) return;
    try {
      this.#set({ busy: true });
      await this.#loadShipping();
    } catch (error) {
      return this.#set({ busy: false, note: this.#noteOf(error) });
    }
    if (this.state.shippingOptions?.length === 0) {
      return this.#set({ busy: false, errors: { 'shippingAddress.countryCode': 'checkout.no-shipping' } });
    }
    this.#set({ busy: false });
    this.#advance('address');
  }

  async chooseShipping(rateId: string): Promise<void> {
    this.#set({ shippingRateId: rateId });
    if (!rateId) return this.#set({ errors: { shippingRateId: 'checkout.choose-shipping' } });
    await this.#save({ shippingRateId: rateId }, 'shipping');
  }

  choosePayment(select: PaymentSelect): void {
    this.#set({ method: select, errors: {} });
    this.#advance('payment');
  }

  /** Places the order (or, after a declined payment, pays the same order again). */
  async placeOrder(options: { agreed?: boolean; notes?: string; acceptPriceChanges?: boolean } = {}): Promise<void> {
    if (this.state.busy || this.state.phase === 'placing') return; // a double click places one order
    const agreed = options.agreed ?? this.state.agreed;
    const notes = options.notes ?? this.state.notes;
    this.#set({ agreed, notes, errors: {}, note: null, rejection: null });
    if (this.state.settings?.checkout.termsMode === 'required_checkbox' && !agreed) {
      return this.#set({ errors: { terms: 'checkout.terms-required' } });
    }
    const method = this.paymentMethod;
    this.#set({ busy: true, phase: 'placing' });
    try {
      let order = this.state.order;
      if (!order) {
        const result = await this.#d.api.checkout({
          email: this.state.email || undefined,
          paymentMethod: method?.select,
          expectedTotal: this.state.cart?.totals.total,
          acceptPriceChanges: options.acceptPriceChanges || undefined,
          agreeToTerms: agreed || undefined,
          notes: notes.trim() || undefined,
        });
        order = { orderId: result.orderId, orderNumber: result.orderNumber };
        this.#set({ order });
      }
      if (method?.select.kind === 'manual') return await this.#finish(order);
      this.#d.pending.set(order);
      const payment = await this.#d.api.pay(order.orderId, { returnUrl: this.#d.returnUrl(order), cancelUrl: this.#d.returnUrl(order) });
      this.#set({ phase: 'redirecting' });
      this.#d.navigate(payment.handoff.redirectUrl);
    } catch (error) {
      this.#onPlaceError(error);
    }
  }

  /** Accepts the new prices of a `price_changed` refusal and places the order at them. */
  acceptPriceChanges(): Promise<void> {
    return this.placeOrder({ acceptPriceChanges: true });
  }

  /** Sets every line of an `insufficient_stock` refusal to what is available, then shows the review. */
  async adjustToStock(): Promise<void> {
    const issues = this.state.rejection?.stockIssues ?? [];
    for (const issue of issues) {
      const item = this.state.cart?.items.find((i) => i.id === issue.itemId);
      if (item) this.#d.cart.setQuantity(item.variantId, issue.available);
    }
    this.#set({ busy: true, rejection: null, note: null });
    try {
      await this.#d.cart.settled();
      this.#adopt(await this.#d.cart.refresh());
      this.#set({ busy: false, phase: this.state.cart?.items.length ? 'form' : 'unavailable', step: 'review' });
    } catch (error) {
      this.#set({ busy: false, note: this.#noteOf(error) });
    }
  }

  /** After the hosted payment page: reads the order's status until it is settled, then shows the receipt. */
  async resumePayment(order: PendingOrder): Promise<void> {
    const run = ++this.#polling;
    this.#set({ phase: 'confirming', order, busy: true, note: null });
    const sleep = this.#d.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (const delay of this.#d.pollDelays ?? POLL_DELAYS) {
      await sleep(delay);
      if (run !== this.#polling) return;
      let status;
      try {
        status = await this.#d.api.orderStatus(order.orderId);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          this.#d.pending.clear();
          return this.#set({ phase: 'form', step: 'review', busy: false, order: null, note: { kind: 'error', text: 'checkout.order-missing' } });
        }
        continue; // offline or rate-limited for a moment: the next read may pass
      }
      if (status.paymentStatus === 'paid') return await this.#finish(order);
      if (!order.returned && status.paymentStatus === 'pending') {
        // Back without going through the payment page (the Back button): nothing to wait for.
        return this.#set({ phase: 'form', step: 'review', busy: false });
      }
      if (status.paymentStatus === 'failed' || status.paymentStatus === 'cancelled') {
        // The order stays pending (kept, also across a reload): "Pay" tries the same order again.
        return this.#set({
          phase: 'form',
          step: 'review',
          busy: false,
          note: { kind: 'error', text: status.paymentStatus === 'failed' ? 'checkout.declined' : 'checkout.cancelled' },
        });
      }
      if (status.status === 'cancelled' || status.paymentStatus === 'expired') {
        this.#d.pending.clear();
        this.#adopt(await this.#d.cart.refresh().catch(() => this.state.cart as Cart));
        return this.#set({ phase: 'form', step: 'review', busy: false, order: null, note: { kind: 'error', text: 'checkout.expired' } });
      }
    }
    this.#set({ busy: false, note: { kind: 'info', text: 'checkout.still-confirming' } });
  }

  /** Stops polling (the element left the page). */
  stop(): void {
    this.#polling++;
  }

  async #finish(order: PendingOrder): Promise<void> {
    // The receipt first: only the token that placed the order may read it, and startOver rotates it.
    const receipt = await this.#d.api.order(order.orderId);
    this.#d.pending.clear();
    this.#set({ phase: 'receipt', receipt, busy: false, order: null });
    this.#d.onComplete?.(receipt);
    await this.#d.cart.startOver().catch(() => undefined);
  }

  #onPlaceError(error: unknown): void {
    this.#set({ busy: false, phase: 'form' });
    if (error instanceof CheckoutRejection) {
      if (error.rejection === 'terms_required') return this.#set({ step: 'review', errors: { terms: 'checkout.terms-required' } });
      if (error.rejection === 'already_converted') {
        return this.#set({ step: 'review', note: { kind: 'error', text: 'checkout.already-converted' } });
      }
      return this.#set({ step: 'review', rejection: error, note: { kind: 'error', text: `rejection.${error.rejection}` } });
    }
    if (error instanceof ApiError && error.code === 'VALIDATION_ERROR' && error.details.length) {
      const errors: Record<string, string> = {};
      let step: Step = 'review';
      let found = false;
      for (const detail of error.details) {
        errors[detail.field] = detail.message;
        const owner = FIELD_STEP.find(([pattern]) => pattern.test(detail.field))?.[1];
        if (owner && this.state.steps.includes(owner) && !found) [step, found] = [owner, true];
      }
      return this.#set({ step, errors, note: found ? null : { kind: 'error', text: error.details[0]!.message } });
    }
    this.#set({ step: 'review', note: this.#noteOf(error) });
  }

  /** PATCHes the cart with one step's answers; on success moves past `step` (when given). */
  async #save(patch: Parameters<FlowDeps['api']['updateCart']>[0], step: Step | null): Promise<boolean> {
    if (this.state.busy) return false;
    this.#set({ busy: true, errors: {}, note: null });
    try {
      this.#adopt(await this.#d.api.updateCart(patch));
      this.#d.cart.accept(this.state.cart!);
      this.#set({ busy: false });
      if (step) this.#advance(step);
      return true;
    } catch (error) {
      const errors: Record<string, string> = {};
      if (error instanceof ApiError) for (const d of error.details) errors[d.field] = d.message;
      this.#set({ busy: false, errors, note: Object.keys(errors).length ? null : this.#noteOf(error) });
      return false;
    }
  }

  async #loadShipping(): Promise<void> {
    const { options } = await this.#d.api.shippingOptions();
    const current = this.state.cart?.shippingRateId;
    this.#set({ shippingOptions: options, shippingRateId: options.some((o) => o.id === current) ? current! : (options[0]?.id ?? null) });
  }

  #advance(from: Step): void {
    const steps = this.state.steps;
    const next = steps[steps.indexOf(from) + 1] ?? 'review';
    this.#set({ step: next, errors: {}, note: null });
  }

  #resumeStep(): Step {
    const { cart, steps } = this.state;
    if (!cart?.email) return 'contact';
    if (steps.includes('address') && !isAddressComplete(cart.shippingAddress, this.rules)) return 'address';
    if (steps.includes('shipping') && !cart.shippingRateId) return 'shipping';
    return 'review';
  }

  /** Takes the server's cart: steps and forms follow it. */
  #adopt(cart: Cart): void {
    const steps: Step[] = ['contact'];
    if (cart.requiresShipping) steps.push('address', 'shipping');
    if (this.state.methods.length > 1) steps.push('payment');
    steps.push('review');
    const first = !this.state.cart;
    this.#set({
      cart,
      steps,
      step: steps.includes(this.state.step) ? this.state.step : 'review',
      ...(first && {
        email: cart.email ?? '',
        address: cart.shippingAddress ?? {},
        name: cart.shippingAddress?.name ?? '',
        shippingRateId: cart.shippingRateId,
      }),
    });
  }

  #noteOf(error: unknown): Note {
    if (error instanceof ApiError) {
      if (error.code === 'RATE_LIMITED') return { kind: 'error', text: 'error.busy' };
      if (error.status === 0 || error.status >= 500) return { kind: 'error', text: 'error.network' };
      return { kind: 'error', text: error.message };
    }
    return { kind: 'error', text: 'error.network' };
  }

  #set(patch: Partial<FlowState>): void {
    this.state = { ...this.state, ...patch };
    this.#d.onChange(this.state);
  }
}
