// `npm run bench`: the figures behind Tote's claims, measured here and now (issue 10). Not a test:
// it prints a table and writes docs/benchmarks.md. Runs under `node --import tsx` (the reference
// store is TypeScript). Loopback only; about two minutes on 2 cores.
//
//   npm run bench                     build, then measure everything
//   npm run bench -- --no-build       reuse dist/
//   npm run bench -- --runs 7         load runs (default 5, at least 5 for the median)
//   npm run bench -- --no-write       do not touch docs/benchmarks.md
//   npm run bench -- --only bundle,load,cart,render
//
// Set-up: the reference store (demo/reference-store) on one loopback port; the page, dist/ and a fake API
// (for catalogues and carts larger than the reference store holds) on another, so the widget's
// API calls are cross-origin and CORS preflights would show. Browser: headless Chromium through
// playwright-core, a fresh context (cold cache, empty storage) per run or scenario.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { build as esbuild } from 'esbuild';
import { createReferenceStore } from '../demo/reference-store/index.ts';
import { bundleParts, kb } from './bundle-size.mjs';
import { CHROMIUM_FLAGS, findChromium } from './chromium.mjs';
import { send, sendDistFile } from './serve-dist.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
};
const RUNS = Math.max(5, Number(option('--runs', 5)));
const ONLY = new Set(option('--only', 'bundle,load,cart,render').split(','));
const KEY = 'pk_test_tote_demo';
const FAKE_KEY = 'pk_test_bench';
const started = Date.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${Math.round(value)} ms`;
const log = (text) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);

// ───────────────────────────── bundle ─────────────────────────────
if (!flag('--no-build')) {
  log('building the drop-in (vite build)…');
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
}
const bundle = bundleParts('dist');

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
      "import './src/define.ts'; import { createShop } from './src/store/index.ts'; window.ToteBench = { createShop };",
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

const PAGES = {
  '/load.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tote load</title>
<script type="module" src="/dist/tote.js"></script></head><body>
<tote-store public-key="${KEY}" api-base="${API}">
  <header><tote-cart-toggle></tote-cart-toggle></header>
  <tote-products per-page="24"></tote-products>
</tote-store></body></html>`,
  '/harness.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tote bench</title>
<script type="module" src="/harness.js"></script></head><body></body></html>`,
};
const pageServer = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
  if (PAGES[path]) return send(res, 200, 'text/html; charset=utf-8', PAGES[path]);
  if (path === '/harness.js') return send(res, 200, 'text/javascript', harnessJs);
  if (path.startsWith('/fake/')) return fake(req, res);
  if (sendDistFile(res, path)) return;
  send(res, 404, 'text/plain', 'not found');
});
await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
const PAGE = `http://127.0.0.1:${pageServer.address().port}`;

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
  if (ONLY.has('load')) results.load = await benchLoad();
  if (ONLY.has('cart')) results.cart = await benchCart();
  if (ONLY.has('render')) results.render = await benchRender();
} finally {
  await browser.close();
  apiServer.close();
  pageServer.close();
}

// ───────────────────────────── load ─────────────────────────────
async function benchLoad() {
  // Installed before any page script: marks the first frame with 24 cards, and records long tasks.
  const probe = () => {
    window.__bench = { longTasks: [] };
    new PerformanceObserver((list) =>
      window.__bench.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))),
    ).observe({ type: 'longtask', buffered: true });
    const check = () => {
      const grid = document.querySelector('tote-products')?.shadowRoot;
      if (grid && grid.querySelectorAll('.card[data-index]').length >= 24) {
        // The frame that shows them: measure after it has been painted.
        requestAnimationFrame(() =>
          setTimeout(() => {
            window.__bench.gridAt = performance.now();
            window.__bench.gridWall = performance.timeOrigin + window.__bench.gridAt;
          }),
        );
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  const runs = [];
  for (let run = 0; run < RUNS + 1; run++) {
    control({ reset: true, resetLimits: true, resetStats: true, faults: null });
    const from = apiLog.length;
    const context = await browser.newContext();
    const page = await context.newPage();
    watch(page, 'load');
    await page.addInitScript(probe);
    await page.goto(`${PAGE}/load.html`);
    await page.waitForFunction(() => window.__bench?.gridAt, null, { timeout: 15_000 });
    const m = await page.evaluate(() => {
      const { gridAt, gridWall, longTasks } = window.__bench;
      const resources = performance.getEntriesByType('resource').filter((e) => e.startTime <= gridAt);
      return {
        gridAt,
        gridWall,
        requests: 1 + resources.length, // + the page itself
        apiRequests: resources.filter((e) => e.name.includes('/v3/public/')).length,
        scripts: resources.filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js')).length,
        longTasks: longTasks.filter((t) => t.start <= gridAt).length,
        longestTask: Math.max(0, ...longTasks.filter((t) => t.start <= gridAt).map((t) => t.duration)),
      };
    });
    const api = apiLog.slice(from).filter((e) => e.t <= m.gridWall);
    const preflights = api.filter((e) => e.method === 'OPTIONS');
    m.catalogPreflights = preflights.filter((e) => !/\/(cart|orders|payment-methods)/.test(e.path)).length;
    m.cartPreflights = preflights.length - m.catalogPreflights;
    await context.close();
    if (run === 0) continue; // a warm-up: Chromium's first context pays one-off costs
    runs.push(m);
    log(
      `load run ${run}: 24 cards at ${ms(m.gridAt)}, ${m.requests} requests, ${m.catalogPreflights} catalogue + ${m.cartPreflights} cart preflights, ${m.longTasks} long tasks`,
    );
  }
  const pick = (key) => median(runs.map((r) => r[key]));
  return {
    runs: runs.length,
    gridAt: pick('gridAt'),
    gridMin: Math.min(...runs.map((r) => r.gridAt)),
    gridMax: Math.max(...runs.map((r) => r.gridAt)),
    requests: pick('requests'),
    apiRequests: pick('apiRequests'),
    catalogPreflights: Math.max(...runs.map((r) => r.catalogPreflights)),
    cartPreflights: Math.max(...runs.map((r) => r.cartPreflights)),
    longTasks: pick('longTasks'),
    longestTask: Math.max(...runs.map((r) => r.longestTask)),
  };
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

/** A tiny in-memory API on the page's origin: 200 products (copies of the seed), a 100-line cart. */
function makeFakeApi(seed) {
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
    items: products.slice(0, 100).map((product, i) => ({
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
    const path = url.pathname.replace(/^\/fake\/v3\/public\/[^/]+/, '') || '/';
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
if (results.load) {
  const l = results.load;
  say(`### Load (median of ${l.runs} cold runs, reference store on another loopback port: cross-origin)`);
  say();
  table(
    ['measure', 'value'],
    [
      ['navigation → 24 product cards painted', `${ms(l.gridAt)} (min ${ms(l.gridMin)}, max ${ms(l.gridMax)})`],
      ['requests before the grid shows (page, scripts, API, images)', l.requests],
      ['… of which API calls', l.apiRequests],
      ['CORS preflights of catalogue reads before the grid (worst run)', l.catalogPreflights],
      [
        "CORS preflights of cart requests before the grid (worst run; the cart button's GET /cart carries its token)",
        l.cartPreflights,
      ],
      ['long tasks > 50 ms before the grid', `${l.longTasks} (longest in any run: ${ms(l.longestTask)})`],
    ],
  );
}
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

Reproduce with \`npm run bench\` (builds, then measures; about two minutes). The figures are for
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
