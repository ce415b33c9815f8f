// Runs inside demo/preview.html, the live preview: a stand-in merchant page that renders exactly
// the elements the snippet prints, on the page-default shop (what the drop-in script sets up).
// Its config comes from its own query string (which survives the round trip to the payment page)
// and, for changes that keep the shop, from the demo page by postMessage. It reports the
// scheduler's snapshots and every API request back to the demo page for the resilience lab.
import '../../src/define.js';
import { configure } from '../../src/context/page-default.js';
import { whenUsed } from '../../src/dom/lazy-define.js';
import type { ToteCart } from '../../src/components/cart/cart.js';
import type { ToteShop } from '../../src/store/index.js';
import { fromQuery, LANGUAGES, shopOf, toQuery } from './config.js';
import { embedSnippet } from './snippet.js';
import { themeTokens } from './themes.js';
import type { FrameMessage, HammerResult, PageMessage, RequestEntry } from './messages.js';

const post = (message: FrameMessage) => {
  if (parent !== window) parent.postMessage(message, location.origin);
};

// --- The request log: fetch is wrapped on this demo page only (never in src/) ------------------
let requestSeq = 0;
const originalFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (!url.pathname.includes('/public/')) return originalFetch(input, init);
  const entry: RequestEntry = {
    seq: ++requestSeq,
    at: Date.now(),
    method: request.method,
    path: url.pathname.replace(/^.*?\/public\/[^/]+/, '') + url.search || '/',
    requestId: request.headers.get('X-Request-Id'),
    status: null,
    ms: null,
    error: null,
  };
  post({ type: 'tote-demo:request', entry });
  try {
    const response = await originalFetch(input, init);
    post({
      type: 'tote-demo:request',
      entry: {
        ...entry,
        status: response.status,
        ms: Date.now() - entry.at,
        requestId: entry.requestId ?? response.headers.get('X-Request-Id'),
      },
    });
    return response;
  } catch (error) {
    post({
      type: 'tote-demo:request',
      entry: {
        ...entry,
        ms: Date.now() - entry.at,
        error: (error as Error).name === 'AbortError' ? 'aborted' : 'no answer',
      },
    });
    throw error;
  }
};

// --- Rendering ----------------------------------------------------------------------------------
const tokenSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, tokenSheet];

let config = fromQuery(location.search);
let shop: ToteShop | undefined;

function renderTokens(): void {
  const declarations = themeTokens(config)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
  tokenSheet.replaceSync(`:root { ${declarations} }`);
  const root = document.documentElement;
  root.dataset.scheme = config.scheme;
  root.lang = config.language;
  root.dir = LANGUAGES[config.language].dir;
}

function renderElements(): void {
  const snippet = embedSnippet(config);
  const header = document.getElementById('header-slot')!;
  const main = document.getElementById('shop')!;
  const floating = document.getElementById('floating')!;
  const refusal = document.getElementById('refusal')!;
  refusal.hidden = !snippet.keyError;
  refusal.querySelector('p')!.textContent = snippet.keyError?.message ?? '';
  for (const slot of [header, main, floating]) slot.replaceChildren();
  if (snippet.keyError) return;
  // The markup comes from the snippet generator, which escapes every attribute value.
  const template = document.createElement('template');
  template.innerHTML = snippet.elements;
  for (const element of [...template.content.children]) {
    const name = element.localName;
    if (name === 'tote-cart-toggle' && !element.hasAttribute('position')) header.append(element);
    else if (name === 'tote-cart-toggle' || (name === 'tote-cart' && element.getAttribute('mode') === 'drawer'))
      floating.append(element);
    else main.append(element);
  }
  document.getElementById('empty')!.hidden = main.children.length > 0;
}

function startShop(): void {
  const snippet = embedSnippet(config);
  if (snippet.keyError) return; // refused: nothing is configured, nothing is sent
  shop = configure({ publicKey: config.publicKey, apiBase: config.apiBase, locale: config.language });
  let scheduled = false;
  shop.api.limiter.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      post({ type: 'tote-demo:limiter', snapshot: shop!.api.limiter.snapshot() });
    }, 100);
  });
  shop.cart.subscribe((state) =>
    post({
      type: 'tote-demo:cart',
      cart: { itemCount: state.itemCount, pending: state.pending, online: state.online, ready: state.ready },
    }),
  );
  shop.api
    .store()
    .then((store) => (document.getElementById('brand')!.textContent = store.name))
    .catch(() => undefined);
}

/** The lab's "hammer +": many quick adds of one line, then the server's word on what arrived. */
async function hammer(count: number, slug: string): Promise<HammerResult> {
  if (!shop) throw new Error('no shop');
  const started = Date.now();
  await shop.cart.start();
  const product = await shop.catalog.product(slug);
  const variant = product.variants.find((v) => v.sellableQuantity !== 0) ?? product.variants[0]!;
  await shop.cart.settled();
  const before = (await shop.cart.refresh()).items.find((item) => item.variantId === variant.id)?.quantity ?? 0;
  const image = product.images[0];
  const display = {
    productId: product.id,
    name: product.name,
    variantName: variant.optionValues.map((o) => o.value).join(' / ') || null,
    sku: variant.sku,
    unitPrice: variant.price,
    imageUrl: image?.urls?.thumb ?? image?.url ?? null,
  };
  for (let i = 0; i < count; i++) {
    shop.cart.add(variant.id, 1, display); // what a click on + does: one more, merged and rate-limited
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  await shop.cart.settled();
  const after = (await shop.cart.refresh()).items.find((item) => item.variantId === variant.id)?.quantity ?? 0;
  return { name: product.name, clicks: count, before, after, ms: Date.now() - started };
}

addEventListener('message', (event: MessageEvent<PageMessage>) => {
  if (event.origin !== location.origin || event.source !== parent) return;
  const message = event.data;
  if (message?.type === 'tote-demo:config') {
    const next = fromQuery(message.query);
    if (shopOf(next) !== shopOf(config)) {
      location.replace(`${location.pathname}?${toQuery(next)}`); // a new shop: a fresh page
      return;
    }
    config = next;
    history.replaceState(history.state, '', `${location.pathname}?${toQuery(config)}`);
    renderTokens();
    renderElements();
  } else if (message?.type === 'tote-demo:hammer') {
    hammer(message.count, message.product).then(
      (result) => post({ type: 'tote-demo:hammered', result }),
      (error: unknown) => post({ type: 'tote-demo:hammered', error: String((error as Error).message ?? error) }),
    );
  } else if (message?.type === 'tote-demo:open-cart') {
    // The drawer loads when it is first needed (src/define.ts): this is such a time.
    void whenUsed('tote-cart').then(() => document.querySelector<ToteCart>('tote-cart[mode="drawer"]')?.show());
  }
});

post({ type: 'tote-demo:ready', query: toQuery(config) });
renderTokens();
startShop();
renderElements();
