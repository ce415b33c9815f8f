// The accessibility sweep (issue 20): every state of the journey — grid, no results, product,
// drawer with lines, empty cart, undo, a refused code, each checkout step and its errors, a
// cancelled payment, the receipt, the account and the reviews — in English and Arabic, each seen
// light, dark, as a light page while the system is dark, in forced colours at 320 px, and at
// 640 × 360 CSS px (a 1280 × 720 window at 200 % zoom). In each: axe (WCAG 2.2 A/AA and best
// practice) finds nothing, the page never scrolls sideways, and every control is within reach
// (inside the window's width, not clipped away).
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { ToteCart, ToteCheckout, ToteProducts, ToteStore } from '../../src/index.js';
import '../../src/define.js';
import { whenUsed } from '../../src/dom/lazy-define.js';
import { loadAllTexts } from '../../src/i18n/messages.js';
import { waitUntil } from '../helpers/wait.js';
import { manifestElements, mismatches, names, partsRendered, shownElsewhere } from '../helpers/manifest.js';
import {
  $,
  API,
  DEMO,
  addSellable,
  control,
  fillCart,
  flowOf,
  handoffs,
  payOnHostedPage,
  submitStep,
  type,
  typeAddress,
} from '../components/checkout/checkout-fixture.js';

type Look = {
  name: string;
  width: number;
  height: number;
  scheme: 'light' | 'dark';
  page: 'light' | 'both';
  forced?: boolean;
};

const LOOKS: Look[] = [
  { name: 'light, 320 px', width: 320, height: 640, scheme: 'light', page: 'light' },
  { name: 'dark, 320 px', width: 320, height: 640, scheme: 'dark', page: 'both' },
  { name: 'a light page, the system dark', width: 320, height: 640, scheme: 'dark', page: 'light' },
  { name: 'forced colours', width: 320, height: 640, scheme: 'light', page: 'light', forced: true },
  { name: '200 % zoom (640 × 360)', width: 640, height: 360, scheme: 'light', page: 'light' },
];

/** The page as a merchant may have it: light only, or following the system (with a dark canvas). */
function dressPage(page: Look['page']): void {
  document.documentElement.style.colorScheme = page === 'both' ? 'light dark' : '';
  document.body.style.background = page === 'both' ? 'Canvas' : '';
  document.body.style.color = page === 'both' ? 'CanvasText' : '';
}

/** Every control in `root` and the shadow roots below it that a shopper can see (or tab to). */
function controls(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.shadowRoot) found.push(...controls(el.shadowRoot));
    if (!el.matches('button, input, select, textarea, a[href], summary, [tabindex="0"]')) continue;
    if (el.closest('.visually-hidden') || el.classList.contains('visually-hidden')) continue;
    if (el.getClientRects().length === 0) continue; // not shown in this state
    found.push(el);
  }
  return found;
}

/** sRGB relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
/** The colour painted behind `el`: the nearest box with a background, across shadow roots, else the page's. */
function backgroundOf(el: Element): string {
  for (let node: Element | null = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null; node;) {
    const color = getComputedStyle(node).backgroundColor;
    if (!/rgba\(.*, 0\)$|transparent/.test(color)) return color;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return getComputedStyle(document.body).backgroundColor.replace(/rgba\(0, 0, 0, 0\)/, 'rgb(255, 255, 255)');
}
/**
 * WCAG 1.4.11, which axe does not check: what marks a control out — a field's border, a chip's or
 * a swatch's outline — reaches 3:1 against what is behind it.
 */
function controlBorders(root: ParentNode, look: string): void {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.shadowRoot) controlBorders(el.shadowRoot, look);
    if (!el.matches('input:not([type="checkbox"]):not([type="radio"]), select, textarea, .face, .qty, .quantity'))
      continue;
    const style = getComputedStyle(el);
    if (el.getClientRects().length === 0 || parseFloat(style.borderTopWidth) === 0) continue;
    const ratio = contrast(style.borderTopColor, backgroundOf(el));
    expect(
      ratio,
      `${look}: the border of <${el.localName} class="${el.className}"> at ${ratio.toFixed(2)}:1`,
    ).to.be.at.least(3);
  }
}

