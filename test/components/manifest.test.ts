// The manifest (dist/custom-elements.json, and from it the docs, the editors' data and the typings'
// check) documents every attribute and custom property each element really has, and no other
// (issue 19): the attributes a class observes, the `--tote-*` properties its styles read. The parts
// are compared with what renders: here for the elements the accessibility sweep does not show,
// in the sweep (test/a11y/sweep.test.ts) for the others, over all of its states.
import { expect, fixture, html } from '@open-wc/testing';
import type { CSSResultOrNative, ReactiveElement } from 'lit';
import '../../src/define.js';
import { whenUsed } from '../../src/dom/lazy-define.js';
import { themeStyles } from '../../src/styles/theme.js';
import { waitUntil } from '../helpers/wait.js';
import { manifestElements, mismatches, names, partsRendered } from '../helpers/manifest.js';

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

/**
 * Parts of states these tests do not build, each named with the state: the cart button's dot while
 * a change is saving or the shop is offline, and the categories' "none" and "could not load".
 */
const PARTS_OF_RARER_STATES: Record<string, string[]> = {
  'tote-cart-toggle': ['status'],
  'tote-categories': ['empty', 'error'],
};

const LAZY = [
  'tote-product',
  'tote-buy-button',
  'tote-cart',
  'tote-checkout',
  'tote-account',
  'tote-reviews',
  'tote-categories',
];

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

  it('documents exactly the parts the cart button, the buy button, the categories and the store render', async function () {
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
    const seen = new Map<string, Set<string>>();
    const hosts = 'tote-cart-toggle, tote-buy-button, tote-categories';
    for (const el of [store!, broken!, ...store!.querySelectorAll(hosts), ...alone.querySelectorAll(hosts)])
      partsRendered(el, seen); // with a shop, and without one (the set-up problem's box)
    // A category with children: its drill-down and breadcrumbs.
    categories.shadowRoot!.querySelector<HTMLElement>('[part~="tile"]')!.click();
    await waitUntil(() => categories.shadowRoot!.querySelector('[part~="breadcrumbs"]'), 'no breadcrumbs');
    partsRendered(categories, seen);
    const problems: string[] = [];
    const elements = await manifestElements();
    for (const el of alone.children) {
      const documented = names(elements.get(el.localName)!.cssParts);
      if (!documented.includes('config-error'))
        problems.push(`<${el.localName}> part "config-error": not in the manifest`);
    }
    for (const tag of ['tote-store', 'tote-cart-toggle', 'tote-buy-button', 'tote-categories']) {
      const rarer = PARTS_OF_RARER_STATES[tag] ?? [];
      const documented = names(elements.get(tag)!.cssParts);
      for (const part of rarer) expect(documented, `<${tag}> part "${part}"`).to.include(part);
      const rendered = [...(seen.get(tag) ?? [])];
      problems.push(
        ...mismatches(
          tag,
          'part',
          documented.filter((part) => !rarer.includes(part)),
          rendered,
        ),
      );
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});
