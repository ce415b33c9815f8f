// <tote-cart-toggle> and <tote-cart> against the reference store: the badge, the drawer (modal,
// Escape, focus return, scroll lock), lines, undo, discount codes, announcements, axe.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import sinon from 'sinon';
import type { ToteCart, ToteCartToggle, ToteStore } from '../../../src/index.js';
import { renderTotals } from '../../../src/components/base/totals.js';
import { codeErrorText } from '../../../src/components/cart/code-forms.js';
import { loadAllTexts } from '../../../src/i18n/messages.js';
import '../../../src/define.js';
import { whenUsed } from '../../../src/dom/lazy-define.js';
import { addSellable } from '../checkout/checkout-fixture.js';

const API = `${location.origin}/v3`;

async function control(body: Record<string, unknown>): Promise<void> {
  const response = await fetch('/__control', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control: ${response.status}`);
}

async function mount() {
  const store = await fixture<ToteStore>(html`<tote-store public-key="pk_test_tote_demo" api-base=${API}>
    <button id="elsewhere">Elsewhere</button>
    <tote-cart-toggle></tote-cart-toggle>
    <tote-cart></tote-cart>
  </tote-store>`);
  const shop = await waitUntil(() => store.shop, 'no shop').then(() => store.shop!);
  await shop.cart.start();
  await whenUsed('tote-cart'); // the drawer loads when the shopper reaches for it (define.ts)
  const toggle = store.querySelector<ToteCartToggle>('tote-cart-toggle')!;
  const cart = store.querySelector<ToteCart>('tote-cart')!;
  return { store, shop, toggle, cart };
}

type Shop = Awaited<ReturnType<typeof mount>>['shop'];

const addProduct = async (shop: Shop, slug: string, quantity = 1) => (await addSellable(shop, slug, quantity)).variant;

const button = (el: Element) => el.shadowRoot!.querySelector('button')!;

describe('<tote-cart-toggle> and <tote-cart>', () => {
  beforeEach(async () => {
    await control({ reset: true, resetLimits: true });
    const { shop } = await mount();
    await shop.cart.startOver(); // a fresh cart token: no lines left over from an earlier test
    fixtureCleanup();
  });

  it('names the button with the live count and opens a modal drawer that Escape closes, returning focus', async () => {
    const { shop, toggle, cart } = await mount();
    expect(button(toggle).getAttribute('aria-label')).to.equal('Cart, 0 items');
    await addProduct(shop, 'stoneware-mug', 2);
    await waitUntil(() => button(toggle).getAttribute('aria-label') === 'Cart, 2 items', 'badge did not follow');
    cart.hide();
    await cart.updateComplete;

    button(toggle).focus();
    button(toggle).click();
    await cart.updateComplete;
    const dialog = cart.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.matches(':modal')).to.be.true;
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await expect(cart).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !cart.open, 'Escape did not close');
    expect(document.documentElement.style.overflow).to.equal('');
    expect(toggle.matches(':focus-within')).to.be.true;
  });

  it('opens on add and announces it; shows lines with the server totals', async () => {
    const { shop, cart } = await mount();
    const variant = await addProduct(shop, 'stoneware-mug');
    await waitUntil(() => cart.open, 'did not open on add');
    const live = cart.shadowRoot!.querySelector('dialog [role="status"][aria-live]')!;
    await waitUntil(
      () => live.textContent!.includes('Added Stoneware Mug, 1 item in cart'),
      `announcement: ${live.textContent}`,
    );
    const line = cart.shadowRoot!.querySelector('[part="line"]')!;
    expect(line.textContent).to.contain('Stoneware Mug');
    expect(cart.shadowRoot!.querySelector('[part="total"]')!.textContent).to.contain(
      `$${(variant.price / 100).toFixed(2)}`,
    );
    expect(cart.shadowRoot!.querySelector('[part="totals"]')!.textContent).to.contain('Calculated at checkout');
  });

  it('says an add once, in the region the shopper hears, and never again on opening or closing', async () => {
    const { shop, cart } = await mount();
    const inside = () => cart.shadowRoot!.querySelector('dialog [role="status"][aria-live]')!.textContent!.trim();
    const beside = () => cart.shadowRoot!.querySelector('dialog ~ [role="status"][aria-live]')!.textContent!.trim();
    const besideSaid: string[] = [];
    const observer = new MutationObserver(() => besideSaid.push(beside()));
    observer.observe(cart.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await addProduct(shop, 'stoneware-mug');
    await waitUntil(() => inside().includes('Added Stoneware Mug'), `the dialog's region says it: ${inside()}`);
    cart.hide();
    await cart.updateComplete;
    cart.show();
    await cart.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    observer.disconnect();
    expect(inside(), 'reopened: the old add is not said again').to.equal('');
    expect(
      besideSaid.filter((text) => text.includes('Added')),
      'never beside the dialog as well',
    ).to.deep.equal([]);
  });

  it('opened by no one (as on the way back from the payment page), it hands focus to the cart button on closing', async () => {
    const { toggle, cart } = await mount();
    (document.activeElement as HTMLElement | null)?.blur();
    cart.show(); // nothing had focus: the page itself would have opened it
    await cart.updateComplete;
    cart.hide();
    await waitUntil(() => toggle.matches(':focus-within'), `focus is on ${document.activeElement?.localName}`);
  });

  it('does not open on add with open-on-add="false"', async () => {
    const { shop, cart } = await mount();
    cart.setAttribute('open-on-add', 'false');
    await addProduct(shop, 'stoneware-mug');
    await cart.updateComplete;
    expect(cart.open).to.be.false;
    const beside = cart.shadowRoot!.querySelector('dialog ~ [role="status"][aria-live]')!;
    await waitUntil(() => beside.textContent!.includes('Added Stoneware Mug'), 'said beside the closed drawer');
    cart.show();
    await cart.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(cart.shadowRoot!.querySelector('dialog [role="status"][aria-live]')!.textContent!.trim()).to.equal('');
  });

  it('changes quantities with the stepper and the typed input, through the engine', async () => {
    const { shop, cart } = await mount();
    await addProduct(shop, 'stoneware-mug');
    await cart.updateComplete;
    const root = cart.shadowRoot!;
    (root.querySelector('[part="quantity"] button:last-of-type') as HTMLButtonElement).click();
    await shop.cart.settled();
    expect(shop.cart.state.server!.items[0]!.quantity).to.equal(2);
    const input = root.querySelector<HTMLInputElement>('[part="quantity"] input')!;
    input.value = '4';
    input.dispatchEvent(new Event('change'));
    await shop.cart.settled();
    expect(shop.cart.state.server!.items[0]!.quantity).to.equal(4);
  });

  it('removes a line with an undo toast that brings it back', async () => {
    const { shop, cart } = await mount();
    await addProduct(shop, 'stoneware-mug', 3);
    await cart.updateComplete;
    const root = cart.shadowRoot!;
    (root.querySelector('[part="remove"]') as HTMLButtonElement).click();
    await cart.updateComplete;
    const toast = root.querySelector('[part="toast"]')!;
    expect(toast.textContent).to.contain('Removed Stoneware Mug.');
    expect(shop.cart.state.itemCount).to.equal(0);
    await expect(cart).to.be.accessible();
    (toast.querySelector('button') as HTMLButtonElement).click();
    await shop.cart.settled();
    await waitUntil(() => shop.cart.state.server?.items[0]?.quantity === 3, 'undo did not restore 3');
  });

  it('the undo toast outlasts its 8 s while its Undo button has focus, so focus never falls to the page', async function () {
    this.timeout(20_000);
    const { shop, cart } = await mount();
    await addProduct(shop, 'stoneware-mug', 1);
    await cart.updateComplete;
    cart.show();
    await cart.updateComplete;
    const root = cart.shadowRoot!;
    (root.querySelector('[part="remove"]') as HTMLButtonElement).click();
    await waitUntil(() => root.activeElement?.closest('[part="toast"]'), 'focus did not go to Undo');
    await new Promise((resolve) => setTimeout(resolve, 8500));
    expect(root.querySelector('[part="toast"]'), 'the toast is still there').to.exist;
    expect(root.activeElement?.textContent).to.equal('Undo');
    expect(document.activeElement).to.equal(cart);
  });

  it('applies a discount code, shows a bad code inline, and removes the code', async () => {
    const { shop, cart } = await mount();
    await addProduct(shop, 'stoneware-mug', 2);
    await waitUntil(() => cart.shadowRoot!.querySelector('#code'), 'no coupon field');
    const root = cart.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#code')!;
    input.value = 'EXPIRED20';
    root.querySelector<HTMLFormElement>('.discount-form')!.requestSubmit();
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'bad code not flagged');
    expect(root.querySelector('#code-note')!.textContent).to.match(/expired/i);

    input.value = 'WELCOME10';
    root.querySelector<HTMLFormElement>('.discount-form')!.requestSubmit();
    await waitUntil(() => shop.cart.state.server?.discounts.length === 1, 'code not applied');
    // The store's state changes before the apply's answer reaches the form (it is kept first).
    await waitUntil(
      () => root.querySelector('#code-note')!.textContent!.includes('WELCOME10 applied'),
      'no "applied" note',
    );
    expect(root.querySelector('[part="totals"]')!.textContent).to.contain('WELCOME10');
    await expect(cart).to.be.accessible();
    root.querySelector<HTMLButtonElement>('.discount button')!.click();
    await waitUntil(() => shop.cart.state.server?.discounts.length === 0, 'code not removed');
  });

  it('shows the empty state with a way back, and works inline', async () => {
    const store = await fixture<ToteStore>(html`<tote-store public-key="pk_test_tote_demo" api-base=${API}>
      <tote-cart mode="inline" continue-url="/shop"></tote-cart>
    </tote-store>`);
    const cart = store.querySelector<ToteCart>('tote-cart')!;
    await waitUntil(() => cart.shadowRoot!.querySelector('.empty'), 'no empty state');
    expect(cart.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(cart.shadowRoot!.textContent).to.contain('Your cart is empty.');
    expect(cart.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('/shop');
    await expect(cart).to.be.accessible();
  });

  it('fires tote-cart-change and a cancelable tote-checkout-start', async () => {
    const { shop, cart } = await mount();
    const changes: number[] = [];
    document.addEventListener('tote-cart-change', (e) => changes.push(e.detail.itemCount));
    await addProduct(shop, 'stoneware-mug');
    await waitUntil(() => changes.includes(1), `changes: ${changes}`);
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('tote-checkout-start', veto, { once: true });
    cart.shadowRoot!.querySelector<HTMLButtonElement>('[part="checkout-button"]')!.click();
    await cart.updateComplete;
    expect(cart.shadowRoot!.querySelector('tote-checkout')).to.equal(null);
  });

  it('redeems a gift card: its row and the amount due; the code is cleared and never leaves the field', async () => {
    const spied = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) => sinon.spy(console, name));
    const events: string[] = [];
    const record = (e: Event) => events.push(JSON.stringify((e as CustomEvent).detail ?? null));
    for (const type of ['tote-error', 'tote-cart-change']) document.addEventListener(type, record);
    try {
      const { shop, cart } = await mount();
      await addProduct(shop, 'stoneware-mug', 2);
      await waitUntil(() => cart.shadowRoot!.querySelector('#gift-code'), 'no gift-card field');
      const root = cart.shadowRoot!;
      const input = root.querySelector<HTMLInputElement>('#gift-code')!;
      input.value = ' gift-25-test ';
      root.querySelector<HTMLFormElement>('.gift-card-form')!.requestSubmit();
      await waitUntil(() => shop.cart.state.server?.giftCard, 'gift card not applied');
      // The store's state changes before the answer reaches the form (it is kept first).
      await waitUntil(() => input.value === '', 'cleared once accepted');
      await cart.updateComplete;
      const server = shop.cart.state.server!;
      const card = server.giftCard!;
      expect(card.amount).to.equal(2500);
      expect(server.totals.amountDue).to.equal(server.totals.total - 2500);
      expect(root.querySelector('#gift-code-note')!.textContent).to.contain(`ending in ${card.last4} applied`);
      const row = root.querySelector('[part="gift-card"]')!;
      expect(row.textContent).to.contain(`•••• ${card.last4}`).and.to.contain('−$25.00');
      const due = root.querySelector('[part="amount-due"]')!;
      expect(due.textContent)
        .to.contain('Amount due')
        .and.to.contain(`$${(server.totals.amountDue / 100).toFixed(2)}`);
      await expect(cart).to.be.accessible();

      // A refused code: the shopper's words for the reason; the field keeps what was typed; the card stays.
      input.value = 'GIFT-EXPIRED-TEST';
      root.querySelector<HTMLFormElement>('.gift-card-form')!.requestSubmit();
      await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'refusal not flagged');
      expect(root.querySelector('#gift-code-note')!.textContent).to.equal('This gift card has expired.');
      expect(input.value).to.equal('GIFT-EXPIRED-TEST');
      expect(shop.cart.state.server!.giftCard?.last4).to.equal(card.last4);
      input.value = 'GIFT-EMPTY-TEST';
      root.querySelector<HTMLFormElement>('.gift-card-form')!.requestSubmit();
      await waitUntil(
        () => root.querySelector('#gift-code-note')!.textContent === 'This gift card has no balance left.',
        'depleted not said',
      );
      await expect(cart).to.be.accessible();

      // Taken off from its row.
      root.querySelector<HTMLButtonElement>('[part="gift-card"] button')!.click();
      await waitUntil(() => shop.cart.state.server?.giftCard === null, 'gift card not removed');
      await cart.updateComplete;
      expect(root.querySelector('[part="amount-due"]')).to.equal(null);

      // The codes went nowhere but into their requests: not the console, events, the cart state or storage.
      const seen = JSON.stringify([spied.map((spy) => spy.args), events, shop.cart.state, localStorage]);
      for (const code of ['GIFT-25-TEST', 'GIFT-EXPIRED-TEST', 'GIFT-EMPTY-TEST'])
        expect(seen.toUpperCase()).not.to.contain(code);
    } finally {
      sinon.restore();
      for (const type of ['tote-error', 'tote-cart-change']) document.removeEventListener(type, record);
    }
  });

  it('headless: applyGiftCard / removeGiftCard and applyDiscountCode / removeDiscountCode resolve with the server cart', async () => {
    const { shop } = await mount();
    await addProduct(shop, 'stoneware-mug', 2);
    const refused = await shop.cart.applyGiftCard('NO-SUCH-CARD');
    expect(refused.giftCard).to.equal(null);
    expect(refused.giftCardError?.reason).to.equal('not_found');
    const accepted = await shop.cart.applyGiftCard('GIFT-25-TEST');
    expect(accepted.giftCard).to.include({ amount: 2500 });
    expect(accepted.totals.giftCardTotal).to.equal(2500);
    expect((await shop.cart.removeGiftCard()).giftCard).to.equal(null);
    expect((await shop.cart.applyDiscountCode('welcome10')).discounts).to.have.length(1);
    expect((await shop.cart.removeDiscountCode()).discountCode).to.equal(null);
  });

  it('says "test mode" in a test-mode store', async () => {
    const { shop, cart } = await mount();
    await addProduct(shop, 'stoneware-mug');
    expect((await shop.catalog.store()).storeMode).to.equal('test');
    await waitUntil(() => cart.shadowRoot!.querySelector('[part="test-mode"]'), 'no test-mode notice');
    expect(cart.shadowRoot!.querySelector('[part="test-mode"]')!.textContent).to.equal(
      'Test mode: orders are not fulfilled',
    );
  });

  it('a tax-inclusive store: "Includes £… VAT 20%" under the total, no tax row, no test-mode notice', async () => {
    const store =
      await fixture<ToteStore>(html`<tote-store public-key="pk_Xq3vT9mLr2WbN8cYhK4dE" api-base=${API} locale="en-GB">
      <tote-cart mode="inline"></tote-cart>
    </tote-store>`);
    const shop = await waitUntil(() => store.shop, 'no shop').then(() => store.shop!);
    await shop.cart.start();
    await shop.cart.startOver();
    await customElements.whenDefined('tote-cart');
    const cart = store.querySelector<ToteCart>('tote-cart')!;
    await addProduct(shop, 'field-notebook', 2);
    await waitUntil(() => cart.shadowRoot!.querySelector('[part="totals"]'), 'no totals');
    const server = shop.cart.state.server!;
    expect(server.taxInclusive).to.equal(true);
    expect(server.totals.total, 'the tax is inside the prices').to.equal(
      server.totals.subtotal - server.totals.discountTotal + server.totals.shippingTotal,
    );
    const taxRows = [...cart.shadowRoot!.querySelectorAll('[part="tax"]')];
    expect(taxRows).to.have.length(1);
    expect(taxRows[0]!.classList.contains('included')).to.equal(true);
    expect(taxRows[0]!.textContent!.trim()).to.equal(`Includes £${(server.totals.taxTotal / 100).toFixed(2)} VAT 20%`);
    expect(cart.shadowRoot!.querySelector('[part="test-mode"]')).to.equal(null);
    await expect(cart).to.be.accessible();
  });
});

