// The order's half of the checkout: place it, hand it to the gateway (a redirect, or PayPal's
// in-context buttons), wait for the payment's verdict, and settle it on the receipt. Every branch
// reads `handoff.kind`; the receipt is read before the cart token rotates, and a receipt that cannot
// be read never stops the token from rotating. A lost answer to "Place order" is recovered here
// too (place-recovery.ts): the order it made is found, or a fresh cart is started.
import {
  ApiError,
  CheckoutRejection,
  PAID_STATUSES,
  type CheckoutRequest,
  type OrderReceipt,
  type PaymentMethod,
} from '../../api/index.js';
import { formatMoney } from '../../model/money.js';
import type { FlowControl, FlowDeps, PendingOrder, PlacedOrder } from './flow-types.js';
import { isPayPal, paypalOrderOf, pollStatus, POLL_DELAYS, redirectOf, safeNavigationUrl } from './payment.js';
import { CheckoutJob, convertedOrderOf } from './place-recovery.js';

/** The callbacks PayPal's `Buttons()` is given (see paypal.ts). */
export interface PayPalCallbacks {
  onClick(data: unknown, actions?: { resolve?(): unknown; reject?(): unknown }): unknown;
  createOrder(): Promise<string>;
  onApprove(data: { orderID?: string }): Promise<void>;
  onCancel(): void;
  onError(error: unknown): void;
}

/** Stands for "the order was settled on the way" (resumed and already paid): nothing to pay. */
const SETTLED = Symbol('settled');

export class OrderSteps {
  #flow: FlowControl;
  #deps: FlowDeps;
  #run = 0;
  /** A PayPal create-order failure we reported ourselves: PayPal's onError must not replace it. */
  #reported = false;
  /** The checkout request: placing the same order again repeats its request id (place-recovery.ts). */
  #job = new CheckoutJob();

  constructor(flow: FlowControl, deps: FlowDeps) {
    this.#flow = flow;
    this.#deps = deps;
  }

