// Hostile and malformed data from the API (issue 10). The catalogue is the merchant's — or an
// attacker's who got into the merchant's admin — so names, descriptions, image URLs and option
// values must render as inert text, whole; and answers that are not what the contract says must
// end in a visible error state, never an uncaught exception or an empty box.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { ToteCart, ToteProduct, ToteProducts, ToteStore } from '../../src/index.js';
import { whenUsed } from '../../src/dom/lazy-define.js';
import '../../src/define.js';
import { API_BASE, DEMO_KEY } from '../helpers/reference-store.js';
import { deepElements, deepText, fakeApi, watchErrors, type FakeApi } from './fake-api.js';
import { returningVisitor } from '../helpers/returning-visitor.js';

declare global {
  interface Window {
    __pwned?: string;
  }
}

const PWN = (tag: string) => `window.__pwned='${tag}'`;
const LONG = 'Ш'.repeat(3000) + 'end-of-long-name';
const NAME = `<img src=x onerror="${PWN('name')}"><script>${PWN('name-script')}</script> \u202Egnp.exe\u202C 🛒👩🏽‍💻 "quoted" & ${LONG}`;
const OPTION = `"><svg onload="${PWN('option')}">`;
const DESCRIPTION = `<p>Fine print</p><script>${PWN('desc-script')}</script><img src="x" onerror="${PWN('desc-img')}">
  <a href="javascript:${PWN('desc-link')}">click</a><iframe src="javascript:${PWN('desc-iframe')}"></iframe>
  <svg><a xlink:href="javascript:${PWN('svg')}"><text>t</text></a></svg><form action="javascript:${PWN('form')}"><button>go</button></form>`;

/**
 * Swatch "colours" that are not colours: a tracking pixel, a declaration smuggled after a `;`, and
 * a `var()` whose fallback is a tracker (`CSS.supports('color', …)` accepts any `var()`); then a
 * real colour in the numeric `rgb()` grammar, which stays a swatch.
 */
const SWATCHES = [
  'url(https://tracker.invalid/pixel.png)',
  'red;background-image:url(https://tracker.invalid/b.png)',
  'var(--tote-x, url(https://tracker.invalid/v.png))',
  'rgb(10 20 30 / 50%)',
];

let seed: { product: Record<string, unknown>; store: Record<string, unknown> };

/** A real product from the reference store, made hostile. */
function hostileProduct(): Record<string, unknown> {
  const product = structuredClone(seed.product) as {
    id: string;
    name: string;
    summary: string;
    description: string;
    images: { url: string; urls?: Record<string, string>; alt: string }[];
    options: { name: string; values: { value: string; color: string | null }[] }[];
    variants: { optionValues: { optionName: string; value: string }[]; sellableQuantity: number | null }[];
  };
  product.name = NAME;
  product.summary = NAME;
  product.description = DESCRIPTION;
  product.images = product.images.map((image, i) => ({
    ...image,
    url: i === 0 ? `javascript:${PWN('img')}` : `" onerror="${PWN('img-attr')}`,
    urls:
      i === 0
        ? {
            thumb: `javascript:${PWN('thumb')}`,
            card: `javascript:${PWN('card')}`,
            card2x: 'data:text/html,<script>parent.__pwned=1</script>',
            gallery: `javascript:${PWN('g')}`,
            gallery2x: `javascript:${PWN('g2')}`,
          }
        : undefined,
    alt: `" onmouseover="${PWN('alt')}`,
  }));
  product.options = product.options.map((option) => ({
    ...option,
    name: `${option.name} <b onclick="${PWN('optname')}">`,
    values: option.values.map((v, i) => ({
      ...v,
      value: `${v.value} ${OPTION}`,
      color: v.color && (SWATCHES[i] ?? v.color),
    })),
  }));
  product.variants = product.variants.map((variant) => ({
    ...variant,
    sellableQuantity: null,
    optionValues: variant.optionValues.map((o) => ({
      ...o,
      optionName: `${o.optionName} <b onclick="${PWN('optname')}">`,
      value: `${o.value} ${OPTION}`,
    })),
  }));
  return product;
}

