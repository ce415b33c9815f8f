// Keys (src/api/keys.ts): every publishable form is accepted; every secret prefix is refused first,
// whatever its case and whatever invisible characters ride along, with zero requests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertPublishableKey, createApiClient, maskKey, ToteKeyError } from '../../../src/api/index';

const BODY = 'AbCdEfGhIjKlMnOpQrSt9876';
const refused = (key: unknown): ToteKeyError => {
  try {
    assertPublishableKey(key);
  } catch (e) {
    assert.ok(e instanceof ToteKeyError);
    return e;
  }
  assert.fail(`accepted ${JSON.stringify(key)}`);
};

describe('publishable keys', () => {
  it('accepts pk_live_, pk_test_ and Shoprocket’s random pk_ forms (21 and 32 characters)', () => {
    for (const k of [
      'pk_live_abc123',
      'pk_test_tote_demo',
      'pk_hAWE3kLmN0pQrStUvWxYz',
      'pk_' + 'a1B2'.repeat(8),
      'pk_12345678',
      'pk_-_-_-_-_',
    ])
      assert.equal(assertPublishableKey(k), k);
  });
  it('cleans invisible characters and spaces off a pasted key', () => {
    assert.equal(assertPublishableKey(' \uFEFFpk_test_tote_demo\u200B\n'), 'pk_test_tote_demo');
    assert.equal(assertPublishableKey('\u00A0pk_hAWE3kLmN0pQrStUvWxYz\u2060'), 'pk_hAWE3kLmN0pQrStUvWxYz');
  });
  it('refuses what is not one: too short, other characters, another case, not pk_', () => {
    for (const k of [
      'pk_1234567',
      'pk_',
      'pk_live_a/../sk',
      'pk_test_<script>',
      'PK_LIVE_abcdefgh',
      'hello',
      'pk-live-abcdefghij',
    ]) {
      const e = refused(k);
      assert.equal(e.kind, 'unknown', k);
      assert.match(e.message, /not a publishable key/);
      assert.match(e.message, /Use your publishable key \(pk_…\)/);
    }
    assert.equal(refused('shoc_' + BODY).kind, 'client-id');
    for (const k of ['', '   ', '\u200B\uFEFF', undefined, null, 42]) assert.equal(refused(k).kind, 'missing');
  });
});

describe('secret keys', () => {
  const secrets: [string, RegExp][] = [
    ['sk_live_', /Shoprocket secret key/],
    ['sk_test_', /Shoprocket secret key/],
    ['sk_', /Shoprocket secret key/],
    ['shx_', /Shoppex API key/],
    ['shcs_', /OAuth client secret/],
    ['shoa_', /authorization code/],
    ['shpat_', /access token/],
    ['shprt_', /refresh token/],
  ];
  const disguises: [string, (k: string) => string][] = [
    ['as is', (k) => k],
    ['upper case', (k) => k.toUpperCase()],
    ['mixed case', (k) => k[0]!.toUpperCase() + k.slice(1)],
    ['zero-width space first', (k) => '\u200B' + k],
    ['BOM first', (k) => '\uFEFF' + k],
    ['NBSP around', (k) => '\u00A0' + k + '\u00A0'],
    ['zero-width joiner inside the prefix', (k) => k[0] + '\u200D' + k.slice(1)],
    ['soft hyphen inside the prefix', (k) => k.slice(0, 2) + '\u00AD' + k.slice(2)],
    ['bidi override first', (k) => '\u202E' + k],
    ['word joiner and tab', (k) => '\t\u2060' + k],
  ];
  for (const [prefix, what] of secrets)
    for (const [how, dress] of disguises)
      it(`refuses ${prefix}… (${how}) as a secret, says revoke and rotate, never echoes it`, () => {
        const e = refused(dress(prefix + BODY));
        assert.equal(e.kind, 'secret');
        assert.match(e.message, what);
        assert.match(e.message, /never/i);
        assert.match(e.message, /revoke and rotate/i);
        assert.ok(!e.message.includes(BODY.slice(0, 8)));
        assert.ok(!e.message.toLowerCase().includes(BODY.slice(0, 8).toLowerCase()));
        assert.ok(e.message.toLowerCase().includes('…9876'));
      });

  it('a secret key never reaches fetch', () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      throw new Error('no');
    }) as typeof globalThis.fetch;
    for (const key of ['sk_live_' + BODY, 'SK_LIVE_' + BODY, '\u200Bsk_live_' + BODY, '\u00A0shpat_' + BODY])
      assert.throws(() => createApiClient({ publicKey: key, fetch, shareBudget: false }), ToteKeyError);
    assert.equal(calls, 0);
  });

  it('masks to at most the prefix and the last four', () => {
    assert.equal(maskKey('sk_live_' + BODY), 'sk_live_…9876');
    assert.equal(maskKey('SK_TEST_' + BODY), 'SK_TEST_…9876');
    assert.equal(maskKey('shpat_short'), 'shpat_…');
    assert.equal(maskKey('pk_hAWE3kLmN0pQrStUvWxYz'), 'pk_…WxYz');
  });
});
