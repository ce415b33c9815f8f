// The merchant's way in: one script tag with data attributes, elements scattered over a plain page.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import sinon from 'sinon';
import { API_BASE, DEMO_KEY, PL_KEY, freshStore } from '../helpers/reference-store.js';

const PIN = 'var_d43_01'; // Enamel Pin: one variant, unlimited
const PIN_PRODUCT = 'prod_d43';

function addScript(src: string, data: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
  document.head.append(script);
  return script;
}

const cards = (grid: Element) => grid.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0;

describe('the drop-in script', function () {
  this.timeout(20_000);
  before(() => freshStore());

  it('configures the page from its data attributes and brings scattered elements to life', async () => {
    // Plain page content, outside the test fixture, so it stays for the tests that follow.
    const page = document.createElement('div');
    page.innerHTML = `
      <header><tote-cart-toggle></tote-cart-toggle></header>
      <main><p>Some merchant content</p><tote-products per-page="6"></tote-products></main>`;
    document.body.append(page);
    addScript(new URL('/src/drop-in.ts', location.origin).href, {
      publicKey: DEMO_KEY,
      apiBase: API_BASE,
      locale: 'en-US',
    });
    const grid = page.querySelector('tote-products')!;
    await waitUntil(() => cards(grid) === 6, 'the grid shows six cards', { timeout: 10_000 });
    expect(window.Tote?.version).to.match(/^\d+\.\d+\.\d+/);
  });

  it('window.Tote: add by product or variant resolves once the server confirmed; get, on, open, close', async () => {
    const tote = window.Tote!;
    await tote.cart.open(); // the page has no <tote-cart>: Tote adds a drawer
    const cart = document.querySelector('tote-cart')!;
    await waitUntil(() => cart.shadowRoot?.querySelector('dialog[open]'), 'the drawer opens');
    const changes: unknown[] = [];
    const stop = tote.on('tote-cart-change', (detail) => changes.push(detail));
    const state = await tote.cart.add({ productId: PIN_PRODUCT, quantity: 2 });
    expect(state.server?.items.find((item) => item.variantId === PIN)?.quantity).to.equal(2);
    await tote.cart.add({ variantId: PIN });
    expect(tote.cart.get()?.server?.items.find((item) => item.variantId === PIN)?.quantity).to.equal(3);
    const toggle = document.querySelector('tote-cart-toggle')!;
    await waitUntil(
      () => toggle.shadowRoot?.querySelector('button')?.getAttribute('aria-label')?.includes('3'),
      'the badge follows',
    );
    await waitUntil(() => changes.length > 0, 'tote-cart-change reached the page');
    expect(changes.at(-1)).to.include({ itemCount: 3, currencyCode: 'USD' });
    stop();
    tote.cart.close();
    await waitUntil(() => !cart.shadowRoot?.querySelector('dialog[open]'), 'the drawer closes');
  });

  it('window.Tote refuses unclear requests with a clear error and changes nothing', async () => {
    const tote = window.Tote!;
    const before = tote.cart.get()?.itemCount;
    let error: unknown;
    try {
      await tote.cart.add({ productId: 'prod_d01' }); // Classic Tee: several variants
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/variants: pass the variantId/);
    error = undefined;
    try {
      await tote.cart.add({ variantId: PIN, quantity: -1 });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/whole number/);
    expect(tote.cart.get()?.itemCount).to.equal(before);
  });

  it('loading the script a second time is harmless and says so', async () => {
    const warn = sinon.stub(console, 'warn');
    const first = window.Tote;
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    addEventListener('error', onError);
    addScript(new URL('/src/drop-in.ts?copy=2', location.origin).href, { publicKey: PL_KEY });
    await waitUntil(() => warn.called, 'the second copy warns');
    removeEventListener('error', onError);
    warn.restore();
    expect(window.Tote).to.equal(first);
    expect(errors).to.deep.equal([]);
    expect(String(warn.firstCall.args[0])).to.match(/loaded again/);
  });

  it('a second shop on the same page, in its own <tote-store>, keeps its own cart and currency', async () => {
    const el = await fixture(html`
      <tote-store public-key=${PL_KEY} api-base=${API_BASE} locale="pl-PL"><tote-products per-page="3"></tote-products></tote-store>
    `);
    const grid = el.querySelector('tote-products')!;
    await waitUntil(() => cards(grid) === 3, 'the Polish grid shows three cards', { timeout: 10_000 });
    expect(grid.shadowRoot!.textContent).to.match(/zł/);
    expect(window.Tote!.cart.get()?.server?.currencyCode).to.equal('USD');
  });
});
