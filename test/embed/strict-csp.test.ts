// The drop-in on a page with a strict Content-Security-Policy (no inline script or style, no eval,
// only its own origin): the shop works, nothing is blocked, nothing is logged as an error.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { freshStore } from '../helpers/reference-store.js';

type FixtureWindow = Window & {
  cspViolations?: string[];
  Tote?: { cart: { add(request: { variantId: string }): Promise<unknown>; open(): Promise<void> } };
};

/** Opens a fixture page (by address, or as `srcdoc`) in a frame; records its errors and warnings. */
async function openFrame(page: { src: string } | { srcdoc: string }) {
  const frame = document.createElement('iframe');
  frame.style.inlineSize = '1000px';
  frame.style.blockSize = '800px';
  Object.assign(frame, page);
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as FixtureWindow & { console: Console };
  const errors: string[] = [];
  const warnings: string[] = [];
  win.addEventListener('error', (event) => errors.push(String(event.message)));
  win.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  const warn = win.console.warn;
  win.console.warn = (...args: unknown[]) => (warnings.push(args.join(' ')), warn.apply(win.console, args));
  return { frame, win, doc: frame.contentDocument!, errors, warnings };
}

describe('under a strict CSP', function () {
  this.timeout(20_000);

  it('renders the grid, adds to the cart and opens the drawer with no violation and no error', async () => {
    await freshStore();
    const { frame, win, doc, errors } = await openFrame({ src: '/test/fixtures/strict-csp.html' });
    const grid = doc.querySelector('tote-products')!;
    await waitUntil(() => (grid.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) === 4, 'four cards', {
      timeout: 10_000,
    });
    await waitUntil(() => grid.shadowRoot?.querySelector('input[type="search"], [part~="search"]'), 'the controls', {
      timeout: 5000,
    });
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

  // Trusted Types (issue 15, item 12): Lit's own policy (`lit-html`) and Tote's (`tote`, for the
  // sanitiser's parse and the JSON-LD) are all the page has to allow, as README says.
  it('renders a product with its sanitised description under require-trusted-types-for, no violation', async () => {
    await freshStore();
    const { frame, win, doc, errors, warnings } = await openFrame({ src: '/test/fixtures/trusted-types.html' });
    const product = doc.querySelector('tote-product')!;
    await waitUntil(() => product.shadowRoot?.querySelector('[part="description"]'), 'the description', {
      timeout: 10_000,
    });
    const description = product.shadowRoot!.querySelector('[part="description"]')!;
    expect([...description.querySelectorAll('li')].map((li) => li.textContent)).to.include('Pre-shrunk'); // markup kept
    expect(product.shadowRoot!.querySelector('h2[part="name"]')!.textContent!.trim()).to.equal('Classic Tee');
    await waitUntil(() => doc.querySelector('script[type="application/ld+json"]'), 'the structured data');
    expect(JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!)).to.include({
      '@type': 'Product',
      name: 'Classic Tee',
    });
    expect(win.cspViolations).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    frame.remove();
  });

  it('a page whose trusted-types refuses the policy still shows the product, without its description, and says why', async () => {
    await freshStore();
    const page = await (await fetch('/test/fixtures/trusted-types.html')).text();
    const refusing = page.replace('trusted-types lit-html tote', 'trusted-types lit-html');
    expect(refusing).not.to.equal(page);
    const { frame, doc, errors, warnings } = await openFrame({ srcdoc: refusing });
    const product = doc.querySelector('tote-product')!;
    await waitUntil(() => product.shadowRoot?.querySelector('h2[part="name"]'), 'the product', { timeout: 10_000 });
    await waitUntil(() => product.shadowRoot?.querySelector('[part="add-button"]'), 'the add button');
    expect(product.shadowRoot!.querySelector('[part="description"]')).to.equal(null);
    expect(errors).to.deep.equal([]);
    expect(warnings.join('\n')).to.match(/Trusted Types policy 'tote'/);
    frame.remove();
  });
});
