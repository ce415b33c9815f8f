// The demo page's pure parts: the embed-snippet generator, the config's URL form, the themes and
// the lab's fault string. No server, no page: fast.
import { expect } from '@open-wc/testing';
import { DEFAULT_CONFIG, fromQuery, normalize, toQuery, type DemoConfig } from '../../demo/page/config.js';
import { faultString } from '../../demo/page/lab.js';
import { CDN_SRC, embedSnippet, snippetApiBase, snippetElements, TOTE_VERSION } from '../../demo/page/snippet.js';
import { contrast, onAccent, THEMES, themeOf, themeTokens } from '../../demo/page/themes.js';

const config = (change: Partial<DemoConfig> = {}): DemoConfig => normalize({ ...DEFAULT_CONFIG, ...change });
const ORIGIN = 'http://127.0.0.1:5173';

describe('embedSnippet', () => {
  it('prints the drop-in script with the key, an absolute API base and the CDN address', () => {
    const { script, text, keyError, publicKey } = embedSnippet(config(), { origin: ORIGIN });
    expect(keyError).to.equal(null);
    expect(publicKey).to.equal('pk_test_tote_demo');
    expect(script).to.match(/^<script type="module"/);
    expect(script).to.contain(`src="${CDN_SRC}"`);
    expect(script).to.contain('data-public-key="pk_test_tote_demo"');
    expect(script).to.contain(`data-api-base="${ORIGIN}/v3"`);
    expect(script).not.to.contain('data-locale'); // English is the default
    expect(text).to.contain(script);
    expect(CDN_SRC).to.contain(`tote@${TOTE_VERSION}/tote.js`);
  });

  it('parses as HTML into exactly what it says', () => {
    const template = document.createElement('template');
    template.innerHTML = embedSnippet(config({ language: 'de' }), { origin: ORIGIN }).text;
    const script = template.content.querySelector('script')!;
    expect(script.type).to.equal('module');
    expect(script.dataset.publicKey).to.equal('pk_test_tote_demo');
    expect(script.dataset.apiBase).to.equal(`${ORIGIN}/v3`);
    expect(script.dataset.locale).to.equal('de');
    expect(
      [...template.content.querySelectorAll('*')].map((el) => el.localName).filter((n) => n.startsWith('tote-')),
    ).to.deep.equal(['tote-cart-toggle', 'tote-products', 'tote-cart']);
    expect(template.content.querySelector('style')!.textContent).to.contain('--tote-accent: #1d4ed8;');
  });

  it('leaves the API base out when it is the production API', () => {
    expect(embedSnippet(config({ apiBase: 'https://api.shoprocket.io/v3/' })).script).not.to.contain('data-api-base');
    expect(snippetApiBase('https://api.shoprocket.io/v3')).to.equal(undefined);
    expect(snippetApiBase('https://shop.example/api/', ORIGIN)).to.equal('https://shop.example/api');
    expect(snippetApiBase('javascript:alert(1)')).to.equal(undefined);
  });

  it('never prints a secret key: a placeholder and the refusal instead', () => {
    const secret = 'sk_live_4f9a8b7c6d5e4f3a2b1c9876';
    const { text, keyError, publicKey } = embedSnippet(config({ publicKey: secret }));
    expect(keyError?.kind).to.equal('secret');
    expect(keyError?.message).to.match(/rotate/i);
    expect(keyError?.message).not.to.contain(secret);
    expect(text).not.to.contain(secret);
    expect(text).not.to.contain('4f9a8b7c');
    expect(publicKey).to.equal('pk_live_YOUR_PUBLISHABLE_KEY');
    expect(text).to.contain('Replace the placeholder');
    for (const key of ['shx_abcdef0123456789', 'shpat_abcdef0123456789']) {
      expect(embedSnippet(config({ publicKey: key })).keyError?.kind).to.equal('secret');
    }
    expect(embedSnippet(config({ publicKey: 'hello' })).keyError?.kind).to.equal('unknown');
    expect(embedSnippet(config({ publicKey: '' })).keyError?.kind).to.equal('missing');
  });

  it('prints integrity and crossorigin when a version is pinned, else a comment about them', () => {
    const pinned = embedSnippet(config(), { integrity: 'sha384-abc' });
    expect(pinned.script).to.contain('integrity="sha384-abc"');
    expect(pinned.script).to.contain('crossorigin="anonymous"');
    expect(pinned.text).not.to.contain('Pinned version?');
    const plain = embedSnippet(config());
    expect(plain.script).not.to.contain('integrity=');
    expect(plain.text).to.contain('<!-- Pinned version? Add integrity="sha384-…" crossorigin="anonymous"');
  });

  it('takes the script address it is given (the dev server’s source, in tests)', () => {
    expect(embedSnippet(config(), { scriptSrc: '/src/drop-in.ts' }).script).to.contain('src="/src/drop-in.ts"');
  });

  it('escapes every attribute value', () => {
    const { text } = embedSnippet(config({ apiBase: 'https://x.example/"><script>alert(1)</script>' }));
    expect(text).not.to.contain('"><script>');
    expect(text).to.contain('%22%3E%3Cscript%3E'); // the URL parser already encodes; the escaper is the backstop
  });

  it('says the elements the config shows, with their layout attributes', () => {
    expect(snippetElements(config())).to.equal(
      [
        '<tote-cart-toggle></tote-cart-toggle>',
        '<tote-products columns="3" controls="search category sort"></tote-products>',
        '<tote-cart mode="drawer"></tote-cart>',
      ].join('\n'),
    );
    const other = config({
      columns: 2,
      controls: false,
      cartPosition: 'bottom-left',
      cartMode: 'inline',
      show: { products: true, buyButton: true, cartToggle: true, cart: true, account: false, reviews: false },
      scheme: 'dark',
    });
    expect(snippetElements(other)).to.equal(
      [
        '<tote-products columns="2" color-scheme="dark"></tote-products>',
        '<tote-buy-button product="gift-card" color-scheme="dark"></tote-buy-button>',
        '<tote-cart mode="inline" color-scheme="dark"></tote-cart>',
        '<tote-cart-toggle position="bottom-left" color-scheme="dark"></tote-cart-toggle>',
      ].join('\n'),
    );
    const none = config({
      show: { products: false, buyButton: false, cartToggle: false, cart: false, account: false, reviews: false },
    });
    expect(embedSnippet(none).text).to.contain('(no elements chosen)');
  });

  it('offers the grid’s price range, page size, count and quick add, off by default, and keeps them in the preview’s URL', () => {
    expect(snippetElements(config())).not.to.match(/price|quick-add/);
    const more = config({ filters: true, quickAdd: true });
    expect(snippetElements(more).split('\n')[1]).to.equal(
      '<tote-products columns="3" controls="search category sort price per-page count" quick-add></tote-products>',
    );
    expect(snippetElements(config({ controls: false, filters: true })).split('\n')[1]).to.equal(
      '<tote-products columns="3" controls="price per-page count"></tote-products>',
    );
    const back = fromQuery(toQuery(more));
    expect([back.filters, back.quickAdd]).to.deep.equal([true, true]);
    expect([fromQuery('').filters, fromQuery('quick=yes').quickAdd]).to.deep.equal([false, false]);
    const template = document.createElement('template');
    template.innerHTML = embedSnippet(more).elements;
    expect(template.content.querySelector('tote-products')!.hasAttribute('quick-add')).to.equal(true);
  });

  it('adds the account element and a product’s reviews, off by default', () => {
    expect(snippetElements(config())).not.to.match(/tote-account|tote-reviews/);
    const both = config({
      show: { ...DEFAULT_CONFIG.show, account: true, reviews: true },
      reviewsProduct: 'chefs-knife',
      scheme: 'light',
    });
    expect(snippetElements(both).split('\n')).to.deep.equal([
      '<tote-cart-toggle color-scheme="light"></tote-cart-toggle>',
      '<tote-products columns="3" controls="search category sort" color-scheme="light"></tote-products>',
      '<tote-reviews product="chefs-knife" color-scheme="light"></tote-reviews>',
      '<tote-account color-scheme="light"></tote-account>',
      '<tote-cart mode="drawer" color-scheme="light"></tote-cart>',
    ]);
    const template = document.createElement('template');
    template.innerHTML = embedSnippet(both).elements;
    expect(template.content.querySelector('tote-reviews')!.getAttribute('product')).to.equal('chefs-knife');
  });

  it('reminds right-to-left languages to set dir', () => {
    expect(embedSnippet(config({ language: 'ar' })).text).to.contain('dir="rtl"');
    expect(embedSnippet(config({ language: 'ar' })).script).to.contain('data-locale="ar"');
    expect(embedSnippet(config({ language: 'pl' })).text).not.to.contain('dir="rtl"');
  });

  it('uses the version in package.json', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(TOTE_VERSION).to.equal(pkg.version);
  });
});

