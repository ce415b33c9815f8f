// Two journeys of the cart against the reference store: a line's name opens its product in the
// drawer (and Back returns focus to it), unless the page takes the `tote-line-select` request; and
// "Estimate shipping" quotes a country's options before checkout, never over an address the shopper
// gave. Keyboard only, axe-clean, in English and Arabic.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { control } from '../../helpers/reference-store.js';
import { waitUntil } from '../../helpers/wait.js';
import { addSellable } from '../checkout/checkout-fixture.js';
import type { ToteCart, ToteCheckout, ToteStore } from '../../../src/index.js';
import type { LineSelectDetail } from '../../../src/events/line-select.js';
import '../../../src/define.js';
import { whenUsed } from '../../../src/dom/lazy-define.js';
import { loadAllTexts, msg } from '../../../src/i18n/messages.js';

const API = `${location.origin}/v3`;

async function mount(locale = 'en', mode = 'drawer') {
  const wrap = await fixture(html`<div dir=${locale === 'ar' ? 'rtl' : 'ltr'} lang=${locale}>
    <tote-store public-key="pk_test_tote_demo" api-base=${API} locale=${locale}>
      <tote-cart mode=${mode} open-on-add="false"></tote-cart>
    </tote-store>
  </div>`);
  const store = wrap.querySelector<ToteStore>('tote-store')!;
  const shop = await waitUntil(() => store.shop, 'no shop').then(() => store.shop!);
  await shop.cart.start();
  await whenUsed('tote-cart'); // a drawer loads when the shopper reaches for it (define.ts); an inline cart on sight
  const cart = wrap.querySelector<ToteCart>('tote-cart')!;
  return { shop, cart };
}

type Shop = Awaited<ReturnType<typeof mount>>['shop'];

/** Adds the first sellable variant of `slug`, as the grid would. */
const addProduct = (shop: Shop, slug: string) => addSellable(shop, slug);

const $ = <T extends Element = HTMLElement>(cart: ToteCart, selector: string) =>
  cart.shadowRoot!.querySelector<T>(selector);
const focused = (cart: ToteCart) => cart.shadowRoot!.activeElement;
/** Waits for `find` to find something, and gives it. */
async function until<T>(find: () => T | null | undefined, message: string): Promise<T> {
  await waitUntil(() => find(), message);
  return find()!;
}

async function openDrawer(cart: ToteCart) {
  cart.show();
  await cart.updateComplete;
  await waitUntil(() => $(cart, '[part="line-link"]'), 'no line link');
}