function cartWith(product: Record<string, unknown>) {
  const variant = (product.variants as { id: string; price: number }[])[0]!;
  return {
    id: 'cart_h',
    currencyCode: 'USD',
    email: null,
    shippingAddress: null,
    billingAddress: null,
    shippingRateId: null,
    shippingMethodName: null,
    discounts: [
      { id: 'd1', code: `<script>${PWN('code')}</script>`, name: NAME.slice(0, 200), amount: 100, automatic: false },
    ],
    discountCode: null,
    discountError: null,
    requiresShipping: true,
    expiresAt: '2099-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    items: [
      {
        id: 'item_1',
        productId: product.id,
        variantId: variant.id,
        name: NAME,
        variantName: OPTION,
        sku: `<i>${OPTION}</i>`,
        unitPrice: variant.price,
        quantity: 2,
        subtotal: variant.price * 2,
        imageUrl: `javascript:${PWN('line-img')}`,
      },
    ],
    totals: {
      subtotal: variant.price * 2,
      discountTotal: 100,
      taxTotal: 0,
      shippingTotal: 0,
      total: variant.price * 2 - 100,
      amountDue: variant.price * 2 - 100,
    },
    itemCount: 2,
  };
}

/** No script ran, nothing clickable leads to `javascript:`, no event-handler attribute, no script element. */
function expectInert(root: Element) {
  const elements = deepElements(root);
  for (const el of elements) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      expect(attr.startsWith('on'), `<${el.localName} ${attr}="${value.slice(0, 40)}">`).to.equal(false);
      // Navigations and embeds. (An <img src="javascript:…"> is inert in every browser Tote supports,
      // and the script canary below would catch it anyway.)
      if (/^(href|action|formaction|xlink:href|data)$/.test(attr) || (attr === 'src' && el.localName !== 'img')) {
        expect(
          /^\s*(javascript|data:text\/html|vbscript):/i.test(value),
          `<${el.localName} ${attr}="${value.slice(0, 60)}">`,
        ).to.equal(false);
      }
    }
    if (el.localName === 'script' && el.getAttribute('type') === 'application/ld+json') {
      expect(() => JSON.parse(el.textContent ?? ''), 'structured data is JSON').not.to.throw(); // data, never run
      continue;
    }
    expect(
      ['script', 'iframe', 'object', 'embed'],
      `a <${el.localName}> was rendered in <${(el.getRootNode() as ShadowRoot).host?.localName}>: ${el.outerHTML.slice(0, 80)}`,
    ).not.to.include(el.localName);
  }
  expect(window.__pwned, 'a script from the catalogue ran').to.equal(undefined);
}