describe('the configurator’s state', () => {
  it('survives its URL form', () => {
    const c = config({
      publicKey: 'pk_test_tote_pl',
      columns: 4,
      accent: '#7e1d4f',
      radius: 0,
      font: 'serif',
      scheme: 'light',
      language: 'ar',
      cartMode: 'inline',
      show: { ...DEFAULT_CONFIG.show, buyButton: true, account: true, reviews: true },
      reviewsProduct: 'wool-throw',
    });
    expect(fromQuery(toQuery(c))).to.deep.equal(c);
    expect(fromQuery(toQuery(DEFAULT_CONFIG))).to.deep.equal(DEFAULT_CONFIG);
  });

  it('falls back to defaults for anything malformed', () => {
    const c = fromQuery(
      'cols=9&accent=red&radius=999&font=comic&scheme=neon&lang=xx&pos=middle&buy=%3Cimg%3E&reviews=a%22b',
    );
    expect(c.columns).to.equal(3);
    expect(c.accent).to.equal('#1d4ed8');
    expect(c.radius).to.equal(24);
    expect(c.font).to.equal('system');
    expect(c.scheme).to.equal('auto');
    expect(c.language).to.equal('en');
    expect(c.cartPosition).to.equal('header');
    expect(c.buyProduct).to.equal('gift-card');
    expect(c.reviewsProduct).to.equal('classic-tee');
  });
});