describe('<tote-cart> journeys', () => {
  beforeEach(async () => {
    await control({ reset: true, resetLimits: true });
    const { shop } = await mount();
    await shop.cart.startOver();
    fixtureCleanup();
  });

  describe('a line links back to its product', () => {
    it('opens the product in the drawer from the keyboard; Back returns focus to the line', async () => {
      const { shop, cart } = await mount();
      const { product, variant } = await addProduct(shop, 'stoneware-mug');
      await openDrawer(cart);
      const link = $(cart, '[part="line-link"]')!;
      expect(link.tagName).to.equal('BUTTON');
      expect(link.textContent!.trim()).to.equal(product.name);
      const heard: LineSelectDetail[] = [];
      const listen = (e: CustomEvent<LineSelectDetail>) => heard.push(e.detail);
      document.addEventListener('tote-line-select', listen);
      link.focus();
      await sendKeys({ press: 'Enter' });
      document.removeEventListener('tote-line-select', listen);
      expect(heard).to.deep.equal([{ productId: product.id, variantId: variant.id, name: product.name }]);

      const view = await until(() => $(cart, 'tote-product'), 'no product view');
      expect(view.getAttribute('product')).to.equal(product.id);
      expect(view.getAttribute('variant')).to.equal(variant.id);
      await waitUntil(() => focused(cart)?.classList.contains('title'), 'focus did not move to the title');
      expect($(cart, '.title')!.textContent!.trim()).to.equal(product.name);
      await waitUntil(() => view.shadowRoot?.textContent?.includes(product.name), 'the product never rendered');
      await expect(cart).to.be.accessible();

      // Shift+Tab from the title reaches Back; Enter goes back to the lines.
      await sendKeys({ press: 'Shift+Tab' });
      expect(focused(cart)?.classList.contains('back')).to.be.true;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(cart)?.id === `link-${variant.id}`, 'focus did not return to the line');
      expect($(cart, 'tote-product')).to.equal(null);
      expect(document.activeElement).to.not.equal(document.body);
    });

    it('leaves the drawer as it is when the page takes the request', async () => {
      const { shop, cart } = await mount();
      await addProduct(shop, 'stoneware-mug');
      await openDrawer(cart);
      const take = (e: Event) => e.preventDefault();
      document.addEventListener('tote-line-select', take);
      try {
        $(cart, '[part="line-link"]')!.click();
        await new Promise((r) => setTimeout(r, 100));
        await cart.updateComplete;
      } finally {
        document.removeEventListener('tote-line-select', take);
      }
      expect($(cart, 'tote-product')).to.equal(null);
      expect($(cart, '[part="line"]')).to.not.equal(null);
    });

    it('resets to the lines when the drawer closes on a product', async () => {
      const { shop, cart } = await mount();
      await addProduct(shop, 'stoneware-mug');
      await openDrawer(cart);
      $(cart, '[part="line-link"]')!.click();
      await waitUntil(() => $(cart, 'tote-product'), 'no product view');
      cart.hide();
      await cart.updateComplete;
      await openDrawer(cart);
      expect($(cart, 'tote-product')).to.equal(null);
    });
  });

  describe('the shipping estimate', () => {
    async function openEstimate(cart: ToteCart) {
      const summary = await until(() => $<HTMLElement>(cart, '[part="estimate"] summary'), 'no estimate');
      summary.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $<HTMLDetailsElement>(cart, '[part="estimate"]')!.open, 'did not open');
    }

    it('quotes a country chosen from the keyboard, storing only its country', async () => {
      const { shop, cart } = await mount('en', 'inline');
      await addProduct(shop, 'stoneware-mug');
      await openEstimate(cart);
      const select = await until(() => $<HTMLSelectElement>(cart, '#estimate-country:not([disabled])'), 'no countries');
      expect([...select.options].map((o) => o.value)).to.include.members(['US', 'CA']);
      await expect(cart).to.be.accessible();
      select.focus();
      select.value = 'CA';
      select.dispatchEvent(new Event('change'));
      await sendKeys({ press: 'Tab' }); // to "Estimate"
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(cart, '.estimate-options'), 'no options');
      const result = $(cart, '.estimate-result')!.textContent!.replace(/\s+/g, ' ');
      expect(result).to.contain('Shipping to Canada from $12.00');
      expect(result).to.contain('International standard');
      expect(result).to.contain('7–14 business days');
      expect(shop.cart.state.server!.shippingAddress?.countryCode).to.equal('CA');
      expect(shop.cart.state.server!.shippingAddress?.line1 ?? null).to.equal(null);
      await expect(cart).to.be.accessible();

      // The US: several options, "from" the cheapest.
      select.value = 'US';
      select.dispatchEvent(new Event('change'));
      $<HTMLButtonElement>(cart, '.estimate-form button')!.click();
      await waitUntil(() => $(cart, '.estimate-result')!.textContent!.includes('Express'), 'no US options');
      expect($(cart, '.estimate-from')!.textContent).to.contain('from Free');
    });

    it('never overwrites an address the shopper gave: quotes for it', async () => {
      const { shop, cart } = await mount('en', 'inline');
      await addProduct(shop, 'stoneware-mug');
      const given = await shop.api.updateCart({
        shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Toronto', countryCode: 'CA', postalCode: 'M5V 2T6' },
      });
      shop.cart.accept(given);
      await cart.updateComplete;
      await openEstimate(cart);
      await waitUntil(() => $(cart, '.estimate-options'), 'no options');
      expect($(cart, '#estimate-country')).to.equal(null);
      expect($(cart, '.estimate-result')!.textContent).to.contain('For the delivery address you gave, in Canada.');
      const server = await shop.cart.refresh();
      expect(server.shippingAddress?.line1).to.equal('1 Main St');
      expect(server.shippingAddress?.countryCode).to.equal('CA');
      await expect(cart).to.be.accessible();
    });

    it('shows what went wrong and keeps the choice', async () => {
      const { shop, cart } = await mount('en', 'inline');
      await addProduct(shop, 'stoneware-mug');
      await openEstimate(cart);
      const select = await until(() => $<HTMLSelectElement>(cart, '#estimate-country:not([disabled])'), 'no countries');
      select.value = 'CA';
      select.dispatchEvent(new Event('change'));
      const original = shop.api.shippingOptions;
      shop.api.shippingOptions = () => Promise.reject(new Error('The shop is unreachable.'));
      try {
        $<HTMLButtonElement>(cart, '.estimate-form button')!.click();
        await waitUntil(() => $(cart, '.estimate-result [role="alert"]'), 'no error');
      } finally {
        shop.api.shippingOptions = original;
      }
      expect($(cart, '.estimate-result')!.textContent).to.contain('The shop is unreachable.');
      expect(select.value).to.equal('CA');
      expect($<HTMLButtonElement>(cart, '.estimate-form button')!.disabled).to.be.false;
    });

    it('is in Arabic and axe-clean, with a product view too', async () => {
      const { shop, cart } = await mount('ar');
      await addProduct(shop, 'stoneware-mug');
      await openDrawer(cart);
      await openEstimate(cart);
      expect($(cart, '[part="estimate"] summary')!.textContent!.trim()).to.equal('تقدير تكلفة الشحن');
      // The shop's Latin name is its own left-to-right island in the Arabic line.
      expect($(cart, '[part="line-link"] bdi')?.textContent).to.equal('Stoneware Mug');
      const select = await until(() => $<HTMLSelectElement>(cart, '#estimate-country:not([disabled])'), 'no countries');
      select.value = 'CA';
      select.dispatchEvent(new Event('change'));
      $<HTMLButtonElement>(cart, '.estimate-form button')!.click();
      await waitUntil(() => $(cart, '.estimate-options'), 'no options');
      expect($(cart, '.estimate-from')!.textContent).to.contain('الشحن إلى');
      await expect(cart).to.be.accessible();
      $(cart, '[part="line-link"]')!.click();
      await waitUntil(() => $(cart, 'tote-product'), 'no product view');
      await waitUntil(() => focused(cart)?.classList.contains('title'), 'focus did not move');
      expect($(cart, '.back')!.getAttribute('aria-label')).to.not.equal('Back to cart');
      await expect(cart).to.be.accessible();
    });
  });

  describe('the checkout in the drawer', () => {
    it('"Back to cart" by keyboard returns to the lines with focus on the title, never the page', async () => {
      const { shop, cart } = await mount();
      await addProduct(shop, 'stoneware-mug');
      await openDrawer(cart);
      $(cart, '[part="checkout-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      const checkout = await until(() => $<ToteCheckout>(cart, 'tote-checkout'), 'no checkout in the drawer');
      // Once the checkout has loaded (it moves focus to its first step then), Back by keyboard.
      await waitUntil(() => checkout.flow?.state.phase === 'form', 'the checkout did not load', { timeout: 8000 });
      await checkout.updateComplete;
      $(cart, '.back')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(cart, '[part="line"]'), 'not back at the lines');
      await waitUntil(() => focused(cart)?.classList.contains('title'), `focus is on ${focused(cart)?.className}`);
      expect($(cart, '.title')!.textContent!.trim()).to.equal('Your cart');
      expect(document.activeElement).to.not.equal(document.body);
    });
  });

  describe('the server’s refusals, in the shopper’s language', () => {
    it('an Arabic shopper reads a refused code and a stock refusal in Arabic, never the server’s English', async () => {
      const { shop, cart } = await mount('ar');
      await loadAllTexts('ar');
      await addProduct(shop, 'stoneware-mug');
      await openDrawer(cart);
      const input = await until(() => $<HTMLInputElement>(cart, '#code'), 'no coupon field');
      for (const [code, reason] of [
        ['EXPIRED20', 'expired'],
        ['NO-SUCH-CODE', 'not_found'],
      ] as const) {
        input.value = code;
        $<HTMLFormElement>(cart, '.discount-form')!.requestSubmit();
        await waitUntil(
          () => $(cart, '#code-note')!.textContent === msg('ar', `discount.error.${reason}`),
          `${code}: ${$(cart, '#code-note')!.textContent}`,
        );
      }
      // More knives than the shop has (3): the server refuses the quantity, the line says so in Arabic.
      const knife = (await shop.catalog.product('chefs-knife')).variants[0]!;
      shop.cart.add(knife.id, 5);
      const message = await until(() => $(cart, '.line-message span'), 'no refusal on the line');
      await waitUntil(() => message.textContent === msg('ar', 'line.refused-stock'), `said: ${message.textContent}`);
      expect(
        /[a-z]{3}/i.test(cart.shadowRoot!.querySelector('.footer')!.textContent!),
        'no English in the footer',
      ).to.equal(false);
    });
  });

  describe('a short window (a phone on its side, 200 % zoom: 640 × 360 CSS px)', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('scrolls lines, codes and totals as one, so every line can be reached and read', async () => {
      await setViewport({ width: 640, height: 360 });
      const { shop, cart } = await mount();
      for (const slug of ['stoneware-mug', 'chefs-knife', 'enamel-pin']) await addProduct(shop, slug);
      await openDrawer(cart);
      await waitUntil(() => cart.shadowRoot!.querySelectorAll('[part="line"]').length === 3, 'three lines');
      const panel = $(cart, '.panel')!;
      const footer = $(cart, '.footer')!;
      expect(panel.scrollHeight, 'the panel scrolls').to.be.greaterThan(panel.clientHeight);
      // Every line can be scrolled wholly into view below the header that stays.
      const header = $(cart, '.header')!.getBoundingClientRect();
      for (const line of cart.shadowRoot!.querySelectorAll<HTMLElement>('[part="line"]')) {
        line.scrollIntoView({ block: 'end' });
        const box = line.getBoundingClientRect();
        expect(box.top, 'below the header').to.be.at.least(header.bottom - 1);
        expect(box.bottom, 'within the window').to.be.at.most(innerHeight + 1);
      }
      footer.scrollIntoView({ block: 'end' });
      expect(footer.getBoundingClientRect().bottom).to.be.at.most(innerHeight + 1);
      expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(innerWidth);
    });
  });
});
