import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CARD, DEMO, LIVE, PL, US_ADDRESS, newToken, startStore, type Harness } from './helpers';

let h: Harness;
before(async () => {
  h = await startStore();
});
after(() => h.close());
beforeEach(async () => {
  await h.control({ reset: true });
});

const CHECKOUT_KEYS = [
  'addressLine2Field',
  'companyNameField',
  'confirmationMessage',
  'minimumOrderValue',
  'phoneNumberField',
  'precheckMarketingOptIn',
  'privacyPolicyUrl',
  'redirectAfterCheckout',
  'redirectUrl',
  'refundPolicyUrl',
  'showCouponField',
  'showGiftCardField',
  'showMarketingOptIn',
  'showNotesField',
  'termsDisplay',
  'termsMode',
  'termsNoticeText',
  'termsText',
  'termsUrl',
];

describe('GET / (store settings)', () => {
  it('serves storeMode test, features and every checkout setting for the pk_test_ stores', async () => {
    const demo = (await h.call('GET', '/')).json.data;
    assert.equal(demo.storeMode, 'test');
    assert.equal(demo.baseCurrencyCode, 'USD');
    assert.deepEqual(demo.features, { addressAutocomplete: true });
    assert.deepEqual(Object.keys(demo.checkout).sort(), CHECKOUT_KEYS);
    assert.equal(demo.checkout.refundPolicyUrl, `${h.origin}/v3/legal/${DEMO}/refund`);
    assert.equal((await fetch(demo.checkout.refundPolicyUrl)).status, 200);
    assert.deepEqual(
      [
        demo.checkout.termsDisplay,
        demo.checkout.showMarketingOptIn,
        demo.checkout.precheckMarketingOptIn,
        demo.checkout.showGiftCardField,
      ],
      ['url', true, false, true],
    );
    assert.equal(demo.tracking, undefined, 'the reference store omits tracking');
    const pl = (await h.call('GET', '/', { key: PL })).json.data;
    assert.deepEqual(
      [pl.storeMode, pl.features.addressAutocomplete, pl.checkout.termsDisplay, pl.checkout.precheckMarketingOptIn],
      ['test', false, 'text', true],
    );
    assert.match(pl.checkout.termsText, /14 dni/);
    assert.match(pl.checkout.termsNoticeText, /regulamin/);
  });

  it('serves the live-latitude store with storeMode live and no checkout or features object', async () => {
    const r = await h.call('GET', '/', { key: LIVE });
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.json.data).sort(), ['currency', 'id', 'locale', 'name', 'storeMode']);
    assert.deepEqual([r.json.data.currency, r.json.data.locale, r.json.data.storeMode], ['GBP', 'en-GB', 'live']);
  });
});

describe('control: checkout settings', () => {
  it('changes settings mid-checkout (terms, minimum, redirect) and validates them as a whole', async () => {
    const bad = await h.control({
      checkout: { [DEMO]: { termsMode: 'sometimes', showNotesField: 'yes', bogus: 1 }, pk_test_nobody: {} },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json.error.details.map((d: { field: string }) => d.field).sort(), [
      'checkout.pk_test_nobody',
      `checkout.${DEMO}.bogus`,
      `checkout.${DEMO}.showNotesField`,
      `checkout.${DEMO}.termsMode`,
    ]);
    const ok = await h.control({
      checkout: {
        [PL]: {
          termsMode: 'required_checkbox',
          redirectAfterCheckout: true,
          redirectUrl: 'https://shop.example/thanks',
          minimumOrderValue: 100_000,
        },
      },
    });
    assert.equal(ok.status, 200, ok.text);
    const pl = (await h.call('GET', '/', { key: PL })).json.data.checkout;
    assert.deepEqual(
      [pl.termsMode, pl.redirectAfterCheckout, pl.redirectUrl, pl.minimumOrderValue, pl.phoneNumberField],
      ['required_checkbox', true, 'https://shop.example/thanks', 100_000, 'required'],
    );
    await h.control({ reset: true });
    assert.equal(
      (await h.call('GET', '/', { key: PL })).json.data.checkout.termsMode,
      'notice',
      'reset restores the seed',
    );
  });

  it('removes the checkout object with null; the server then applies the contract defaults', async () => {
    await h.control({ checkout: { [DEMO]: null } });
    assert.equal((await h.call('GET', '/')).json.data.checkout, undefined);
    // Defaults: terms hidden (no agreeToTerms needed).
    const token = newToken();
    await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife' } });
    await h.call('PATCH', '/cart', {
      token,
      body: { email: 'a@example.com', shippingAddress: US_ADDRESS, shippingRateId: 'ship_us_standard' },
    });
    assert.equal((await h.call('POST', '/cart/checkout', { token, body: { paymentMethod: CARD } })).status, 201);
  });

  it('lets a merchant switch required terms on while a shopper is checking out', async () => {
    const token = newToken();
    await h.control({ checkout: { [DEMO]: { termsMode: 'hidden' } } });
    await h.call('POST', '/cart/items', { token, body: { productId: 'chefs-knife' } });
    await h.call('PATCH', '/cart', {
      token,
      body: { email: 'a@example.com', shippingAddress: US_ADDRESS, shippingRateId: 'ship_us_standard' },
    });
    await h.control({ checkout: { [DEMO]: { termsMode: 'required_checkbox' } } });
    const r = await h.call('POST', '/cart/checkout', { token, body: { paymentMethod: CARD } });
    assert.equal(r.status, 409);
    assert.equal(r.json.rejection, 'terms_required');
  });
});
