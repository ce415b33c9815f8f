// Checkout's settings-driven completeness rules and the flat receipt, as the contract defines them.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BANK, CARD, GB_ADDRESS, LIVE, US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true });
});

const fields = (r: { json: { error: { details: { field: string }[] } } }): string[] =>
  r.json.error.details.map((d) => d.field).sort();
const checkout = (token: string, body: Record<string, unknown> = {}) =>
  h.call('POST', '/cart/checkout', { token, body: { agreeToTerms: true, paymentMethod: CARD, ...body } });

async function knifeCart(token: string, address: Record<string, unknown> = US_ADDRESS) {
  await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife' } });
  return h.call('PATCH', '/cart', {
    token,
    body: { email: 'ada@example.com', shippingAddress: address, shippingRateId: 'ship_us_standard' },
  });
}

describe('checkout completeness', () => {
  it('checks postal codes against the country pattern and regions against its subdivisions', async () => {
    const token = newToken();
    await knifeCart(token, { ...US_ADDRESS, postalCode: 'ABCDE', region: null });
    assert.deepEqual(fields(await checkout(token)), ['shippingAddress.postalCode', 'shippingAddress.region']);
    await h.call('PATCH', '/cart', { token, body: { shippingAddress: { postalCode: '11201-1234', region: 'ZZ' } } });
    assert.deepEqual(fields(await checkout(token)), ['shippingAddress.region']);
    await h.call('PATCH', '/cart', { token, body: { shippingAddress: { region: 'ny' } } });
    assert.equal((await checkout(token)).status, 201, 'codes match case-insensitively');
  });

  it('needs no postal code where the country has none, and no region where none is required', async () => {
    const token = newToken();
    await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife' } });
    await h.call('PATCH', '/cart', {
      token,
      body: {
        email: 'a@example.com',
        shippingAddress: { name: 'A', line1: '1 Sheikh Zayed Rd', city: 'Dubai', countryCode: 'AE' },
        shippingRateId: 'ship_world',
      },
    });
    assert.equal((await checkout(token)).status, 201);
  });

  it('stores a malformed email as typed and refuses it only at checkout', async () => {
    const token = newToken();
    await knifeCart(token);
    const typed = await h.call('PATCH', '/cart', { token, body: { email: 'ada@' } });
    assert.equal(typed.json.data.email, 'ada@');
    assert.deepEqual(fields(await checkout(token)), ['email']);
  });

  it('asks a digital cart for a billing name and country instead of a shipping address', async () => {
    const token = newToken();
    await h.call('POST', '/cart/items', { token, body: { productId: 'gift-card' } });
    await h.call('PATCH', '/cart', { token, body: { email: 'a@example.com' } });
    assert.deepEqual(fields(await checkout(token)), ['billingAddress']);
    await h.call('PATCH', '/cart', { token, body: { billingAddress: { countryCode: 'US' } } });
    assert.deepEqual(fields(await checkout(token)), ['billingAddress.name']);
    await h.call('PATCH', '/cart', { token, body: { billingAddress: { name: 'Ada Lovelace' } } });
    const placed = await checkout(token);
    assert.equal(placed.status, 201, placed.text);
    const receipt = (await h.call('GET', `/orders/${placed.json.data.orderId}`, { token })).json.data;
    assert.deepEqual(
      receipt.addresses.map((a: { kind: string }) => a.kind),
      ['billing'],
      'a digital order has no shipping address',
    );
    assert.equal(receipt.taxTotal, 0, 'a gift card is tender, not a taxable sale');
  });

  it('refuses an omitted payment method when the store offers several, notes over 1000, bad opt-in types', async () => {
    const token = newToken();
    await knifeCart(token);
    assert.deepEqual(fields(await checkout(token, { paymentMethod: undefined })), ['paymentMethod']);
    assert.deepEqual(fields(await checkout(token, { notes: 'x'.repeat(1001), marketingOptIn: 'yes' })), [
      'marketingOptIn',
      'notes',
    ]);
    assert.equal((await checkout(token, { notes: 'Leave at the door', marketingOptIn: true })).status, 201);
  });

  it('says which order a converted cart became', async () => {
    const token = newToken();
    await knifeCart(token);
    const placed = await checkout(token);
    const again = await checkout(token);
    assert.deepEqual(
      [again.status, again.json.rejection, again.json.orderId],
      [409, 'already_converted', placed.json.data.orderId],
    );
    const edit = await h.call('PATCH', '/cart', { token, body: {} });
    assert.equal(edit.json.orderId, placed.json.data.orderId);
  });

  it('accepts return URLs on https, and on http only for localhost', async () => {
    const token = newToken();
    await knifeCart(token);
    const { orderId } = (await checkout(token)).json.data;
    const pay = (returnUrl: string) => h.call('POST', `/orders/${orderId}/pay`, { token, body: { returnUrl } });
    assert.equal((await pay('http://shop.example/back')).status, 422);
    assert.equal((await pay('http://localhost:5173/#tote-payment=return')).status, 201);
    assert.equal((await pay('http://127.0.0.1:8000/')).status, 201);
  });
});

