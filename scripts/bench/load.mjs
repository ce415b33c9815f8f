// The `load` part of `npm run bench` (issue 21, "the bench measures what shoppers feel"): the README's
// page, cold, on a throttled phone-like connection and CPU, measured with the browser's own
// performance entries (paint, LCP, layout shifts, long tasks, resources, event timing) and the
// servers' request logs; then the interactions a shopper makes, driven by real input events.

/** What a mid-range phone on a slow 4G link gets (Lighthouse's mobile preset). */
export const THROTTLE = { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 0.75e6 / 8 };

// Merchant content below the grid: long enough that a grid (or a control above it) that grows
// pushes it down, which is exactly the layout shift a shopper notices while reading.
const MERCHANT_CONTENT = Array.from(
  { length: 4 },
  (_, i) => `<h2>About our shop, part ${i + 1}</h2>
<p>${'We make every piece by hand in a small workshop by the sea, from wood and wool that we choose ourselves. '.repeat(8)}</p>
<p>${'Orders leave within two working days; returns are free for thirty days, no questions asked. '.repeat(6)}</p>`,
).join('\n');

/** The README's page (README.md, "Put a shop on your page"), with the shop's API at `apiBase`. */
export function readmePage({ key, apiBase, shift = false }) {
  // `shift`: a sanity check of the CLS figure: a banner pushes the whole page down after a second.
  const banner = shift
    ? `<script>setTimeout(() => document.body.prepend(Object.assign(document.createElement('div'), { style: 'height: 200px', textContent: 'Sale!' })), 1000)</script>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title>
<script type="module" src="/dist/tote.js" data-public-key="${key}" data-api-base="${apiBase}"></script></head>
<body>${banner}<h1>Our shop</h1>
<tote-cart-toggle position="bottom-right"></tote-cart-toggle>
<tote-products columns="3" controls="search category sort"></tote-products>
<tote-cart mode="drawer"></tote-cart>
${MERCHANT_CONTENT}
</body></html>`;
}

/**
 * Installed before any page script. Observers with `buffered: true` see every entry since navigation;
 * the `__bench.arm(check)` / `__bench.done` pair times one interaction: from the input event's own
 * timestamp (a capturing listener, so the widget's handlers cannot hide it, and `timeStamp` includes
 * the time the event waited for a busy main thread) to just after the first frame that shows the result.
 */
