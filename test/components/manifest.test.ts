// The manifest (dist/custom-elements.json, and from it the docs, the editors' data and the typings'
// check) documents every attribute and custom property each element really has, and no other
// (issue 19): the attributes a class observes, the `--tote-*` properties its styles read. The parts
// are compared with what renders: here for the elements the accessibility sweep does not show,
// in the sweep (test/a11y/sweep.test.ts) for the others, over all of its states.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { CSSResultOrNative, ReactiveElement } from 'lit';
import '../../src/define.js';
import { whenUsed } from '../../src/dom/lazy-define.js';
import { themeStyles } from '../../src/styles/theme.js';
import { waitUntil } from '../helpers/wait.js';
import {
  HERE,
  PARTS_SHOWN_ELSEWHERE,
  manifestElements,
  mismatches,
  names,
  partsRendered,
} from '../helpers/manifest.js';
import { returningVisitor } from '../helpers/returning-visitor.js';
import { addSellable, control } from './checkout/checkout-fixture.js';
import type { ToteCart, ToteCategories, ToteStore } from '../../src/index.js';

const API = '/v3';
const DEMO = 'pk_test_tote_demo';

const cssText = (styles: CSSResultOrNative[]): string =>
  styles
    .map((style) =>
      style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText,
    )
    .join('\n');

