// What every element gets from ToteElement: the set-up problem's box in place of its content (a
// page with no shop, a refused key), the theme's styles before its own, the `theme` attribute.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
// The lazily loaded elements are defined at once here, so the test needs no network for them.
import '../../../src/components/product/define.js';
import '../../../src/components/buy-button/define.js';
import '../../../src/components/cart/define.js';
import '../../../src/components/checkout/define.js';
import '../../../src/components/account/define.js';
import '../../../src/components/reviews/define.js';
import '../../../src/components/categories/define.js';
import '../../../src/define.js';
import { configureFromScript } from '../../../src/embed/script-config.js';
import type { LitElement } from 'lit';

const SHOP_ELEMENTS = [
  'tote-products',
  'tote-product',
  'tote-buy-button',
  'tote-cart-toggle',
  'tote-cart',
  'tote-checkout',
  'tote-account',
  'tote-reviews',
  'tote-categories',
] as const;
const box = (el: Element) => el.shadowRoot?.querySelector<HTMLElement>('[part="config-error"]') ?? null;
const updated = (elements: Element[]) => Promise.all(elements.map((el) => (el as LitElement).updateComplete));

/** The elements that look for a shop, outside any store, and a `<tote-store>` with `key`. */
async function page(key?: string): Promise<Element[]> {
  const root = await fixture(html`<div>
    <tote-store public-key=${key ?? ''}></tote-store>
    <tote-products></tote-products>
    <tote-product product="classic-tee"></tote-product>
    <tote-buy-button product="classic-tee"></tote-buy-button>
    <tote-cart-toggle></tote-cart-toggle>
    <tote-cart mode="inline"></tote-cart>
    <tote-checkout></tote-checkout>
    <tote-account></tote-account>
    <tote-reviews product="classic-tee"></tote-reviews>
    <tote-categories></tote-categories>
  </div>`);
  const elements = [...root.children];
  expect(elements.map((el) => el.localName)).to.deep.equal(['tote-store', ...SHOP_ELEMENTS]);
  await updated(elements);
  return elements;
}

describe('ToteElement: every element', () => {
  afterEach(() => sinon.restore());

  it('explains a page with no shop at all, 3 s after it appeared, in the same box', async () => {
    const consoleError = sinon.stub(console, 'error');
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const [store, ...elements] = await page();
    // The store knows at once that it has no key; the others wait a moment for a shop to be configured.
    expect(box(store!)?.textContent).to.contain('This shop has no key');
    for (const el of elements) expect(box(el), `<${el.localName}> before 3 s`).to.equal(null);
    clock.tick(2999);
    await updated(elements);
    for (const el of elements) expect(box(el), `<${el.localName}> at 2999 ms`).to.equal(null);
    clock.tick(1);
    await updated(elements);
    for (const el of [store!, ...elements]) {
      const problem = box(el);
      expect(problem, `<${el.localName}> explains`).not.to.equal(null);
      expect(problem!.getAttribute('role')).to.equal('alert');
      expect(problem!.classList.contains('config-error')).to.equal(true);
      // The box's styles come with the base class: a dashed border in every element.
      expect(getComputedStyle(problem!).borderTopStyle, `<${el.localName}> box style`).to.equal('dashed');
    }
    for (const el of elements) {
      expect(box(el)!.textContent, el.localName).to.contain('No shop is set up');
      expect(box(el)!.textContent, el.localName).to.contain('public-key');
      expect(
        consoleError.calledWithMatch(`<${el.localName}>: No shop is set up`),
        `console names <${el.localName}>`,
      ).to.equal(true);
    }
    clock.restore(); // axe runs on timers
    await expect(store!.parentElement!).to.be.accessible();
  });

  it('puts the theme before its own styles (not the store: the page content inside keeps its look) and takes theme="dark"', async () => {
    sinon.stub(console, 'error');
    const [store, ...elements] = await page();
    expect(getComputedStyle(store!).getPropertyValue('--_surface')).to.equal('');
    // The host's text colour is the theme's --_text, resolved by the host's colour scheme.
    const scheme = (el: Element) => [getComputedStyle(el).color, getComputedStyle(el).colorScheme];
    for (const el of elements) {
      (el as LitElement & { theme?: string }).theme = 'dark';
      await (el as LitElement).updateComplete;
      expect(el.getAttribute('theme'), `<${el.localName}> reflects theme`).to.equal('dark');
      expect(scheme(el), el.localName).to.deep.equal(['rgb(244, 244, 245)', 'dark']);
      el.setAttribute('theme', 'light');
      expect(scheme(el), el.localName).to.deep.equal(['rgb(28, 28, 28)', 'light']);
    }
  });

  describe('without a theme, the scheme of the page it sits on', () => {
    afterEach(async () => {
      document.documentElement.style.colorScheme = '';
      await emulateMedia({ colorScheme: 'light' });
    });

    it('stays light on a page that declares no dark support, whatever the system says', async () => {
      sinon.stub(console, 'error');
      await emulateMedia({ colorScheme: 'dark' });
      const [, ...elements] = await page();
      for (const el of elements) expect(getComputedStyle(el).color, el.localName).to.equal('rgb(28, 28, 28)');
    });

    it('follows the system on a page that declares `color-scheme: light dark`, and a dark page', async () => {
      sinon.stub(console, 'error');
      document.documentElement.style.colorScheme = 'light dark';
      await emulateMedia({ colorScheme: 'dark' });
      const [, ...elements] = await page();
      for (const el of elements) expect(getComputedStyle(el).color, el.localName).to.equal('rgb(244, 244, 245)');
      await emulateMedia({ colorScheme: 'light' });
      for (const el of elements) expect(getComputedStyle(el).color, el.localName).to.equal('rgb(28, 28, 28)');
      document.documentElement.style.colorScheme = 'dark';
      for (const el of elements) expect(getComputedStyle(el).color, el.localName).to.equal('rgb(244, 244, 245)');
    });
  });

  it('explains a refused key on the script tag at once, without waiting', async () => {
    const consoleError = sinon.stub(console, 'error');
    const secret = 'sk_live_51Habcdefghijklmnopqrstuvwx9876';
    const script = document.createElement('script');
    script.type = 'text/plain'; // never runs: configureFromScript only reads its data-public-key
    script.dataset.publicKey = secret;
    document.head.append(script);
    try {
      configureFromScript(new URL('/no-such-script.js', location.href).href);
      expect(consoleError.calledWithMatch(/data-public-key/)).to.equal(true);
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // no timer runs
      const elements = await page(secret);
      for (const el of elements) {
        expect(box(el)?.textContent, `<${el.localName}> explains`).to.match(/secret/i);
        expect(box(el)!.textContent).to.match(/rotate/i);
        expect(box(el)!.textContent).not.to.contain('abcdefghijklmnop');
      }
      expect(clock.countTimers()).to.be.greaterThan(0);
    } finally {
      script.remove();
    }
  });
});
