// `npm run check:frameworks`: can a developer adopt the package as npm delivers it? Everything here
// uses the packed tarball, installed with npm into the small apps of test/frameworks-apps/ — never the
// repository's sources or dist/ — and the recipes of docs/recipes.md:
//  - React 19: `tsc --noEmit`, `vite build`, then a shopper in headless Chromium against the reference
//    store adds with the app's own button (headless shop) and through the grid's product view; the
//    server's cart must hold both, with no page error and the drawer shut (open-on-add="false");
//    and `renderToString` of the same app in plain Node;
//  - every JavaScript entry but the drop-in `tote.js` (the page's <script>, a browser bundle) imports
//    in plain Node without a DOM and defines nothing there;
//  - Vue 3: `vue-tsc --noEmit` (mistakes it must refuse included) and `vite build`;
//  - Svelte 5: `svelte-check` (errors exactly on the lines of refused/ marked "refused") and `vite build`;
//  - `publint --strict` and `attw` on the tarball.
// The apps' toolchains come from their own lockfile, installed once into
// node_modules/.cache/tote-frameworks/<hash of package.json and lockfile>/; each run adds the tarball
// there with `npm install`, as `npm install tote-storefront` would, and copies the apps' sources to a
// temporary folder beside a link to those node_modules. (Not into the cache itself: svelte-check
// skips every file whose path contains node_modules, and would find nothing to check.)
// Needs `npm run build` first. Servers listen on 127.0.0.1 only. Prints a line per step with its time
// and exits 1 listing the failures. `--tarball=file.tgz` checks that file instead of packing dist/.
// About 40 s with the toolchains cached, 10 s more to install them (2 cores).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { CHROMIUM_FLAGS, findChromium } from './chromium.mjs';
import { send, sendFileFrom } from './serve-dist.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APPS = join(ROOT, 'test/frameworks-apps');
const CACHE = join(ROOT, 'node_modules/.cache/tote-frameworks');
const KEY = 'pk_test_tote_demo'; // the apps' key: the reference store's demo shop
const exec = promisify(execFile);
const started = performance.now();
const failures = [];
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs a step, prints "✓ title (time)" or "✗ title (time)" and why; true when it passed. */
async function step(title, action) {
  const start = performance.now();
  try {
    const note = await action();
    console.log(`✓ ${title} (${seconds(start)})${typeof note === 'string' ? `: ${note}` : ''}`);
    return true;
  } catch (error) {
    console.log(`✗ ${title} (${seconds(start)})\n${indent(error.message)}`);
    failures.push(`${title}: ${error.message.split('\n')[0]}`);
    return false;
  }
}

const indent = (text) => text.replace(/^/gm, '    ');

/** Runs a command; throws with its output when it fails (or outlives `timeout` ms). */
async function run(command, args, { cwd, timeout = 300_000 } = {}) {
  try {
    return await exec(command, args, {
      cwd,
      timeout,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    const what = error.killed ? `was stopped after ${timeout / 1000} s` : 'failed';
    const shown = [command.includes('/') ? basename(command) : command, ...args].join(' ');
    throw new Error(`\`${shown}\` ${what}\n${output}`, { cause: error });
  }
}

/** Runs an ES module script in a child Node (no DOM, nothing of this process); its stdout, parsed as JSON.
 * The child must end by itself: a module that holds Node open hangs a prerender or a build script. */
async function nodeScript(code, cwd) {
  const timeout = 8_000;
  try {
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', code], { cwd, timeout });
    return JSON.parse(stdout);
  } catch (error) {
    if (!error.killed) throw new Error(`${error.stderr || error.message}`.trim(), { cause: error });
    const printed = error.stdout ? JSON.parse(error.stdout) : {};
    throw new Error(
      `Node did not exit within ${timeout / 1000} s of the work being done: something keeps it alive ` +
        `(active resources then: ${printed.resources?.join(', ') || 'unknown'}; a MessagePort is an open ` +
        'BroadcastChannel or MessageChannel)',
      { cause: error },
    );
  }
}

// 1. The package as npm would publish it.
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const promised = Object.values(pkg.exports).flatMap((target) =>
  typeof target === 'string' ? [target] : Object.values(target),
);
const given = process.argv.find((arg) => arg.startsWith('--tarball='))?.slice('--tarball='.length);
const missing = given ? [] : promised.filter((path) => path.startsWith('./dist/') && !existsSync(join(ROOT, path)));
if (missing.length) {
  const some = `${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}`;
  console.error(`dist/ lacks ${missing.length} files package.json exports (${some}): run \`npm run build\` first.`);
  process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), 'tote-frameworks-'));