/** The `--tote-*` custom properties that styles read. */
const propertiesIn = (styles: CSSResultOrNative[]): Set<string> =>
  new Set([...cssText(styles).matchAll(/var\(\s*(--tote-[\w-]+)/g)].map((match) => match[1]!));
const propertiesRead = (element: typeof ReactiveElement) => propertiesIn(element.elementStyles);
const themeProperties = propertiesIn([themeStyles]);

/**
 * The attributes an element has: those it observes and those only its styles read (`:host([x])`),
 * less HTML's own (`hidden`); `color-scheme` wherever `theme` is, whose older name it is.
 */
function attributesHad(element: typeof ReactiveElement): Set<string> {
  const had = new Set([
    ...element.observedAttributes,
    ...[...cssText(element.elementStyles).matchAll(/:host\(\[([\w-]+)/g)].map((match) => match[1]!),
  ]);
  had.delete('hidden');
  if (had.has('theme')) had.add('color-scheme');
  return had;
}

const LAZY = [
  'tote-product',
  'tote-buy-button',
  'tote-cart',
  'tote-checkout',
  'tote-account',
  'tote-reviews',
  'tote-categories',
];

/** Tag → the parts this file's renders have shown (compared with the manifest by the last test). */
const seen = new Map<string, Set<string>>();

describe('the manifest against the elements', () => {
  before(() => Promise.all(LAZY.map((tag) => whenUsed(tag as 'tote-cart'))));
  it('lists every element the package defines', async () => {
    const elements = await manifestElements();
    const tags = [...elements.keys()].sort();
    expect(tags).to.have.length(10);
    for (const tag of tags) expect(customElements.get(tag), tag).to.exist;
  });

  it('documents exactly the attributes each element observes or styles by', async () => {
    const problems: string[] = [];
    for (const [tag, declared] of await manifestElements()) {
      const element = customElements.get(tag) as unknown as typeof ReactiveElement;
      problems.push(...mismatches(tag, 'attribute', names(declared.attributes), attributesHad(element)));
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('documents exactly the --tote-* custom properties each element’s styles read', async () => {
    const problems: string[] = [];
    for (const [tag, declared] of await manifestElements()) {
      const element = customElements.get(tag) as unknown as typeof ReactiveElement;
      // <tote-store> holds the elements and draws nothing of the shop itself: the theme's
      // properties set on it are for the elements inside, which all read them.
      const read =
        tag === 'tote-store' ? new Set([...propertiesRead(element), ...themeProperties]) : propertiesRead(element);
      problems.push(...mismatches(tag, 'custom property', names(declared.cssProperties), read));
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('renders the cart button, the buy button, the categories and the store, with a shop and without one', async function () {
    this.timeout(20_000);
    const wrap = await fixture(html`<div>
      <tote-store public-key=${DEMO} api-base=${API}>
        <tote-cart-toggle></tote-cart-toggle>
        <tote-buy-button product="classic-tee"></tote-buy-button>
        <tote-categories></tote-categories>
        <tote-products per-page="4"></tote-products>
      </tote-store>
      <tote-store></tote-store>
      <section class="no-shop">
        <tote-cart-toggle></tote-cart-toggle>
        <tote-buy-button product="classic-tee"></tote-buy-button>
        <tote-categories></tote-categories>
        <tote-products></tote-products>
        <tote-product product="classic-tee"></tote-product>
        <tote-cart mode="inline"></tote-cart>
        <tote-checkout></tote-checkout>
        <tote-account></tote-account>
        <tote-reviews product="classic-tee"></tote-reviews>
      </section>
    </div>`);
    const [store, broken] = wrap.querySelectorAll('tote-store');
    const alone = wrap.querySelector('.no-shop')!;
    // With no shop at all, an element says so once it has waited a few seconds for one.
    for (const el of alone.children)
      await waitUntil(() => el.shadowRoot?.querySelector('[part="config-error"]'), `<${el.localName}>: no set-up box`, {
        timeout: 8000,
      });
    const categories = wrap.querySelector('tote-categories')!;
    await waitUntil(() => categories.shadowRoot?.querySelector('[part~="tile"]'), 'no category tiles');
    await waitUntil(() => wrap.querySelector('tote-buy-button')!.shadowRoot?.querySelector('button:not([disabled])'));
    const hosts = 'tote-cart-toggle, tote-buy-button, tote-categories';
    for (const el of [store!, broken!, ...store!.querySelectorAll(hosts), ...alone.querySelectorAll(hosts)])
      partsRendered(el, seen); // with a shop, and without one (the set-up problem's box)
    // A category with children: its drill-down and breadcrumbs.
    categories.shadowRoot!.querySelector<HTMLElement>('[part~="tile"]')!.click();
    await waitUntil(() => categories.shadowRoot!.querySelector('[part~="breadcrumbs"]'), 'no breadcrumbs');
    partsRendered(categories, seen);
    const elements = await manifestElements();
    for (const el of alone.children)
      expect(names(elements.get(el.localName)!.cssParts), `<${el.localName}>`).to.include('config-error');
  });

  it('renders the rarer states: the grid’s dialog, the product’s reviews, the drawer’s product and checkout, the saving dot, failures', async function () {
    this.timeout(60_000);
    const mount = async (inner: ReturnType<typeof html>) => {
      fixtureCleanup();
      const store = await fixture<ToteStore>(
        html`<tote-store public-key=${DEMO} api-base=${API}>${inner}</tote-store>`,
      );
      await waitUntil(() => store.shop, 'no shop');
      return { store, shop: store.shop! };
    };
    const find = async <T extends Element>(host: Element, selector: string, what: string, timeout = 8000) => {
      await waitUntil(() => host.shadowRoot?.querySelector(selector), what, { timeout });
      return host.shadowRoot!.querySelector<T>(selector)!;
    };
    await control({ reset: true, resetLimits: true, faults: null });

    // The grid opens a product in its dialog.
    let { store } = await mount(html`<tote-products per-page="2"></tote-products>`);
    const grid = store.querySelector('tote-products')!;
    (await find<HTMLElement>(grid, '.card[data-index]', 'no cards')).click();
    await find(grid, 'dialog[open] tote-product', 'no product dialog');
    partsRendered(grid, seen);

    // The product view shows its reviews.
    ({ store } = await mount(html`<tote-product product="classic-tee"></tote-product>`));
    const product = store.querySelector('tote-product')!;
    (await find<HTMLElement>(product, '[part="rating"] button', 'no reviews button')).click();
    await find(product, '[part="reviews"]', 'no reviews under the product');
    partsRendered(product, seen);

    // The drawer's checkout, then a line's product in the drawer.
    let shop;
    ({ store, shop } = await mount(html`<tote-cart open-on-add="false"></tote-cart>`));
    await shop.cart.startOver();
    await whenUsed('tote-cart');
    await addSellable(shop, 'stoneware-mug');
    let cart = store.querySelector<ToteCart>('tote-cart')!;
    cart.show();
    (await find<HTMLElement>(cart, '[part="checkout-button"]', 'no checkout button')).click();
    await find(cart, 'tote-checkout[part="checkout"]', 'no checkout in the drawer');
    partsRendered(cart, seen);
    ({ store } = await mount(html`<tote-cart open-on-add="false"></tote-cart>`));
    cart = store.querySelector<ToteCart>('tote-cart')!;
    cart.show();
    (await find<HTMLElement>(cart, '[part="line-link"]', 'no line link')).click();
    await find(cart, 'tote-product[part="product"]', "no line's product in the drawer");
    partsRendered(cart, seen);

    // The cart button's dot while a change is saving.
    ({ store, shop } = await mount(html`<tote-cart-toggle></tote-cart-toggle>`));
    await control({ faults: 'latency=800-800' });
    const saving = addSellable(shop, 'stoneware-mug');
    const toggle = store.querySelector('tote-cart-toggle')!;
    await find(toggle, '[part="status"]', 'no saving dot');
    partsRendered(toggle, seen);
    await saving;

    // The categories: none at all, and a failed read (the wire allows an empty list; any failure).
    await control({ faults: null });
    ({ store, shop } = await mount(html`<tote-categories></tote-categories>`));
    const categories = store.querySelector<ToteCategories>('tote-categories')!;
    await find(categories, '[part~="tile"]', 'no tiles');
    (shop.catalog as { categories: () => Promise<unknown> }).categories = async () => ({ data: [] });
    await categories.refresh();
    await find(categories, '[part="empty"]', 'no "no categories"');
    partsRendered(categories, seen);
    (shop.catalog as { categories: () => Promise<unknown> }).categories = () => Promise.reject(new Error('offline'));
    await categories.refresh().catch(() => undefined);
    await find(categories, '[part="error"]', 'no categories error');
    partsRendered(categories, seen);

    // A returning visitor's cart that cannot be read.
    await control({ faults: 'error5xx=1' });
    // (another key than the other states': a storage holding no copy of the cart)
    const unknownCart = 'pk_manifestCheck0123456789';
    await returningVisitor(unknownCart, API);
    fixtureCleanup();
    store = await fixture<ToteStore>(
      html`<tote-store public-key=${unknownCart} api-base=${API}><tote-cart mode="inline"></tote-cart></tote-store>`,
    );
    const unread = store.querySelector('tote-cart')!;
    await find(unread, '[part="error"]', 'no cart error', 20_000);
    partsRendered(unread, seen);
    await control({ faults: null });
  });

  it('documents exactly the parts rendered here, and renders those of its own states', async () => {
    const elements = await manifestElements();
    const problems: string[] = [];
    for (const tag of ['tote-store', 'tote-cart-toggle', 'tote-buy-button', 'tote-categories']) {
      const documented = names(elements.get(tag)!.cssParts);
      const elsewhere = Object.entries(PARTS_SHOWN_ELSEWHERE[tag] ?? {})
        .filter(([, file]) => file !== HERE)
        .map(([part]) => part);
      problems.push(...mismatches(tag, 'part', documented, seen.get(tag) ?? [], elsewhere));
    }
    for (const [tag, parts] of Object.entries(PARTS_SHOWN_ELSEWHERE)) {
      const documented = names(elements.get(tag)!.cssParts);
      for (const [part, file] of Object.entries(parts)) {
        if (!documented.includes(part)) problems.push(`<${tag}> part "${part}": not in the manifest`);
        if (file === HERE && !seen.get(tag)?.has(part)) problems.push(`<${tag}> part "${part}": not rendered here`);
      }
      for (const part of seen.get(tag) ?? [])
        if (!documented.includes(part)) problems.push(`<${tag}> part "${part}": rendered, not in the manifest`);
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
