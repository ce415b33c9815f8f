import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, LIVE, PL, US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
let clock = Date.parse('2026-11-22T12:00:00Z');
before(async () => {
  h = await startStore({ now: () => clock });
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true });
});

/** A demo cart with `quantity` knives ($149 each), a US address and standard shipping. */
async function cartWithKnives(token: string, quantity = 1) {
  await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife', quantity } });
  return h.call('PATCH', '/cart', {
    token,
    body: { email: 'ada@example.com', shippingAddress: US_ADDRESS, shippingRateId: 'ship_us_standard' },
  });
}

const applyCard = (token: string, giftCardCode: string | null, key?: string) =>
  h.call('PATCH', '/cart', { token, body: { giftCardCode }, ...(key ? { key } : {}) });

describe('PATCH /cart {giftCardCode}', () => {
  it('tenders a card below the total: last4 only, amount, remaining balance, amountDue', async () => {
    const token = newToken();
    const before = (await cartWithKnives(token)).json.data;
    const r = await applyCard(token, ' gift-25-test ');
    assert.equal(r.status, 200);
    const cart = r.json.data;
    assert.deepEqual(
      { ...cart.giftCard, id: typeof cart.giftCard.id },
      { id: 'string', last4: 'TEST', amount: 2500, remainingBalance: 0 },
    );
    assert.equal(cart.giftCardError, null);
    assert.equal(cart.totals.total, before.totals.total, 'tender, not a discount: the total does not move');
    assert.equal(cart.totals.taxTotal, before.totals.taxTotal);
    assert.equal(cart.totals.giftCardTotal, 2500);
    assert.equal(cart.totals.amountDue, before.totals.total - 2500);
    assert.ok(!r.text.toUpperCase().includes('GIFT-25-TEST'), 'the code is a bearer secret and is never echoed');
    const removed = await applyCard(token, null);
    assert.deepEqual(
      [removed.json.data.giftCard, removed.json.data.totals.giftCardTotal, removed.json.data.totals.amountDue],
      [null, 0, before.totals.total],
    );
  });

  it('refuses every reason with a 200 and giftCardError, stores nothing, keeps an applied card', async () => {
    const token = newToken();
    await cartWithKnives(token);
    await applyCard(token, 'GIFT-25-TEST');
    const cases: [string, string][] = [
      ['NOPE-NOPE', 'not_found'],
      ['GIFT-INACTIVE-TEST', 'inactive'],
      ['GIFT-EXPIRED-TEST', 'expired'],
      ['GIFT-EMPTY-TEST', 'depleted'],
      ['GIFT-EUR-TEST', 'currency_mismatch'],
    ];
    for (const [code, reason] of cases) {
      const r = await applyCard(token, code);
      assert.equal(r.status, 200, code);
      assert.deepEqual(Object.keys(r.json.data.giftCardError).sort(), ['message', 'reason']);
      assert.equal(r.json.data.giftCardError.reason, reason, code);
      assert.equal(r.json.data.giftCard.last4, 'TEST', 'the card applied before stays');
      assert.ok(!r.text.includes(code), `${code} is not echoed`);
    }
    const reread = await h.call('GET', '/cart', { token });
    assert.equal(reread.json.data.giftCardError, null, 'reported only on the response to that request');
  });

  it('answers nothing_due on a cart with nothing to pay', async () => {
    const r = await applyCard(newToken(), 'GIFT-25-TEST');
    assert.equal(r.json.data.giftCardError.reason, 'nothing_due');
    assert.equal(r.json.data.giftCard, null);
  });

  it('stops checking codes after 5 refusals from one cart token within 10 minutes', async () => {
    const token = newToken();
    await cartWithKnives(token);
    for (let i = 0; i < 5; i++)
      assert.equal((await applyCard(token, `GUESS-${i}`)).json.data.giftCardError.reason, 'not_found');
    const locked = await applyCard(token, 'GIFT-25-TEST');
    assert.equal(locked.json.data.giftCardError.reason, 'too_many_attempts');
    assert.equal(locked.json.data.giftCard, null, 'not even a valid code is checked');
    const other = newToken();
    await cartWithKnives(other);
    assert.equal((await applyCard(other, 'GIFT-25-TEST')).json.data.giftCard.amount, 2500, 'per cart token');
    clock += 10 * 60_000;
    assert.equal(
      (await applyCard(token, 'GIFT-25-TEST')).json.data.giftCard.amount,
      2500,
      'the brake lifts after 10 minutes',
    );
  });

  it('seeds the codes in every store, in its own currency', async () => {
    const pl = newToken();
    await h.call('POST', '/cart/items', {
      key: PL,
      token: pl,
      body: { productId: 'lyzka-z-drewna-oliwnego', quantity: 2 },
    });
    assert.equal((await applyCard(pl, 'GIFT-25-TEST', PL)).json.data.giftCard.amount, 2500);
    assert.equal((await applyCard(pl, 'GIFT-EUR-TEST', PL)).json.data.giftCardError.reason, 'currency_mismatch');
    const live = newToken();
    const notebook = (await h.call('GET', '/products/field-notebook', { key: LIVE })).json.data;
    await h.call('POST', '/cart/items', { key: LIVE, token: live, body: { variantId: notebook.variants[0].id } });
    assert.equal(
      (await applyCard(live, 'GIFT-25-TEST', LIVE)).json.data.giftCard.amount,
      1200,
      'never more than the total',
    );
    assert.equal((await applyCard(live, 'GIFT-USD-TEST', LIVE)).json.data.giftCardError.reason, 'currency_mismatch');
  });
});

