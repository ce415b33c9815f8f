// `npm run soak`: a bounded, randomized run of many shoppers against the reference store while it
// injects every kind of fault (issue 10). Loopback only; at most ~3 minutes. Runs under
// `node --import tsx` (the store and the headless store are TypeScript).
//
//   npm run soak                          a random seed (printed)
//   npm run soak -- --seed 1234           reproduce a run
//   npm run soak -- --shoppers 16 --duration 60 --tabs 3
//
// Each shopper has `--tabs` tabs (3 by default): the headless store's cart engines (src/store) in
// Node, sharing one storage, one cart token and a BroadcastChannel as tabs of one origin do (Node
// has no Web Locks, so the tabs elect their writer by lease: docs/cart-engine.md). Each click goes
// to a random tab, and tabs reload now and then. Every shopper shares one rate limiter, as tabs
// and visitors behind one IP share the server's per-IP budget. Shoppers add, set, remove and burst-click on lines while the store
// adds latency and answers with 5xx, drops connections, loses answers of work it did and cuts
// bodies short. Then the faults stop, every shopper settles, and:
//   - each server cart (read through the API with the shopper's token) must equal the fold of that
//     shopper's operations;
//   - nothing may have thrown unhandled, and no error may have been logged;
//   - the store must have sent no 429, and no endpoint may have received more than its limit in
//     any window (checked on the log of every request that reached the server).
// Exits 1 on any of these.
import { startReferenceStore } from '../demo/reference-store/index.ts';
import { mulberry32 } from '../demo/reference-store/rng.ts';
import { createApiClient, createLimiter } from '../src/api/index.ts';
import { CartEngine } from '../src/store/cart.ts';
import { memoryStorage } from '../src/store/storage.ts';
import { CartToken } from '../src/store/token.ts';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? Number(argv[at + 1]) : fallback;
};
const SEED = option('--seed', Math.floor(Math.random() * 2 ** 31));
const SHOPPERS = option('--shoppers', 12);
const DURATION_S = Math.min(option('--duration', 75), 120);
const TABS = Math.max(1, option('--tabs', 3));
const SETTLE_LIMIT_S = 60;
const WINDOW_MS = 1000; // the store's rate window: its per-window limits then hold per second
const FAULTS = 'latency=0-120,error5xx=0.06,drop=0.04,malformed=0.04,lost=0.04';
const KEY = 'pk_test_tote_demo';
const started = Date.now();

