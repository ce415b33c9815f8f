// `npm run check:drop-in`: the built drop-in script (dist/tote.js and its chunks), as a merchant
// embeds it, goes the whole way in headless Chromium: grid (loading nothing but the first paint's
// file and asking for no cart) → the cart button (a pointer on it loads the drawer) → product →
// add → cart drawer → checkout, once in English and once in Arabic. The tests run the TypeScript sources; this checks
// what the build made of them (bundling, chunking, minifying). It fails on any page error or
// console error, and when a page loads a language file that is not its own.
// Runs under `node --import tsx` (the reference store is TypeScript); loopback only; about 15 s.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { createReferenceStore } from '../demo/reference-store/index.ts';
import { CHROMIUM_FLAGS, findChromium } from './chromium.mjs';
import { send, sendDistFile } from './serve-dist.mjs';

if (!existsSync('dist/tote.js')) {
  console.error('dist/tote.js is missing: run `npm run build` first.');
  process.exit(1);
}

const KEY = 'pk_test_tote_demo';
const page = (
  locale,
) => `<!doctype html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>Tote drop-in check</title>
<script type="module" src="/dist/tote.js" data-public-key="${KEY}" data-api-base="/v3" data-locale="${locale}"></script></head>
<body><tote-cart-toggle></tote-cart-toggle><tote-products ids="gift-card,enamel-pin" controls="search sort"></tote-products><tote-cart></tote-cart></body></html>`;

/** The drop-in's files a page has loaded so far, in the order it asked for them. */
const scriptsLoaded = (tab) =>
  tab.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/') && path.endsWith('.js'))
      .map((path) => path.slice('/dist/'.length)),
  );

const store = createReferenceStore({ control: false, rateWindowMs: 60_000, seed: 1 });
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/v3' || path.startsWith('/v3/')) return store.handle(req, res);
  if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
  const locale = /^\/(en|ar)\.html$/.exec(path)?.[1];
  if (locale) return send(res, 200, 'text/html; charset=utf-8', page(locale));
  if (sendDistFile(res, path)) return;
  send(res, 404, 'text/plain', 'not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
const failures = [];
try {
  for (const [locale, words] of [
    ['en', /Your cart/],
    ['ar', /[\u0600-\u06FF]/],
  ]) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    tab.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
    const apiRequests = [];
    tab.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/v3/')) apiRequests.push(`${request.method()} ${path}`);
    });
    tab.on(
      'response',
      (response) =>
        response.status() >= 400 && errors.push(`${response.status()} for ${new URL(response.url()).pathname}`),
    );
    const step = async (what, action) => {
      try {
        await action();
      } catch (error) {
        throw new Error(`${locale}: ${what}: ${error.message.split('\n')[0]}`, { cause: error });
      }
    };
    try {
      // Playwright's CSS selectors pierce open shadow roots.
      await step('the grid shows its cards', () =>
        tab
          .goto(`${origin}/${locale}.html`)
          .then(() => tab.locator('tote-products .card[data-index]').first().waitFor()),
      );
      await step('the controls are there', () => tab.locator('tote-products input[type="search"]').waitFor());
      await step("until the shopper reaches for the cart, the page loads the first paint's file only", async () => {
        await tab.waitForLoadState('networkidle');
        const loaded = await scriptsLoaded(tab);
        const expected = ['tote.js', ...(locale === 'en' ? [] : [`chunks/${locale}-`])];
        if (loaded.length !== expected.length || !expected.every((file, i) => loaded[i].startsWith(file)))
          throw new Error(`scripts loaded: ${loaded.join(', ')}`);
        const cartReads = apiRequests.filter((path) => /\/cart(\/|$)/.test(path));
        if (cartReads.length) throw new Error(`a first visit asked for its cart: ${cartReads.join(', ')}`);
      });
      await step('a pointer on the cart button loads the drawer, and a click opens it', async () => {
        await tab.locator('tote-cart-toggle button').hover();
        await tab.waitForFunction(() => !!customElements.get('tote-cart'));
        await tab.locator('tote-cart-toggle button').click();
        await tab.locator('tote-cart dialog[open]').waitFor();
        await tab.keyboard.press('Escape');
        await tab.locator('tote-cart dialog[open]').waitFor({ state: 'detached' });
      });
      await step('a card opens the product', async () => {
        await tab.locator('tote-products .card[data-product]').first().click();
        await tab.locator('tote-product h2').waitFor();
      });
      await step('the product adds to the cart, which opens', async () => {
        await tab.locator('tote-product [part="add-button"]').click();
        await tab.locator('tote-cart dialog[open] [part="line"]').waitFor();
      });
      await step('the cart speaks the page language', async () => {
        const text = await tab.locator('tote-cart [part="header"]').innerText();
        if (!words.test(text)) throw new Error(`header reads "${text}"`);
      });
      await step('"Check out" opens the checkout', async () => {
        await tab.locator('tote-cart [part="checkout-button"]').click();
        await tab.locator('tote-checkout input[type="email"]').waitFor();
      });
      await step(
        'the built templates keep the spaces of the source ("Gift Card $25", not "Gift Card$25")',
        async () => {
          const line = tab.locator('tote-checkout [part="summary"] .summary-lines li span:has(small)').first();
          // The text just before the variant's <small> (Lit's markers aside) must end in the source's space.
          const before = await line.evaluate((span) => {
            let node = span.querySelector('small').previousSibling;
            while (node && node.nodeType === Node.COMMENT_NODE) node = node.previousSibling;
            return node?.textContent ?? '';
          });
          if (!/\s$/.test(before))
            throw new Error(`the line reads "${(await line.textContent()).replace(/\s+/g, ' ')}"`);
        },
      );
      const files = await scriptsLoaded(tab);
      const languages = files
        .filter((file) => /^chunks\/[a-z]{2,3}-[\w-]+\.js$/.test(file))
        .map((file) => file.slice(7, file.indexOf('-')));
      if (languages.join() !== locale)
        errors.push(`language files loaded: [${languages.join(', ')}], expected [${locale}]`);
      if (errors.length) throw new Error(`${locale}: ${errors.join('; ')}`);
      console.log(`${locale}: grid → product → add → cart → checkout, no error; files: ${files.join(', ')}`);
    } catch (error) {
      failures.push(error.message);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(`\nThe built drop-in failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('The built drop-in works in English and in Arabic.');
