// Theming through custom properties and parts, light/dark, and languages including right-to-left.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';

const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

describe('theming', () => {
  before(() => freshStore());

  it('takes --tote-* tokens set once on the store, and ::part() rules from the page', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --tote-surface: rgb(1, 2, 3); --tote-text: rgb(250, 240, 230); }
      .themed tote-cart-toggle::part(button) { border-radius: 3px; }
    `;
    document.head.append(style);
    const el = await fixture(
      html`<tote-store class="themed" public-key=${DEMO_KEY} api-base=${API_BASE}><tote-cart-toggle></tote-cart-toggle></tote-store>`,
    );
    const toggle = el.querySelector('tote-cart-toggle')!;
    await waitUntil(() => toggle.shadowRoot?.querySelector('button'));
    const button = getComputedStyle(shadow(toggle, 'button'));
    expect(button.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(button.color).to.equal('rgb(250, 240, 230)');
    expect(button.borderTopLeftRadius).to.equal('3px');
    style.remove();
  });

  it('color-scheme="dark" and "light" pin the scheme whatever the system says', async () => {
    const el = await fixture(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE}>
      <tote-cart-toggle color-scheme="dark"></tote-cart-toggle><tote-cart-toggle color-scheme="light"></tote-cart-toggle>
    </tote-store>`);
    const [dark, light] = [...el.querySelectorAll('tote-cart-toggle')];
    await waitUntil(() => dark!.shadowRoot?.querySelector('button') && light!.shadowRoot?.querySelector('button'));
    expect(getComputedStyle(dark!).colorScheme).to.equal('dark');
    expect(getComputedStyle(light!).colorScheme).to.equal('light');
    expect(getComputedStyle(shadow(dark!, 'button')).backgroundColor).not.to.equal(
      getComputedStyle(shadow(light!, 'button')).backgroundColor,
    );
  });
});

describe('languages', function () {
  this.timeout(15_000);
  before(() => freshStore());

  it('loads German on demand and renders the grid in it', async () => {
    const el = await fixture(html`<tote-store public-key=${DEMO_KEY} api-base=${API_BASE} locale="de-DE">
      <tote-products per-page="2" controls="search"></tote-products>
    </tote-store>`);
    const grid = el.querySelector('tote-products')!;
    await waitUntil(() => grid.shadowRoot?.textContent?.includes('Produkte suchen'), 'German texts arrive', {
      timeout: 8000,
    });
    await waitUntil(() => /\d+,\d{2}\s?\$/.test(grid.shadowRoot!.textContent!), 'German number format', {
      timeout: 8000,
    });
  });

  it('renders Arabic right to left: texts in Arabic, first card on the right', async () => {
    const el = await fixture(html`<div dir="rtl" lang="ar" style="inline-size: 900px">
      <tote-store public-key=${DEMO_KEY} api-base=${API_BASE} locale="ar"><tote-products per-page="3" columns="3"></tote-products></tote-store>
    </div>`);
    const grid = el.querySelector('tote-products')!;
    // The first file of Arabic words is a download away: until it is here, the live region is silent.
    const status = grid.shadowRoot!.querySelector('[role="status"]')!;
    const said = [status.textContent!.trim()];
    new MutationObserver(() => said.push(status.textContent!.trim())).observe(status, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await waitUntil(() => (grid.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) === 3, 'cards', {
      timeout: 8000,
    });
    await waitUntil(() => /[\u0600-\u06FF]/.test(status.textContent!), 'the count is said in Arabic', {
      timeout: 8000,
    });
    expect(
      said.filter((text) => /[a-z]/i.test(text)),
      'never English words',
    ).to.deep.equal([]);
    await waitUntil(() => /[\u0600-\u06FF]/.test(grid.shadowRoot!.textContent!), 'Arabic texts arrive', {
      timeout: 8000,
    });
    const [first, second] = [...grid.shadowRoot!.querySelectorAll('[part~="card"]')].map((card) =>
      card.getBoundingClientRect(),
    );
    expect(first!.left).to.be.greaterThan(second!.left);
    // Each name is isolated (its own direction), so "Tee (XL)" never turns into "(Tee (XL".
    const names = [...grid.shadowRoot!.querySelectorAll('[part="name"]')];
    expect(names.every((name) => name.firstElementChild?.localName === 'bdi')).to.equal(true);
    await expect(grid).to.be.accessible();
  });

  it('an Arabic cart button says the count it shows (label in name), in Arabic digits and plural forms', async () => {
    const el = await fixture(html`<div dir="rtl" lang="ar">
      <tote-store public-key=${DEMO_KEY} api-base=${API_BASE} locale="ar"><tote-cart-toggle></tote-cart-toggle></tote-store>
    </div>`);
    const toggle = el.querySelector('tote-cart-toggle')!;
    const name = () => toggle.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '';
    await waitUntil(() => /[\u0600-\u06FF]/.test(name()), 'the Arabic words arrive', { timeout: 8000 });
    const shown = toggle.shadowRoot!.querySelector('[part="count"]')!.textContent!.trim();
    expect(shown).to.equal((0).toLocaleString('ar'));
    expect(name()).to.include(shown, 'the name holds the badge’s text');
  });
});
