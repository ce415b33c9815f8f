// `npm run size`: builds the drop-in script and checks the size budget (issue 2):
//   (a) what a page with a product grid and a cart button loads first — the entry and its static
//       imports — must stay under 25 KB gzip (target 20 KB);
//   (b) everything the drop-in can ever load — static and lazy chunks — under 45 KB gzip (target 35 KB).
// Prints raw, gzip and brotli bytes; exits 1 over a ceiling. `--no-build` reuses dist/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET = {
  initial: { ceiling: 25 * 1024, target: 20 * 1024 },
  everything: { ceiling: 45 * 1024, target: 35 * 1024 },
};

if (!process.argv.includes('--no-build')) {
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
}

const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('dist/manifest.json has no entry: did the build run?');

/** Files reachable from the entry: through static imports only, or through lazy imports too. */
function reachable(followDynamic) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
    if (followDynamic) for (const next of chunk.dynamicImports ?? []) visit(next);
  };
  visit(entryKey);
  return [...files];
}

function measure(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(`dist/${file}`);
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
let over = false;
console.log('\nTote drop-in size (dist/tote.js and its chunks)');
console.log('part                     files        raw       gzip     brotli   gzip ceiling (target)');
for (const [name, followDynamic] of [['initial', false], ['everything', true]]) {
  const files = reachable(followDynamic);
  const size = measure(files);
  const { ceiling, target } = BUDGET[name];
  const verdict = size.gzip > ceiling ? 'OVER BUDGET' : size.gzip > target ? 'over target' : 'ok';
  if (size.gzip > ceiling) over = true;
  console.log(
    `${(name === 'initial' ? '(a) grid + cart button' : '(b) everything').padEnd(24)} ${String(files.length).padStart(5)} ` +
      `${kb(size.raw).padStart(10)} ${kb(size.gzip).padStart(10)} ${kb(size.brotli).padStart(10)}   ` +
      `${kb(ceiling)} (${kb(target)}) ${verdict}`,
  );
}
if (over) {
  console.error('\nThe size budget is exceeded: look at dist/manifest.json for which chunk grew (README, "Size budget").');
  process.exit(1);
}
