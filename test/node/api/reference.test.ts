// The api client against the reference store (demo/reference-store) in Node: every endpoint's real answer
// comes through normalization whole — nothing the store serves is refused or dropped — and the
// journey the widget makes (catalogue, cart, gift card, addresses, shipping, checkout, pay, status,
// receipt, reviews, sign-in, countries, places) works on the documented headers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiClient, type ApiClient } from '../../../src/api/index';
import { DEMO, US_ADDRESS, newToken, startStore, type Harness } from '../reference-store/helpers';

describe('the client against the reference store', () => {
  let h: Harness;
  let api: ApiClient;
  let customerToken: string | null = null;
  before(async () => {
    h = await startStore();
    api = createApiClient({
      publicKey: DEMO,
      apiBase: h.url,
      cartToken: newToken(),
      shareBudget: false,
      customerToken: () => customerToken,
    });
  });
  after(() => h.close());

  it('store, catalogue, categories and reviews normalize without losing anything', async () => {
    const store = await api.store();
    assert.equal(store.storeMode, 'test');
    assert.match(store.currency, /^[A-Z]{3}$/);
    const raw = (await h.call('GET', '/products?perPage=100')).json as { data: unknown[]; meta: { total: number } };
    const list = await api.products({ perPage: 100 });
    assert.equal(list.data.length, raw.data.length, 'no product dropped');
    assert.ok(list.data.every((p) => p.variants.length > 0));
    assert.ok(
      list.data.some((p) => p.images.some((i) => i.url)),
      'image URLs survive the check',
    );
    const one = await api.product(list.data[0]!.slug);
    assert.equal(one.id, list.data[0]!.id);
    const cats = await api.categories({ perPage: 100 });
    const rawCats = (await h.call('GET', '/categories?perPage=100')).json as { data: unknown[] };
    assert.equal(cats.data.length, rawCats.data.length);
    if (cats.data.length) {
      const c = await api.category(cats.data[0]!.slug, { include: ['children', 'parent'] });
      assert.equal(c.id, cats.data[0]!.id);
    }
    const reviews = await api.reviews(one.id);
    assert.equal(reviews.meta.page, 1);
    assert.deepEqual(Object.keys(reviews.meta.ratingDistribution), ['1', '2', '3', '4', '5']);
  });

  it('cart, addresses, shipping, payment methods, checkout, pay, status and receipt', async () => {
    const { data } = await api.products({ perPage: 100 });
    const variant = data
      .filter((p) => p.kind === 'physical')
      .flatMap((p) => p.variants)
      .find((v) => v.sellableQuantity === null || v.sellableQuantity >= 2)!;
    let cart = await api.addItem({ variantId: variant.id, quantity: 2 });
    assert.equal(cart.itemCount, 2);
    cart = await api.updateCart({ email: 'ada@example.com', shippingAddress: US_ADDRESS, billingAddress: US_ADDRESS });
    assert.equal(cart.shippingAddress?.countryCode, 'US');
    cart = await api.updateCart({ giftCardCode: 'NOT-A-REAL-CARD' });
    assert.ok(cart.giftCardError, 'a refused gift card is a 200 with giftCardError');
    assert.equal(cart.giftCard, null);
    const shipping = await api.shippingOptions();
    if (shipping.options.length) cart = await api.updateCart({ shippingRateId: shipping.options[0]!.id });
    const methods = await api.paymentMethods();
    const card = methods.methods.find((m) => m.select.kind === 'gateway')!;
    assert.ok(card, 'a gateway method');
    const store = await api.store();
    const result = await api.checkout({
      paymentMethod: card.select,
      expectedTotal: cart.totals.total,
      agreeToTerms: store.checkout.termsMode === 'required_checkbox' ? true : undefined,
    });
    assert.ok(result.orderId);
    const pay = await api.pay(result.orderId, {
      returnUrl: 'http://localhost/#tote-payment=return',
      cancelUrl: 'http://localhost/#tote-payment=cancel',
    });
    assert.equal(pay.handoff.kind, 'redirect');
    const status = await api.orderStatus(result.orderId);
    assert.equal(status.paymentStatus, 'pending');
    const receipt = await api.order(result.orderId);
    assert.equal(receipt.id, result.orderId);
    assert.equal(receipt.items.length, 1);
    assert.ok(Array.isArray(receipt.taxes) && Array.isArray(receipt.addresses));
  });

  it('countries, states and places', async () => {
    const all = await api.countries();
    const shippable = await api.countries({ shippable: true });
    assert.ok(all.countries.length >= shippable.countries.length && shippable.countries.length > 0);
    const us = all.countries.find((c) => c.code === 'US')!;
    assert.ok(us.subdivisions && us.subdivisions.length > 0);
    const states = await api.states('US');
    assert.ok(states.states.length > 0);
    if ((await api.store()).features.addressAutocomplete) {
      const predictions = await api.placesAutocomplete({
        query: 'Main',
        sessionToken: crypto.randomUUID(),
        country: 'US',
      });
      if (predictions.length)
        await api.placeDetails({ placeId: predictions[0]!.placeId, sessionToken: crypto.randomUUID() });
    }
  });

  it('sign in by code, read the account, review, sign out', async () => {
    const email = 'ada@example.com'; // has placed an order above, so a customer exists
    const sent = await api.requestLoginCode(email);
    assert.equal(sent.retryAfterSeconds, null);
    const outbox = (await h.control({})).json as { data: { outbox: { to: string; kind: string; code: string }[] } };
    const mail = outbox.data.outbox.find((m) => m.kind === 'login_code' && m.to === email);
    assert.ok(mail, 'a login code in the store’s outbox');
    const verified = await api.verifyLoginCode(email, mail.code);
    customerToken = verified.token;
    const me = await api.customer();
    assert.equal(me.id, verified.customer.id);
    await api.customerAddresses();
    const orders = await api.customerOrders();
    assert.ok(Array.isArray(orders));
    const product = (await api.products({ perPage: 1 })).data[0]!;
    const review = await api.submitReview(product.id, { rating: 5, title: 'Lovely', content: 'Would buy again' });
    assert.equal(review.rating, 5);
    assert.deepEqual(await api.signOut(), { signedOut: true });
    customerToken = null;
  });
});