let tarball = given && resolve(given);
let work; // the cached toolchain: package.json, lockfile, node_modules
const apps = join(scratch, 'apps'); // this run's copy of the apps, beside a link to work/node_modules

try {
  const ready =
    (await step('npm pack', async () => {
      if (tarball) return `using ${tarball}`;
      const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT });
      const [{ filename, entryCount, files }] = JSON.parse(stdout);
      tarball = join(scratch, filename);
      const packed = new Set(files.map((file) => `./${file.path}`));
      const lost = promised.filter((path) => !packed.has(path));
      if (lost.length) throw new Error(`the tarball lacks ${lost.join(', ')}: did a build empty dist/ meanwhile?`);
      return `${filename}, ${entryCount} files`;
    })) &&
    (await step('framework toolchains (test/frameworks-apps/package-lock.json)', installToolchains)) &&
    (await step('npm install the tarball into the apps', installTarball));
  if (ready) await checkApps();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const total = seconds(started);
if (failures.length) {
  console.error(`\ncheck:frameworks failed (${total}):\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nThe packed package works in React, Vue and Svelte apps, in Node and in Chromium (${total}).`);

// 2. The toolchains, once per lockfile.
async function installToolchains() {
  const manifest = readFileSync(join(APPS, 'package.json'));
  const lockfile = readFileSync(join(APPS, 'package-lock.json'));
  const hash = createHash('sha256').update(manifest).update(lockfile).digest('hex').slice(0, 12);
  work = join(CACHE, hash);
  const installed = join(work, '.installed'); // written last: a half-done install is redone
  if (existsSync(installed)) return `cached in ${relative(ROOT, work)}`;
  rmSync(CACHE, { recursive: true, force: true }); // toolchains of earlier lockfiles, or a broken install
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'package.json'), manifest);
  writeFileSync(join(work, 'package-lock.json'), lockfile);
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: work });
  writeFileSync(installed, '');
  return `installed into ${relative(ROOT, work)}`;
}

async function installTarball() {
  // A real install: npm reads the tarball's package.json and fetches its dependencies (lit, …).
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], { cwd: work });
  for (const app of ['react', 'vue', 'svelte']) cpSync(join(APPS, app), join(apps, app), { recursive: true });
  cpSync(join(APPS, 'package.json'), join(apps, 'package.json')); // "type": "module", as in the repository
  symlinkSync(join(work, 'node_modules'), join(apps, 'node_modules'));
  const installed = JSON.parse(readFileSync(join(work, 'node_modules/tote-storefront/package.json'), 'utf8'));
  return `tote-storefront ${installed.version}`;
}

// 3. The checks.
async function checkApps() {
  const bin = (name) => join(work, 'node_modules/.bin', name);
  const react = join(apps, 'react');
  await step('React: tsc --noEmit', () => run(bin('tsc'), ['--noEmit', '-p', '.'], { cwd: react }));
  const built = await step('React: vite build', () => run(bin('vite'), ['build'], { cwd: react }));
  if (built) await step('React: add to cart in Chromium (reference store)', () => addToCart(join(react, 'dist')));
  let serverHtml;
  await step('React: renderToString in plain Node', async () => {
    await run(bin('vite'), ['build', '--ssr', 'src/server.tsx', '--outDir', 'dist-server'], { cwd: react });
    const { html } = await nodeScript(
      `const { render } = await import('./react/dist-server/server.js');
       const html = render();
       console.log(JSON.stringify({ html, resources: process.getActiveResourcesInfo() }));`,
      apps,
    );
    const absent = ['tote-store', 'tote-products', 'tote-cart-toggle', 'tote-cart'].filter(
      (tag) => !html.includes(`<${tag}`),
    );
    if (absent.length) throw new Error(`the HTML lacks <${absent.join('>, <')}>:\n${html}`);
    serverHtml = html;
    return `${html.length} characters of HTML`;
  });
  if (built && serverHtml)
    await step("React: hydrateRoot of the server's HTML, then add to cart in Chromium", () =>
      addToCart(join(react, 'dist'), serverHtml),
    );
  await step('plain-Node import of every JS entry but ./tote.js', importEntriesInNode);

  const vue = join(apps, 'vue');
  await step('Vue: vue-tsc --noEmit', () => run(bin('vue-tsc'), ['--noEmit', '-p', '.'], { cwd: vue }));
  await step('Vue: vite build', () => run(bin('vite'), ['build'], { cwd: vue }));

  const svelte = join(apps, 'svelte');
  await step('Svelte: svelte-check (the app clean, refused/ refused)', () => svelteCheck(svelte, bin('svelte-check')));
  await step('Svelte: vite build', () => run(bin('vite'), ['build'], { cwd: svelte }));

  await step('publint --strict', () => run(bin('publint'), ['--strict', tarball], { cwd: work }));
  // ESM only by design ("type": "module", no CommonJS build), so a require() of it "resolves to ESM"
  // (cjs-resolves-to-esm, ignored). TypeScript's resolution from before `exports` (node10) is
  // checked: package.json's typesVersions gives it the subpaths' types. The JSON files are data,
  // which that resolution cannot reach in dist/ and no one imports as types.
  await step('attw (ESM only; node10 types through typesVersions)', () =>
    run(
      bin('attw'),
      [
        tarball,
        '--format',
        'ascii',
        '--ignore-rules',
        'cjs-resolves-to-esm',
        '--exclude-entrypoints',
        'custom-elements.json',
        'vscode.html-custom-data.json',
        'web-types.json',
      ],
      { cwd: work },
    ),
  );
}