describe('renderTotals (shared with the checkout)', () => {
  const totals = {
    subtotal: 5000,
    discountTotal: 0,
    taxTotal: 1000,
    shippingTotal: 0,
    total: 6000,
    giftCardTotal: 0,
    amountDue: 6000,
  };
  const draw = async (options: Parameters<typeof renderTotals>[4], locale = 'en-US', t = totals) => {
    await loadAllTexts(locale);
    const host = document.createElement('div');
    render(renderTotals(t, [], 'EUR', locale, options), host);
    return host;
  };
  const rowText = (row: Element | null | undefined) =>
    row && [...row.querySelectorAll('dt, dd')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()).join(' ');
  const taxRow = (host: Element) => rowText(host.querySelector('[part="tax"]'));

  it('labels the tax row with a single breakdown line and its rate, else "Tax"', async () => {
    expect(
      taxRow(await draw({ shippingKnown: true, taxLines: [{ name: 'VAT', rateMilliPercent: 20000, amount: 1000 }] })),
    ).to.equal('VAT 20% €10.00');
    expect(
      taxRow(
        await draw({ shippingKnown: true, taxLines: [{ name: 'Sales tax', rateMilliPercent: 8875, amount: 1000 }] }),
      ),
    ).to.equal('Sales tax 8.875% €10.00');
    const two = [
      { name: 'State', rateMilliPercent: 6000, amount: 600 },
      { name: 'City', rateMilliPercent: 4000, amount: 400 },
    ];
    expect(taxRow(await draw({ shippingKnown: true, taxLines: two }))).to.equal('Tax €10.00');
    expect(taxRow(await draw({ shippingKnown: true, taxLines: [] }))).to.equal('Tax €10.00');
    expect(taxRow(await draw({ shippingKnown: true }))).to.equal('Tax €10.00'); // the old signature
    expect(
      taxRow(
        await draw(
          { shippingKnown: true, taxLines: [{ name: 'MwSt.', rateMilliPercent: 19000, amount: 1000 }] },
          'de-DE',
        ),
      ),
    ).to.match(/^MwSt\. 19\s%/);
    const zero = await draw(
      { shippingKnown: true, taxLines: [{ name: 'VAT', rateMilliPercent: 0, amount: 0 }] },
      'en-US',
      { ...totals, taxTotal: 0, total: 5000, amountDue: 5000 },
    );
    expect(taxRow(zero), 'a real 0 % rate is shown').to.equal('VAT 0% €0.00');
  });

  it('tax-inclusive: "Includes …" after the total, and no row added to it', async () => {
    const host = await draw(
      { shippingKnown: true, taxInclusive: true, taxLines: [{ name: 'VAT', rateMilliPercent: 20000, amount: 833 }] },
      'en-US',
      { ...totals, taxTotal: 833, total: 5000, amountDue: 5000 },
    );
    expect(host.querySelectorAll('[part="tax"]')).to.have.length(1);
    expect(taxRow(host), 'one direction: nothing to isolate').to.equal('Includes €8.33 VAT 20%');
    const arabic = await draw(
      { shippingKnown: true, taxInclusive: true, taxLines: [{ name: 'VAT', rateMilliPercent: 20000, amount: 833 }] },
      'ar',
      { ...totals, taxTotal: 833, total: 5000, amountDue: 5000 },
    );
    expect(taxRow(arabic), 'in Arabic, the amount and the tax name as bidi isolates').to.match(
      /\u2068[^\u2069]+\u2069.*\u2068VAT[^\u2069]*\u2069/,
    );
    const order = [...host.querySelectorAll('dl > div')].map((row) => row.getAttribute('part') ?? row.className);
    expect(order.indexOf('tax')).to.be.greaterThan(order.indexOf('total'));
  });

  it('a gift card: its row with the last four, then the amount due', async () => {
    const host = await draw(
      { shippingKnown: true, giftCard: { id: 'gc', last4: '4821', amount: 2500, remainingBalance: 0 } },
      'en-US',
      { ...totals, giftCardTotal: 2500, amountDue: 3500 },
    );
    expect(host.querySelector('[part="gift-card"]')!.textContent!.replace(/\s+/g, ' '))
      .to.contain('Gift card •••• 4821')
      .and.to.contain('−€25.00');
    expect(rowText(host.querySelector('[part="amount-due"]'))).to.equal('Amount due €35.00');
    expect(host.querySelector('[part="gift-card"] button'), 'no remove button without a handler').to.equal(null);
  });

  it('translates the refusal reasons it knows and shows the message of any other', async () => {
    await loadAllTexts('de-DE');
    expect(codeErrorText('de-DE', 'giftcard', { reason: 'expired', message: 'x' })).to.equal(
      'Diese Geschenkkarte ist abgelaufen.',
    );
    expect(codeErrorText('en', 'giftcard', { reason: 'too_many_attempts', message: 'x' })).to.match(
      /Too many gift card codes/,
    );
    expect(codeErrorText('en', 'giftcard', { reason: 'frozen_by_bank', message: 'Frozen by your bank.' })).to.equal(
      'Frozen by your bank.',
    );
  });
});
