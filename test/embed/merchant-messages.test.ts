// A merchant's own words: `window.Tote.messages` (set before or after the script), `data-messages`
// on the script tag, by language and key, plural forms included; bad input is refused with a
// console error and changes nothing else.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { waitUntil } from '../helpers/wait.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';

const toggleLabel = () =>
  document.querySelector('tote-cart-toggle')?.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '';
const nextButton = () =>
  [...(document.querySelector('tote-products')?.shadowRoot?.querySelectorAll('button') ?? [])].find((button) =>
    ['Next', 'Onward', 'Further'].includes(button.textContent?.trim() ?? ''),
  );

describe('the merchant’s own words', function () {
  this.timeout(20_000);
  let error: sinon.SinonStub;
  before(async () => {
    await freshStore();
    error = sinon.stub(console, 'error');
    // Set before the script runs, as a page may do in an inline script above the tag.
    (window as unknown as { Tote: unknown }).Tote = {
      messages: { en: { 'cart.label': 'Basket, {count} things', 'cart.label.one': 'Basket, {count} thing' } },
    };
    const page = document.createElement('div');
    page.innerHTML = '<tote-cart-toggle></tote-cart-toggle><tote-products per-page="2"></tote-products>';
    document.body.append(page);
    const script = document.createElement('script');
    script.type = 'module';
    script.src = new URL('/src/drop-in.ts', location.origin).href;
    Object.assign(script.dataset, {
      publicKey: DEMO_KEY,
      apiBase: API_BASE,
      // Written out: an object literal's __proto__ would set a prototype, not a key.
      messages: '{"en": {"products.next": "Onward", "products.prev": 42}, "__proto__": {"x": "y"}}',
    });
    document.head.append(script);
    await waitUntil(() => window.Tote?.version, 'the script ran');
  });
  after(() => error.restore());

  it('shows the words set before the script and on its tag, in the count’s plural form', async () => {
    await waitUntil(
      () => toggleLabel() === 'Basket, 0 things',
      `the button is named by the merchant: ${toggleLabel()}`,
    );
    await waitUntil(() => nextButton()?.textContent?.trim() === 'Onward', 'the pager says "Onward"');
  });

  it('refuses what is not a text, naming it, and keeps the rest', () => {
    const said = error.getCalls().map((call) => String(call.args[0]));
    expect(said.some((text) => text.includes('messages["en"]["products.prev"]'))).to.equal(true, said.join('\n'));
    expect(said.some((text) => text.includes('__proto__'))).to.equal(true, said.join('\n'));
    expect(({} as Record<string, unknown>).x, 'no prototype was touched').to.equal(undefined);
    const prev = [...document.querySelector('tote-products')!.shadowRoot!.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Previous',
    );
    expect(prev, 'the refused text left English in place').to.exist;
  });

  it('Tote.messages = … later re-renders at once and adds to what was set', async () => {
    window.Tote!.messages = { en: { 'cart.label.one': 'Basket, {count} thing' }, de: { 'products.next': 'Weiter' } };
    expect(window.Tote!.messages.de?.['products.next']).to.equal('Weiter');
    window.Tote!.messages = { en: { 'products.next': 'Further' } };
    await waitUntil(() => nextButton()?.textContent?.trim() === 'Further', 'the pager re-rendered');
    expect(toggleLabel()).to.equal('Basket, 0 things', 'the earlier words stay');
  });

  it('setMessages refuses what is not languages of texts, each with a clear error', async () => {
    const { setMessages } = await import('../../src/i18n/overrides.js');
    error.resetHistory();
    setMessages('not an object');
    setMessages({ en: ['a', 'list'] });
    setMessages({ 'not a language!': { 'cart.title': 'x' } });
    expect(error.callCount).to.equal(3);
  });
});
