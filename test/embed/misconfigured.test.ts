// A page that gets the set-up wrong is told how to fix it, in place of the shop, and sends nothing.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import sinon from 'sinon';

const problemText = (el: Element) => el.shadowRoot?.querySelector('[part="config-error"]')?.textContent ?? '';
const apiRequests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/v3/'));

describe('a misconfigured page', function () {
  this.timeout(15_000);
  afterEach(() => sinon.restore());

  it('with no shop at all, says so after a moment instead of loading forever', async () => {
    const consoleError = sinon.stub(console, 'error');
    await import('../../src/define.js');
    const grid = await fixture(html`<tote-products></tote-products>`);
    expect(problemText(grid)).to.equal('');
    await waitUntil(() => problemText(grid).includes('No shop is set up'), 'the grid explains', { timeout: 5000 });
    expect(problemText(grid)).to.contain('public-key');
    expect(consoleError.called).to.equal(true);
    await expect(grid).to.be.accessible();
  });

  it('with no shop at all, an inline cart and a standalone checkout explain too (they loaded forever)', async () => {
    sinon.stub(console, 'error');
    await import('../../src/define.js');
    const page = await fixture(html`<div><tote-cart mode="inline"></tote-cart><tote-checkout></tote-checkout></div>`);
    const [cart, checkout] = [page.querySelector('tote-cart')!, page.querySelector('tote-checkout')!];
    await waitUntil(
      () => problemText(cart).includes('No shop is set up') && problemText(checkout).includes('No shop is set up'),
      'both explain',
      { timeout: 8000 },
    );
    await expect(page).to.be.accessible();
  });

  it('with a secret key on the script tag: refused, explained in place of the shop, zero requests', async () => {
    const consoleError = sinon.stub(console, 'error');
    const before = apiRequests().length;
    const page = await fixture(html`<div><tote-products></tote-products><tote-cart-toggle></tote-cart-toggle></div>`);
    const script = document.createElement('script');
    script.type = 'module';
    script.src = new URL('/src/drop-in.ts', location.origin).href;
    script.dataset.publicKey = 'sk_live_51Habcdefghijklmnopqrstuvwx9876';
    script.dataset.apiBase = `${location.origin}/v3`;
    document.head.append(script);
    const grid = page.querySelector('tote-products')!;
    const toggle = page.querySelector('tote-cart-toggle')!;
    await waitUntil(() => /secret/i.test(problemText(grid)) && /secret/i.test(problemText(toggle)), 'both explain');
    expect(problemText(grid)).to.match(/rotate/i);
    expect(problemText(grid)).not.to.contain('abcdefghijklmnop');
    expect(consoleError.calledWithMatch(/data-public-key/)).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(apiRequests().length).to.equal(before);
  });
});