describe('gift cards at checkout', () => {
  it('places a fully covered order as paid with no /pay step, and debits the balance', async () => {
    const token = newToken();
    const cart = (await cartWithKnives(token)).json.data;
    await applyCard(token, 'GIFT-500-TEST');
    // No paymentMethod: nothing is due.
    const placed = await h.call('POST', '/cart/checkout', { token, body: { agreeToTerms: true } });
    assert.equal(placed.status, 201, placed.text);
    assert.equal(placed.json.data.paymentStatus, 'paid');
    const receipt = (await h.call('GET', `/orders/${placed.json.data.orderId}`, { token })).json.data;
    assert.deepEqual(
      [receipt.total, receipt.giftCardTotal, receipt.amountDue, receipt.paymentMethodName, receipt.status],
      [cart.totals.total, cart.totals.total, 0, 'Gift card', 'confirmed'],
    );
    const pay = await h.call('POST', `/orders/${placed.json.data.orderId}/pay`, {
      token,
      body: { returnUrl: 'https://shop.example/' },
    });
    assert.equal(pay.status, 422, 'nothing to hand off');
    const converted = (await h.call('GET', '/cart', { token })).json.data;
    assert.deepEqual(
      [converted.giftCard.amount, converted.totals.amountDue],
      [cart.totals.total, 0],
      'a converted cart reads back unchanged',
    );
    assert.equal(converted.giftCard.remainingBalance, 50_000 - cart.totals.total);
    const next = newToken();
    await cartWithKnives(next);
    assert.equal(
      (await applyCard(next, 'GIFT-500-TEST')).json.data.giftCard.remainingBalance,
      50_000 - cart.totals.total - cart.totals.total,
    );
  });

  it('pays part of an order; the balance comes back when the reservation lapses', async () => {
    const token = newToken();
    await cartWithKnives(token);
    await applyCard(token, 'GIFT-25-TEST');
    const placed = await h.call('POST', '/cart/checkout', { token, body: { agreeToTerms: true, paymentMethod: CARD } });
    assert.equal(placed.json.data.paymentStatus, 'pending');
    const pay = await h.call('POST', `/orders/${placed.json.data.orderId}/pay`, {
      token,
      body: { returnUrl: 'https://shop.example/' },
    });
    assert.equal(pay.json.data.amount, placed.json.data.total - 2500, 'the gateway charges what is left');
    const spent = newToken();
    await cartWithKnives(spent);
    assert.equal((await applyCard(spent, 'GIFT-25-TEST')).json.data.giftCardError.reason, 'depleted');
    clock += 30 * 60_000;
    assert.equal((await applyCard(spent, 'GIFT-25-TEST')).json.data.giftCard.amount, 2500);
  });

  it('mints a code for a gift card bought and paid for, mailed to the buyer, spendable at once', async () => {
    const token = newToken();
    const gift = (await h.call('GET', '/products/gift-card')).json.data.variants[1]; // $50
    await h.call('POST', '/cart/items', { token, body: { variantId: gift.id, quantity: 1 } });
    // A digital cart: no shipping, a billing name and country instead.
    await h.call('PATCH', '/cart', {
      token,
      body: { email: 'Buyer@Example.com', billingAddress: { name: 'Bea Buyer', countryCode: 'US' } },
    });
    const placed = await h.call('POST', '/cart/checkout', { token, body: { agreeToTerms: true, paymentMethod: CARD } });
    assert.equal(placed.status, 201, placed.text);
    assert.equal(await h.lastMail('buyer@example.com', 'gift_card'), undefined, 'nothing before it is paid');
    const pay = (
      await h.call('POST', `/orders/${placed.json.data.orderId}/pay`, {
        token,
        body: { returnUrl: 'https://shop.example/' },
      })
    ).json.data;
    await fetch(pay.handoff.redirectUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=pay&card=4242424242424242',
    });
    const mail = await h.lastMail('buyer@example.com', 'gift_card');
    assert.ok(mail, 'a gift card mail');
    assert.equal(mail.balance, 5000);
    assert.match(mail.code, /^GC-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const next = newToken();
    await cartWithKnives(next);
    assert.equal((await applyCard(next, mail.code)).json.data.giftCard.amount, 5000);
  });
});
