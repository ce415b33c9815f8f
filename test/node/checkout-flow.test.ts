// Unit tests of the checkout's state machine with a fake shop: steps, validation, persistence,
// refusals, the payment hand-off and the return from it — no browser, no server.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, CheckoutRejection, type Cart, type CartUpdate, type OrderStatus, type PaymentMethod } from '../../src/api/index.js';
import { CheckoutFlow, type FlowDeps, type PendingOrder } from '../../src/components/checkout/checkout-flow.js';
import { addressIssues, countries, guessCountry, isAddressComplete } from '../../src/components/checkout/address.js';

const card: PaymentMethod = { select: { kind: 'gateway', gateway: 'test_card' }, name: 'Card', description: null, icon: 'card', testMode: true };
const bank: PaymentMethod = { select: { kind: 'manual', manualMethodId: 'bank' }, name: 'Bank transfer', description: 'IBAN …', icon: 'bank', testMode: false };
const address = { name: 'Ada Lovelace', company: null, line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', countryCode: 'US', phone: null };

function makeCart(over: Partial<Cart> = {}): Cart {
  return {
    id: 'cart_1', currencyCode: 'USD', email: null,
    items: [{ id: 'item_1', productId: 'p1', variantId: 'v1', name: 'Mug', variantName: null, sku: null, unitPrice: 2400, quantity: 2, subtotal: 4800, imageUrl: null }],
    shippingAddress: null, billingAddress: null, shippingRateId: null, shippingMethodName: null, discounts: [], discountCode: null, discountError: null,
    totals: { subtotal: 4800, discountTotal: 0, taxTotal: 0, shippingTotal: 0, total: 4800, amountDue: 4800 },
    itemCount: 2, requiresShipping: true, expiresAt: '2099-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...over,
  };
}

function harness(options: { cart?: Cart; methods?: PaymentMethod[]; statuses?: Partial<OrderStatus>[]; pending?: PendingOrder | null } = {}) {
  let cart = options.cart ?? makeCart();
  let pending: PendingOrder | null = options.pending ?? null;
  const calls: string[] = [];
  const patches: CartUpdate[] = [];
  const navigated: string[] = [];
  const statuses = [...(options.statuses ?? [])];
  const checkoutResults: (() => unknown)[] = [];
  const deps: FlowDeps = {
    api: {
      updateCart: async (patch) => {
        calls.push('updateCart');
        patches.push(patch);
        cart = { ...cart, ...(patch.email !== undefined && { email: patch.email }), ...(patch.shippingAddress && { shippingAddress: { ...address, ...patch.shippingAddress } }), ...(patch.shippingRateId && { shippingRateId: patch.shippingRateId }) };
        return cart;
      },
      shippingOptions: async () => {
        calls.push('shippingOptions');
        return { options: cart.shippingAddress?.countryCode === 'AQ' ? [] : [{ id: 'std', name: 'Standard', description: null, cost: 500, estimatedDaysMin: 3, estimatedDaysMax: 5 }], addressRequired: false };
      },
      paymentMethods: async () => ({ methods: options.methods ?? [card, bank], checkoutDisabled: false, checkoutDisabledReason: null }),
      checkout: async (req) => {
        calls.push(`checkout:${JSON.stringify(req)}`);
        const next = checkoutResults.shift();
        if (next) return next() as never;
        return { orderId: 'ord_1', orderNumber: 'TOTE-1001', total: cart.totals.total, currencyCode: 'USD', paymentStatus: 'pending', reservationExpiresAt: null };
      },
      pay: async (orderId, req) => {
        calls.push(`pay:${orderId}:${req.returnUrl}`);
        return { paymentId: 'pay_1', status: 'pending', gateway: 'test_card', handoff: { kind: 'redirect', redirectUrl: 'https://pay.example/pay_1' }, amount: 4800, currencyCode: 'USD' };
      },
      orderStatus: async (orderId) => {
        calls.push('status');
        const next = statuses.shift() ?? {};
        return { id: orderId, orderNumber: 'TOTE-1001', status: 'pending', paymentStatus: 'pending', total: 4800, currencyCode: 'USD', ...next };
      },
      order: async (orderId) => {
        calls.push(`order:${orderId}`);
        return { id: orderId, orderNumber: 'TOTE-1001', status: 'confirmed', paymentStatus: 'paid', currencyCode: 'USD', email: 'a@b.co', items: cart.items, totals: cart.totals, shippingAddress: null, billingAddress: null, shippingMethodName: null, paymentMethodName: 'Card', placedAt: '' };
      },
    },
    cart: {
      get state() {
        return { ready: true, server: cart, lines: [], itemCount: cart.itemCount, pending: 0, online: true, persistence: 'indexeddb', error: null } as never;
      },
      settled: async () => undefined,
      refresh: async () => cart,
      accept: () => calls.push('accept'),
      setQuantity: (variantId, quantity) => calls.push(`setQuantity:${variantId}:${quantity}`),
      startOver: async () => void calls.push('startOver'),
    },
    store: async () => ({ id: 's', name: 'S', currency: 'USD', locale: 'en-US', checkout: { termsMode: 'required_checkbox', termsUrl: null, privacyPolicyUrl: null, showCouponField: true, showNotesField: true, phoneNumberField: 'optional', companyNameField: 'optional', addressLine2Field: 'optional', minimumOrderValue: null, confirmationMessage: null } }),
    returnUrl: (order) => `https://shop.example/?tote_order=${order.orderId}`,
    navigate: (url) => navigated.push(url),
    pending: { get: () => pending, set: (order) => (pending = order), clear: () => (pending = null) },
    onChange: () => undefined,
    sleep: async () => undefined,
    pollDelays: [0, 0, 0, 0],
  };
  const flow = new CheckoutFlow(deps);
  return { flow, calls, patches, navigated, checkoutResults, getPending: () => pending };
}

async function toReview(h: ReturnType<typeof harness>) {
  await h.flow.start();
  await h.flow.submitContact({ email: 'ada@example.com' });
  await h.flow.submitAddress(address);
  await h.flow.chooseShipping('std');
  h.flow.choosePayment(card.select);
}

describe('CheckoutFlow: steps', () => {
  it('starts at contact and lists the steps a physical cart with two methods needs', async () => {
    const h = harness();
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'contact');
    assert.deepEqual(h.flow.state.steps, ['contact', 'address', 'shipping', 'payment', 'review']);
  });

  it('skips shipping for a digital cart and payment when there is one method', async () => {
    const h = harness({ cart: makeCart({ requiresShipping: false }), methods: [card] });
    await h.flow.start();
    assert.deepEqual(h.flow.state.steps, ['contact', 'review']);
    await h.flow.submitContact({ email: 'ada@example.com', name: 'Ada' });
    assert.equal(h.flow.state.step, 'review');
    assert.deepEqual(h.patches[0], { email: 'ada@example.com', customerName: 'Ada' });
  });

  it('refuses a bad email without a request and says which field', async () => {
    const h = harness();
    await h.flow.start();
    await h.flow.submitContact({ email: 'not-an-email' });
    assert.equal(h.flow.state.step, 'contact');
    assert.deepEqual(h.flow.state.errors, { email: 'invalid.email' });
    assert.equal(h.calls.filter((c) => c === 'updateCart').length, 0);
  });

  it('persists each step with one PATCH /cart and moves on', async () => {
    const h = harness();
    await toReview(h);
    assert.equal(h.flow.state.step, 'review');
    assert.deepEqual(h.patches.map((p) => Object.keys(p).sort().join(',')), ['email', 'customerName,shippingAddress', 'shippingRateId']);
    assert.ok(h.calls.includes('accept'), 'the engine adopts the returned cart');
  });

  it('validates the address locally, with the postal code shape of the country', async () => {
    const h = harness();
    await h.flow.start();
    await h.flow.submitContact({ email: 'ada@example.com' });
    await h.flow.submitAddress({ ...address, city: ' ', postalCode: 'ABC' });
    assert.equal(h.flow.state.step, 'address');
    assert.deepEqual(h.flow.state.errors, { 'shippingAddress.city': 'invalid.required', 'shippingAddress.postalCode': 'invalid.postalCode' });
  });

  it('says when the shop does not ship to the country', async () => {
    const h = harness();
    await h.flow.start();
    await h.flow.submitContact({ email: 'ada@example.com' });
    await h.flow.submitAddress({ ...address, countryCode: 'AQ', postalCode: '1' });
    assert.equal(h.flow.state.step, 'address');
    assert.equal(h.flow.state.errors['shippingAddress.countryCode'], 'checkout.no-shipping');
  });

  it('resumes at the first step the saved cart does not answer yet', async () => {
    const h = harness({ cart: makeCart({ email: 'ada@example.com', shippingAddress: address }) });
    await h.flow.start();
    assert.equal(h.flow.state.step, 'shipping');
    assert.equal(h.flow.state.shippingRateId, 'std');
  });

  it('requires the terms checkbox before any request', async () => {
    const h = harness();
    await toReview(h);
    await h.flow.placeOrder({ agreed: false });
    assert.deepEqual(h.flow.state.errors, { terms: 'checkout.terms-required' });
    assert.equal(h.calls.filter((c) => c.startsWith('checkout')).length, 0);
  });
});

