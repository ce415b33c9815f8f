// A page downloads the words of its own language only: the grid's English ships in the first-paint
// script, the rest of English (src/i18n/en.ts) is a language file like pl.ts, and the elements
// that load lazily wait for their words, so a shopper never sees a message key.
// The tests run in order in one page: a language file, once loaded, stays for the page.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';

/** Module files of a language that this page has fetched (the test runner serves src/ as is). */
const fetched = (language: string) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => new RegExp(`/src/i18n/${language}\\.(js|ts)\\b`).test(name));

const KEY = /\b(?:product|cart|checkout|stock|step|field|receipt|discount|line|rejection)\.[a-z][\w.-]*/g;

/**
 * Records every message key that ever shows in `el`'s shadow root, as text or as an accessible
 * name, from its first render on (a MutationObserver sees each render before the next one).
 */
function keysShownIn(el: HTMLElement): string[] {
  const shown: string[] = [];
  const check = () => {
    const root = el.shadowRoot!;
    const names = [...root.querySelectorAll('[aria-label], [placeholder]')].map(
      (node) => `${node.getAttribute('aria-label')} ${node.getAttribute('placeholder')}`,
    );
    const visible = [...root.querySelectorAll('script')].reduce(
      (text, script) => text.replace(script.textContent ?? '', ''),
      root.textContent ?? '',
    );
    shown.push(...(`${visible} ${names.join(' ')}`.match(KEY) ?? []));
  };
  check(); // a render may come before the observer
  new MutationObserver(check).observe(el.shadowRoot!, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  });
  return shown;
}

/**
 * Puts `tag` in `store` and starts watching it for keys as soon as it is defined (it loads on first
 * use), before its first render: that render waits for the language file, a download away.
 */
async function place(
  store: Element,
  tag: 'tote-product' | 'tote-cart',
  attributes: Record<string, string>,
): Promise<{ el: HTMLElement; keys: string[] }> {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  store.append(el);
  await customElements.whenDefined(tag);
  return { el, keys: keysShownIn(el) };
}

describe('language files', function () {
  this.timeout(20_000);
  before(() => freshStore());

  it('an English grid with its cart button loads no language file', async () => {
    const store = await fixture(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE}>
      <tote-cart-toggle></tote-cart-toggle><tote-products per-page="4" controls="search sort"></tote-products>
    </tote-store>`);
    const grid = store.querySelector('tote-products')!;
    await waitUntil(
      () => grid.shadowRoot?.querySelector('input[type="search"]') && grid.shadowRoot.querySelector('[part~="card"]'),
      'grid and controls',
    );
    expect(grid.shadowRoot!.textContent).to.contain('Sort');
    expect(fetched('en'), 'the rest of English').to.deep.equal([]);
  });

  it('a Polish product view and cart show Polish from their first render and never load English', async () => {
    const store = await fixture(
      html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE} locale="pl"></tote-store>`,
    );
    const product = await place(store, 'tote-product', { product: 'enamel-pin' });
    const cart = await place(store, 'tote-cart', { mode: 'inline' });
    await waitUntil(
      () => product.el.shadowRoot?.querySelector('h2') && cart.el.shadowRoot?.textContent?.includes('Twój koszyk'),
      'product and cart',
      { timeout: 8000 },
    );
    expect(product.el.shadowRoot!.textContent).to.contain('Ilość');
    expect(product.keys, 'keys shown by the product').to.deep.equal([]);
    expect(cart.keys, 'keys shown by the cart').to.deep.equal([]);
    expect(fetched('pl')).to.have.length(1);
    expect(fetched('en'), 'the rest of English').to.deep.equal([]);
  });

  it('an English product view and cart wait for the rest of English, loaded once', async () => {
    const store = await fixture(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE}></tote-store>`);
    // The cart first this time, so that its wait is the one that meets the download.
    const cart = await place(store, 'tote-cart', { mode: 'inline' });
    const product = await place(store, 'tote-product', { product: 'enamel-pin' });
    await waitUntil(
      () => product.el.shadowRoot?.querySelector('h2') && cart.el.shadowRoot?.textContent?.includes('Your cart'),
      'product and cart',
      { timeout: 8000 },
    );
    expect(product.el.shadowRoot!.textContent).to.contain('Quantity');
    expect(product.keys, 'keys shown by the product').to.deep.equal([]);
    expect(cart.keys, 'keys shown by the cart').to.deep.equal([]);
    expect(fetched('en')).to.have.length(1);
  });
});
