// `npm run check:integrity`: a `tote.js` pinned with `integrity` verifies every file it loads after
// itself (issue 19; src/dom/verified-import.ts, scripts/chunk-integrity.ts). In headless Chromium,
// against the built drop-in and the reference store:
//  - intact files: the cart button opens the drawer, and every lazy file the page fetched came
//    through a modulepreload link with its integrity (none fetched without a check);
//  - a tampered file — the drawer's file, the small file it imports, or the page's language —
//    never runs: its added line would set `window.toteTampered`; the console names the file.
// Loopback only; about 10 s.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { createReferenceStore } from '../demo/reference-store/index.ts';
import { CHROMIUM_FLAGS, findChromium } from './chromium.mjs';
import { send, sendDistFile } from './serve-dist.mjs';

let entry;
try {
  entry = readFileSync('dist/tote.js');
} catch {
  console.error('dist/tote.js is missing: run `npm run build` first.');
  process.exit(1);
}
const pin = `sha384-${createHash('sha384').update(entry).digest('base64')}`;
const TAMPER = 'globalThis.toteTampered = true;\n';

// /<tamper>/<locale>.html: the page; /<tamper>/dist/…: dist/, with the files whose name starts
// with <tamper> (after chunks/) given one more line. `intact` tampers with nothing.
const page = (
  locale,
) => `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Integrity check</title>
<script type="module" src="dist/tote.js" integrity="${pin}" crossorigin="anonymous"
  data-public-key="pk_test_tote_demo" data-api-base="/v3" data-locale="${locale}"></script></head>
<body><tote-cart-toggle></tote-cart-toggle><tote-products ids="enamel-pin"></tote-products><tote-cart></tote-cart></body></html>`;

const store = createReferenceStore({ control: false, rateWindowMs: 60_000, seed: 1 });
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/v3' || path.startsWith('/v3/')) return store.handle(req, res);
  const [, tamper, rest] = /^\/([a-z-]+)(\/.*)$/.exec(path) ?? [];
  const locale = /^\/(en|ar)\.html$/.exec(rest ?? '')?.[1];
  if (locale) return send(res, 200, 'text/html; charset=utf-8', page(locale));
  if (rest?.startsWith(`/dist/chunks/${tamper}-`)) {
    const file = rest.slice(1);
    return send(res, 200, 'text/javascript', TAMPER + readFileSync(file, 'utf8'));
  }
  if (rest && sendDistFile(res, rest)) return;
  send(res, 404, 'text/plain', 'not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Lazy files fetched, and those that came through a modulepreload link with an integrity. */
const lazyFiles = (tab) =>
  tab.evaluate(() => {
    const chunks = (urls) => urls.map((url) => new URL(url).pathname).filter((path) => path.includes('/chunks/'));
    return {
      fetched: chunks(performance.getEntriesByType('resource').map((entry) => entry.name)),
      checked: chunks(
        [...document.querySelectorAll('link[rel="modulepreload"]')]
          .filter((link) => /^sha256-[\w+/]{43}=$/.test(link.integrity))
          .map((link) => link.href),
      ),
    };
  });

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
const failures = [];
/** Opens /<tamper>/<locale>.html, runs `check(tab, errors)`, and fails on page errors. */
async function scenario(title, tamper, locale, check) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  const consoleErrors = [];
  tab.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  tab.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  try {
    await tab.goto(`${origin}/${tamper}/${locale}.html`);
    await tab.locator('tote-products .card[data-index]').first().waitFor();
    await check(tab, consoleErrors);
    if (await tab.evaluate(() => 'toteTampered' in globalThis)) errors.push('the tampered file ran');
    if (errors.length) throw new Error(errors.join('; '));
    console.log(`ok: ${title}`);
  } catch (error) {
    failures.push(`${title}: ${error.message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
}

/** The cart button: a pointer on it loads the drawer's file, a click opens the drawer. */
const openDrawer = async (tab) => {
  await tab.locator('tote-cart-toggle button').hover();
  await tab.locator('tote-cart-toggle button').click();
};

/** Waits for the console to name the refused file. */
const refused = async (tab, consoleErrors, name) => {
  for (let tries = 0; tries < 50 && !consoleErrors.some((text) => text.includes(`/chunks/${name}-`)); tries++)
    await tab.waitForTimeout(100);
  if (!consoleErrors.some((text) => /integrity/.test(text) && text.includes(`/chunks/${name}-`)))
    throw new Error(`no console error names ${name}: ${consoleErrors.join(' | ') || 'none'}`);
};

try {
  await scenario('intact files load, each through its check', 'intact', 'ar', async (tab) => {
    await openDrawer(tab);
    await tab.locator('tote-cart dialog[open]').waitFor();
    const { fetched, checked } = await lazyFiles(tab);
    const unchecked = fetched.filter((path) => !checked.includes(path));
    if (fetched.length < 3) throw new Error(`only ${fetched.join(', ')} fetched: the drawer did not load`);
    if (unchecked.length) throw new Error(`fetched without a check: ${unchecked.join(', ')}`);
  });
  for (const name of ['tote-shop', 'rolldown-runtime']) {
    await scenario(`a tampered ${name} file never runs`, name, 'en', async (tab, consoleErrors) => {
      await openDrawer(tab);
      await refused(tab, consoleErrors, name);
      if (await tab.evaluate(() => !!customElements.get('tote-cart')?.prototype.show))
        throw new Error('the drawer was defined from the tampered files');
    });
  }
  await scenario('a tampered language file never runs', 'ar', 'ar', async (tab, consoleErrors) => {
    await refused(tab, consoleErrors, 'ar');
  });
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(`\nThe lazy files' integrity failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('A pinned tote.js runs only the lazy files it was built with.');
