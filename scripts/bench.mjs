// `npm run bench`: the figures behind Tote's claims, measured here and now (issue 10). Not a test:
// it prints a table and writes docs/benchmarks.md. Runs under `node --import tsx` (the reference
// store is TypeScript). Loopback only; about six minutes on 2 cores (the throttled load runs take three).
//
//   npm run bench                     build, then measure everything
//   npm run bench -- --no-build       reuse dist/
//   npm run bench -- --dist DIR       measure and serve the drop-in built in DIR (default dist/)
//   npm run bench -- --shift          sanity check of CLS: a banner pushes the README's page down
//   npm run bench -- --runs 7         cold load runs (default 5, at least 5 for the median)
//   npm run bench -- --no-write       do not touch docs/benchmarks.md
//   npm run bench -- --only bundle,load,cart,render
//
// Set-up: the reference store (demo/reference-store) on one loopback port; the page, dist/ and a fake API
// (for catalogues and carts larger than the reference store holds) on another, so the widget's
// API calls are cross-origin and CORS preflights would show. Browser: headless Chromium through
// playwright-core, a fresh context (cold cache, empty storage) per run or scenario. The load part
// (scripts/bench/load.mjs) throttles CPU and network through CDP; the others run unthrottled.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build as esbuild } from 'esbuild';
import { createReferenceStore } from '../demo/reference-store/index.ts';
import { bundleParts, kb } from './bundle-size.mjs';
import { CHROMIUM_FLAGS, findChromium } from './chromium.mjs';
import { send } from './serve-dist.mjs';
import { benchLoad, readmePage, reportLoad } from './bench/load.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
};
const RUNS = Math.max(5, Number(option('--runs', 5)));
const DIST = option('--dist', 'dist');
const ONLY = new Set(option('--only', 'bundle,load,cart,render').split(','));
const KEY = 'pk_test_tote_demo';
const FAKE_KEY = 'pk_test_bench';
const started = Date.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value) => `${Math.round(value)} ms`;
const log = (text) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);

// ───────────────────────────── bundle ─────────────────────────────
if (!flag('--no-build')) {
  log('building the drop-in (vite build)…');
  const out = DIST === 'dist' ? [] : ['--outDir', DIST];
  execFileSync('node_modules/.bin/vite', ['build', ...out, '--logLevel', 'error'], { stdio: 'inherit' });
}
const bundle = bundleParts(DIST);

// ───────────────────────────── servers ─────────────────────────────
/** The reference store on its own port, with a log of every request (for counting per scenario). */
const store = createReferenceStore({ control: true, rateWindowMs: 60_000, seed: 1 });
const apiLog = [];
const apiServer = createServer((req, res) => {
  const entry = {
    t: Date.now(),
    method: req.method,
    path: (req.url ?? '').split('?')[0],
    token: req.headers['x-cart-token'] ?? null,
    status: 0,
  };
  if (!entry.path.startsWith('/__control')) apiLog.push(entry);
  res.once('finish', () => (entry.status = res.statusCode));
  store.handle(req, res);
});
await new Promise((resolve) => apiServer.listen(0, '127.0.0.1', resolve));
const API = `http://127.0.0.1:${apiServer.address().port}/v3`;
const control = (body) => store.control(body);