function probe() {
  const b = (window.__bench = { shifts: [], lcp: [], longTasks: [], events: [], fcp: null, gridAt: null });
  // "tote-products › button[part=card]": where a node is, in words a reader can find in the source.
  const describe = (node) => {
    const el = node?.nodeType === 1 ? node : node?.parentElement;
    if (!el) return '(a node since removed)';
    const part = el.getAttribute('part');
    const what = `${el.localName}${part ? `[part=${part}]` : el.classList.length ? `.${el.classList[0]}` : ''}`;
    const host = el.getRootNode()?.host;
    return host ? `${host.localName} › ${what}` : what;
  };
  const observe = (type, take, options = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true, ...options });
    } catch {
      // an entry type this browser lacks: its figure stays empty rather than the page breaking
    }
  };
  observe('layout-shift', (e) =>
    b.shifts.push({
      t: e.startTime,
      value: e.value,
      recent: e.hadRecentInput,
      sources: e.sources.map((s) => describe(s.node)),
    }),
  );
  observe('largest-contentful-paint', (e) => {
    const el = e.element;
    const text = el?.textContent?.trim().replace(/\s+/g, ' ').slice(0, 30);
    b.lcp.push({
      t: e.startTime,
      size: e.size,
      element: el
        ? `${describe(el)}${text ? ` "${text}"` : ''}`
        : e.url
          ? `(image ${e.url.split('/').slice(-2).join('/')})`
          : '(none)',
    });
  });
  observe('longtask', (e) => b.longTasks.push({ t: e.startTime, duration: e.duration }));
  observe('paint', (e) => e.name === 'first-contentful-paint' && (b.fcp = e.startTime));
  observe('event', (e) => e.interactionId && b.events.push({ t: e.startTime, name: e.name, duration: e.duration }), {
    durationThreshold: 16,
  });

  // The first frame with the grid's real cards (not its placeholders): polled in every frame, so the
  // frame in which they are first found is the one that paints them; the time is taken just after.
  const cards = () => document.querySelector('tote-products')?.shadowRoot?.querySelectorAll('.card[data-index]');
  const poll = () => {
    if (cards()?.length) return setTimeout(() => (b.gridAt = performance.now()));
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  const shadow = (selector) => document.querySelector(selector)?.shadowRoot;
  const checks = {
    drawer: () => !!shadow('tote-cart')?.querySelector('dialog[open]'),
    product: () =>
      !!shadow('tote-products')
        ?.querySelector('dialog[open] tote-product')
        ?.shadowRoot?.querySelector('[part=add-button]'),
    badge: (count) => shadow('tote-cart-toggle')?.querySelector('[part=count]')?.textContent.trim() === String(count),
    line: ({ index, value }) =>
      shadow('tote-cart')?.querySelectorAll('[part=line]')[index]?.querySelector('input')?.value === String(value),
  };
  const input = (e) => (b.inputAt ??= e.timeStamp);
  window.addEventListener('pointerdown', input, true);
  window.addEventListener('keydown', input, true);
  b.arm = (name, arg) => {
    b.inputAt = null;
    b.armedAt = performance.now();
    b.done = new Promise((resolve) => {
      const tick = () => {
        if (b.inputAt !== null && checks[name](arg)) return setTimeout(() => resolve(performance.now() - b.inputAt));
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  };
  b.check = (name, arg) => checks[name](arg);
  // The drop-in's JS files fetched since `t`, with their bytes on the wire (gzip as served).
  b.js = (t = 0) =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= t && new URL(e.name).pathname.startsWith('/dist/') && e.name.endsWith('.js'))
      .map((e) => ({
        file: new URL(e.name).pathname.slice('/dist/'.length),
        bytes: e.encodedBodySize,
        transfer: e.transferSize,
      }));
}

/**
 * Runs the load part: `runs` cold runs (plus one warm-up) of the README's page on the reference store,
 * each followed by the shopper's interactions, and a 50-line cart on the fake API.
 */
export async function benchLoad({
  browser,
  page: PAGE,
  fakeKey,
  apiLog,
  pageLog,
  control,
  watch,
  log,
  runs: RUNS,
  resetFake,
  shift,
  simpleIds,
}) {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const rounded = (value) => `${Math.round(value)} ms`;

  /** A fresh context (cold cache, empty storage) with one page, throttled through CDP. */
  async function coldPage(label, { network = true } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    watch(page, label);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
    await cdp.send('Network.enable');
    if (network)
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: THROTTLE.latency,
        downloadThroughput: THROTTLE.down,
        uploadThroughput: THROTTLE.up,
      });
    await page.addInitScript(probe);
    // Network idle: nothing in flight for the browser, and nothing new at either server, for a while.
    let inflight = 0;
    let last = Date.now();
    const busy = () => ((last = Date.now()), inflight++);
    const idle = () => ((last = Date.now()), inflight--);
    page.on('request', busy);
    page.on('requestfinished', idle);
    page.on('requestfailed', idle);
    const settle = async (quiet = 1000, timeout = 30_000) => {
      const until = Date.now() + timeout;
      for (;;) {
        const latest = Math.max(last, apiLog.at(-1)?.t ?? 0, pageLog.at(-1)?.t ?? 0);
        if (inflight <= 0 && Date.now() - latest >= quiet) return;
        if (Date.now() > until) throw new Error(`${label}: the page never went quiet (${inflight} in flight)`);
        await sleep(100);
      }
    };
    return { context, page, settle };
  }

  /** One interaction: arm the probe, give the real input, wait for the frame that shows the result. */
  async function interact(page, check, arg, act) {
    await page.evaluate(([name, value]) => window.__bench.arm(name, value), [check, arg]);
    await act();
    const latency = await page.evaluate(() => window.__bench.done);
    await sleep(200); // event timing entries are queued after the frame that ends the interaction
    const events = await page.evaluate(() => {
      const { events, inputAt } = window.__bench;
      return events.filter((e) => e.t >= inputAt - 1).map((e) => e.duration);
    });
    return { latency, eventMs: events.length ? Math.max(...events) : null };
  }

  /** A real click in the middle of the element `selector` finds (Playwright's CSS pierces shadow roots). */
  async function click(page, locator) {
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  const waitFor = async (check, timeout) => {
    for (const until = Date.now() + timeout; !check() && Date.now() < until;) await sleep(50);
  };
  const apiCount = (entries) => {
    const api = entries.filter((e) => e.path.includes('/public/'));
    const preflights = api.filter((e) => e.method === 'OPTIONS');
    return { requests: api.length - preflights.length, preflights: preflights.length, list: api };
  };
  const summary = (entries) =>
    entries.map((e) => `${e.method} ${e.path.replace(/^\/v3\/public\/[^/]+/, '') || '/'}`).join(', ');

  const results = [];
  for (let run = 0; run <= RUNS; run++) {
    control({ reset: true, resetLimits: true, resetStats: true, faults: null });
    const m = {};
    const from = apiLog.length;
    const { context, page, settle } = await coldPage(`load run ${run}`);
    await page.goto(`${PAGE}/${shift ? 'readme-shift' : 'readme'}.html`, { timeout: 60_000 });
    await page.waitForFunction(() => window.__bench?.gridAt, null, { timeout: 60_000, polling: 100 });
    await settle();
    Object.assign(
      m,
      await page.evaluate(() => {
        const b = window.__bench;
        const js = b.js();
        const cls = b.shifts.filter((s) => !s.recent);
        return {
          fcp: b.fcp,
          gridAt: b.gridAt,
          gridWall: performance.timeOrigin + b.gridAt,
          lcp: b.lcp.at(-1) ?? null,
          cls: cls.reduce((sum, s) => sum + s.value, 0),
          shifts: cls,
          tbt: b.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
          longTasks: b.longTasks.length,
          clsBeforeGrid: cls.filter((s) => s.t <= b.gridAt).reduce((sum, s) => sum + s.value, 0),
          jsFiles: js.map((e) => e.file),
          jsBytes: js.reduce((sum, e) => sum + e.bytes, 0),
          jsTransfer: js.reduce((sum, e) => sum + e.transfer, 0),
        };
      }),
    );
    const loadLog = apiLog.slice(from);
    m.all = apiCount(loadLog);
    m.beforeGrid = apiCount(loadLog.filter((e) => e.t <= m.gridWall));
    m.images = loadLog.filter((e) => !e.path.includes('/public/')).length;

    // (1) The cart button, twice: the first click also loads the drawer's file (hover starts it,
    // but Playwright's click hovers only just before pressing: the worst case, a tap on a phone).
    const toggle = page.locator('tote-cart-toggle [part=button]');
    const beforeCart = apiLog.length;
    m.drawerFirst = await interact(page, 'drawer', null, () => click(page, toggle));
    await settle(500);
    m.cartOpen = apiCount(apiLog.slice(beforeCart));
    m.drawerJs = await page.evaluate(() => window.__bench.js(window.__bench.armedAt));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !window.__bench.check('drawer'));
    await page.mouse.move(1, 1);
    await settle(300);
    m.drawerAgain = await interact(page, 'drawer', null, () => click(page, toggle));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !window.__bench.check('drawer'));
    await settle(300);

    // (2) A card → the product view (its file loads on first use), (3) "Add to cart" → the badge.
    const card = page.locator(`tote-products .card[data-product="${await firstCardOf(page, simpleIds)}"]`);
    m.product = await interact(page, 'product', null, () => click(page, card));
    await settle(500);
    m.productJs = await page.evaluate(() => window.__bench.js(window.__bench.armedAt));
    const count = await page.evaluate(
      () =>
        Number(document.querySelector('tote-cart-toggle').shadowRoot.querySelector('[part=count]').textContent) || 0,
    );
    const beforeAdd = apiLog.length;
    m.add = await interact(page, 'badge', count + 1, () =>
      click(page, page.locator('tote-products dialog[open] tote-product [part=add-button]')),
    );
    // The badge counts the shopper's intent at once; wait for the server to have it too (its request
    // may leave after the badge changed), so the add's requests are counted whole.
    await waitFor(() => apiLog.slice(beforeAdd).some((e) => e.method === 'POST' || e.method === 'PATCH'), 15_000);
    await settle(1000);
    m.addRequests = apiCount(apiLog.slice(beforeAdd));
    await context.close();

    // (4) `+` on lines of a 50-line cart (the fake API on the page's origin: no preflights here).
    resetFake();
    const fake = await coldPage(`50-line cart run ${run}`);
    // A server cart is read only under a token an earlier visit left (a page that mints its token
    // knows the cart is empty): leave one, as that visit would have, in the shop's own storage.
    await fake.page.goto(`${PAGE}/harness.html`);
    await fake.page.waitForFunction(() => window.ToteBench, null, { timeout: 60_000 });
    await fake.page.evaluate(async (name) => {
      const storage = await window.ToteBench.openStorage(name);
      await storage.set('cartToken', 'bench-returning-visitor-50');
    }, `${fakeKey}@${PAGE}/fake50/v3`);
    await fake.page.goto(`${PAGE}/readme-cart50.html`, { timeout: 60_000 });
    await fake.settle();
    await click(fake.page, fake.page.locator('tote-cart-toggle [part=button]'));
    await fake.page.waitForFunction(
      () => document.querySelector('tote-cart')?.shadowRoot?.querySelectorAll('[part=line]').length === 50,
      null,
      {
        timeout: 30_000,
      },
    );
    await fake.settle(500);
    const plus = [];
    const plusEvents = [];
    for (const index of [2, 12, 24, 36, 48]) {
      const line = fake.page.locator('tote-cart [part=line]').nth(index);
      const value = Number(await line.locator('input').inputValue());
      const step = await interact(fake.page, 'line', { index, value: value + 1 }, () =>
        click(fake.page, line.locator('button.step').nth(1)),
      );
      plus.push(step.latency);
      if (step.eventMs !== null) plusEvents.push(step.eventMs);
      await fake.settle(500); // the line's change confirmed; the next click is a fresh one
    }
    m.plus = { latency: median(plus), eventMs: plusEvents.length ? median(plusEvents) : null };
    await fake.context.close();

    // (5) The first opening again, on loopback with the CPU still 4× slower: what the code itself costs.
    const quick = await coldPage(`loopback run ${run}`, { network: false });
    await quick.page.goto(`${PAGE}/readme.html`, { timeout: 60_000 });
    await quick.page.waitForFunction(() => window.__bench?.gridAt, null, { timeout: 60_000, polling: 100 });
    await quick.settle();
    m.drawerLoopback = await interact(quick.page, 'drawer', null, () =>
      click(quick.page, quick.page.locator('tote-cart-toggle [part=button]')),
    );
    await quick.context.close();

    const label = run === 0 ? 'warm-up' : `run ${run}`;
    log(
      `load ${label}: FCP ${rounded(m.fcp)}, LCP ${rounded(m.lcp?.t ?? NaN)}, cards ${rounded(m.gridAt)}, CLS ${m.cls.toFixed(3)}, TBT ${rounded(m.tbt)}, ` +
        `API ${m.beforeGrid.requests}+${m.beforeGrid.preflights} pre before grid, ${m.all.requests}+${m.all.preflights} until idle; ` +
        `drawer ${rounded(m.drawerFirst.latency)}/${rounded(m.drawerAgain.latency)}, product ${rounded(m.product.latency)}, add ${rounded(m.add.latency)}, + ${rounded(m.plus.latency)}`,
    );
    if (run > 0) results.push(m); // the warm-up pays Chromium's one-off costs of a first context
  }
  return summarise(results, summary);
}

