// `npm run build`:
//  1. Vite: the merchant's drop-in script dist/tote.js + content-hashed lazy chunks (+ manifest);
//  2. tsc: the ESM package — one .js + .d.ts per source module in dist/ (lit, nanoid, idb-keyval
//     stay bare imports for the developer's bundler);
//  3. the Custom Elements Manifest (dist/custom-elements.json) from the classes' JSDoc, and from it
//     docs/elements.md and the editors' data (VS Code custom data, JetBrains web-types);
//  4. the SRI hash of dist/tote.js, for merchants who pin a version.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { analyzeArgs } from './manifest-finish.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
const step = (title, command, args) => {
  console.log(`\n▶ ${title}`);
  execFileSync(command, args, { stdio: 'inherit' });
};

step('drop-in script (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
step('ESM package and types (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
step('custom elements manifest (cem)', bin('cem'), analyzeArgs('dist'));
step('the manifest as the package ships it', process.execPath, ['scripts/manifest-finish.mjs']);
step('docs/elements.md from the manifest', process.execPath, ['scripts/docs.mjs']);
step('editor data: VS Code custom data and web-types', process.execPath, ['scripts/editor-data.mjs']);

const entry = readFileSync('dist/tote.js');
const sri = `sha384-${createHash('sha384').update(entry).digest('base64')}`;
console.log(`\nBuilt dist/tote.js (${entry.length} bytes), integrity="${sri}"`);

// Every path the package promises must exist, or `npm publish` would ship a broken package.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const promised = [
  ...Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
  // the subpaths' types for TypeScript's resolution from before `exports` (moduleResolution node10)
  ...Object.values(pkg.typesVersions?.['*'] ?? {}).flat(),
];
const missing = promised.filter((path) => path.startsWith('./dist/') && !existsSync(path));
if (missing.length) {
  console.error(`The build did not produce: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`All ${promised.length} package exports are present.`);
step('package check', process.execPath, ['scripts/check-package.mjs']);
