// Screenshots of the demo in Debian's headless Chromium, to look at what we build.
//   node scripts/screenshot.mjs [--path /] [--width 1280] [--height 900] [--dark] [--forced-colors] [--full]
//                               [--click "css selector"]... [--wait "css selector"] --out file.png
// Starts the Vite dev server (demo page + reference store) on a free loopback port, or uses
// --base http://127.0.0.1:5173 when one is already running; stops what it started.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_FLAGS, findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const all = (name) => args.flatMap((arg, index) => (arg === `--${name}` ? [args[index + 1]] : []));
const out = option('out');
if (!out) {
  console.error(
    'usage: node scripts/screenshot.mjs --out file.png [--path /] [--width 1280] [--dark] [--full] [--click sel] [--wait sel]',
  );
  process.exit(2);
}

let server;
let base = option('base');
if (!base) {
  process.env.TOTE_NO_OPEN = '1';
  server = await createServer({ server: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'error' });
  await server.listen();
  base = server.resolvedUrls.local[0].replace(/\/$/, '');
}

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
try {
  const width = Number(option('width', '1280'));
  const context = await browser.newContext({
    viewport: { width, height: Number(option('height', width < 600 ? '812' : '900')) },
    deviceScaleFactor: 1,
    colorScheme: args.includes('--dark') ? 'dark' : 'light',
    forcedColors: args.includes('--forced-colors') ? 'active' : 'none',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  page.on('console', (message) => message.type() === 'error' && console.error('console:', message.text()));
  await page.goto(base + option('path', '/'), { waitUntil: 'load' });
  // Quiet network is best-effort: a page may keep a request open (a long poll, a held probe).
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  for (const selector of all('click')) {
    await page.locator(selector).first().click();
    await page.waitForTimeout(300);
  }
  const waitFor = option('wait');
  if (waitFor) await page.locator(waitFor).first().waitFor();
  await page.waitForTimeout(Number(option('settle', '400')));
  await page.screenshot({ path: out, fullPage: args.includes('--full') });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server?.close();
}
