// Editor data from the Custom Elements Manifest (issue 19), the way Shoelace and Web Awesome ship
// theirs: VS Code's HTML custom data (dist/vscode.html-custom-data.json: tags, attributes and their
// values, hover docs) and JetBrains' web-types (dist/web-types.json: the same, plus events, slots,
// CSS parts and custom properties). `npm run build` writes both after the manifest; `editorData()`
// is the pure half, tested on its own (test/node/editor-data.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The manifest's custom elements with a tag (a declaration without one is a base class). */
export const elementsOf = (manifest) =>
  manifest.modules.flatMap((mod) => mod.declarations ?? []).filter((decl) => decl.customElement && decl.tagName);

/** `'drawer' | 'inline'` → `['drawer', 'inline']`; `undefined` for a type that is not a union of strings. */
export function valuesOf(typeText) {
  const parts = (typeText ?? '').split('|').map((part) => part.trim());
  if (!parts.length || !parts.every((part) => /^'[^']*'$/.test(part))) return undefined;
  return parts.map((part) => part.slice(1, -1));
}

/** The HTML custom data and the web-types for `manifest`, with `pkg`'s name and version. */
export function editorData(manifest, pkg) {
  const elements = elementsOf(manifest);
  const vscode = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tagName,
      description: [
        el.summary ?? el.description ?? '',
        ...(el.events ?? []).map((e) => `@fires ${e.name} — ${e.description ?? ''}`),
      ]
        .filter(Boolean)
        .join('\n\n'),
      attributes: (el.attributes ?? []).map((attr) => {
        const values = valuesOf(attr.type?.text);
        return {
          name: attr.name,
          description: attr.description ?? '',
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
          ...(attr.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
    })),
  };
  const webTypes = {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tagName,
          description: el.summary ?? el.description ?? '',
          attributes: (el.attributes ?? []).map((attr) => {
            const values = valuesOf(attr.type?.text);
            return {
              name: attr.name,
              description: attr.description ?? '',
              value: values
                ? { type: 'enum', kind: 'plain' }
                : { type: attr.type?.text ?? 'string', kind: attr.type?.text === 'boolean' ? 'no-value' : 'plain' },
              ...(values ? { values: values.map((name) => ({ name })) } : {}),
            };
          }),
          events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
          slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
          css: {
            parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
            properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          },
        })),
      },
    },
  };
  return { vscode, webTypes };
}

// `node scripts/editor-data.mjs`: write both next to the manifest.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const { vscode, webTypes } = editorData(manifest, pkg);
  writeFileSync('dist/vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);
  writeFileSync('dist/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);
  console.log(`Wrote dist/vscode.html-custom-data.json and dist/web-types.json (${vscode.tags.length} elements).`);
}
