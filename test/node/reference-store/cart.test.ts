import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PL, US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
// An injectable clock: cart expiry and discount expiry are tested without waiting.
let clock = Date.parse('2026-11-22T12:00:00Z');
before(async () => {
  h = await startStore({ now: () => clock, cartTtlMs: 3_600_000 });
});
after(() => h.close());

async function variant(
  slug: string,
  index = 0,
  key?: string,
): Promise<{ id: string; price: number; productId: string }> {
  const r = await h.call('GET', `/products/${slug}`, key ? { key } : {});
  const v = r.json.data.variants[index];
  return { id: v.id, price: v.price, productId: r.json.data.id };
}

async function add(token: string, variantId: string, quantity = 1) {
  return h.call('POST', '/cart/items', { token, body: { variantId, quantity } });
}

describe('GET /cart', () => {
  it('gives an unknown token an empty cart in the contract shape, stable across reads', async () => {
    const token = newToken();
    const r = await h.call('GET', '/cart', { token });
    assert.equal(r.status, 200);
    const cart = r.json.data;
    assert.deepEqual(Object.keys(cart).sort(), [
      'billingAddress',
      'currencyCode',
      'customerName',
      'discountCode',
      'discountError',
      'discounts',
      'email',
      'expiresAt',
      'giftCard',
      'giftCardError',
      'id',
      'itemCount',
      'items',
      'requiresShipping',
      'shippingAddress',
      'shippingMethodName',
      'shippingRateId',
      'taxBreakdown',
      'taxInclusive',
      'totals',
      'updatedAt',
      'visitorCountryCode',
    ]);
    assert.deepEqual(cart.items, []);
    assert.equal(cart.currencyCode, 'USD');
    assert.deepEqual(cart.totals, {
      subtotal: 0,
      discountTotal: 0,
      taxTotal: 0,
      shippingTotal: 0,
      total: 0,
      giftCardTotal: 0,
      amountDue: 0,
    });
    assert.deepEqual(
      [cart.giftCard, cart.giftCardError, cart.taxBreakdown, cart.taxInclusive],
      [null, null, [], false],
    );
    assert.equal((await h.call('GET', '/cart', { token })).json.data.id, cart.id);
    assert.notEqual((await h.call('GET', '/cart', { token: newToken() })).json.data.id, cart.id);
  });
});

