import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PL, US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
let clock = Date.parse('2026-11-22T12:00:00Z');
before(async () => {
  h = await startStore({ now: () => clock });
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true, paymentDelayMs: 0, checkoutDisabled: null });
});

async function variant(
  slug: string,
  key?: string,
): Promise<{ id: string; price: number; sellableQuantity: number | null }> {
  const r = await h.call('GET', `/products/${slug}`, key ? { key } : {});
  return r.json.data.variants[0];
}

/** A cart ready for checkout: items, email, US address and a shipping rate. */
async function readyCart(token: string, slug = 'chefs-knife', quantity = 1) {
  await h.call('POST', '/cart/items', { token, body: { variantId: (await variant(slug)).id, quantity } });
  return h.call('PATCH', '/cart', {
    token,
    body: { email: 'ada@example.com', shippingAddress: US_ADDRESS, shippingRateId: 'ship_us_standard' },
  });
}

// Contract change: with more than one method on offer the server no longer guesses one, so
// checkout names the card gateway unless a test says otherwise.
const CARD = { kind: 'gateway', gateway: 'test_card' } as const;
const checkout = (token: string, body: Record<string, unknown> = {}, key?: string) =>
  h.call('POST', '/cart/checkout', {
    token,
    body: { agreeToTerms: true, paymentMethod: CARD, ...body },
    ...(key ? { key } : {}),
  });

async function placeOrder(token = newToken()) {
  await readyCart(token);
  const placed = await checkout(token);
  assert.equal(placed.status, 201, placed.text);
  return { token, order: placed.json.data };
}

async function stockOf(slug: string): Promise<number | null> {
  return (await variant(slug)).sellableQuantity;
}

describe('GET /payment-methods', () => {
  it('offers the test card gateway and a manual bank transfer', async () => {
    const r = await h.call('GET', '/payment-methods', { token: newToken() });
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.json.data.methods.map((m: { select: unknown }) => m.select),
      [
        { kind: 'gateway', gateway: 'test_card' },
        { kind: 'manual', manualMethodId: 'bank_transfer' },
      ],
    );
    assert.deepEqual(Object.keys(r.json.data.methods[0]).sort(), ['description', 'icon', 'name', 'select', 'testMode']);
    assert.equal(r.json.data.checkoutDisabled, false);
    assert.equal(r.json.data.checkoutDisabledReason, null);
  });
});

