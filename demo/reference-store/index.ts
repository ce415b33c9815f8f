// The Tote reference store: an in-memory implementation of ../../shared api-contract (the
// Shoprocket v3 Public API subset Tote speaks). `createReferenceStore` gives a plain Node
// `(req, res)` handler that Vite, web-test-runner or node:http can mount; `startReferenceStore`
// runs it on its own port. Never bundled into the widget.
//
// Request pipeline (dispatch below): request id + CORS → /__control → preflight → images and
// hosted pages (card, PayPal-like, legal) → API: route → rate limit → faults (delay, drop, 5xx) →
// key/auth/token checks → body → replay by request id → handler → faults (sparse, lost,
// malformed) → JSON.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Stats, applyControl, controlDisabled, snapshot, type ControlDeps } from './control.js';
import { Faults, corrupt, parseFaults } from './faults.js';
import {
  ALLOWED_HEADERS,
  ApiError,
  LIVE_LIKE_ALLOWED_HEADERS,
  Rejection,
  answerPreflight,
  clientIp,
  originOf,
  readBody,
  readJson,
  requestIdOf,
  sendError,
  sendJson,
  setCorsHeaders,
} from './http.js';
import { parseImagePath, renderSvg, renditionSize, IMAGE_PATH_PREFIX } from './images.js';
import { handlePages } from './pages.js';
import { handlePaypalPage } from './paypal.js';
import { RateLimiter } from './rate-limit.js';
import { ENDPOINT_LIMITS, matchRoute, type ApiContext } from './routes.js';
import { DEFAULT_SETTINGS, World, type Settings } from './state.js';

export interface ReferenceStoreOptions {
  /** Rate-limit window in ms (default 60000). Limits stay per window, so a short window = a fast minute. */
  rateWindowMs?: number;
  /** Faults in TOTE_FAULTS syntax, e.g. "latency=50-300,error5xx=0.1". */
  faults?: string;
  /** Seed for the fault sequence (default 1). */
  seed?: number;
  /** Enables /__control (GET and POST). Off by default. */
  control?: boolean;
  /** Injectable clock (ms since epoch) for rate windows, cart expiry, reservations, payment delay. */
  now?: () => number;
  /** Limit overrides: a class ("mutation"), an endpoint ("POST /cart/items") or "*" → requests per window. */
  limits?: Record<string, number>;
  /** Cart lifetime after its last change (default 30 days). */
  cartTtlMs?: number;
  /** How long checkout holds stock for an unpaid gateway order (default 30 minutes). */
  reservationTtlMs?: number;
  /** Delay between "Pay" on the hosted page and the order reading as paid (default 0). */
  paymentDelayMs?: number;
}