  /** The flow's state now (it changes with every `set`). */
  get #state() {
    return this.#flow.state;
  }

  get #sleep(): (ms: number) => Promise<void> {
    return this.#deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  }

  stop(): void {
    this.#run++;
  }

  /** Whether the order may be placed now; files the reason where the shopper sees it when not. */
  ready(agreed = this.#state.agreed): boolean {
    if (this.#state.settings?.checkout.termsMode === 'required_checkbox' && !agreed) {
      this.#flow.set({ errors: { terms: 'checkout.terms-required' } });
      return false;
    }
    if (this.#flow.belowMinimum > 0) {
      const amount = formatMoney(this.#flow.belowMinimum, this.#state.cart?.currencyCode ?? 'USD', this.#deps.locale);
      this.#flow.set({ note: { kind: 'error', text: 'checkout.minimum', params: { amount } } });
      return false;
    }
    return true;
  }

  /** Places the order and pays it: a redirect to the gateway, a manual method's receipt, nothing due. */
  async place(options: { agreed?: boolean; notes?: string; acceptPriceChanges?: boolean }): Promise<void> {
    if (this.#state.busy || this.#state.phase === 'placing') return; // a double click places one order
    const agreed = options.agreed ?? this.#state.agreed;
    this.#flow.set({ agreed, notes: options.notes ?? this.#state.notes, errors: {}, note: null, rejection: null });
    if (!this.ready(agreed)) return;
    const method = this.#flow.paymentMethod;
    if (isPayPal(method)) {
      // PayPal's own buttons place the order; accepting new prices only arms their next click.
      return this.#flow.set({ acceptPrices: this.#state.acceptPrices || !!options.acceptPriceChanges });
    }
    this.#flow.set({ busy: true, phase: 'placing' });
    try {
      const order = await this.#ensureOrder(method, !!options.acceptPriceChanges);
      if (order === SETTLED) return;
      if (method?.select.kind === 'manual') return await this.finish(order);
      this.#deps.pending.set({ ...order, notes: this.#state.notes });
      const payment = await this.#deps.api.pay(order.orderId, this.#deps.paymentUrls(order));
      const url = redirectOf(payment.handoff);
      if (!url) return this.#refuseHandoff();
      this.#flow.set({ phase: 'redirecting' });
      this.#deps.navigate(url);
    } catch (error) {
      this.#flow.onPlaceError(error);
    }
  }

  /** PayPal's button callbacks, bound to this checkout. */
  paypal(): PayPalCallbacks {
    return {
      onClick: (_data, actions) => {
        const ok = this.#state.phase === 'form' && !this.#state.busy && this.ready();
        return ok ? actions?.resolve?.() : actions?.reject?.();
      },
      createOrder: () => this.#paypalCreate(),
      onApprove: (data) => this.#paypalApprove(data.orderID ?? ''),
      onCancel: () =>
        this.#flow.set({
          busy: false,
          phase: 'form',
          step: 'review',
          note: { kind: 'info', text: 'checkout.paypal-closed' },
        }),
      onError: () => {
        if (this.#reported) return void (this.#reported = false);
        this.#flow.set({
          busy: false,
          phase: 'form',
          step: 'review',
          note: { kind: 'error', text: 'checkout.paypal-error' },
        });
      },
    };
  }

  /** Checkout, then `/pay`: PayPal's order id for its popup. Our order id stays in the state. */
  async #paypalCreate(): Promise<string> {
    this.#reported = false;
    this.#flow.set({ busy: true, errors: {}, note: null, rejection: null });
    try {
      const order = await this.#ensureOrder(this.#flow.paymentMethod, this.#state.acceptPrices);
      if (order === SETTLED) throw new Error('The order is already settled');
      const payment = await this.#deps.api.pay(order.orderId, this.#deps.paymentUrls(order));
      const paypalOrderId = paypalOrderOf(payment.handoff);
      if (!paypalOrderId) {
        this.#refuseHandoff();
        throw new Error(`PayPal needs a paypal_order hand-off, not ${payment.handoff?.kind ?? 'none'}`);
      }
      this.#flow.set({ busy: false, acceptPrices: false });
      return paypalOrderId;
    } catch (error) {
      this.#reported = true;
      if (this.#state.phase !== 'receipt' && !this.#state.note) this.#flow.onPlaceError(error);
      throw error;
    }
  }

  async #paypalApprove(paypalOrderId: string): Promise<void> {
    const order = this.#state.order;
    if (!order) return this.#flow.set({ busy: false, note: { kind: 'error', text: 'checkout.paypal-error' } });
    this.#flow.set({ busy: true, phase: 'confirming', note: null });
    try {
      const result = await this.#deps.api.capture(order.orderId, { paypalOrderId });
      this.#placed(order, {
        orderNumber: result.orderNumber || order.orderNumber,
        total: result.total,
        currencyCode: result.currencyCode,
        paymentStatus: result.paymentStatus,
      });
      if (result.paymentStatus === 'failed') return this.#back('checkout.declined');
      await this.finish(order);
    } catch (error) {
      if (error instanceof CheckoutRejection && error.rejection === 'capture_failed')
        return this.#back('checkout.declined');
      this.#flow.onPlaceError(error);
    }
  }

  /** Our order: the one being paid, a new one from checkout, or the one an `already_converted` names. */
  async #ensureOrder(
    method: PaymentMethod | undefined,
    acceptPriceChanges: boolean,
  ): Promise<PendingOrder | typeof SETTLED> {
    if (this.#state.order) return this.#state.order;
    const settings = this.#state.settings?.checkout;
    const body: CheckoutRequest = {
      email: this.#state.email || undefined,
      paymentMethod: method?.select,
      expectedTotal: this.#state.cart?.totals.total,
      acceptPriceChanges: acceptPriceChanges || undefined,
      agreeToTerms: settings?.termsMode === 'required_checkbox' ? this.#state.agreed || undefined : undefined,
      marketingOptIn: settings?.showMarketingOptIn ? this.#state.marketing : undefined,
      notes: settings?.showNotesField ? this.#state.notes.trim() || undefined : undefined,
    };
    try {
      const result = await this.#job.send(this.#deps.api, body, this.#sleep);
      const order = { orderId: result.orderId, orderNumber: result.orderNumber };
      this.#flow.set({ order });
      this.#placed(order, {
        total: result.total,
        currencyCode: result.currencyCode,
        paymentStatus: result.paymentStatus,
      });
      if (PAID_STATUSES.includes(result.paymentStatus)) {
        await this.finish(order); // nothing due: a gift card or a discount covers it
        return SETTLED;
      }
      return order;
    } catch (error) {
      const converted = convertedOrderOf(error);
      if (converted === undefined) throw error;
      return this.#resumeConverted(converted, method);
    }
  }

  /**
   * This cart already became an order (a lost answer, another tab): carry on with that order. One
   * the server does not name, or that this token cannot read (404), cannot be found.
   */
  async #resumeConverted(
    orderId: string | null,
    method: PaymentMethod | undefined,
  ): Promise<PendingOrder | typeof SETTLED> {
    const status =
      orderId &&
      (await this.#deps.api.orderStatus(orderId).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error; // the shop cannot be reached now: the next "Place order" asks again
      }));
    if (!orderId || !status) return this.#orderLost();
    const order = { orderId, orderNumber: status.orderNumber };
    this.#flow.set({ order });
    this.#placed(order, {
      total: status.total,
      currencyCode: status.currencyCode,
      paymentStatus: status.paymentStatus,
    });
    const paid = PAID_STATUSES.includes(status.paymentStatus || status.status);
    if (paid || method?.select.kind === 'manual') {
      await this.finish(order);
      return SETTLED;
    }
    if (status.status === 'cancelled' || status.paymentStatus === 'expired') {
      await this.#expired();
      return SETTLED;
    }
    return order; // still payable: pay it
  }

  /** Back from the gateway (or here with an order pending): the status decides; the notes come back. */
  async resumePayment(order: PendingOrder): Promise<void> {
    const run = ++this.#run;
    const notes = order.notes || this.#state.notes;
    if (order.via === 'cancel') {
      // The cancel URL: the order is still payable, back on the review at once, its terms accepted.
      return this.#flow.set({
        phase: 'form',
        step: 'review',
        busy: false,
        agreed: true,
        notes,
        order: { orderId: order.orderId, orderNumber: order.orderNumber },
        note: { kind: 'info', text: 'checkout.cancelled' },
      });
    }
    this.#flow.set({ phase: 'confirming', order, busy: true, note: null, notes });
    const verdict = await pollStatus({
      read: () => this.#deps.api.orderStatus(order.orderId),
      sleep: this.#sleep,
      delays: this.#deps.pollDelays ?? POLL_DELAYS,
      current: () => run === this.#run,
      once: !order.via,
    });
    switch (verdict.kind) {
      case 'stopped':
        return;
      case 'paid': {
        const { status } = verdict;
        this.#placed(order, {
          orderNumber: status.orderNumber || order.orderNumber,
          total: status.total,
          currencyCode: status.currencyCode,
          paymentStatus: status.paymentStatus,
        });
        return this.finish(order);
      }
      case 'missing':
        this.#deps.pending.clear();
        return this.#flow.set({
          phase: 'form',
          step: 'review',
          busy: false,
          order: null,
          note: { kind: 'error', text: 'checkout.order-missing' },
        });
      case 'pending':
        return this.#flow.set({ phase: 'form', step: 'review', busy: false }); // back without paying: nothing to wait for
      case 'failed':
      case 'cancelled':
        // The order stays pending (kept, also across a reload): "Pay" tries the same order again.
        return this.#back(verdict.kind === 'failed' ? 'checkout.declined' : 'checkout.cancelled');
      case 'expired':
        return this.#expired();
      case 'timeout':
        return this.#flow.set({ busy: false, note: { kind: 'info', text: 'checkout.still-confirming' } });
    }
  }

  /** The receipt first (only this cart token may read it), then a new cart token; then, maybe, the store's page. */
  async finish(order: PendingOrder): Promise<void> {
    // A receipt that cannot be read (or read into shape) must not stop the token from rotating:
    // the success screen then shows what checkout and the status said.
    const receipt: OrderReceipt | null = await this.#deps.api.order(order.orderId).catch(() => null);
    this.#deps.pending.clear();
    const placed = this.#placed(
      order,
      receipt
        ? {
            orderNumber: receipt.orderNumber,
            total: receipt.total,
            currencyCode: receipt.currencyCode,
            paymentStatus: receipt.paymentStatus,
            email: receipt.email,
          }
        : {},
    );
    const settings = this.#state.settings?.checkout;
    const redirectTo = settings?.redirectAfterCheckout ? safeNavigationUrl(settings.redirectUrl) : null;
    this.#flow.set({ phase: 'receipt', receipt, busy: false, order: null, note: null, redirectTo });
    try {
      this.#deps.onComplete?.(placed, receipt);
    } catch (error) {
      console.error('[tote] a tote-order-complete listener failed', error);
    }
    await this.#deps.cart.startOver().catch(() => undefined);
    if (!redirectTo) return;
    const run = ++this.#run;
    await this.#sleep(this.#deps.redirectDelayMs ?? 3000);
    if (run === this.#run && this.#state.phase === 'receipt') this.#deps.navigate(redirectTo);
  }

  /** What the success screen knows of the order, merged from every answer so far. */
  #placed(order: PendingOrder, facts: Partial<PlacedOrder>): PlacedOrder {
    const before = this.#state.placed?.orderId === order.orderId ? this.#state.placed : null;
    const defined = Object.fromEntries(
      Object.entries(facts).filter(([, fact]) => fact !== undefined && fact !== null && fact !== ''),
    );
    const placed: PlacedOrder = {
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      total: null,
      currencyCode: this.#state.cart?.currencyCode ?? null,
      paymentStatus: 'pending',
      email: this.#state.email || this.#state.cart?.email || null,
      ...before,
      ...defined,
    };
    this.#flow.set({ placed });
    return placed;
  }

  /** A hand-off of the wrong kind (a redirect for PayPal's button, or none): refused; the order stays payable. */
  #refuseHandoff(): void {
    this.#deps.pending.clear();
    this.#flow.set({
      busy: false,
      phase: 'form',
      step: 'review',
      note: { kind: 'error', text: 'checkout.handoff-refused' },
    });
  }

  /** Back to the review after a declined payment, to pay the same order again; its terms stay accepted. */
  #back(text: string): void {
    this.#flow.set({ phase: 'form', step: 'review', busy: false, agreed: true, note: { kind: 'error', text } });
  }

  /**
   * The cart became an order that cannot be found. The converted cart takes no changes any more, so
   * the shopper gets a fresh one and is told what happened (the confirmation email tells whether the
   * order went through; an unpaid one lapses with its reservation).
   */
  async #orderLost(): Promise<typeof SETTLED> {
    this.#deps.pending.clear();
    await this.#deps.cart.startOver().catch(() => undefined); // the token is new even offline
    this.#flow.set({
      phase: 'unavailable',
      busy: false,
      order: null,
      note: { kind: 'info', text: 'checkout.order-lost' },
    });
    return SETTLED;
  }

  async #expired(): Promise<void> {
    this.#deps.pending.clear();
    const cart = await this.#deps.cart.refresh().catch(() => this.#state.cart);
    if (cart) this.#flow.adopt(cart);
    this.#flow.set({
      phase: 'form',
      step: 'review',
      busy: false,
      order: null,
      note: { kind: 'error', text: 'checkout.expired' },
    });
  }
}