describe('themes', () => {
  it('has three ready-made themes, each recognised from its tokens', () => {
    expect(THEMES).to.have.length(3);
    for (const theme of THEMES) expect(themeOf(config(theme.tokens))?.id).to.equal(theme.id);
    expect(themeOf(config({ accent: '#123456' }))).to.equal(undefined);
  });

  it('picks readable text for any accent colour (WCAG AA, 4.5:1)', () => {
    for (const accent of ['#1d4ed8', '#2dd4bf', '#ffff00', '#7e1d4f', '#777777', '#000000', '#ffffff']) {
      expect(contrast(accent, onAccent(accent)), accent).to.be.at.least(4.5);
    }
    expect(onAccent('#2dd4bf')).to.equal('#000000');
    expect(onAccent('#1d4ed8')).to.equal('#ffffff');
  });

  it('turns a config into --tote-* custom properties', () => {
    expect(Object.fromEntries(themeTokens(config({ accent: '#2dd4bf', radius: 18, font: 'serif' })))).to.deep.equal({
      '--tote-accent': '#2dd4bf',
      '--tote-on-accent': '#000000',
      '--tote-radius': '18px',
      '--tote-font': 'Georgia, "Times New Roman", serif',
    });
  });
});

describe('the lab’s fault switches', () => {
  it('become the reference store’s TOTE_FAULTS syntax', () => {
    expect(faultString(new Set())).to.equal(null);
    expect(faultString(new Set(['latency', 'error5xx', 'lost', 'offline']))).to.equal(
      'latency=300-1500,error5xx=0.25,lost=0.15,drop=1',
    );
    expect(faultString(new Set(['limits']))).to.equal(null); // limits go through `limits`, not faults
  });
});