describe('security: hostile and malformed catalogue data', function () {
  this.timeout(20_000);
  let api: FakeApi | undefined;
  let watch: ReturnType<typeof watchErrors>;

  before(async () => {
    const [product, store] = await Promise.all([
      fetch(`${API_BASE}/public/${DEMO_KEY}/products/classic-tee`).then((r) => r.json()),
      fetch(`${API_BASE}/public/${DEMO_KEY}`).then((r) => r.json()),
    ]);
    seed = { product: product.data, store: store.data };
  });
  beforeEach(() => {
    delete window.__pwned;
    watch = watchErrors();
  });
  afterEach(() => {
    watch.stop();
    api?.restore();
    api = undefined;
    fixtureCleanup();
  });

  it('renders hostile names, descriptions, image URLs and option values as inert, intact text in the grid, the product and the cart', async () => {
    const product = hostileProduct();
    const cart = cartWith(product);
    api = fakeApi((method, path) => {
      if (path === '/') return { data: seed.store };
      if (path === '/products')
        return {
          data: [product],
          meta: { page: 1, perPage: 12, total: 1, totalPages: 1, currency: 'USD', priceMin: 0, priceMax: 0 },
        };
      if (path.startsWith('/products/')) return { data: product };
      if (path === '/categories') return { data: [], meta: { page: 1, perPage: 100, total: 0, totalPages: 0 } };
      if (path === '/cart' && method === 'GET') return { data: cart };
      return undefined;
    });
    await returningVisitor('pk_test_hostile', api.apiBase); // the hostile cart is the visitor's
    const root =
      await fixture<ToteStore>(html`<tote-store public-key="pk_test_hostile" api-base=${api.apiBase} locale="en-US">
      <tote-products open="inline"></tote-products>
      <tote-product product=${String(product.id)}></tote-product>
      <tote-cart mode="inline"></tote-cart>
    </tote-store>`);
    await Promise.all([whenUsed('tote-product'), whenUsed('tote-cart')]);
    const grid = root.querySelector<ToteProducts>('tote-products')!;
    const detail = root.querySelector<ToteProduct>('tote-product')!;
    const cartEl = root.querySelector<ToteCart>('tote-cart')!;
    await waitUntil(() => grid.shadowRoot!.querySelector('[part="name"]'), 'no card');
    await waitUntil(() => detail.shadowRoot!.querySelector('h2[part="name"]'), 'no product');
    await waitUntil(() => cartEl.shadowRoot!.querySelector('[part="line"]'), 'no cart line');
    await new Promise((resolve) => setTimeout(resolve, 150)); // give an injected handler its chance

    // Intact: the whole name, markup and control characters included, as text.
    expect(grid.shadowRoot!.querySelector('[part="name"]')!.textContent!.trim()).to.equal(NAME);
    expect(detail.shadowRoot!.querySelector('h2[part="name"]')!.textContent!.trim()).to.equal(NAME);
    expect(deepText(cartEl)).to.include(NAME);
    expect(deepText(detail)).to.include(OPTION.trim());
    expect(deepText(detail)).to.include('Fine print');
    // Swatches that are not colours are drawn as chips with their names, and fetch nothing.
    const colours = [...detail.shadowRoot!.querySelectorAll('fieldset')].find((set) => set.querySelector('.swatch'))!;
    expect(
      [...colours.querySelectorAll('[part="value"]')].slice(0, 4).map((label) => label.classList.contains('swatch')),
    ).to.deep.equal([false, false, false, true]);
    expect(
      performance.getEntriesByType('resource').filter((entry) => entry.name.includes('tracker.invalid')),
    ).to.deep.equal([]);
    expectInert(root);
    // Product opened from the grid (inline) is inert too.
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[part="card"]')!.click();
    await waitUntil(
      () => grid.shadowRoot!.querySelector('tote-product')?.shadowRoot?.querySelector('h2'),
      'inline product did not open',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expectInert(root);
    expect(watch.errors).to.deep.equal([]);
  });

  // Intl.NumberFormat throws a RangeError for a currency that is not a code: a throw mid-render
  // froze the grid on "Loading…" (issue 15, item 10). Prices show without a currency instead.
  it('a list whose meta.currency is not a currency code still shows its cards and prices', async () => {
    for (const currency of ['XX', '', 42, 'US DOLLAR', null]) {
      api = fakeApi((method, path) => {
        if (path === '/') return { data: { ...seed.store, currency } };
        if (path === '/products')
          return { data: [seed.product], meta: { page: 1, perPage: 12, total: 1, totalPages: 1, currency } };
        if (path === '/categories') return { data: [], meta: { page: 1, perPage: 100, total: 0, totalPages: 0 } };
        return undefined;
      });
      const root =
        await fixture<ToteStore>(html`<tote-store public-key="pk_test_hostile" api-base=${api.apiBase} locale="en-US">
        <tote-products></tote-products>
      </tote-store>`);
      const grid = root.querySelector<ToteProducts>('tote-products')!;
      await waitUntil(
        () => grid.shadowRoot!.querySelector('[part="card"] [part="price"]'),
        `no price for currency ${JSON.stringify(currency)}`,
      );
      expect(grid.shadowRoot!.querySelector('[part="card"] [part="price"]')!.textContent).to.match(/(¤|XXX)\s?28\.00/);
      api.restore();
      fixtureCleanup();
    }
    expect(watch.errors).to.deep.equal([]);
  });

  // Answers that break the contract: each must end in the element's error state.
  const html502 = {
    status: 502,
    type: 'text/html',
    body: '<!doctype html><html><body><h1>502 Bad Gateway</h1><script>window.__pwned="502"</script></body></html>',
  };
  const cases: [string, () => unknown][] = [
    ['an HTML error page', () => html502],
    [
      'an HTML page with status 200',
      () => ({ status: 200, type: 'text/html', body: '<html><body>Maintenance</body></html>' }),
    ],
    ['truncated JSON', () => ({ status: 200, body: '{"data": [{"id": "prod_1", "name": "Mu' })],
    ['wrong types', () => ({ data: 'not a list', meta: 'nope' })],
    ['missing fields', () => ({ data: [{ id: 'prod_1' }], meta: { page: 1 } })],
    [
      'items of the wrong type',
      () => ({
        data: [{ id: 5, name: null, images: 'x', variants: {}, options: 7 }],
        meta: { page: 1, perPage: 12, total: 1, totalPages: 1, currency: 'USD' },
      }),
    ],
  ];

  for (const [label, reply] of cases) {
    it(`shows an error state, not an exception, when the API sends ${label}`, async () => {
      api = fakeApi((method, path) => {
        if (path === '/') return { data: seed.store };
        if (path === '/products' || path.startsWith('/products/')) {
          const r = reply() as { data?: unknown };
          // A single product in place of a list, for <tote-product>.
          return path === '/products' || !Array.isArray(r.data) ? (r as never) : ({ ...r, data: r.data[0] } as never);
        }
        if (path === '/cart') return reply() as never;
        return undefined;
      });
      await returningVisitor('pk_test_hostile', api.apiBase); // a cart to read: the visitor has one
      const root =
        await fixture<ToteStore>(html`<tote-store public-key="pk_test_hostile" api-base=${api.apiBase} locale="en-US">
        <tote-products></tote-products>
        <tote-product product="prod_1"></tote-product>
        <tote-cart mode="inline"></tote-cart>
      </tote-store>`);
      await Promise.all([whenUsed('tote-product'), whenUsed('tote-cart')]);
      const grid = root.querySelector<ToteProducts>('tote-products')!;
      const detail = root.querySelector<ToteProduct>('tote-product')!;
      const cartEl = root.querySelector<ToteCart>('tote-cart')!;
      await waitUntil(
        () => grid.shadowRoot!.querySelector('[part="error"]'),
        `<tote-products> shows no error for ${label}`,
        { timeout: 8000 },
      );
      await waitUntil(
        () => detail.shadowRoot!.querySelector('[part="error"]'),
        `<tote-product> shows no error for ${label}`,
        { timeout: 8000 },
      );
      // The cart says it could not be read (not "empty") and offers to try again.
      await waitUntil(() => root.shop?.cart.state.error, `the cart engine reports no error for ${label}`, {
        timeout: 8000,
      });
      await waitUntil(
        () => cartEl.shadowRoot!.querySelector('[part="error"] button'),
        `<tote-cart> shows no error for ${label}`,
        { timeout: 8000 },
      );
      expect(deepText(cartEl)).to.contain('could not be loaded');
      expect(grid.shadowRoot!.querySelector('[part="error"] button'), 'a retry button').to.exist;
      expectInert(root);
      await expect(grid).to.be.accessible();
      await expect(detail).to.be.accessible();
      expect(watch.errors).to.deep.equal([]);
    });
  }
});
