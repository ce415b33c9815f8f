// The Custom Elements Manifest as the package ships it, made from the sources by the test server
// (scripts/wtr-manifest.mjs), and what the elements really have to compare it with.

interface Named {
  name: string;
}
export interface ManifestElement {
  tagName: string;
  attributes?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
  events?: Named[];
}

let manifest: Promise<Map<string, ManifestElement>> | undefined;

/** Tag → its declaration in the manifest. */
export function manifestElements(): Promise<Map<string, ManifestElement>> {
  manifest ??= fetch('/__tote/custom-elements.json')
    .then((answer) => answer.json())
    .then((json: { modules: { declarations?: (ManifestElement & { customElement?: boolean })[] }[] }) => {
      const elements = new Map<string, ManifestElement>();
      for (const mod of json.modules)
        for (const declaration of mod.declarations ?? [])
          if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
      return elements;
    });
  return manifest;
}

export const names = (list: Named[] | undefined): string[] => (list ?? []).map((item) => item.name).sort();

/**
 * The parts in `host`'s shadow root and below it, each counted for the Tote element whose shadow
 * root holds it (a checkout inside the drawer has its own parts), added to `into`.
 */
export function partsRendered(host: Element, into: Map<string, Set<string>>): Map<string, Set<string>> {
  const root = host.shadowRoot;
  if (!root) return into;
  const own = into.get(host.localName) ?? new Set<string>();
  into.set(host.localName, own);
  for (const el of root.querySelectorAll('*')) {
    for (const part of el.part) own.add(part);
    if (el.shadowRoot && el.localName.startsWith('tote-')) partsRendered(el, into);
  }
  return into;
}

/**
 * Differences between what the manifest says and what is there, as readable lines; `mayBeAbsent`:
 * documented names that need not be there (parts of states rendered elsewhere).
 */
export function mismatches(
  tag: string,
  what: string,
  documented: string[],
  real: Iterable<string>,
  mayBeAbsent: string[] = [],
): string[] {
  const there = new Set(real);
  return [
    ...[...there]
      .filter((name) => !documented.includes(name))
      .map((name) => `<${tag}> ${what} "${name}": not in the manifest`),
    ...documented
      .filter((name) => !there.has(name) && !mayBeAbsent.includes(name))
      .map((name) => `<${tag}> ${what} "${name}": documented, not there`),
  ];
}

/** The test that shows the manifest's check renders a part itself (test/components/manifest.test.ts). */
export const HERE = 'test/components/manifest.test.ts';

/**
 * Parts of states the accessibility sweep does not show, each with the test that renders it: this
 * file's own rarer states (`HERE`), or an element's test that finds the part by its selector
 * (`[part="…"]`; test/node/manifest-parts.test.ts checks that it does). Every element's set-up box,
 * `config-error`, is rendered by `HERE`.
 */
export const PARTS_SHOWN_ELSEWHERE: Record<string, Record<string, string>> = {
  'tote-products': {
    badge: 'test/components/products/products.test.ts',
    detail: 'test/components/products/products.test.ts',
    error: 'test/components/products/products.test.ts',
    dialog: HERE,
    close: HERE,
    product: HERE,
  },
  'tote-product': { error: 'test/components/product/product.test.ts', reviews: HERE },
  'tote-cart': {
    'gift-card': 'test/components/cart/cart.test.ts',
    'amount-due': 'test/components/cart/cart.test.ts',
    tax: 'test/components/cart/cart.test.ts',
    product: HERE,
    checkout: HERE,
    error: HERE,
  },
  'tote-checkout': { paypal: 'test/components/checkout/checkout.test.ts' },
  'tote-account': {
    'sign-out': 'test/components/account/account.test.ts',
    orders: 'test/components/account/account.test.ts',
    order: 'test/components/account/account.test.ts',
    addresses: 'test/components/account/account.test.ts',
    address: 'test/components/account/account.test.ts',
  },
  'tote-reviews': {
    empty: 'test/components/reviews/reviews.test.ts',
    error: 'test/components/reviews/reviews.test.ts',
    failure: 'test/components/reviews/reviews.test.ts',
    pager: 'test/components/reviews/reviews.test.ts',
  },
  'tote-cart-toggle': { status: HERE },
  'tote-categories': { empty: HERE, error: HERE },
};

/** The parts of `tag` that `PARTS_SHOWN_ELSEWHERE` accounts for, `config-error` included. */
export const shownElsewhere = (tag: string): string[] => [
  ...Object.keys(PARTS_SHOWN_ELSEWHERE[tag] ?? {}),
  'config-error',
];