/** The id of the first card (in grid order) of one of `ids` (products that can be added as they are). */
async function firstCardOf(page, ids) {
  const id = await page.evaluate(
    (wanted) =>
      [...document.querySelector('tote-products').shadowRoot.querySelectorAll('.card[data-index]')]
        .map((card) => card.dataset.product)
        .find((product) => wanted.includes(product)),
    ids,
  );
  if (!id) throw new Error('no card of a one-variant product in stock on the first page');
  return id;
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The most frequent value, with how many runs had it. */
function mode(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['(none)', 0];
}

const files = (list) =>
  list.length
    ? `${list.map((f) => f.file).join(', ')} (${(list.reduce((sum, f) => sum + f.bytes, 0) / 1024).toFixed(2)} KB)`
    : '(none)';

function summarise(runs, summary) {
  const pick = (get) => median(runs.map(get));
  const range = (get) => {
    const values = runs.map(get).filter((v) => typeof v === 'number');
    return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
  };
  // Which elements shifted: each shift's score is credited to every node Chromium names as its source,
  // summed over the runs and divided by them (a mean per load).
  const shifted = new Map();
  for (const run of runs)
    for (const shift of run.shifts)
      for (const source of new Set(shift.sources))
        shifted.set(source, (shifted.get(source) ?? 0) + shift.value / runs.length);
  const last = runs.at(-1);
  return {
    runs: runs.length,
    cls: range((r) => r.cls),
    shiftCount: pick((r) => r.shifts.length),
    shifted: [...shifted].sort((a, b) => b[1] - a[1]).slice(0, 3),
    clsBeforeGrid: pick((r) => r.clsBeforeGrid),
    shiftList: last.shifts.map((s) => `${Math.round(s.t)} ms: ${s.value.toFixed(3)}`).join(', '),
    drawerJs: files(last.drawerJs),
    productJs: files(last.productJs),
    fcp: range((r) => r.fcp),
    lcp: range((r) => r.lcp?.t),
    lcpElement: mode(runs.map((r) => r.lcp?.element ?? '(none)')),
    gridAt: range((r) => r.gridAt),
    tbt: range((r) => r.tbt),
    longTasks: pick((r) => r.longTasks),
    jsFiles: pick((r) => r.jsFiles.length),
    jsBytes: pick((r) => r.jsBytes),
    jsTransfer: pick((r) => r.jsTransfer),
    jsNames: mode(runs.map((r) => r.jsFiles.join(', ')))[0],
    api: pick((r) => r.all.requests),
    preflights: pick((r) => r.all.preflights),
    apiBeforeGrid: pick((r) => r.beforeGrid.requests),
    preflightsBeforeGrid: pick((r) => r.beforeGrid.preflights),
    images: pick((r) => r.images),
    beforeGridList: summary(last.beforeGrid.list),
    afterGridList: summary(last.all.list.slice(last.beforeGrid.list.length)),
    cartOpenList: summary(last.cartOpen.list),
    addList: summary(last.addRequests.list),
    drawerFirst: range((r) => r.drawerFirst.latency),
    drawerFirstEvent: pick((r) => r.drawerFirst.eventMs),
    drawerLoopback: range((r) => r.drawerLoopback.latency),
    drawerAgain: range((r) => r.drawerAgain.latency),
    drawerAgainEvent: pick((r) => r.drawerAgain.eventMs),
    product: range((r) => r.product.latency),
    productEvent: pick((r) => r.product.eventMs),
    add: range((r) => r.add.latency),
    addEvent: pick((r) => r.add.eventMs),
    plus: range((r) => r.plus.latency),
    plusEvent: pick((r) => r.plus.eventMs),
  };
}

/** The load section of the report, through the bench's `say` and `table`. */
export function reportLoad(l, { say, table, kb }) {
  const ms = (value) => (value === null || Number.isNaN(value) ? '–' : `${Math.round(value)} ms`);
  const spread = (r, fmt = ms) => `${fmt(r.median)} (${fmt(r.min)}–${fmt(r.max)})`;
  const cls = (v) => v.toFixed(3);
  say(`### Load and interaction (the README's page, median of ${l.runs} cold runs, throttled)`);
  say();
  say(
    `Each run is a fresh browser context (cold cache, empty storage) loading the README's page (cart button, a 3-column grid with search, category and sort, the drawer, merchant text below) from one loopback port, with the reference store on another (cross-origin, so CORS preflights happen as in production), dist/ served gzip-compressed, under CDP throttling: CPU ${THROTTLE.cpu}×, ${THROTTLE.latency} ms RTT, ${(THROTTLE.down * 8) / 1e6} Mbps down / ${(THROTTLE.up * 8) / 1e6} Mbps up. ` +
      'Paint, LCP, CLS, long tasks and JS bytes are the browser’s own performance entries (observed from navigation with `buffered: true`) read once the network has been idle for 1 s; API requests are counted at the server; interactions are real mouse clicks, timed in the page from the input event’s timestamp to just after the first frame showing the result (Event Timing’s `duration` alongside).',
  );
  say();
  table(
    ['measure', 'median (min–max)'],
    [
      ['first contentful paint', spread(l.fcp)],
      ['largest contentful paint', spread(l.lcp)],
      [`… its element (${l.lcpElement[1]} of ${l.runs} runs)`, l.lcpElement[0]],
      ["the grid's real cards painted", spread(l.gridAt)],
      ['cumulative layout shift (until idle)', `${spread(l.cls, cls)}; ${cls(l.clsBeforeGrid)} before the cards`],
      [`… the shifts (last run, time: score)`, l.shiftList || '(none)'],
      ...l.shifted.map(([node, score], i) => [
        `… shifted ${i ? 'next' : 'most'} (mean score per load)`,
        `${node}: ${score.toFixed(3)}`,
      ]),
      ['total blocking time (long tasks until idle)', `${spread(l.tbt)}, ${l.longTasks} long tasks`],
      [
        "the drop-in's JavaScript until idle (resource timing, gzip on the wire)",
        `${l.jsFiles} file${l.jsFiles === 1 ? '' : 's'}, ${kb(l.jsBytes)} (${kb(l.jsTransfer)} with headers)`,
      ],
      ['… the files', l.jsNames],
      [
        'API requests + preflights before the cards are painted (at the server)',
        `${l.apiBeforeGrid} + ${l.preflightsBeforeGrid}`,
      ],
      ['… which (last run)', l.beforeGridList || '(none)'],
      ['API requests + preflights of the whole load until idle', `${l.api} + ${l.preflights} (and ${l.images} images)`],
      ['… after the cards (last run)', l.afterGridList || '(none)'],
      [
        'cart button → drawer painted, first time (loads its file)',
        `${spread(l.drawerFirst)}; event ${ms(l.drawerFirstEvent)}`,
      ],
      ['… API requests the first opening makes (last run)', l.cartOpenList || '(none)'],
      ['… JS it loads (last run)', l.drawerJs],
      ['… the same on loopback (CPU 4×, no network throttling)', spread(l.drawerLoopback)],
      ['cart button → drawer painted, second time', `${spread(l.drawerAgain)}; event ${ms(l.drawerAgainEvent)}`],
      [
        'a card → product view painted, first time (its code came in the drawer’s file)',
        `${spread(l.product)}; event ${ms(l.productEvent)}`,
      ],
      ['… JS it loads (last run)', l.productJs],
      ['"Add to cart" → the cart button shows the new count', `${spread(l.add)}; event ${ms(l.addEvent)}`],
      ['… API requests of the add (last run)', l.addList || '(none)'],
      [
        '`+` on a line of a 50-line cart → new quantity painted (median of 5 lines)',
        `${spread(l.plus)}; event ${ms(l.plusEvent)}`,
      ],
    ],
  );
  say(
    'The 50-line cart is on the fake API on the page’s origin (no preflights there). "event" is the longest Event Timing entry (`duration`, 8 ms steps, ≥ 16 ms) of the interaction: input to the next paint after its handlers, not the result.',
  );
  say();
}
