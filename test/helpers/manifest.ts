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

/** Differences between what the manifest says and what is there, as readable lines. */
export function mismatches(tag: string, what: string, documented: string[], real: Iterable<string>): string[] {
  const there = new Set(real);
  return [
    ...[...there]
      .filter((name) => !documented.includes(name))
      .map((name) => `<${tag}> ${what} "${name}": not in the manifest`),
    ...documented.filter((name) => !there.has(name)).map((name) => `<${tag}> ${what} "${name}": documented, not there`),
  ];
}
