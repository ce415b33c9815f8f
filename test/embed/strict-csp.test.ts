// The drop-in on a page with a strict Content-Security-Policy (no inline script or style, no eval,
// only its own origin): the shop works, nothing is blocked, nothing is logged as an error.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { freshStore } from '../helpers/reference-store.js';

type FixtureWindow = Window & { cspViolations?: string[]; Tote?: { cart: { add(request: { variantId: string }): Promise<unknown>; open(): Promise<void> } } };

describe('under a strict CSP', function () {
  this.timeout(20_000);

  it('renders the grid, adds to the cart and opens the drawer with no violation and no error', async () => {
    await freshStore();
    const frame = document.createElement('iframe');
    frame.style.inlineSize = '1000px';
    frame.style.blockSize = '800px';
    frame.src = '/test/fixtures/strict-csp.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as FixtureWindow;
    const errors: string[] = [];
    win.addEventListener('error', (event) => errors.push(String(event.message)));
    const doc = frame.contentDocument!;
    const grid = doc.querySelector('tote-products')!;
    await waitUntil(() => (grid.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) === 4, 'four cards', { timeout: 10_000 });
    await waitUntil(() => grid.shadowRoot?.querySelector('input[type="search"], [part~="search"]'), 'the controls', { timeout: 5000 });
    // Styles really applied (adopted stylesheets are allowed where style="" and <style> are not).
    const card = grid.shadowRoot!.querySelector('[part~="card"]')!;
    expect(getComputedStyle(card).display).not.to.equal('inline');
    await win.Tote!.cart.add({ variantId: 'var_d43_01' });
    await win.Tote!.cart.open();
    const cart = doc.querySelector('tote-cart')!;
    await waitUntil(() => cart.shadowRoot?.querySelector('dialog[open]'), 'the drawer opens', { timeout: 5000 });
    expect(win.cspViolations).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    frame.remove();
  });
});
