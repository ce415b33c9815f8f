// Keys and network reach (issue 10): every secret-key prefix is refused at the element and at
// configure() with zero requests and a message that never echoes the key; the widget talks only
// to the configured API origin.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { ToteProducts, ToteStore } from '../../src/index.js';
import { configure, ToteKeyError } from '../../src/index.js';
import { whenUsed } from '../../src/dom/lazy-define.js';
import '../../src/define.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';

const SECRET = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const REFUSED = [
  ...['sk_live_', 'sk_test_', 'shx_', 'shcs_', 'shoa_', 'shpat_', 'shprt_', 'shoc_'].map((prefix) => prefix + SECRET),
  // Secret prefixes are found whatever their case and whatever invisible characters ride along
  // (a zero-width space, a BOM, an NBSP copied from a dashboard or a chat).
  'SK_LIVE_' + SECRET,
  '\u200Bsk_live_' + SECRET,
  '\uFEFF\u00A0Sk_Test_' + SECRET,
  's\u200Dhpat_' + SECRET,
];
/** Shoprocket's random publishable form: `pk_` and 21 letters and digits, no live/test marker. */
const RANDOM_PK = 'pk_hAWE3kLmN0pQrStUvWxYz';

describe('security: keys and where the widget connects', function () {
  this.timeout(20_000);
  const realFetch = window.fetch;
  let fetched: string[];

  beforeEach(() => {
    fetched = [];
    window.fetch = (input, init) => (
      fetched.push(String(input instanceof Request ? input.url : input)),
      realFetch(input, init)
    );
    performance.clearResourceTimings();
  });
  afterEach(() => {
    window.fetch = realFetch;
    fixtureCleanup();
  });

  it('refuses every secret-key prefix at <tote-store> and at configure(), with zero requests and the key never echoed', async () => {
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    try {
      for (const key of REFUSED) {
        const store = await fixture<ToteStore>(html`<tote-store public-key=${key} api-base=${API_BASE}>
          <tote-products></tote-products><tote-cart-toggle></tote-cart-toggle><tote-buy-button product="gift-card"></tote-buy-button>
        </tote-store>`);
        await whenUsed('tote-buy-button');
        await store.updateComplete;
        const shown = store.shadowRoot!.querySelector('[part="config-error"]');
        expect(shown, `${key.slice(0, 6)}: no config error`).to.exist;
        expect(store.shop, `${key.slice(0, 6)}: a shop was made`).to.equal(undefined);
        expect(shown!.textContent!.toLowerCase()).not.to.include(SECRET.slice(0, 12));
        if (!key.startsWith('shoc_')) expect(shown!.textContent, JSON.stringify(key)).to.match(/revoke/i);
        expect(() => configure({ publicKey: key, apiBase: API_BASE }), key.slice(0, 6)).to.throw(ToteKeyError);
        try {
          configure({ publicKey: key, apiBase: API_BASE });
        } catch (error) {
          expect((error as Error).message.toLowerCase()).not.to.include(SECRET.slice(0, 12));
        }
        fixtureCleanup();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fetched, 'fetch calls').to.deep.equal([]);
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v3/'));
      expect(
        api.map((e) => e.name),
        'requests to the API',
      ).to.deep.equal([]);
      expect(logged.join('\n').toLowerCase()).not.to.include(SECRET.slice(0, 12));
    } finally {
      console.error = consoleError;
    }
  });

  it('accepts Shoprocket’s random pk_ form at <tote-store> (no set-up error, a shop is made)', async () => {
    const store = await fixture<ToteStore>(
      html`<tote-store public-key=${RANDOM_PK} api-base=${API_BASE}></tote-store>`,
    );
    await store.updateComplete;
    expect(store.shadowRoot!.querySelector('[part="config-error"]')).to.equal(null);
    expect(store.shop).to.exist;
  });

  it('requests only the configured API origin (catalogue, images, cart)', async () => {
    await freshStore();
    performance.clearResourceTimings();
    const store = await fixture<ToteStore>(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE}>
      <tote-cart-toggle></tote-cart-toggle><tote-products per-page="24" open="inline"></tote-products><tote-cart></tote-cart>
    </tote-store>`);
    const grid = store.querySelector<ToteProducts>('tote-products')!;
    await waitUntil(() => grid.shadowRoot!.querySelectorAll('[part="card"]').length === 24, 'no grid');
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[part="card"]')!.click();
    await waitUntil(
      () => grid.shadowRoot!.querySelector('tote-product')?.shadowRoot?.querySelector('[part="add-button"]'),
      'no product',
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // images start loading
    const entries = performance.getEntriesByType('resource').map((e) => new URL(e.name));
    const api = new URL(API_BASE).origin;
    const elsewhere = entries.filter((url) => url.origin !== api && url.origin !== location.origin);
    expect(elsewhere.map(String), 'requests to other origins').to.deep.equal([]);
    // The API origin here is the test server's: every widget request went under /v3 (or is a
    // module of the test itself).
    const widget = entries.filter((url) => url.pathname.startsWith('/v3/'));
    expect(widget.length).to.be.greaterThan(3);
    expect(
      fetched.every((url) => url.startsWith(API_BASE) || url.startsWith('/__control')),
      fetched.join(', '),
    ).to.equal(true);
  });
});