describe('GET /orders/{id}: the flat receipt', () => {
  it('is flat, with addresses by kind, tax lines, gift card and amount due (exclusive sales tax)', async () => {
    const token = newToken();
    await knifeCart(token);
    await h.call('PATCH', '/cart', { token, body: { discountCode: 'welcome10', customerName: 'Ada Lovelace' } });
    const placed = (await checkout(token)).json.data;
    const r = await h.call('GET', `/orders/${placed.orderId}`, { token });
    const receipt = r.json.data;
    assert.deepEqual(Object.keys(receipt).sort(), [
      'addresses',
      'amountDue',
      'currencyCode',
      'customerName',
      'discountCode',
      'discountTotal',
      'email',
      'giftCardTotal',
      'id',
      'items',
      'orderNumber',
      'paymentInstructions',
      'paymentMethodName',
      'paymentStatus',
      'placedAt',
      'shippingMethodName',
      'shippingTotal',
      'status',
      'subtotal',
      'taxInclusive',
      'taxTotal',
      'taxes',
      'total',
    ]);
    assert.deepEqual(
      [receipt.subtotal, receipt.discountTotal, receipt.discountCode, receipt.shippingTotal],
      [14900, 1490, 'WELCOME10', 0],
    );
    assert.deepEqual(receipt.taxes, [{ name: 'Sales tax', rateMilliPercent: 8000, amount: 1073 }]);
    assert.deepEqual([receipt.taxTotal, receipt.taxInclusive, receipt.total], [1073, false, 14900 - 1490 + 1073]);
    assert.deepEqual([receipt.giftCardTotal, receipt.amountDue, receipt.paymentInstructions], [0, receipt.total, null]);
    assert.equal(receipt.customerName, 'Ada Lovelace');
    assert.deepEqual(
      receipt.addresses.map((a: { kind: string; id: string }) => [a.kind, typeof a.id]),
      [
        ['shipping', 'string'],
        ['billing', 'string'],
      ],
    );
    const billing = receipt.addresses.find((a: { kind: string }) => a.kind === 'billing');
    assert.equal(billing.line1, US_ADDRESS.line1, 'billing copied from shipping when none was sent');
    assert.deepEqual(Object.keys(receipt.items[0]).sort(), [
      'id',
      'imageUrl',
      'name',
      'position',
      'productId',
      'quantity',
      'sku',
      'subtotal',
      'unitPrice',
      'variantId',
      'variantName',
    ]);
    assert.equal(receipt.items[0].position, 0);
  });

  it('carries payment instructions for a bank transfer, with the amount still due', async () => {
    const token = newToken();
    await knifeCart(token);
    const placed = (await checkout(token, { paymentMethod: BANK })).json.data;
    const receipt = (await h.call('GET', `/orders/${placed.orderId}`, { token })).json.data;
    assert.deepEqual(
      [receipt.paymentStatus, receipt.paymentMethodName, receipt.amountDue],
      ['pending', 'Bank transfer', receipt.total],
    );
    assert.match(receipt.paymentInstructions, /account 000123456/);
  });

  it('reports included VAT on the live-latitude store: tax inside the prices, not added', async () => {
    const token = newToken();
    const bag = (await h.call('GET', '/products/canvas-roll-bag', { key: LIVE })).json.data;
    await h.call('POST', '/cart/items', { key: LIVE, token, body: { variantId: bag.variants[0].id } });
    const cart = (
      await h.call('PATCH', '/cart', {
        key: LIVE,
        token,
        body: { email: 'sam@example.co.uk', shippingAddress: GB_ADDRESS, shippingRateId: 'ship_gb_tracked48' },
      })
    ).json.data;
    const vat = Math.round(((3800 + 395) * 20000) / 120000);
    assert.equal(cart.taxInclusive, true);
    assert.deepEqual(cart.taxBreakdown, [{ name: 'VAT', rateMilliPercent: 20000, amount: vat }]);
    assert.deepEqual([cart.totals.taxTotal, cart.totals.total], [vat, 3800 + 395]);
    const placed = await h.call('POST', '/cart/checkout', { key: LIVE, token, body: { paymentMethod: BANK } });
    assert.equal(placed.status, 201, placed.text);
    const receipt = (await h.call('GET', `/orders/${placed.json.data.orderId}`, { key: LIVE, token })).json.data;
    assert.deepEqual(
      [receipt.taxInclusive, receipt.taxTotal, receipt.total, receipt.currencyCode],
      [true, vat, 4195, 'GBP'],
    );
    assert.deepEqual(receipt.taxes, cart.taxBreakdown);
    assert.match(receipt.paymentInstructions, /sort code/);
  });
});