// The bench harness: the same sources as the drop-in, plus the headless store on `window`, for the
// cart and rendering scenarios (built in memory with esbuild; the load figures use dist/ itself).
const harness = await esbuild({
  stdin: {
    contents:
      "import './src/define.ts'; import { createShop } from './src/store/index.ts'; import { openStorage } from './src/store/storage.ts'; window.ToteBench = { createShop, openStorage };",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['browser', 'production'],
  minify: true,
  write: false,
  logLevel: 'error',
  tsconfig: 'tsconfig.json',
});
const harnessJs = harness.outputFiles[0].contents;

// Seeded catalogue, copied into a fake API that can list 200 products or hold a 100-line cart.
const catalogue = await (await fetch(`${API}/public/${KEY}/products?perPage=100`)).json();
const unlimited = catalogue.data.flatMap((product) =>
  product.variants.filter((v) => v.sellableQuantity === null).map((v) => ({ product, variant: v })),
);
const fake = makeFakeApi(catalogue.data);
// The load part's 50-line cart, afresh for every run (its quantities change as the shopper clicks).
let fake50 = makeFakeApi(catalogue.data, { lines: 50, prefix: '/fake50' });
const simpleIds = catalogue.data
  .filter((p) => p.variants.length === 1 && (p.variants[0].sellableQuantity ?? 1) > 0)
  .map((p) => p.id);

const PAGES = {
  '/readme.html': readmePage({ key: KEY, apiBase: API }),
  '/readme-shift.html': readmePage({ key: KEY, apiBase: API, shift: true }),
  '/harness.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tote bench</title>
<script type="module" src="/harness.js"></script></head><body></body></html>`,
};
// The drop-in's files from DIST (serve-dist.mjs serves ./dist only), gzip-compressed as a CDN would
// send them: on a throttled link the bytes on the wire are what the shopper waits for.
const DIST_ROOT = resolve(DIST);
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css' };
const gzipped = new Map();
function sendDist(req, res, path) {
  if (!path.startsWith('/dist/')) return false;
  const file = resolve(DIST_ROOT, `.${decodeURIComponent(path.slice('/dist'.length))}`);
  if (!file.startsWith(DIST_ROOT + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
  const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
  let body = readFileSync(file);
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
    body = gzipped.get(file);
    Object.assign(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
  }
  res.writeHead(200, headers);
  res.end(body);
  return true;
}
const pageLog = [];
const pageServer = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  pageLog.push({ t: Date.now(), method: req.method, path });
  if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
  if (PAGES[path]) return send(res, 200, 'text/html; charset=utf-8', PAGES[path]);
  if (path === '/harness.js') return send(res, 200, 'text/javascript', harnessJs);
  if (path.startsWith('/fake/')) return fake(req, res);
  if (path.startsWith('/fake50/')) return fake50(req, res);
  if (sendDist(req, res, path)) return;
  send(res, 404, 'text/plain', 'not found');
});
await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
const PAGE = `http://127.0.0.1:${pageServer.address().port}`;
// The README's page on the fake API (same origin as the page): a 50-line cart to click `+` in.
PAGES['/readme-cart50.html'] = readmePage({ key: FAKE_KEY, apiBase: `${PAGE}/fake50/v3` });

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
const results = { bundle, load: null, cart: [], render: null };
const pageErrors = [];
const watch = (page, label) => {
  page.on('pageerror', (error) => pageErrors.push(`${label}: ${error.message}`));
  // The browser's own "Failed to load resource" lines are the faults we inject, not widget errors.
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      !m.text().startsWith('Failed to load resource') &&
      pageErrors.push(`${label}: console: ${m.text()}`),
  );
};

try {
  if (ONLY.has('load'))
    results.load = await benchLoad({
      browser,
      page: PAGE,
      fakeKey: FAKE_KEY,
      apiLog,
      pageLog,
      control,
      watch,
      log,
      runs: RUNS,
      shift: flag('--shift'),
      simpleIds,
      resetFake: () => (fake50 = makeFakeApi(catalogue.data, { lines: 50, prefix: '/fake50' })),
    });
  if (ONLY.has('cart')) results.cart = await benchCart();
  if (ONLY.has('render')) results.render = await benchRender();
} finally {
  await browser.close();
  apiServer.close();
  pageServer.close();
}

// ───────────────────────────── cart under pressure ─────────────────────────────
async function openShopper(context, label) {
  const page = await context.newPage();
  watch(page, label);
  await page.goto(`${PAGE}/harness.html`);
  await page.waitForFunction(() => window.ToteBench);
  await page.evaluate(
    async ({ key, api }) => {
      window.shop = window.ToteBench.createShop({ publicKey: key, apiBase: api, locale: 'en-US' });
      await window.shop.cart.start();
    },
    { key: KEY, api: API },
  );
  return page;
}

/** Runs `plan` ([{at, variant, n}]) in a page: adds at the given times, then waits until settled. */
function play(page, plan) {
  return page.evaluate(async (steps) => {
    const t0 = performance.now();
    for (const step of steps) {
      const wait = step.at - (performance.now() - t0);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      window.shop.cart.add(step.variant, step.n);
    }
    await window.shop.cart.settled();
    return { t0: performance.timeOrigin + t0, settledAt: performance.timeOrigin + performance.now() };
  }, plan);
}

async function serverCart(page) {
  return page.evaluate(async () => {
    const cart = await window.shop.cart.refresh();
    return Object.fromEntries(cart.items.map((item) => [item.variantId, item.quantity]));
  });
}

async function scenario(name, intents, body) {
  control({
    reset: true,
    resetLimits: true,
    resetStats: true,
    faults: null,
    rateWindowMs: 60_000,
    limits: { mutation: null, '*': null },
  });
  const context = await browser.newContext();
  try {
    const outcome = await body(context);
    const { t0, settledAt, expected, actual, hammerToken } = outcome;
    const traffic = apiLog.filter(
      (e) =>
        e.t >= t0 - 5 &&
        e.t <= settledAt + 5 &&
        e.method !== 'OPTIONS' &&
        e.path.includes('/cart') &&
        e.token !== hammerToken,
    );
    let lost = 0;
    for (const [variant, quantity] of Object.entries(expected)) lost += Math.max(0, quantity - (actual[variant] ?? 0));
    const extra = Object.entries(actual).reduce(
      (sum, [variant, q]) => sum + Math.max(0, q - (expected[variant] ?? 0)),
      0,
    );
    const row = {
      name,
      intents,
      requests: traffic.length,
      perIntent: traffic.length / intents,
      rateLimited: traffic.filter((e) => e.status === 429).length,
      failed: traffic.filter((e) => e.status >= 500 || e.status === 0).length,
      settleMs: settledAt - t0,
      lost,
      extra,
    };
    log(
      `cart: ${name}: ${row.requests} requests for ${intents} intents, ${row.rateLimited} × 429, settled in ${ms(row.settleMs)}, lost ${lost}${extra ? `, EXTRA ${extra}` : ''}`,
    );
    return row;
  } finally {
    await context.close();
  }
}

async function benchCart() {
  const v = unlimited.map((u) => u.variant.id);
  const rows = [];

  rows.push(
    await scenario('20 fast + clicks (one line, 50 ms apart)', 20, async (context) => {
      const page = await openShopper(context, '20 clicks');
      const { t0, settledAt } = await play(
        page,
        Array.from({ length: 20 }, (_, i) => ({ at: i * 50, variant: v[0], n: 1 })),
      );
      return { t0, settledAt, expected: { [v[0]]: 20 }, actual: await serverCart(page) };
    }),
  );

  rows.push(
    await scenario('5 products added in 3 s', 5, async (context) => {
      const page = await openShopper(context, '5 products');
      const { t0, settledAt } = await play(
        page,
        v.slice(0, 5).map((variant, i) => ({ at: i * 600, variant, n: 1 })),
      );
      return {
        t0,
        settledAt,
        expected: Object.fromEntries(v.slice(0, 5).map((id) => [id, 1])),
        actual: await serverCart(page),
      };
    }),
  );

  rows.push(
    await scenario('3 tabs adding together (one context)', 30, async (context) => {
      const tabs = [];
      for (let i = 0; i < 3; i++) tabs.push(await openShopper(context, `tab ${i + 1}`));
      // Each tab: 10 adds, 300 ms apart, offset by 100 ms from the others; two lines shared by all
      // tabs, one line of its own.
      const plans = tabs.map((_, i) =>
        Array.from({ length: 10 }, (_, k) => ({
          at: i * 100 + k * 300,
          variant: k % 3 === 2 ? v[2 + i] : v[k % 3],
          n: 1,
        })),
      );
      const played = await Promise.all(tabs.map((tab, i) => play(tab, plans[i])));
      // Every tab settled; the last one to confirm may still be broadcasting: read the server once.
      const expected = {};
      for (const step of plans.flat()) expected[step.variant] = (expected[step.variant] ?? 0) + step.n;
      return {
        t0: Math.min(...played.map((p) => p.t0)),
        settledAt: Math.max(...played.map((p) => p.settledAt)),
        expected,
        actual: await serverCart(tabs[0]),
      };
    }),
  );

  rows.push(
    await scenario('429 storm (another client hammers for 4 s)', 5, async (context) => {
      // The store's window shrinks to 3 s so the storm passes in seconds; a second client on the same
      // IP spends the POST /cart/items budget and keeps its lock-out going until it stops.
      control({ rateWindowMs: 3000 });
      const page = await openShopper(context, '429 storm');
      const hammerToken = `hammer_${Date.now()}_bench_token`;
      let hammering = true;
      const hammer = (async () => {
        const until = Date.now() + 4000;
        while (Date.now() < until) {
          await fetch(`${API}/public/${KEY}/cart/items`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${KEY}`,
              'X-Cart-Token': hammerToken,
              'Content-Type': 'application/json',
            },
            body: JSON.stringify({ variantId: v[9] ?? v[0], quantity: 1 }),
          }).catch(() => {});
          await sleep(20);
        }
        hammering = false;
      })();
      await sleep(300); // the budget is gone by now
      const { t0, settledAt } = await play(
        page,
        v.slice(0, 5).map((variant, i) => ({ at: i * 200, variant, n: 1 })),
      );
      await hammer;
      if (hammering) throw new Error('hammer did not stop');
      return {
        t0,
        settledAt,
        expected: Object.fromEntries(v.slice(0, 5).map((id) => [id, 1])),
        actual: await serverCart(page),
        hammerToken,
      };
    }),
  );

  rows.push(
    await scenario('30 s of 5xx (every API request fails)', 5, async (context) => {
      const page = await openShopper(context, '5xx');
      control({ faults: 'error5xx=1', seed: 1 });
      const healed = sleep(30_000).then(() => control({ faults: null }));
      const { t0, settledAt } = await play(
        page,
        v.slice(0, 5).map((variant, i) => ({ at: i * 600, variant, n: 1 })),
      );
      await healed;
      return {
        t0,
        settledAt,
        expected: Object.fromEntries(v.slice(0, 5).map((id) => [id, 1])),
        actual: await serverCart(page),
      };
    }),
  );
  return rows;
}

// ───────────────────────────── rendering ─────────────────────────────
async function benchRender() {
  const context = await browser.newContext();
  const page = await context.newPage();
  watch(page, 'render');
  await page.goto(`${PAGE}/harness.html`);
  await page.waitForFunction(() => window.ToteBench);
  const out = await page.evaluate(
    async ({ key }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const until = async (check) => {
        while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
      };
      const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
      // A server cart is read only under a token an earlier visit left (a page that mints one knows
      // its cart is empty): the fake's 100-line cart is this returning visitor's.
      const storage = await window.ToteBench.openStorage(`${key}@${location.origin}/fake/v3`);
      await storage.set('cartToken', 'bench-returning-visitor-100');
      const root = document.createElement('tote-store');
      root.setAttribute('public-key', key);
      root.setAttribute('api-base', `${location.origin}/fake/v3`);
      root.setAttribute('locale', 'en-US');
      document.body.append(root);

      // A grid of 200 products: the first render, then re-sorts (new order, all 200 cards).
      const grid = document.createElement('tote-products');
      grid.setAttribute('per-page', '200');
      grid.setAttribute('sort', 'name');
      let t = performance.now();
      root.append(grid);
      const cards = () => grid.shadowRoot?.querySelectorAll('.card[data-index]') ?? [];
      await until(() => cards().length === 200);
      await frame();
      const gridFirst = performance.now() - t;
      const sorts = [];
      for (let i = 0; i < 6; i++) {
        const sort = i % 2 ? 'name' : '-name';
        const want = sort === 'name' ? 'prod_fake_000' : 'prod_fake_199';
        t = performance.now();
        grid.setAttribute('sort', sort);
        await until(() => cards()[0]?.dataset.product === want && cards().length === 200);
        await frame();
        sorts.push(performance.now() - t);
      }
      grid.remove();

      // A cart of 100 lines: the first render, then one quantity change at a time (the optimistic
      // update the shopper sees, and the frame after the server's answer).
      const cart = document.createElement('tote-cart');
      cart.setAttribute('mode', 'inline');
      t = performance.now();
      root.append(cart);
      const lines = () => cart.shadowRoot?.querySelectorAll('[part="line"]') ?? [];
      await until(() => lines().length === 100);
      await frame();
      const cartFirst = performance.now() - t;
      const shop = window.ToteBench.createShop({
        publicKey: key,
        apiBase: `${location.origin}/fake/v3`,
        locale: 'en-US',
      });
      const seen = [];
      const confirmed = [];
      for (let i = 0; i < 10; i++) {
        const line = shop.cart.state.lines[i * 7];
        const next = line.quantity + 1;
        const input = () => lines()[i * 7]?.querySelector('input');
        t = performance.now();
        shop.cart.setQuantity(line.variantId, next);
        await until(() => input()?.value === String(next));
        await frame();
        seen.push(performance.now() - t);
        await shop.cart.settled();
        await cart.updateComplete;
        await frame();
        confirmed.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 450)); // a quiet line: the next click goes out at once
      }
      return {
        gridFirst,
        gridUpdate: median(sorts),
        cartFirst,
        cartUpdate: median(seen),
        cartConfirmed: median(confirmed),
      };
    },
    { key: FAKE_KEY },
  );
  await context.close();
  log(
    `render: grid of 200 first ${ms(out.gridFirst)}, re-sort ${ms(out.gridUpdate)}; cart of 100 first ${ms(out.cartFirst)}, update ${ms(out.cartUpdate)}`,
  );
  return out;
}

/** A tiny in-memory API on the page's origin (under `prefix`): 200 products (copies of the seed), a cart of `lines` lines. */
function makeFakeApi(seed, { lines = 100, prefix = '/fake' } = {}) {
  const products = Array.from({ length: 200 }, (_, i) => {
    const base = seed[i % seed.length];
    const id = `prod_fake_${String(i).padStart(3, '0')}`;
    return {
      ...base,
      id,
      slug: `fake-${i}`,
      name: `${String(i).padStart(3, '0')} ${base.name}`,
      variants: base.variants.map((variant, k) => ({ ...variant, id: `${id}_v${k}`, sellableQuantity: null })),
    };
  });
  let cart = {
    id: 'cart_fake',
    currencyCode: 'USD',
    email: null,
    shippingAddress: null,
    billingAddress: null,
    shippingRateId: null,
    shippingMethodName: null,
    discounts: [],
    discountCode: null,
    discountError: null,
    requiresShipping: true,
    expiresAt: '2099-01-01T00:00:00Z',
    updatedAt: new Date().toISOString(),
    items: products.slice(0, lines).map((product, i) => ({
      id: `item_${i}`,
      productId: product.id,
      variantId: product.variants[0].id,
      name: product.name,
      variantName: product.variants[0].optionValues.map((o) => o.value).join(' / ') || null,
      sku: product.variants[0].sku,
      unitPrice: product.variants[0].price,
      quantity: 1,
      subtotal: product.variants[0].price,
      imageUrl: null,
    })),
  };
  const recalc = () => {
    for (const item of cart.items) item.subtotal = item.unitPrice * item.quantity;
    const subtotal = cart.items.reduce((sum, item) => sum + item.subtotal, 0);
    cart = {
      ...cart,
      itemCount: cart.items.reduce((sum, item) => sum + item.quantity, 0),
      updatedAt: new Date().toISOString(),
      totals: { subtotal, discountTotal: 0, taxTotal: 0, shippingTotal: 0, total: subtotal, amountDue: subtotal },
    };
  };
  recalc();
  const json = (res, status, body) => send(res, status, 'application/json', JSON.stringify(body));
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.slice(prefix.length).replace(/^\/v3\/public\/[^/]+/, '') || '/';
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'GET' && path === '/') {
        return json(res, 200, {
          data: {
            id: 'store_fake',
            name: 'Bench',
            currency: 'USD',
            locale: 'en-US',
            checkout: {
              termsMode: 'hidden',
              termsUrl: null,
              privacyPolicyUrl: null,
              showCouponField: true,
              showNotesField: false,
              phoneNumberField: 'hidden',
              companyNameField: 'hidden',
              addressLine2Field: 'optional',
              minimumOrderValue: null,
              confirmationMessage: null,
            },
          },
        });
      }
      if (req.method === 'GET' && path === '/products') {
        const sort = url.searchParams.get('sort') ?? 'featured';
        const list = sort === '-name' ? [...products].reverse() : products;
        const perPage = Number(url.searchParams.get('perPage') ?? 12);
        return json(res, 200, {
          data: list.slice(0, perPage),
          meta: {
            page: 1,
            perPage,
            total: list.length,
            totalPages: Math.ceil(list.length / perPage),
            currency: 'USD',
            priceMin: 0,
            priceMax: 100000,
          },
        });
      }
      if (req.method === 'GET' && path === '/categories')
        return json(res, 200, { data: [], meta: { page: 1, perPage: 100, total: 0, totalPages: 0 } });
      if (req.method === 'GET' && path === '/cart') return json(res, 200, { data: cart });
      const item = /^\/cart\/items\/([^/]+)$/.exec(path);
      if (item && req.method === 'PATCH') {
        const { quantity } = JSON.parse(body || '{}');
        cart.items = cart.items.flatMap((line) =>
          line.id !== item[1] ? [line] : quantity > 0 ? [{ ...line, quantity }] : [],
        );
        recalc();
        return json(res, 200, { data: cart });
      }
      json(res, 404, { error: { code: 'NOT_FOUND', message: `fake API: ${req.method} ${path}` } });
    });
  };
}

// ───────────────────────────── report ─────────────────────────────
const machine = `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, Chromium ${await browserVersion()}`;
async function browserVersion() {
  try {
    return execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .replace(/^Chromium\s*/, '')
      .split(' ')[0];
  } catch {
    return '?';
  }
}

const lines = [];
const say = (text = '') => lines.push(text);
const table = (head, rows) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  say(fmt(head));
  say(`|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`);
  for (const row of rows) say(fmt(row));
  say();
};

const date = new Date().toISOString().slice(0, 10);
say(`Measured ${date} on ${machine}.`);
say();
if (ONLY.has('bundle')) {
  say('### Bundle (dist/tote.js and the chunks each use loads)');
  say();
  const names = {
    initial: "the README's page before the shopper reaches for the cart: grid, cart button, drawer",
    opened: 'a product or the cart opened: + product view, cart and checkout (one file), + the rest of English',
    everything: 'everything one page can load (with the largest language file)',
  };
  table(
    ['what the browser downloads', 'files', 'raw', 'gzip', 'brotli'],
    Object.entries(names).map(([key, label]) => [
      label,
      bundle[key].files.length,
      kb(bundle[key].raw),
      kb(bundle[key].gzip),
      kb(bundle[key].brotli),
    ]),
  );
  say(
    "For comparison, gzip of JavaScript for a catalogue with a cart (issue 10): Shoprocket's widget 84 KB, Shopify's Buy Button 59 KB, Commerce Layer's drop-in 47 KB.",
  );
  say(
    `Tote: ${kb(bundle.initial.gzip)} for the README's page (grid, cart button and drawer) before the cart is reached for, ${kb(bundle.opened.gzip)} with the product view, the cart and the checkout (English), ${kb(bundle.everything.gzip)} for everything.`,
  );
  say();
}
if (results.load) reportLoad(results.load, { say, table, kb });
if (results.cart.length) {
  say('### Cart under pressure (headless store in Chromium against the reference store)');
  say();
  table(
    ['shopper', 'intents', 'requests', 'per intent', '429s', '5xx/dropped', 'settled after', 'lost'],
    results.cart.map((r) => [
      r.name,
      r.intents,
      r.requests,
      r.perIntent.toFixed(2),
      r.rateLimited,
      r.failed,
      ms(r.settleMs),
      r.lost + (r.extra ? ` (+${r.extra} extra)` : ''),
    ]),
  );
  say(
    "Requests: every cart request of the shopper from the first intent until settled (mutations and cart reads, retries included). 429s: the shopper's own.",
  );
  say();
}
if (results.render) {
  const r = results.render;
  say("### Rendering (fake API on the page's origin)");
  say();
  table(
    ['measure', 'time'],
    [
      ['grid of 200 products: first render (fetch included)', ms(r.gridFirst)],
      ['grid of 200 products: re-sort, all cards (median of 6)', ms(r.gridUpdate)],
      ['cart of 100 lines: first render', ms(r.cartFirst)],
      ['cart of 100 lines: quantity change painted (median of 10)', ms(r.cartUpdate)],
      ["cart of 100 lines: … until the server's cart is painted", ms(r.cartConfirmed)],
    ],
  );
}
if (pageErrors.length) {
  say(`Page errors during the run (${pageErrors.length}):`);
  for (const error of pageErrors.slice(0, 10)) say(`- ${error}`);
  say();
}
say(`Bench time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);

const report = lines.join('\n');
console.log(`\n${report}`);
if (!flag('--no-write')) {
  const doc = `# Benchmarks

Reproduce with \`npm run bench\` (builds, then measures; about six minutes). The figures are for
this machine and loopback networking: compare them run to run, not with other machines. How each
figure is taken is described in \`scripts/bench.mjs\`.

${report}
`;
  writeFileSync('docs/benchmarks.md', doc);
  log('wrote docs/benchmarks.md');
}
const lostTotal = results.cart.reduce((sum, r) => sum + r.lost, 0);
if (lostTotal) console.error(`\n${lostTotal} intent(s) LOST: this is a bug.`);
process.exit(0);