describe('CheckoutFlow: placing and paying', () => {
  it('sends expectedTotal, pays with a return URL naming the order and hands off', async () => {
    const h = harness();
    await toReview(h);
    await h.flow.placeOrder({ agreed: true, notes: 'Ring twice' });
    const checkout = h.calls.find((c) => c.startsWith('checkout:'))!;
    assert.match(checkout, /"expectedTotal":4800/);
    assert.match(checkout, /"notes":"Ring twice"/);
    assert.ok(h.calls.includes('pay:ord_1:https://shop.example/?tote_order=ord_1'));
    assert.deepEqual(h.navigated, ['https://pay.example/pay_1']);
    assert.equal(h.flow.state.phase, 'redirecting');
    assert.equal(h.getPending()?.orderId, 'ord_1');
  });

  it('places one order for a double click', async () => {
    const h = harness();
    await toReview(h);
    await Promise.all([h.flow.placeOrder({ agreed: true }), h.flow.placeOrder({ agreed: true })]);
    assert.equal(h.calls.filter((c) => c.startsWith('checkout:')).length, 1);
  });

  it('a bank transfer goes straight to the receipt, read before the token rotates', async () => {
    const h = harness();
    await toReview(h);
    h.flow.choosePayment(bank.select);
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'receipt');
    assert.equal(h.navigated.length, 0);
    const order = h.calls.indexOf('order:ord_1');
    assert.ok(order >= 0 && order < h.calls.indexOf('startOver'), h.calls.join(' '));
  });

  it('shows a price_changed refusal and accepts it with acceptPriceChanges', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection('price_changed', 'Prices changed', [{ itemId: 'item_1', name: 'Mug', previousUnitPrice: 2400, currentUnitPrice: 2600 }]);
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.rejection?.rejection, 'price_changed');
    assert.equal(h.flow.state.note?.text, 'rejection.price_changed');
    await h.flow.acceptPriceChanges();
    assert.match(h.calls.filter((c) => c.startsWith('checkout:'))[1]!, /"acceptPriceChanges":true/);
    assert.equal(h.flow.state.phase, 'redirecting');
  });

  it('adjusts lines to the stock an insufficient_stock refusal names', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new CheckoutRejection('insufficient_stock', 'Stock', [], [{ itemId: 'item_1', name: 'Mug', requested: 2, available: 1 }]);
    });
    await h.flow.placeOrder({ agreed: true });
    await h.flow.adjustToStock();
    assert.ok(h.calls.includes('setQuantity:v1:1'));
    assert.equal(h.flow.state.step, 'review');
    assert.equal(h.flow.state.rejection, null);
  });

  it('sends the shopper to the step of a server validation error', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new ApiError(422, 'VALIDATION_ERROR', 'Nope', [{ field: 'shippingAddress.city', message: 'This field is required.' }]);
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.step, 'address');
    assert.equal(h.flow.state.errors['shippingAddress.city'], 'This field is required.');
  });

  it('says the shop is busy on a 429, and the order can be tried again', async () => {
    const h = harness();
    await toReview(h);
    h.checkoutResults.push(() => {
      throw new ApiError(429, 'RATE_LIMITED', 'slow down', [], null, 5);
    });
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.flow.state.note?.text, 'error.busy');
    assert.equal(h.flow.state.busy, false);
  });
});

