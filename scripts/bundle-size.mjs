// Sizes of the drop-in build, read from dist/manifest.json (Vite): which files a page downloads
// for a given use, and their raw, gzip and brotli bytes. Shared by `npm run size` (the budget)
// and `npm run bench` (the figures).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Reads `dir/manifest.json`; throws with a hint when the build has not run. */
export function readManifest(dir = 'dist') {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    throw new Error(`${dir}/manifest.json is missing: run \`npm run build\` (or vite build) first.`);
  }
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error(`${dir}/manifest.json has no entry: did the build run?`);
  return { dir, manifest, entryKey };
}

/**
 * Files reachable from `keys` (manifest keys): through static imports only, or through lazy
 * (dynamic) imports too. CSS files a chunk pulls in count as well.
 */
export function reachable({ manifest }, keys, followDynamic) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
    if (followDynamic) for (const next of chunk.dynamicImports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return [...files];
}

/** The manifest key of the lazy chunk built from a source file matching `pattern`, if any. */
export function chunkFor({ manifest }, pattern) {
  return Object.keys(manifest).find((key) => manifest[key].src && pattern.test(manifest[key].src));
}

/** Raw, gzip (level 9) and brotli (quality 11) bytes of `files`, summed file by file. */
export function measure({ dir }, files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

/**
 * What a shopper's browser downloads, by use:
 *  - initial: the drop-in entry and its static imports: what the README's page (a grid, the cart
 *    button and the drawer) loads before the shopper reaches for the cart (the drawer loads then);
 *  - opened: initial + what loads when the shopper first opens a product or the cart (product view,
 *    cart and checkout come in one file) + the rest of English: an English page with everything open;
 *  - everything: every file one page can load: all the code, and the largest language file (a
 *    page loads the file of its own language: the grid's English ships in the code, the rest of
 *    English and pl/de/ar are one file each);
 *  - languages: the language files, for the record.
 */
export function bundleParts(dir = 'dist') {
  const build = readManifest(dir);
  const isLanguage = (file) =>
    Object.values(build.manifest).some(
      (chunk) => chunk.file === file && /src\/i18n\/[a-z]{2,3}\.ts$/.test(chunk.src ?? ''),
    );
  const initial = reachable(build, [build.entryKey], false);
  const code = [];
  const languages = [];
  for (const file of reachable(build, [build.entryKey], true)) (isLanguage(file) ? languages : code).push(file);
  const english = chunkFor(build, /src\/i18n\/en\.ts$/);
  // The shop's file (the drawer, the product view, the checkout) and what it imports.
  const drawer = Object.keys(build.manifest).find((key) => /tote-shop-[\w-]+\.js$/.test(build.manifest[key].file));
  const opened = [...new Set([...initial, ...(drawer ? reachable(build, [drawer], false) : [])])];
  const largest = languages.map((file) => [file, measure(build, [file]).gzip]).sort((x, y) => y[1] - x[1])[0];
  const parts = {
    initial,
    opened: [...opened, ...(english ? [build.manifest[english].file] : [])],
    everything: [...code, ...(largest ? [largest[0]] : [])],
    languages,
  };
  return Object.fromEntries(Object.entries(parts).map(([name, files]) => [name, { files, ...measure(build, files) }]));
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