/**
 * The React app served with the reference store at /v3; a shopper adds twice; the server's cart must
 * agree. With `serverHtml`, the page is hydrate.html holding that HTML, which `hydrateRoot` takes
 * over: the app's event listener (useToteEvent) must hear the cart's news there too. Whether the
 * `ontote-*` prop heard it is reported, not required (React 19 attaches a custom element's event
 * props on a client render only: facebook/react#35446; the recipe says so).
 */
async function addToCart(appDir, serverHtml) {
  const { createReferenceStore } = await tsImport('../demo/reference-store/index.ts', import.meta.url);
  const store = createReferenceStore({ seed: 1 });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/v3' || path.startsWith('/v3/')) return store.handle(req, res);
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (path === '/' && serverHtml) {
      const page = readFileSync(join(appDir, 'hydrate.html'), 'utf8').replace('<!--ssr-->', () => serverHtml);
      return send(res, 200, 'text/html; charset=utf-8', page);
    }
    if (!sendFileFrom(res, appDir, path === '/' ? '/index.html' : path)) send(res, 404, 'text/plain', 'not found');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
  try {
    const tab = await browser.newPage();
    tab.setDefaultTimeout(15_000);
    const errors = [];
    tab.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    tab.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
    tab.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
    let cartToken;
    tab.on('request', (request) => (cartToken ??= request.headers()['x-cart-token']));
    const count = () =>
      tab
        .locator('tote-cart-toggle [part="count"]')
        .textContent({ timeout: 1_000 })
        .catch(() => '');
    const waitForCount = async (want) => {
      for (const until = Date.now() + 10_000; (await count()) !== want;) {
        if (Date.now() > until) throw new Error(`the cart button counts "${await count()}", not ${want}`);
        await tab.waitForTimeout(100);
      }
    };

    await tab.goto(origin);
    // The app's own button on the headless shop (useSyncExternalStore over shop.cart), then the
    // grid: a product card opens the product view, whose add button adds. (Playwright's CSS
    // selectors pierce open shadow roots.)
    await tab.locator('button.quick-add:not([disabled])').click();
    await waitForCount('1');
    await tab.locator('button.quick-add', { hasText: '(1 in cart)' }).waitFor();
    await tab.locator('tote-products .card[data-product]').first().click();
    await tab.locator('tote-product [part="add-button"]').click();
    await waitForCount('2');

    // The server holds what the shopper sees once the cart has said so (adds are optimistic).
    let cart;
    for (const until = Date.now() + 10_000; cart?.itemCount !== 2 && Date.now() < until;) {
      if (cart) await tab.waitForTimeout(200);
      const answer = await fetch(`${origin}/v3/public/${KEY}/cart`, { headers: { 'X-Cart-Token': cartToken ?? '' } });
      cart = (await answer.json()).data ?? {};
    }
    if (cart.itemCount !== 2)
      throw new Error(`the server's cart holds ${cart.itemCount ?? 'nothing'}, not the 2 the page shows`);
    // The drawer loads with the product view; open-on-add="false" must have kept it shut on both adds.
    await tab.waitForFunction(() => customElements.get('tote-cart'));
    const drawer = await tab.locator('tote-cart').evaluate((cartElement) => ({
      open: cartElement.open,
      dialog: !!cartElement.shadowRoot?.querySelector('dialog[open]'),
    }));
    if (drawer.open || drawer.dialog) throw new Error('the drawer opened on add, despite open-on-add="false"');
    // The drawer's news of the second add, as the app heard it.
    const said = (id) => tab.getByTestId(id).textContent();
    await tab
      .getByTestId('summary-heard')
      .filter({ hasText: '2 in your cart' })
      .waitFor({ timeout: 5_000 })
      .catch(async () => errors.push(`the app's listener says "${await said('summary-heard')}", not 2 in your cart`));
    const prop = await said('summary');
    if (!serverHtml && prop !== '2 in your cart') errors.push(`the ontote-cart-change prop says "${prop}"`);
    if (errors.length) throw new Error(errors.join('\n'));
    const items = cart.items.map((item) => `${item.quantity} × ${item.name}`).join(', ');
    const hydrated = serverHtml
      ? `; after hydration the listener heard the news, the ontote-cart-change prop ${prop === '2 in your cart' ? 'too' : 'did not'}`
      : '';
    return `server cart: ${items}; no page error${hydrated}`;
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}

/** Imports the entries by their package names, in a Node without a DOM, as a server-side renderer does. */
async function importEntriesInNode() {
  const installed = join(work, 'node_modules/tote-storefront');
  const { exports } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const specifiers = Object.entries(exports)
    .filter(([subpath, target]) => subpath !== './tote.js' && /\.js$/.test(target.default ?? target))
    .map(([subpath]) => join('tote-storefront', subpath));
  const manifest = JSON.parse(readFileSync(join(installed, 'dist/custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((mod) => mod.declarations ?? []).flatMap((decl) => decl.tagName ?? []);
  const { problems } = await nodeScript(
    `const problems = [];
     const before = new Set(Reflect.ownKeys(globalThis));
     for (const specifier of ${JSON.stringify(specifiers)})
       await import(specifier).catch((error) => problems.push(specifier + ' throws: ' + error.message));
     // Lit's Node build brings its own globals, a customElements registry among them; nothing else may appear.
     const added = Reflect.ownKeys(globalThis).filter((key) => !before.has(key)).map(String);
     const foreign = added.filter((key) => !/^(lit|reactiveElement)[A-Z]|^customElements$/.test(key));
     if (foreign.length) problems.push('globals defined: ' + foreign.join(', '));
     const defined = ${JSON.stringify(tags)}.filter((tag) => globalThis.customElements?.get(tag));
     if (defined.length) problems.push('tags defined: ' + defined.join(', '));
     console.log(JSON.stringify({ problems, resources: process.getActiveResourcesInfo() }));`,
    apps,
  );
  if (problems.length) throw new Error(problems.join('\n'));
  return specifiers.join(', ');
}

/** svelte-check over src/ and refused/: no diagnostic in the app, an error on each line marked "refused". */
async function svelteCheck(dir, svelteCheckBin) {
  const refusedFile = 'refused/Refused.svelte';
  const expected = readFileSync(join(dir, refusedFile), 'utf8')
    .split('\n')
    .flatMap((line, index) => (line.includes('<!-- refused:') ? [index + 1] : []));
  // Exits 1 on any error, which refused/ guarantees: read the machine output instead.
  const { stdout } = await exec(svelteCheckBin, ['--output', 'machine', '--tsconfig', './tsconfig.json'], {
    cwd: dir,
    encoding: 'utf8',
  }).catch((error) => error);
  const diagnostics = [...(stdout ?? '').matchAll(/^\d+ (ERROR|WARNING) "([^"]+)" (\d+):\d+ (.*)$/gm)].map(
    ([, kind, file, line, message]) => ({ kind, file, line: Number(line), message }),
  );
  const unexpected = diagnostics.filter(
    (found) => found.file !== refusedFile || found.kind !== 'ERROR' || !expected.includes(found.line),
  );
  const accepted = expected.filter(
    (line) => !diagnostics.some((found) => found.file === refusedFile && found.line === line),
  );
  const problems = [
    ...unexpected.map((found) => `${found.kind} ${found.file}:${found.line} ${found.message}`),
    ...accepted.map((line) => `${refusedFile}:${line} is marked "refused" but svelte-check accepted it`),
  ];
  if (!/COMPLETED/.test(stdout ?? '')) problems.push(`svelte-check did not complete:\n${stdout}`);
  if (problems.length) throw new Error(problems.join('\n'));
  return `${expected.length} mistakes refused`;
}
