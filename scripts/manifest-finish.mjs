// `npm run build`, after `cem analyze`: the manifest as the published package has it (issue 19).
// The analyser names modules by their source (`src/components/cart/cart.ts`), which the package
// does not ship: each path becomes the built file an app imports (`dist/components/cart/cart.js`).
// And the elements' shared base class (ToteElement, LazyToteElement) is no element of its own:
// it has no tag, so its `customElement` flag goes (its attributes, parts and events are already
// copied into every element that inherits them).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `cem`'s arguments for the manifest, written into `outdir` (relative to the project). */
export const analyzeArgs = (outdir) => [
  'analyze',
  '--litelement',
  '--globs',
  'src/**/*.ts',
  '--outdir',
  outdir,
  '--quiet',
];

/** `src/a/b.ts` (or a `src/a/b.js` import) → `dist/a/b.js`; any other path as it is. */
export const shippedPath = (path) => path.replace(/^src\/(.*)\.[jt]s$/, 'dist/$1.js');

/** The manifest with shipped paths and no tag-less element (a new object; `manifest` stays). */
export function finishManifest(manifest) {
  const finished = structuredClone(manifest);
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = shippedPath(inner);
      else visit(inner);
    }
  };
  visit(finished.modules);
  for (const mod of finished.modules)
    for (const decl of mod.declarations ?? []) if (decl.customElement && !decl.tagName) delete decl.customElement;
  return finished;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = 'dist/custom-elements.json';
  writeFileSync(file, `${JSON.stringify(finishManifest(JSON.parse(readFileSync(file, 'utf8'))), null, 2)}\n`);
  console.log(`Finished ${file}: shipped paths, no tag-less element.`);
}