describe('CheckoutFlow: the return from the payment page', () => {
  it('polls until paid, then reads the receipt before rotating the token', async () => {
    const h = harness({ pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001', returned: true }, statuses: [{ paymentStatus: 'pending' }, { paymentStatus: 'processing' }, { paymentStatus: 'paid' }] });
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'receipt');
    assert.equal(h.calls.filter((c) => c === 'status').length, 3);
    assert.ok(h.calls.indexOf('order:ord_1') < h.calls.indexOf('startOver'));
    assert.equal(h.getPending(), null);
  });

  it('a declined payment returns to the review with the cart intact and pays the same order again', async () => {
    const h = harness({ pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001', returned: true }, statuses: [{ paymentStatus: 'failed' }] });
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'review');
    assert.equal(h.flow.state.note?.text, 'checkout.declined');
    await h.flow.placeOrder({ agreed: true });
    assert.equal(h.calls.filter((c) => c.startsWith('checkout:')).length, 0, 'no second order');
    assert.equal(h.calls.filter((c) => c.startsWith('pay:ord_1')).length, 1);
  });

  it('gives up politely when the verdict does not come within the polling budget', async () => {
    const h = harness({ pending: { orderId: 'ord_1', orderNumber: '', returned: true } });
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'confirming');
    assert.equal(h.flow.state.busy, false);
    assert.equal(h.flow.state.note?.text, 'checkout.still-confirming');
    assert.equal(h.calls.filter((c) => c === 'status').length, 4);
  });

  it('a pending order without a return (the Back button) shows the review at once', async () => {
    const h = harness({ pending: { orderId: 'ord_1', orderNumber: 'TOTE-1001', returned: false } });
    await h.flow.start();
    assert.equal(h.flow.state.phase, 'form');
    assert.equal(h.flow.state.step, 'review');
    assert.equal(h.calls.filter((c) => c === 'status').length, 1);
  });
});

describe('address helpers', () => {
  it('names countries in the shopper language, sorted', () => {
    const pl = countries('pl-PL');
    assert.ok(pl.some(([code, name]) => code === 'DE' && name === 'Niemcy'));
    const names = countries('en').map(([, name]) => name);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('en').compare));
  });

  it('guesses the country from the locale', () => {
    assert.equal(guessCountry('pl-PL'), 'PL');
    assert.equal(guessCountry('en-GB'), 'GB');
  });

  it('follows the store field rules', () => {
    const rules = { phone: 'required' as const, company: 'hidden' as const, line2: 'optional' as const };
    assert.deepEqual(addressIssues(address, rules), { 'shippingAddress.phone': 'invalid.required' });
    assert.equal(isAddressComplete({ ...address, phone: '+1 555 0100' }, rules), true);
  });
});