export interface ReferenceStore {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Catalogue stock and prices, carts and orders back to the seed (limits and faults stay). */
  reset(): void;
  /** Same as POST /__control with this body (works even when the HTTP endpoint is off). */
  control(body: Record<string, unknown>): Record<string, unknown>;
  /** Same as GET /__control. */
  snapshot(): Record<string, unknown>;
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
/** pk_live_…, pk_test_… and Shoprocket's random form (pk_ + 21 or 32 letters and digits). */
const PUBLISHABLE = /^pk_[A-Za-z0-9_-]{8,200}$/;
const SECRET_PREFIXES = ['sk_', 'shx_', 'shcs_', 'shoa_', 'shpat_', 'shprt_'];
const CONTROL_PATHS = new Set(['/__control', '/v3/__control']);
const OUTBOX_PATHS = new Set(['/__control/outbox', '/v3/__control/outbox']);

const secretKeyRefusal = (key: string): ApiError =>
  new ApiError(
    403,
    `A secret key (${redactKey(key)}) was sent to the public API. Secret keys must never appear in a web page, a URL or a browser request: revoke and rotate it now, and use the publishable key (pk_…).`,
  );

/** A key safe to print: its prefix and last four characters, never the whole thing. */
function redactKey(key: string): string {
  const prefix = /^[a-z]+_(?:live_|test_)?/.exec(key)?.[0] ?? '';
  return `${prefix}…${key.slice(-4)}`;
}

/** decodeURIComponent that maps malformed escapes to '' instead of throwing (→ a 4xx, not a 500). */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

function checkPositiveInt(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got ${String(value)}.`);
  }
}

export function createReferenceStore(options: ReferenceStoreOptions = {}): ReferenceStore {
  checkPositiveInt('rateWindowMs', options.rateWindowMs, 1);
  checkPositiveInt('seed', options.seed, 0);
  checkPositiveInt('cartTtlMs', options.cartTtlMs, 1);
  checkPositiveInt('reservationTtlMs', options.reservationTtlMs, 1);
  checkPositiveInt('paymentDelayMs', options.paymentDelayMs, 0);
  for (const [key, value] of Object.entries(options.limits ?? {})) checkPositiveInt(`limits["${key}"]`, value, 0);
  const now = options.now ?? Date.now;
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    ...(options.cartTtlMs !== undefined ? { cartTtlMs: options.cartTtlMs } : {}),
    ...(options.reservationTtlMs !== undefined ? { reservationTtlMs: options.reservationTtlMs } : {}),
    ...(options.paymentDelayMs !== undefined ? { paymentDelayMs: options.paymentDelayMs } : {}),
  };
  const world = new World(settings);
  const limiter = new RateLimiter(options.rateWindowMs ?? 60_000, options.limits, ENDPOINT_LIMITS);
  const faults = new Faults(options.seed ?? 1, options.faults !== undefined ? parseFaults(options.faults) : undefined);
  const stats = new Stats();
  const deps: ControlDeps = { world, limiter, faults, stats };
  const controlEnabled = options.control === true;

  async function handleControl(
    req: IncomingMessage,
    res: ServerResponse,
    outbox: URLSearchParams | null,
  ): Promise<void> {
    if (req.method === 'OPTIONS') return answerPreflight(res, String(res.getHeader('X-Request-Id')), ALLOWED_HEADERS);
    if (!controlEnabled) throw controlDisabled();
    if (outbox) {
      if (req.method !== 'GET')
        throw new ApiError(405, 'The outbox is read-only.', undefined, { Allow: 'GET, OPTIONS' });
      sendJson(res, 200, { data: world.outbox.list(outbox.get('to')) });
      return;
    }
    if (req.method === 'POST') applyControl(deps, await readJson(req));
    else if (req.method !== 'GET')
      throw new ApiError(405, 'Use GET or POST.', undefined, { Allow: 'GET, POST, OPTIONS' });
    sendJson(res, 200, { data: snapshot(deps) });
  }

  function serveImage(req: IncomingMessage, res: ServerResponse, path: string): void {
    const parsed = parseImagePath(path);
    const art = parsed ? world.art.get(parsed.id) : undefined;
    const size = art && parsed ? renditionSize(art, parsed.rendition) : null;
    if (!art || !size) throw new ApiError(404, 'No such image.');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new ApiError(405, 'Images are read-only.', undefined, { Allow: 'GET, HEAD' });
    const svg = renderSvg(art, size);
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    // Seeded art never changes for an id, so browsers may keep it.
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', String(Buffer.byteLength(svg)));
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : svg);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { id: requestId, given: clientRequestId } = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    setCorsHeaders(res);
    let path: string;
    let query: URLSearchParams;
    try {
      // connect/Express strip a mount prefix from req.url (app.use('/v3', handle)) but keep the
      // full path in originalUrl; routing must see the full path either way.
      const raw = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
      const url = new URL(raw, 'http://store.invalid');
      path = url.pathname;
      query = url.searchParams;
    } catch {
      throw new ApiError(400, 'Malformed request URL.');
    }
    if (CONTROL_PATHS.has(path)) return handleControl(req, res, null);
    if (OUTBOX_PATHS.has(path)) return handleControl(req, res, query);
    // Never counted. The live-like switch narrows the allow-list the way the live API may.
    if (req.method === 'OPTIONS')
      return answerPreflight(res, requestId, world.liveLikeCors ? LIVE_LIKE_ALLOWED_HEADERS : ALLOWED_HEADERS);
    const at = now();
    world.sweep(at);
    if (path.startsWith(IMAGE_PATH_PREFIX)) return serveImage(req, res, path);
    if (await handlePages(req, res, path, world, at)) return;
    if (await handlePaypalPage(req, res, path, query, world)) return;

    // Everything else is the API, or a 404 counted under the fallback class.
    const method = req.method ?? 'GET';
    const api = /^\/v3\/public\/([^/]+)(\/.*)?$/.exec(path);
    const match = api
      ? matchRoute(method, api[2] ?? '/')
      : ({ kind: 'none', endpoint: `${method} (unknown)` } as const);
    const cls = match.kind === 'route' ? match.route.cls : 'fallback';
    const decision = limiter.hit(clientIp(req), match.endpoint, cls, at);
    stats.count(match.endpoint, !decision.allowed);
    res.setHeader('X-RateLimit-Limit', String(decision.limit));
    res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
    if (!decision.allowed) {
      throw new ApiError(
        429,
        `Too many requests to ${match.endpoint}. Retry after ${decision.retryAfterSeconds} s; every early retry restarts the wait.`,
        undefined,
        {
          'Retry-After': String(decision.retryAfterSeconds),
        },
      );
    }
    if (!api)
      throw new ApiError(404, `Nothing at ${path.slice(0, 200)}. The API lives under /v3/public/{publishableKey}.`);

    const plan = faults.plan();
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    if (plan.drop) {
      req.socket.destroy();
      return;
    }
    if (plan.errorStatus !== null) {
      const headers: Record<string, string> = plan.errorStatus === 503 ? { 'Retry-After': '1' } : {};
      sendJson(
        res,
        plan.errorStatus,
        { error: { code: 'INTERNAL', message: `Injected fault: HTTP ${plan.errorStatus}.` } },
        headers,
      );
      return;
    }
    const respond = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      if (plan.lost) {
        // The work is done; the client never hears about it. The response has begun before the
        // connection dies: a browser silently re-sends a request (even a POST) whose reused
        // keep-alive connection closes before any byte of the answer, which would apply it twice.
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '4096' });
        res.flushHeaders();
        res.socket?.destroy();
        return;
      }
      const json = JSON.stringify(body);
      sendJson(res, status, body, headers, plan.malformed ? corrupt(json) : undefined);
    };

    try {
      const subpath = api[2] ?? '/';
      // Profile edits, single customer orders and passwords are not served: a 404, not a 405.
      if (match.kind === 'method' && subpath.startsWith('/customer'))
        throw new ApiError(404, `${method} ${subpath.slice(0, 200)} is not served.`);
      if (match.kind === 'method')
        throw new ApiError(405, `${method} is not supported here.`, undefined, {
          Allow: [...match.allowed, 'OPTIONS'].join(', '),
        });
      if (match.kind === 'none') throw new ApiError(404, `No endpoint ${method} ${subpath.slice(0, 200)}.`);
      const route = match.route;
      const key = safeDecode(api[1] ?? '');
      if (SECRET_PREFIXES.some((p) => key.startsWith(p))) throw secretKeyRefusal(key);
      if (!PUBLISHABLE.test(key)) throw new ApiError(401, `"${redactKey(key)}" is not a publishable key (pk_…).`);
      const state = world.stores.get(key);
      if (!state) throw new ApiError(401, `Unknown publishable key ${redactKey(key)}.`);

      // Optional everywhere (the official client never sends it), but never contradicting the path.
      const auth = req.headers.authorization;
      if (auth !== undefined) {
        const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
        if (bearer && SECRET_PREFIXES.some((p) => bearer.startsWith(p))) throw secretKeyRefusal(bearer);
        if (bearer !== key) throw new ApiError(401, 'The Authorization header names a different key than the URL.');
      }
      let token = '';
      if (route.access === 'cart') {
        const header = req.headers['x-cart-token'];
        if (typeof header !== 'string' || header === '')
          throw new ApiError(400, 'Cart and order requests need an X-Cart-Token header.');
        if (!TOKEN.test(header))
          throw new ApiError(400, 'X-Cart-Token must be 16–128 characters of A–Z, a–z, 0–9, "_" or "-".');
        token = header;
      }
      let body: unknown;
      if (method === 'POST' || method === 'PATCH') body = await readJson(req);
      else if (method === 'DELETE') await readBody(req);

      // The clock is read again now, after any injected latency and the body: a change is stamped
      // (updatedAt) when it is made, so later changes always carry later times.
      const customerHeader = req.headers['x-customer-token'];
      const languageHeader = req.headers['accept-language'];
      const ctx: ApiContext = {
        state,
        origin: originOf(req),
        params: match.params,
        query,
        body,
        token,
        now: now(),
        customerToken: typeof customerHeader === 'string' && customerHeader !== '' ? customerHeader : null,
        acceptLanguage: typeof languageHeader === 'string' && languageHeader !== '' ? languageHeader : null,
      };
      const replayable = clientRequestId && route.access === 'cart' && method !== 'GET';
      const replay = replayable ? state.replays.lookup(token, requestId, method, subpath, body, ctx.now) : undefined;
      if (replay) {
        respond(replay.status, replay.response, { 'Idempotent-Replayed': 'true' });
        return;
      }
      const result = route.run(ctx);
      const data = plan.sparse && route.sparse ? route.sparse(result.data) : result.data;
      const status = result.status ?? 200;
      const payload = { ...result.top, data, ...(result.meta ? { meta: result.meta } : {}) };
      if (replayable) state.replays.remember(token, requestId, method, subpath, body, status, payload, ctx.now);
      respond(status, payload);
    } catch (error) {
      if (error instanceof Rejection) respond(409, error.body);
      else if (error instanceof ApiError) respond(error.status, error.body, error.headers);
      else throw error;
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    dispatch(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof ApiError) {
        sendError(res, error);
        return;
      }
      console.error('[tote store] unexpected error', error);
      sendJson(res, 500, { error: { code: 'INTERNAL', message: 'The reference store hit an unexpected error.' } });
    });
  }

  return {
    handle,
    reset: () => world.reset(),
    control: (body) => {
      applyControl(deps, body);
      return snapshot(deps);
    },
    snapshot: () => snapshot(deps),
  };
}

export interface StartOptions extends ReferenceStoreOptions {
  /** 0 = any free port (default 8787). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1: loopback only). */
  host?: string;
}

export interface RunningStore {
  /** Base URL of the API root, e.g. http://127.0.0.1:8787/v3 */
  url: string;
  store: ReferenceStore;
  server: Server;
  close(): Promise<void>;
}

export async function startReferenceStore(options: StartOptions = {}): Promise<RunningStore> {
  const store = createReferenceStore(options);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => store.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/v3`,
    store,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets from fetch would hold close() open
      }),
  };
}