async function look(el: HTMLElement, as: Look): Promise<void> {
  await setViewport({ width: as.width, height: as.height });
  await emulateMedia({ colorScheme: as.scheme, forcedColors: as.forced ? 'active' : 'none' });
  dressPage(as.page);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  // A drawer sliding in is half transparent: look once it has arrived (a skeleton's shimmer never ends).
  const moving = (el.shadowRoot ?? document)
    .getAnimations()
    .filter((a) => a.effect?.getTiming().iterations !== Infinity);
  await Promise.all(moving.map((animation) => animation.finished.catch(() => undefined)));
  await expect(el, as.name).to.be.accessible();
  if (!as.forced) controlBorders(el.shadowRoot ?? el, as.name); // forced colours: the system's own
  expect(document.documentElement.scrollWidth, `${as.name}: no sideways scroll`).to.be.at.most(innerWidth);
  for (const control of controls(el.shadowRoot ?? el)) {
    const box = control.getBoundingClientRect();
    const name = `${as.name}: <${control.localName}> "${control.textContent?.trim().slice(0, 30) ?? ''}"`;
    expect(box.left, `${name} within the window`).to.be.at.least(-1);
    expect(box.right, `${name} within the window`).to.be.at.most(innerWidth + 1);
  }
}

/** Tag → the parts rendered in the states swept so far (for the manifest's check at the end). */
const partsSeen = new Map<string, Set<string>>();

/** Runs every look on `el` (the state stays; only the window and the colours change). */
async function sweep(el: HTMLElement): Promise<void> {
  partsRendered(el, partsSeen);
  for (const as of LOOKS) await look(el, as);
}

async function store(locale: string, inner: ReturnType<typeof html>): Promise<ToteStore> {
  const wrap = await fixture(html`<div dir=${locale === 'ar' ? 'rtl' : 'ltr'} lang=${locale}>
    <tote-store public-key=${DEMO} api-base=${API} locale=${locale}>${inner}</tote-store>
  </div>`);
  await loadAllTexts(locale);
  const el = wrap.querySelector<ToteStore>('tote-store')!;
  await waitUntil(() => el.shop, 'no shop');
  return el;
}

/** Contact, address, shipping and payment as a shopper fills them, in any language; `each` after every step. */
async function walkSteps(el: ToteCheckout, method: 'card' | 'bank', each: () => Promise<void> = async () => {}) {
  type(el, 'f-email', 'ada@example.com');
  await submitStep(el, 'contact');
  await waitUntil(() => el.shadowRoot!.querySelector('#f-shippingAddress-countryCode option'), 'no countries');
  await submitStep(el, 'address'); // nothing typed: the address's errors
  await each();
  await typeAddress(el);
  $<HTMLSelectElement>(el, '#f-shippingAddress-region').value = 'NY';
  await each(); // the address, filled in
  await submitStep(el, 'address');
  await each(); // shipping
  await submitStep(el, 'shipping');
  if (method === 'bank') $<HTMLInputElement>(el, 'input[name="method"][value="1"]').checked = true;
  await each(); // payment
  await submitStep(el, 'payment');
  expect(flowOf(el).state.step).to.equal('review');
}

const until = async <T>(find: () => T | null | undefined, message: string): Promise<T> => {
  await waitUntil(() => find(), message, { timeout: 8000 });
  return find()!;
};