// Anything thrown unhandled or logged as an error is a failure of the run.
const problems = [];
process.on('uncaughtException', (error) => problems.push(`uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => problems.push(`unhandled rejection: ${error?.stack ?? error}`));
const consoleError = console.error;
console.error = (...args) => {
  problems.push(`console.error: ${args.map(String).join(' ')}`);
  consoleError(...args);
};

// The reference store's seeded PRNG picks the operations too: one seed reproduces the whole run.
const rng = mulberry32;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pattern = (path) =>
  path.replace(/^\/(products|orders)\/[^/]+/, '/$1/{id}').replace(/^\/cart\/items\/[^/]+/, '/cart/items/{id}') || '/';

console.log(
  `soak: seed ${SEED}, ${SHOPPERS} shoppers, ${DURATION_S} s of operations under faults "${FAULTS}" (rate window ${WINDOW_MS} ms)`,
);

const running = await startReferenceStore({ port: 0, rateWindowMs: WINDOW_MS, seed: SEED, control: true });
// Every request that reaches the server, by endpoint, for the window check.
const arrivals = new Map();
running.server.prependListener('request', (req) => {
  const path = (req.url ?? '').split('?')[0].replace(/^\/v3\/public\/[^/]+/, '');
  if (req.method === 'OPTIONS' || !req.url?.startsWith('/v3/public/')) return;
  const endpoint = `${req.method} ${pattern(path)}`;
  if (!arrivals.has(endpoint)) arrivals.set(endpoint, []);
  arrivals.get(endpoint).push(Date.now());
});

const catalogue = await (await fetch(`${running.url}/public/${KEY}/products?perPage=100`)).json();
// Lines whose stock can never refuse a wish, so the fold is exactly what the server must hold.
const variants = catalogue.data.flatMap((p) => p.variants.filter((v) => v.sellableQuantity === null).map((v) => v.id));

// One budget for everyone on this IP, in step with the store's window.
const limiter = createLimiter({ windowMs: WINDOW_MS, share: false, name: 'soak' });

/** One tab of a shopper: its own engine, token reader and API client over the shopper's shared storage. */
function openTab(shopper) {
  const token = new CartToken(shopper.storage);
  const api = createApiClient({
    publicKey: KEY,
    apiBase: running.url,
    locale: 'en-US',
    cartToken: () => token.get(),
    limiter,
    transport: { timeout: 4000 },
  });
  const engine = new CartEngine({
    api,
    token,
    storage: shopper.storage,
    namespace: `${KEY}@soak-${SEED}-${shopper.i}`,
    settleMs: 150,
    retryMs: 250,
    retryCapMs: 3000,
  });
  return { token, engine };
}

const shoppers = [];
for (let i = 0; i < SHOPPERS; i++) {
  // Storage that tabs share ('localstorage': not a page's private memory, so the tabs must agree on one writer).
  const storage = { ...memoryStorage(), kind: 'localstorage' };
  const shopper = { i, storage, expected: new Map(), ops: 0, reloads: 0, rand: rng(SEED + 7919 * (i + 1)) };
  shopper.tabs = Array.from({ length: TABS }, () => openTab(shopper));
  shoppers.push(shopper);
}
const allTabs = () => shoppers.flatMap((s) => s.tabs);
await Promise.all(allTabs().map((tab) => tab.engine.start()));

running.store.control({ faults: FAULTS, seed: SEED, resetStats: true });
const counts = { add: 0, set: 0, remove: 0, burst: 0 };

/** One shopper's random walk; every operation also goes into the expected fold. */
async function shop(s, until) {
  const { expected, rand } = s;
  const pick = () => variants[Math.floor(rand() * variants.length)];
  while (Date.now() < until) {
    await sleep(30 + rand() * 900);
    const at = Math.floor(rand() * s.tabs.length);
    if (TABS > 1 && rand() < 0.04) {
      // A reload: the page goes away mid-work and comes back; its clicks are in the shared ledger.
      await s.tabs[at].engine.dispose();
      s.tabs[at] = openTab(s);
      await s.tabs[at].engine.start();
      s.reloads++;
      continue;
    }
    const { engine } = s.tabs[at];
    const roll = rand();
    const variant = pick();
    if (roll < 0.45) {
      const n = 1 + Math.floor(rand() * 3);
      engine.add(variant, n);
      expected.set(variant, (expected.get(variant) ?? 0) + n);
      counts.add++;
    } else if (roll < 0.7) {
      const n = Math.floor(rand() * 6);
      engine.setQuantity(variant, n);
      expected.set(variant, n);
      counts.set++;
    } else if (roll < 0.82) {
      engine.remove(variant);
      expected.set(variant, 0);
      counts.remove++;
    } else {
      // A burst of fast clicks on one line (the + button).
      const clicks = 3 + Math.floor(rand() * 8);
      for (let k = 0; k < clicks; k++) {
        engine.add(variant, 1);
        await engine.stored();
        await sleep(rand() * 60);
      }
      expected.set(variant, (expected.get(variant) ?? 0) + clicks);
      counts.burst++;
    }
    // The next click (in any tab) comes after this one is in the shared ledger, so the fold has one order.
    await engine.stored();
    s.ops++;
  }
}

const until = Date.now() + DURATION_S * 1000;
const progress = setInterval(() => {
  const c = running.store.snapshot().counters;
  console.log(
    `  ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s: ${c.totalRequests} requests, faults ${JSON.stringify(c.faultsInjected)}, 429s ${c.rateLimited}`,
  );
}, 15_000);
await Promise.all(shoppers.map((s) => shop(s, until)));
clearInterval(progress);

// The weather clears: every shopper must now reach the server with everything they asked for.
const faultSnapshot = running.store.snapshot().counters;
running.store.control({ faults: null });
const settleStarted = Date.now();
const settled = await Promise.race([
  Promise.all(allTabs().map((tab) => tab.engine.settled())).then(() => true),
  sleep(SETTLE_LIMIT_S * 1000).then(() => false),
]);
const settleMs = Date.now() - settleStarted;

// Read every cart through the API, with the shopper's token, as any client would.
let lost = 0;
let extra = 0;
const mismatches = [];
for (const s of shoppers) {
  const token = await s.tabs[0].token.get();
  const response = await fetch(`${running.url}/public/${KEY}/cart`, {
    headers: { Authorization: `Bearer ${KEY}`, 'X-Cart-Token': token, 'X-Request-Id': `soak-check-${s.i}` },
  });
  const cart = (await response.json()).data;
  const actual = new Map(cart.items.map((item) => [item.variantId, item.quantity]));
  for (const variant of new Set([...s.expected.keys(), ...actual.keys()])) {
    const want = s.expected.get(variant) ?? 0;
    const got = actual.get(variant) ?? 0;
    if (want === got) continue;
    if (got < want) lost += want - got;
    else extra += got - want;
    mismatches.push(`shopper ${s.i}: ${variant} expected ${want}, server has ${got}`);
  }
}

// The rate limits: no 429 at all, and no endpoint over its limit in any window of the server.
const snapshot = running.store.snapshot();
const limits = snapshot.limits.effective;
const classOf = (endpoint) =>
  /^GET \/(products|categories)?/.test(endpoint) && !/^GET \/(cart|orders|payment)/.test(endpoint)
    ? 'catalogue'
    : endpoint.startsWith('GET ')
      ? 'read'
      : /checkout|pay$/.test(endpoint)
        ? 'checkout'
        : /^\w+ \/cart/.test(endpoint)
          ? 'mutation'
          : 'fallback';
const overruns = [];
let busiest = { endpoint: '', count: 0, limit: 0 };
for (const [endpoint, times] of arrivals) {
  const limit = limits[classOf(endpoint)];
  // The largest number of arrivals in any window of WINDOW_MS (sliding: stricter than the
  // store's fixed windows).
  let most = 0;
  for (let a = 0, b = 0; b < times.length; b++) {
    while (times[b] - times[a] >= WINDOW_MS) a++;
    most = Math.max(most, b - a + 1);
  }
  if (most / limit > busiest.count / (busiest.limit || 1)) busiest = { endpoint, count: most, limit };
  if (most > limit) overruns.push(`${endpoint}: ${most} requests in ${WINDOW_MS} ms (limit ${limit})`);
}

await Promise.all(allTabs().map((tab) => tab.engine.dispose()));
limiter.dispose();
await running.close();

const ops = shoppers.reduce((sum, s) => sum + s.ops, 0);
const counters = snapshot.counters;
const failed =
  lost > 0 || extra > 0 || !settled || problems.length > 0 || counters.rateLimited > 0 || overruns.length > 0;
const lines = [
  '',
  `Soak (seed ${SEED}) — ${((Date.now() - started) / 1000).toFixed(0)} s`,
  `  shoppers ${SHOPPERS} × ${TABS} tabs (${shoppers.reduce((sum, s) => sum + s.reloads, 0)} reloads), operations ${ops}: add ${counts.add}, set ${counts.set}, remove ${counts.remove}, click bursts ${counts.burst}`,
  `  requests to the store ${counters.totalRequests} (${Object.entries(counters.requests)
    .map(([e, n]) => `${e} ${n}`)
    .join(', ')})`,
  `  faults injected: ${Object.entries(faultSnapshot.faultsInjected)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ')}`,
  `  settled ${settled ? `${settleMs} ms after the faults stopped` : `NOT within ${SETTLE_LIMIT_S} s`}`,
  `  carts: ${shoppers.length - new Set(mismatches.map((m) => m.split(':')[0])).size}/${shoppers.length} equal to the fold of their operations; units lost ${lost}, extra ${extra}`,
  `  rate limits: ${counters.rateLimited} × 429; busiest endpoint ${busiest.endpoint} at ${busiest.count}/${busiest.limit} per window; overruns ${overruns.length}`,
  `  errors logged or thrown: ${problems.length}`,
  ...mismatches.slice(0, 20).map((m) => `  ✗ ${m}`),
  ...overruns.map((m) => `  ✗ overrun ${m}`),
  ...problems.slice(0, 10).map((m) => `  ✗ ${m.split('\n')[0]}`),
  failed ? `SOAK FAILED (reproduce: npm run soak -- --seed ${SEED})` : 'SOAK PASSED',
];
console.log(lines.join('\n'));
process.exit(failed ? 1 : 0);