describe('cart items', () => {
  it('adds a variant, then merges a second add of the same variant into one line', async () => {
    const token = newToken();
    const tee = await variant('classic-tee', 6);
    const first = await add(token, tee.id, 2);
    assert.equal(first.status, 200);
    const line = first.json.data.items[0];
    assert.deepEqual(
      { ...line, id: typeof line.id, imageUrl: typeof line.imageUrl },
      {
        id: 'string',
        productId: tee.productId,
        variantId: tee.id,
        name: 'Classic Tee',
        variantName: 'S / Navy',
        sku: 'TEE-CLS-S-NAV',
        unitPrice: 2800,
        quantity: 2,
        subtotal: 5600,
        position: 0,
        imageUrl: 'string',
      },
    );
    const second = await add(token, tee.id, 3);
    assert.equal(second.json.data.items.length, 1);
    assert.equal(second.json.data.items[0].quantity, 5);
    assert.equal(second.json.data.itemCount, 5);
    assert.equal(second.json.data.totals.subtotal, 14000);
  });

  // Contract change: productId alone takes the default variant (it used to be refused for a
  // multi-variant product), quantity defaults to 1, and variantId decides when both are sent.
  it('takes the default variant for productId alone, and lets variantId decide when both are sent', async () => {
    const token = newToken();
    const knife = await variant('chefs-knife');
    const ok = await h.call('POST', '/cart/items', { token, body: { productId: knife.productId } });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.data.items[0].variantId, knife.id);
    assert.equal(ok.json.data.items[0].quantity, 1);
    assert.equal(ok.json.data.items[0].variantName, null);
    const print = await variant('art-print-mountains');
    const multi = await h.call('POST', '/cart/items', {
      token,
      body: { productId: 'art-print-mountains', quantity: 1 },
    });
    assert.equal(multi.status, 200);
    assert.equal(multi.json.data.items[1].variantId, print.id, 'the isDefault variant');
    const tee = await variant('classic-tee');
    const second = await variant('classic-tee', 6);
    const both = await h.call('POST', '/cart/items', {
      token,
      body: { productId: tee.productId, variantId: second.id, quantity: 1 },
    });
    assert.equal(both.json.data.items[2].variantId, second.id);
    assert.deepEqual(
      both.json.data.items.map((i: { position: number }) => i.position),
      [0, 1, 2],
    );
    const foreign = await h.call('POST', '/cart/items', {
      token,
      body: { productId: knife.productId, variantId: second.id },
    });
    assert.equal(foreign.status, 422);
    assert.equal(foreign.json.error.details[0].field, 'productId');
  });

  it('sets a quantity outright, removes the line at 0, and deletes a line', async () => {
    const token = newToken();
    const mug = await variant('stoneware-mug');
    const spoon = await variant('olive-wood-spoon');
    await add(token, mug.id, 1);
    const withTwo = await add(token, spoon.id, 1);
    const [mugLine, spoonLine] = withTwo.json.data.items;
    const patched = await h.call('PATCH', `/cart/items/${mugLine.id}`, { token, body: { quantity: 4 } });
    assert.equal(patched.json.data.items[0].quantity, 4);
    const zero = await h.call('PATCH', `/cart/items/${mugLine.id}`, { token, body: { quantity: 0 } });
    assert.deepEqual(
      zero.json.data.items.map((i: { id: string }) => i.id),
      [spoonLine.id],
    );
    const deleted = await h.call('DELETE', `/cart/items/${spoonLine.id}`, { token });
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.json.data.items, []);
    assert.equal((await h.call('DELETE', `/cart/items/${spoonLine.id}`, { token })).status, 404);
    assert.equal((await h.call('PATCH', '/cart/items/item_nope', { token, body: { quantity: 1 } })).status, 404);
  });

  it('refuses wrong types, missing fields, unknown ids and absurd quantities without touching the cart', async () => {
    const token = newToken();
    const spoon = await variant('olive-wood-spoon');
    const before = await add(token, spoon.id, 2);
    const lineId = before.json.data.items[0].id;
    const bad: [string, string, unknown, string][] = [
      ['POST', '/cart/items', { variantId: spoon.id, quantity: -1 }, 'quantity'],
      ['POST', '/cart/items', { variantId: spoon.id, quantity: 0 }, 'quantity'],
      ['POST', '/cart/items', { variantId: spoon.id, quantity: 1e9 }, 'quantity'],
      ['POST', '/cart/items', { variantId: spoon.id, quantity: 1.5 }, 'quantity'],
      ['POST', '/cart/items', { variantId: spoon.id, quantity: '2' }, 'quantity'],
      ['POST', '/cart/items', { variantId: 42, quantity: 1 }, 'variantId'],
      ['POST', '/cart/items', { quantity: 1 }, 'variantId'],
      ['POST', '/cart/items', { variantId: 'var_nope', quantity: 1 }, 'variantId'],
      ['POST', '/cart/items', { variantId: spoon.id, quantity: 998 }, 'quantity'],
      ['POST', '/cart/items', [1, 2], 'body'],
      ['PATCH', `/cart/items/${lineId}`, { quantity: -3 }, 'quantity'],
      ['PATCH', `/cart/items/${lineId}`, { quantity: null }, 'quantity'],
      ['PATCH', `/cart/items/${lineId}`, {}, 'quantity'],
      // Contract change: the email is stored as typed (checked at checkout) and notes are no PATCH
      // field (unknown fields are ignored), so neither is refused here any more.
      ['PATCH', '/cart', { email: 'x'.repeat(255) }, 'email'],
      ['PATCH', '/cart', { email: 42 }, 'email'],
      ['PATCH', '/cart', { shippingAddress: 'Main St' }, 'shippingAddress'],
      ['PATCH', '/cart', { shippingAddress: { countryCode: 'USA' } }, 'shippingAddress.countryCode'],
      ['PATCH', '/cart', { discountCode: 5 }, 'discountCode'],
      ['PATCH', '/cart', { giftCardCode: 5 }, 'giftCardCode'],
      ['PATCH', '/cart', { shippingRateId: 'ship_nope' }, 'shippingRateId'],
    ];
    for (const [method, path, body, field] of bad) {
      const r = await h.call(method, path, { token, body });
      assert.equal(r.status, 422, `${method} ${path} ${JSON.stringify(body)}`);
      assert.equal(r.json.error.code, 'VALIDATION_ERROR');
      assert.ok(
        r.json.error.details.some((d: { field: string }) => d.field === field),
        `${JSON.stringify(body)} → ${JSON.stringify(r.json.error.details)}`,
      );
    }
    const afterAll = await h.call('GET', '/cart', { token });
    assert.deepEqual(afterAll.json.data.items, before.json.data.items);
    assert.equal(afterAll.json.data.email, null);
  });

  it('answers malformed JSON with 400, oversized bodies with 413, other media types with 415', async () => {
    const token = newToken();
    const spoon = await variant('olive-wood-spoon');
    const before = await add(token, spoon.id, 1);
    const malformed = await h.call('POST', '/cart/items', { token, rawBody: '{"variantId": "x", quantity: ' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.json.error.code, 'BAD_REQUEST');
    const huge = await h.call('PATCH', '/cart', { token, body: { notes: 'x'.repeat(70 * 1024) } });
    assert.equal(huge.status, 413);
    assert.equal(huge.json.error.code, 'PAYLOAD_TOO_LARGE');
    const form = await h.call('POST', '/cart/items', {
      token,
      rawBody: 'variantId=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 415);
    assert.deepEqual((await h.call('GET', '/cart', { token })).json.data.items, before.json.data.items);
  });

  it('checks stock: limited (deny), sold out, backorder (continue) and unlimited', async () => {
    const token = newToken();
    const knife = await variant('chefs-knife');
    assert.equal((await add(token, knife.id, 3)).status, 200);
    const over = await add(token, knife.id, 1);
    assert.equal(over.status, 422);
    assert.match(over.json.error.message, /Only 3/);
    const wallet = await variant('leather-wallet');
    const soldOut = await add(token, wallet.id, 1);
    assert.equal(soldOut.status, 422);
    assert.match(soldOut.json.error.message, /sold out/);
    const throw_ = await variant('wool-throw');
    assert.equal((await add(token, throw_.id, 5)).status, 200);
    const gift = await variant('gift-card');
    assert.equal((await add(token, gift.id, 500)).status, 200);
    // Shrinking is always fine; growing past stock via PATCH is not.
    const cart = (await h.call('GET', '/cart', { token })).json.data;
    const knifeLine = cart.items.find((i: { variantId: string }) => i.variantId === knife.id);
    assert.equal((await h.call('PATCH', `/cart/items/${knifeLine.id}`, { token, body: { quantity: 4 } })).status, 422);
    assert.equal((await h.call('PATCH', `/cart/items/${knifeLine.id}`, { token, body: { quantity: 2 } })).status, 200);
  });

  it('caps a line at 999', async () => {
    const token = newToken();
    const gift = await variant('gift-card');
    assert.equal((await add(token, gift.id, 999)).status, 200);
    assert.equal((await add(token, gift.id, 1)).status, 422);
  });
});

describe('PATCH /cart', () => {
  it('sets fields, leaves omitted ones alone and clears with null', async () => {
    const token = newToken();
    const set = await h.call('PATCH', '/cart', {
      token,
      body: { email: 'ada@example.com', customerName: 'Ada', notes: 'Gift wrap', shippingAddress: US_ADDRESS },
    });
    assert.equal(set.status, 200);
    assert.equal(set.json.data.email, 'ada@example.com');
    assert.deepEqual(set.json.data.shippingAddress, US_ADDRESS);
    const partial = await h.call('PATCH', '/cart', {
      token,
      body: { billingAddress: { ...US_ADDRESS, name: 'Charles' } },
    });
    assert.equal(partial.json.data.email, 'ada@example.com');
    assert.equal(partial.json.data.billingAddress.name, 'Charles');
    assert.equal(partial.json.data.billingAddress.phone, null);
    const cleared = await h.call('PATCH', '/cart', { token, body: { email: null, shippingAddress: null } });
    assert.equal(cleared.json.data.email, null);
    assert.equal(cleared.json.data.shippingAddress, null);
    assert.equal(cleared.json.data.billingAddress.name, 'Charles');
  });

  it('applies WELCOME10 (percentage), case-insensitively', async () => {
    const token = newToken();
    await add(token, (await variant('olive-wood-spoon')).id, 5); // 5 × $14
    const r = await h.call('PATCH', '/cart', { token, body: { discountCode: ' welcome10 ' } });
    assert.equal(r.json.data.discountCode, 'WELCOME10');
    assert.equal(r.json.data.discountError, null);
    assert.deepEqual(r.json.data.discounts, [
      { id: 'disc_welcome10', code: 'WELCOME10', name: '10% off your order', amount: 700, automatic: false },
    ]);
    assert.equal(r.json.data.totals.discountTotal, 700);
    assert.equal(r.json.data.totals.total, 6300);
  });

  it('applies SAVE5 (fixed) only above its minimum, and reports minimum_not_met otherwise', async () => {
    const token = newToken();
    const spoon = await variant('olive-wood-spoon');
    await add(token, spoon.id, 1); // $14 < $30
    const low = await h.call('PATCH', '/cart', { token, body: { discountCode: 'SAVE5' } });
    assert.equal(low.status, 200);
    assert.equal(low.json.data.discountCode, 'SAVE5');
    assert.equal(low.json.data.discountError.reason, 'minimum_not_met');
    assert.equal(low.json.data.totals.discountTotal, 0);
    const enough = await add(token, spoon.id, 2); // $42
    assert.equal(enough.json.data.discountError, null);
    assert.equal(enough.json.data.totals.discountTotal, 500);
  });

  it('reports an expired or unknown code as discountError (not an HTTP error) and keeps a working code', async () => {
    const token = newToken();
    await add(token, (await variant('olive-wood-spoon')).id, 5);
    await h.call('PATCH', '/cart', { token, body: { discountCode: 'WELCOME10' } });
    const expired = await h.call('PATCH', '/cart', { token, body: { discountCode: 'EXPIRED20' } });
    assert.equal(expired.status, 200);
    assert.deepEqual(Object.keys(expired.json.data.discountError).sort(), ['message', 'reason']);
    assert.equal(expired.json.data.discountError.reason, 'expired');
    assert.equal(expired.json.data.discountCode, 'WELCOME10');
    assert.equal(expired.json.data.totals.discountTotal, 700);
    const unknown = await h.call('PATCH', '/cart', { token, body: { discountCode: 'BOGUS' } });
    assert.equal(unknown.json.data.discountError.reason, 'not_found');
    const removed = await h.call('PATCH', '/cart', { token, body: { discountCode: null } });
    assert.equal(removed.json.data.discountCode, null);
    assert.equal(removed.json.data.discountError, null);
    assert.deepEqual(removed.json.data.discounts, []);
  });

  it('adds the automatic discount over $200', async () => {
    const token = newToken();
    const r = await add(token, (await variant('chefs-knife')).id, 2); // $298
    assert.deepEqual(
      r.json.data.discounts.map((d: { id: string; automatic: boolean; amount: number }) => [
        d.id,
        d.automatic,
        d.amount,
      ]),
      [['auto_big_basket', true, 2000]],
    );
  });

  it('prices tax and shipping for the destination, with free standard shipping over $75', async () => {
    const token = newToken();
    await add(token, (await variant('olive-wood-spoon')).id, 2); // $28
    const noAddress = await h.call('GET', '/cart/shipping-options', { token });
    assert.deepEqual(noAddress.json.data, { options: [], addressRequired: true });
    await h.call('PATCH', '/cart', { token, body: { shippingAddress: US_ADDRESS } });
    const us = await h.call('GET', '/cart/shipping-options', { token });
    assert.equal(us.json.data.addressRequired, false);
    assert.deepEqual(
      us.json.data.options.map((o: { id: string }) => o.id),
      ['ship_us_standard', 'ship_us_express', 'ship_us_pickup'],
    );
    assert.deepEqual(Object.keys(us.json.data.options[0]).sort(), [
      'cost',
      'description',
      'estimatedDaysMax',
      'estimatedDaysMin',
      'id',
      'name',
    ]);
    assert.equal(us.json.data.options[0].cost, 500);
    const chosen = await h.call('PATCH', '/cart', { token, body: { shippingRateId: 'ship_us_express' } });
    assert.equal(chosen.json.data.shippingRateId, 'ship_us_express');
    assert.equal(chosen.json.data.shippingMethodName, 'Express');
    assert.deepEqual(chosen.json.data.totals, {
      subtotal: 2800,
      discountTotal: 0,
      taxTotal: 224,
      shippingTotal: 1500,
      total: 4524,
      giftCardTotal: 0,
      amountDue: 4524,
    });
    assert.deepEqual(chosen.json.data.taxBreakdown, [{ name: 'Sales tax', rateMilliPercent: 8000, amount: 224 }]);
    // Moving the address abroad drops a rate that no longer applies, and US sales tax.
    const de = await h.call('PATCH', '/cart', {
      token,
      body: { shippingAddress: { ...US_ADDRESS, countryCode: 'DE' } },
    });
    assert.equal(de.json.data.shippingRateId, null);
    assert.equal(de.json.data.totals.taxTotal, 0);
    assert.deepEqual(de.json.data.taxBreakdown, [], 'no rate for the destination: an empty breakdown');
    assert.deepEqual(
      (await h.call('GET', '/cart/shipping-options', { token })).json.data.options.map((o: { id: string }) => o.id),
      ['ship_eu_standard', 'ship_eu_express'],
    );
    await h.call('PATCH', '/cart', { token, body: { shippingAddress: { ...US_ADDRESS, countryCode: 'AQ' } } });
    assert.deepEqual((await h.call('GET', '/cart/shipping-options', { token })).json.data, {
      options: [],
      addressRequired: false,
    });
    const bigger = newToken();
    await add(bigger, (await variant('olive-wood-spoon')).id, 6); // $84
    await h.call('PATCH', '/cart', { token: bigger, body: { shippingAddress: US_ADDRESS } });
    assert.equal((await h.call('GET', '/cart/shipping-options', { token: bigger })).json.data.options[0].cost, 0);
  });

  it('needs no shipping for a gift card alone', async () => {
    const token = newToken();
    const r = await add(token, (await variant('gift-card')).id, 1);
    assert.equal(r.json.data.requiresShipping, false);
    assert.deepEqual((await h.call('GET', '/cart/shipping-options', { token })).json.data, {
      options: [],
      addressRequired: false,
    });
  });

  it('charges Polish VAT (23%, on shipping too) in the PLN store', async () => {
    const token = newToken();
    const mug = await variant('kubek-ceramiczny', 0, PL);
    const r = await h.call('POST', '/cart/items', { key: PL, token, body: { variantId: mug.id, quantity: 1 } });
    assert.equal(r.json.data.currencyCode, 'PLN');
    assert.equal(r.json.data.totals.taxTotal, Math.round(5900 * 0.23));
    await h.call('PATCH', '/cart', {
      key: PL,
      token,
      body: { shippingAddress: { ...US_ADDRESS, countryCode: 'PL' }, shippingRateId: 'ship_pl_locker' },
    });
    const withShipping = await h.call('GET', '/cart', { key: PL, token });
    assert.equal(withShipping.json.data.totals.taxTotal, Math.round((5900 + 1299) * 0.23));
    assert.equal(
      (await h.call('PATCH', '/cart', { key: PL, token, body: { discountCode: 'RABAT10' } })).json.data.totals
        .discountTotal,
      590,
    );
  });
});

describe('cart expiry', () => {
  it('replaces a cart untouched for longer than its lifetime with a fresh one', async () => {
    const token = newToken();
    const r = await add(token, (await variant('olive-wood-spoon')).id, 1);
    assert.equal(Date.parse(r.json.data.expiresAt) - Date.parse(r.json.data.updatedAt), 3_600_000);
    clock += 3_599_000;
    assert.equal((await h.call('GET', '/cart', { token })).json.data.items.length, 1);
    clock += 2_000;
    const expired = await h.call('GET', '/cart', { token });
    assert.deepEqual(expired.json.data.items, []);
    assert.notEqual(expired.json.data.id, r.json.data.id);
  });
});