for (const locale of ['en', 'ar']) {
  describe(`the accessibility sweep, ${locale}`, function () {
    this.timeout(60_000);
    before(() => control({ reset: true, resetLimits: true }));
    beforeEach(async () => {
      await control({ resetLimits: true });
      fixtureCleanup();
      sessionStorage.clear(); // no order pending from the state before
      history.replaceState(history.state, '', location.pathname + location.search);
    });
    after(async () => {
      await setViewport({ width: 800, height: 600 });
      await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
      dressPage('light');
    });

    it('the grid with its controls, and no results', async () => {
      const shop = await store(
        locale,
        html`<tote-products per-page="6" quick-add controls="search category sort stock price per-page count"></tote-products>`,
      );
      const grid = shop.querySelector<ToteProducts>('tote-products')!;
      await until(() => grid.shadowRoot!.querySelectorAll('[part~="card"]').length === 6 || null, 'no cards');
      await sweep(grid);
      const search = grid.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
      search.value = 'zzzz-nothing-like-this';
      search.dispatchEvent(new InputEvent('input'));
      await until(() => grid.shadowRoot!.querySelector('[part="empty"]'), 'no empty state');
      await sweep(grid);
    });

    it('the product view', async () => {
      const shop = await store(locale, html`<tote-product product="classic-tee"></tote-product>`);
      await whenUsed('tote-product');
      const product = shop.querySelector<HTMLElement>('tote-product')!;
      await until(() => product.shadowRoot?.querySelector('[part="add-button"]'), 'no product');
      await sweep(product);
    });

    it('the drawer: lines, a refused code, the undo, empty', async () => {
      const shop = await store(
        locale,
        html`<tote-cart-toggle></tote-cart-toggle><tote-cart open-on-add="false"></tote-cart>`,
      );
      await shop.shop!.cart.start();
      await shop.shop!.cart.startOver();
      await whenUsed('tote-cart');
      const cart = shop.querySelector<ToteCart>('tote-cart')!;
      await addSellable(shop.shop!, 'stoneware-mug');
      await addSellable(shop.shop!, 'chefs-knife');
      cart.show();
      await until(() => cart.shadowRoot!.querySelectorAll('[part="line"]').length === 2 || null, 'no lines');
      await sweep(cart);
      const code = await until(() => cart.shadowRoot!.querySelector<HTMLInputElement>('#code'), 'no code field');
      code.value = 'EXPIRED20';
      cart.shadowRoot!.querySelector<HTMLFormElement>('.discount-form')!.requestSubmit();
      await until(() => code.getAttribute('aria-invalid') === 'true' || null, 'the code was not refused');
      await sweep(cart);
      code.value = 'WELCOME10';
      cart.shadowRoot!.querySelector<HTMLFormElement>('.discount-form')!.requestSubmit();
      await until(() => cart.shadowRoot!.querySelector('[part="totals"] .discount'), 'the code did not apply');
      await sweep(cart); // a discount in the totals
      for (const remove of cart.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="remove"]')) remove.click();
      await until(() => cart.shadowRoot!.querySelector('.toast'), 'no undo');
      await sweep(cart);
      await until(() => cart.shadowRoot!.querySelector('[part="empty"], .empty'), 'not empty');
      await sweep(cart);
    });

    it('the checkout: every step, a step’s errors, a cancelled payment, the receipt', async () => {
      const filled = await fillCart(['stoneware-mug']); // a fresh cart, before the checkout reads it
      await filled.shop.cart.applyDiscountCode('WELCOME10'); // its amount in the summary
      const shop = await store(locale, html`<tote-checkout></tote-checkout>`);
      await whenUsed('tote-checkout');
      const el = shop.querySelector<ToteCheckout>('tote-checkout')!;
      el.navigate = (url) => handoffs.push(url);
      await until(() => (el.flow && el.flow.state.phase === 'form') || null, 'no checkout');
      await el.updateComplete;
      await sweep(el); // contact
      await submitStep(el, 'contact'); // nothing typed: its errors
      await sweep(el);
      await walkSteps(el, 'card', () => sweep(el));
      await sweep(el); // review
      $<HTMLInputElement>(el, '#f-terms').checked = true;
      const sent = handoffs.length;
      $<HTMLFormElement>(el, '.current form').requestSubmit();
      await until(() => handoffs.length > sent || null, 'no hand-off');
      await payOnHostedPage(el, handoffs.at(-1)!, 'cancel');
      fixtureCleanup();
      const back = await store(locale, html`<tote-checkout></tote-checkout>`);
      const again = back.querySelector<ToteCheckout>('tote-checkout')!;
      again.navigate = (url) => handoffs.push(url);
      await until(() => (again.flow && again.flow.state.phase === 'form') || null, 'not back at the review');
      await again.updateComplete;
      await sweep(again); // cancelled: the review with its note
      flowOf(again).set({ note: { kind: 'error', text: 'checkout.declined' } });
      await again.updateComplete;
      await sweep(again); // declined: the same review, with the error
      flowOf(again).set({ phase: 'placing' });
      await again.updateComplete;
      await sweep(again); // placing
    });

    it('the receipt of a bank transfer', async () => {
      await fillCart(['stoneware-mug']); // a fresh cart, before the checkout reads it
      const shop = await store(locale, html`<tote-checkout></tote-checkout>`);
      await whenUsed('tote-checkout');
      const el = shop.querySelector<ToteCheckout>('tote-checkout')!;
      await until(() => (el.flow && el.flow.state.phase === 'form') || null, 'no checkout');
      await walkSteps(el, 'bank');
      $<HTMLInputElement>(el, '#f-terms').checked = true;
      $<HTMLFormElement>(el, '.current form').requestSubmit();
      await until(() => flowOf(el).state.phase === 'receipt' || null, 'no receipt');
      await el.updateComplete;
      await sweep(el);
    });

    it('the account’s sign-in and the reviews', async () => {
      const shop = await store(
        locale,
        html`<tote-account></tote-account><tote-reviews product="classic-tee"></tote-reviews>`,
      );
      await whenUsed('tote-account');
      await whenUsed('tote-reviews');
      const account = shop.querySelector<HTMLElement>('tote-account')!;
      const reviews = shop.querySelector<HTMLElement>('tote-reviews')!;
      // The sign-in's first step (or its second, if this shop's session asked for a code already).
      await until(
        () => account.shadowRoot?.querySelector('input[type="email"], input[autocomplete="one-time-code"]'),
        'no sign-in',
      );
      await until(() => reviews.shadowRoot?.querySelector('.review, [part="review"]'), 'no reviews');
      await sweep(account);
      await sweep(reviews);
      // The review form sent empty: its errors, each tied to its field.
      const form = await until(
        () => reviews.shadowRoot!.querySelector<HTMLFormElement>('form[part="form"]'),
        'no form',
      );
      form.requestSubmit();
      await until(() => reviews.shadowRoot!.querySelector('[id$="-error"]'), 'no field errors');
      await sweep(reviews);
      // A code asked for: the account's second step.
      const email = account.shadowRoot!.querySelector<HTMLInputElement>('input[type="email"]');
      if (email) {
        email.value = 'ada@example.com';
        email.closest('form')!.requestSubmit();
        await until(() => account.shadowRoot!.querySelector('input[autocomplete="one-time-code"]'), 'no code step');
        await sweep(account);
      }
    });
  });
}

// The manifest documents every part these states render, and each element's parts render in them
// (issue 19). The parts of states the sweep does not build, and where each is rendered instead:
// PARTS_SHOWN_ELSEWHERE (test/helpers/manifest.ts).
describe('the manifest, against the parts the sweep rendered', () => {
  it('documents exactly the parts of the grid, the product, the drawer, the checkout, the account and the reviews', async () => {
    const elements = await manifestElements();
    const problems: string[] = [];
    for (const tag of ['tote-products', 'tote-product', 'tote-cart', 'tote-checkout', 'tote-account', 'tote-reviews']) {
      const other = shownElsewhere(tag);
      const documented = names(elements.get(tag)!.cssParts);
      for (const part of other) expect(documented, `<${tag}> part "${part}"`).to.include(part);
      problems.push(...mismatches(tag, 'part', documented, partsSeen.get(tag) ?? [], other));
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