describe('POST /cart/checkout', () => {
  it('places an order, reserves stock and converts the cart', async () => {
    const token = newToken();
    const cart = (await readyCart(token, 'chefs-knife', 2)).json.data;
    const placed = await checkout(token, { expectedTotal: cart.totals.total, customerName: 'Ada' });
    assert.equal(placed.status, 201);
    const order = placed.json.data;
    assert.deepEqual(Object.keys(order).sort(), [
      'currencyCode',
      'orderId',
      'orderNumber',
      'paymentStatus',
      'reservationExpiresAt',
      'total',
    ]);
    assert.equal(order.total, cart.totals.total);
    assert.equal(order.paymentStatus, 'pending');
    assert.match(order.orderNumber, /^TOTE-\d+$/);
    assert.equal(
      Date.parse(order.reservationExpiresAt) - clock,
      30 * 60_000,
      'the contract: stock is held for 30 minutes',
    );
    assert.equal(await stockOf('chefs-knife'), 1);
    const again = await checkout(token);
    assert.equal(again.status, 409);
    assert.equal(again.json.rejection, 'already_converted');
    const edit = await h.call('POST', '/cart/items', {
      token,
      body: { variantId: (await variant('gift-card')).id, quantity: 1 },
    });
    assert.equal(edit.status, 409);
    assert.equal(edit.json.rejection, 'already_converted');
  });

  it('rejects an empty cart', async () => {
    const r = await checkout(newToken());
    assert.equal(r.status, 409);
    assert.deepEqual(Object.keys(r.json).sort(), ['message', 'rejection']);
    assert.equal(r.json.rejection, 'empty_cart');
  });

  it('rejects without agreement to the terms when the store requires the checkbox', async () => {
    const token = newToken();
    await readyCart(token);
    const r = await h.call('POST', '/cart/checkout', { token, body: { agreeToTerms: false } });
    assert.equal(r.status, 409);
    assert.equal(r.json.rejection, 'terms_required');
  });

  it('rejects price changes since the item was added, listing them, until accepted', async () => {
    const token = newToken();
    const knife = await variant('chefs-knife');
    await readyCart(token);
    await h.control({ variants: { [knife.id]: { price: 15900 } } });
    const r = await checkout(token);
    assert.equal(r.status, 409);
    assert.equal(r.json.rejection, 'price_changed');
    assert.equal(r.json.priceChanges.length, 1);
    assert.deepEqual(
      { ...r.json.priceChanges[0], itemId: typeof r.json.priceChanges[0].itemId },
      { itemId: 'string', name: "Chef's Knife", previousUnitPrice: 14900, currentUnitPrice: 15900 },
    );
    // A refused checkout leaves the cart's prices alone.
    assert.equal((await h.call('GET', '/cart', { token })).json.data.items[0].unitPrice, 14900);
    const accepted = await checkout(token, { acceptPriceChanges: true });
    assert.equal(accepted.status, 201);
    const receipt = await h.call('GET', `/orders/${accepted.json.data.orderId}`, { token });
    assert.equal(receipt.json.data.items[0].unitPrice, 15900);
  });

  it('rejects with price_changed when expectedTotal differs from the server total', async () => {
    const token = newToken();
    const cart = (await readyCart(token)).json.data;
    const r = await checkout(token, { expectedTotal: cart.totals.total - 1 });
    assert.equal(r.status, 409);
    assert.equal(r.json.rejection, 'price_changed');
    assert.deepEqual(r.json.priceChanges, []);
    assert.equal((await checkout(token, { expectedTotal: cart.totals.total })).status, 201);
  });

  it('rejects insufficient stock with the items, requested and available', async () => {
    const token = newToken();
    const knife = await variant('chefs-knife');
    await readyCart(token, 'chefs-knife', 3);
    await h.control({ variants: { [knife.id]: { stock: 1 } } });
    const r = await checkout(token);
    assert.equal(r.status, 409);
    assert.equal(r.json.rejection, 'insufficient_stock');
    assert.deepEqual(
      { ...r.json.stockIssues[0], itemId: typeof r.json.stockIssues[0].itemId },
      { itemId: 'string', name: "Chef's Knife", requested: 3, available: 1 },
    );
  });

  it('lets two shoppers race for the last units: the second one gets insufficient_stock', async () => {
    const a = newToken();
    const b = newToken();
    await readyCart(a, 'chefs-knife', 2);
    await readyCart(b, 'chefs-knife', 2);
    assert.equal((await checkout(a)).status, 201);
    const second = await checkout(b);
    assert.equal(second.status, 409);
    assert.equal(second.json.rejection, 'insufficient_stock');
    assert.equal(second.json.stockIssues[0].available, 1);
  });

  it('sells backorders past zero under inventoryPolicy continue', async () => {
    const token = newToken();
    await readyCart(token, 'wool-throw', 2);
    assert.equal((await checkout(token)).status, 201);
  });

  it('rejects an item the merchant withdrew', async () => {
    const token = newToken();
    const knife = await variant('chefs-knife');
    await readyCart(token);
    await h.control({ variants: { [knife.id]: { available: false } } });
    const r = await checkout(token);
    assert.equal(r.status, 409);
    assert.equal(r.json.rejection, 'unavailable_item');
    assert.match(r.json.message, /Chef's Knife/);
    assert.equal((await h.call('GET', '/products/chefs-knife')).status, 404);
  });

  it('asks for what is missing (email, address, shipping rate, payment method) with 422 details', async () => {
    const token = newToken();
    await h.call('POST', '/cart/items', { token, body: { variantId: (await variant('chefs-knife')).id, quantity: 1 } });
    const r = await checkout(token);
    assert.equal(r.status, 422);
    assert.deepEqual(r.json.error.details.map((d: { field: string }) => d.field).sort(), ['email', 'shippingAddress']);
    await h.call('PATCH', '/cart', { token, body: { shippingAddress: { ...US_ADDRESS, city: null } } });
    const noCity = await checkout(token, { email: 'a@example.com' });
    assert.deepEqual(noCity.json.error.details.map((d: { field: string }) => d.field).sort(), [
      'shippingAddress.city',
      'shippingRateId',
    ]);
    const badMethod = await checkout(token, { paymentMethod: { kind: 'gateway', gateway: 'paypal' } });
    assert.ok(badMethod.json.error.details.some((d: { field: string }) => d.field === 'paymentMethod'));
    const badTypes = await checkout(token, { expectedTotal: '100', acceptPriceChanges: 'yes' });
    assert.deepEqual(badTypes.json.error.details.map((d: { field: string }) => d.field).sort(), [
      'acceptPriceChanges',
      'expectedTotal',
    ]);
    await h.call('PATCH', '/cart', { token, body: { shippingAddress: { ...US_ADDRESS, countryCode: 'KP' } } });
    const nowhere = await checkout(token, { email: 'a@example.com' });
    assert.ok(nowhere.json.error.details.some((d: { field: string }) => d.field === 'shippingAddress.countryCode'));
  });

  it('applies the Polish store rules: phone required, minimum order value', async () => {
    const token = newToken();
    const spoon = await variant('lyzka-z-drewna-oliwnego', PL);
    await h.call('POST', '/cart/items', { key: PL, token, body: { variantId: spoon.id, quantity: 1 } });
    const PL_ADDRESS = { ...US_ADDRESS, countryCode: 'PL', region: null, postalCode: '31-019', city: 'Kraków' };
    await h.call('PATCH', '/cart', {
      key: PL,
      token,
      body: {
        email: 'jan@example.pl',
        shippingAddress: { ...PL_ADDRESS, postalCode: '11201' },
        shippingRateId: 'ship_pl_locker',
      },
    });
    const r = await checkout(token, {}, PL);
    assert.equal(r.status, 422);
    const fields = r.json.error.details.map((d: { field: string }) => d.field);
    assert.ok(fields.includes('shippingAddress.phone'), fields.join());
    assert.ok(fields.includes('shippingAddress.postalCode'), 'a US ZIP is not a Polish postal code');
    // 39 zł clears the 20 zł minimum.
    assert.ok(!fields.includes('subtotal'), fields.join());
    await h.call('PATCH', '/cart', {
      key: PL,
      token,
      body: { shippingAddress: { ...PL_ADDRESS, phone: '+48 600 000 000' } },
    });
    const placed = await h.call('POST', '/cart/checkout', { key: PL, token, body: { paymentMethod: CARD } }); // terms are a notice here
    assert.equal(placed.status, 201, placed.text);
    assert.match(placed.json.data.orderNumber, /^PL-/);
    assert.equal(placed.json.data.currencyCode, 'PLN');
  });

  it('refuses a Polish order under the minimum order value', async () => {
    const token = newToken();
    await h.control({ variants: { [(await variant('lyzka-z-drewna-oliwnego', PL)).id]: { price: 1000 } } });
    const spoon = await variant('lyzka-z-drewna-oliwnego', PL);
    await h.call('POST', '/cart/items', { key: PL, token, body: { variantId: spoon.id, quantity: 1 } });
    const r = await checkout(token, { email: 'jan@example.pl' }, PL);
    // Contract change: the minimum is compared with totals.subtotal and reported on `subtotal`.
    const fields = r.json.error.details.map((d: { field: string }) => d.field);
    assert.ok(fields.includes('subtotal'), fields.join());
  });

  it('refuses checkout with 403 while the merchant has it disabled', async () => {
    const token = newToken();
    await readyCart(token);
    await h.control({ checkoutDisabled: 'Closed for stocktaking' });
    const methods = await h.call('GET', '/payment-methods', { token });
    assert.deepEqual(
      [methods.json.data.checkoutDisabled, methods.json.data.checkoutDisabledReason],
      [true, 'Closed for stocktaking'],
    );
    const r = await checkout(token);
    assert.equal(r.status, 403);
    assert.equal(r.json.error.code, 'FORBIDDEN');
  });
});

describe('reservations', () => {
  it('gives the stock back when an unpaid order expires', async () => {
    const { token, order } = await placeOrder();
    assert.equal(await stockOf('chefs-knife'), 2);
    clock += 30 * 60_000;
    assert.equal(await stockOf('chefs-knife'), 3);
    // Contract change: only the placing token may read the status (others: 404).
    const status = await h.call('GET', `/orders/${order.orderId}/status`, { token });
    assert.deepEqual([status.json.data.status, status.json.data.paymentStatus], ['cancelled', 'expired']);
    assert.equal((await h.call('GET', `/orders/${order.orderId}/status`, { token: newToken() })).status, 404);
  });
});

describe('payment hand-off', () => {
  async function startPayment(token: string, orderId: string, cancelUrl?: string) {
    const r = await h.call('POST', `/orders/${orderId}/pay`, {
      token,
      body: { returnUrl: 'https://shop.example/thanks?x=1', ...(cancelUrl ? { cancelUrl } : {}) },
    });
    assert.equal(r.status, 201, r.text);
    return r.json.data;
  }

  async function submit(redirectUrl: string, action: string, card = '4242 4242 4242 4242') {
    return fetch(redirectUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action, card }).toString(),
    });
  }

  it('returns a redirect hand-off to a hosted page on the same host', async () => {
    const { token, order } = await placeOrder();
    const pay = await startPayment(token, order.orderId);
    assert.deepEqual(Object.keys(pay).sort(), ['amount', 'currencyCode', 'gateway', 'handoff', 'paymentId', 'status']);
    assert.equal(pay.handoff.kind, 'redirect');
    assert.ok(pay.handoff.redirectUrl.startsWith(`${h.origin}/v3/pay/`));
    assert.equal(pay.amount, order.total);
    assert.equal(pay.gateway, 'test_card');
    const page = await fetch(pay.handoff.redirectUrl);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.doesNotMatch(html, /<script/i, 'works without JavaScript');
    assert.match(html, /<form method="post"/);
    for (const action of ['pay', 'decline', 'cancel'])
      assert.match(html, new RegExp(`name="action" value="${action}"`));
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });

  it('Pay → 303 to returnUrl, status paid and confirmed; the link cannot be used twice', async () => {
    const { token, order } = await placeOrder();
    const pay = await startPayment(token, order.orderId);
    const done = await submit(pay.handoff.redirectUrl, 'pay');
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), 'https://shop.example/thanks?x=1');
    const status = await h.call('GET', `/orders/${order.orderId}/status`, { token });
    assert.deepEqual(status.json.data, {
      id: order.orderId,
      orderNumber: order.orderNumber,
      status: 'confirmed',
      paymentStatus: 'paid',
      total: order.total,
      currencyCode: 'USD',
    });
    assert.equal((await submit(pay.handoff.redirectUrl, 'pay')).status, 422);
    assert.equal((await fetch(pay.handoff.redirectUrl)).status, 410);
    const again = await h.call('POST', `/orders/${order.orderId}/pay`, {
      token,
      body: { returnUrl: 'https://shop.example/' },
    });
    assert.equal(again.status, 422);
    // Paid orders keep their stock even after the reservation time.
    clock += 60 * 60_000;
    assert.equal(await stockOf('chefs-knife'), 2);
  });

  it('Decline (button or declined test card) → failed, and the shopper may try again', async () => {
    const { token, order } = await placeOrder();
    const first = await startPayment(token, order.orderId);
    assert.equal((await submit(first.handoff.redirectUrl, 'decline')).status, 303);
    assert.equal((await h.call('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus, 'failed');
    const second = await startPayment(token, order.orderId);
    const declinedCard = await submit(second.handoff.redirectUrl, 'pay', '4000 0000 0000 0002');
    assert.equal(declinedCard.status, 303);
    assert.equal((await h.call('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus, 'failed');
    const third = await startPayment(token, order.orderId);
    const typo = await submit(third.handoff.redirectUrl, 'pay', '4242 4242 4242 4241');
    assert.equal(typo.status, 422, 'an invalid number shows the page again');
    assert.match(await typo.text(), /not valid/);
    assert.equal((await submit(third.handoff.redirectUrl, 'pay')).status, 303);
    assert.equal((await h.call('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus, 'paid');
  });

  it('Cancel → 303 to cancelUrl (or returnUrl) and paymentStatus cancelled', async () => {
    const { token, order } = await placeOrder();
    const pay = await startPayment(token, order.orderId, 'https://shop.example/cart');
    const r = await submit(pay.handoff.redirectUrl, 'cancel');
    assert.equal(r.headers.get('location'), 'https://shop.example/cart');
    assert.equal(
      (await h.call('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus,
      'cancelled',
    );
    const other = await startPayment(token, order.orderId);
    assert.equal(
      (await submit(other.handoff.redirectUrl, 'cancel')).headers.get('location'),
      'https://shop.example/thanks?x=1',
    );
  });

  it('supersedes an earlier unused payment link when a new one is made', async () => {
    const { token, order } = await placeOrder();
    const old = await startPayment(token, order.orderId);
    await startPayment(token, order.orderId);
    assert.equal((await submit(old.handoff.redirectUrl, 'pay')).status, 422);
  });

  it('reports processing until the configured payment delay has passed', async () => {
    await h.control({ paymentDelayMs: 5_000 });
    const { token, order } = await placeOrder();
    const pay = await startPayment(token, order.orderId);
    await submit(pay.handoff.redirectUrl, 'pay');
    assert.equal(
      (await h.call('GET', `/orders/${order.orderId}/status`, { token })).json.data.paymentStatus,
      'processing',
    );
    clock += 5_000;
    const settled = (await h.call('GET', `/orders/${order.orderId}/status`, { token })).json.data;
    assert.deepEqual([settled.status, settled.paymentStatus], ['confirmed', 'paid']);
  });

  it('validates the pay body and refuses other tokens, manual orders and expired orders', async () => {
    const { token, order } = await placeOrder();
    const bad = await h.call('POST', `/orders/${order.orderId}/pay`, {
      token,
      body: { returnUrl: 'javascript:alert(1)', cancelUrl: 5 },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.error.details.map((d: { field: string }) => d.field).sort(), ['cancelUrl', 'returnUrl']);
    assert.equal(
      (
        await h.call('POST', `/orders/${order.orderId}/pay`, {
          token: newToken(),
          body: { returnUrl: 'https://x.example/' },
        })
      ).status,
      404,
    );
    assert.equal(
      (await h.call('POST', '/orders/ord_nope/pay', { token, body: { returnUrl: 'https://x.example/' } })).status,
      404,
    );

    const manualToken = newToken();
    await readyCart(manualToken);
    const manual = await checkout(manualToken, { paymentMethod: { kind: 'manual', manualMethodId: 'bank_transfer' } });
    assert.equal(manual.status, 201);
    assert.equal(Date.parse(manual.json.data.reservationExpiresAt) - clock, 7 * 86_400_000);
    assert.equal(
      (
        await h.call('POST', `/orders/${manual.json.data.orderId}/pay`, {
          token: manualToken,
          body: { returnUrl: 'https://x.example/' },
        })
      ).status,
      422,
    );

    clock += 31 * 60_000;
    const expired = await h.call('POST', `/orders/${order.orderId}/pay`, {
      token,
      body: { returnUrl: 'https://x.example/' },
    });
    assert.equal(expired.status, 422);
    assert.match(expired.json.error.message, /expired/);
  });
});

describe('GET /orders/{id}', () => {
  it('returns the receipt to the placing token only', async () => {
    const { token, order } = await placeOrder();
    const r = await h.call('GET', `/orders/${order.orderId}`, { token });
    assert.equal(r.status, 200);
    const receipt = r.json.data;
    assert.equal(receipt.orderNumber, order.orderNumber);
    assert.equal(receipt.items[0].name, "Chef's Knife");
    // Contract change: the receipt is flat (no totals object, addresses as a list by kind).
    assert.equal(receipt.total, order.total);
    assert.equal(receipt.totals, undefined);
    const { id: _id, kind, ...shipping } = receipt.addresses.find((a: { kind: string }) => a.kind === 'shipping');
    assert.equal(kind, 'shipping');
    assert.deepEqual(shipping, US_ADDRESS);
    assert.equal(receipt.paymentMethodName, 'Card');
    assert.equal(receipt.shippingMethodName, 'Standard');
    assert.ok(!Number.isNaN(Date.parse(receipt.placedAt)));
    const stranger = await h.call('GET', `/orders/${order.orderId}`, { token: newToken() });
    assert.equal(stranger.status, 404);
    assert.equal((await h.call('GET', '/orders/ord_nope', { token })).status, 404);
    assert.equal((await h.call('GET', '/orders/ord_nope/status', { token })).status, 404);
  });
});
