// Browser tests talk to the reference store that the test runner mounts on its own origin
// (scripts/store-middleware.mjs): the API at /v3 and the control endpoint at /__control.

export const API_BASE = `${location.origin}/v3`;
export const DEMO_KEY = 'pk_test_tote_demo';
export const PL_KEY = 'pk_test_tote_pl';

/**
 * Throws, saying why, unless the reference store answers on this origin: its API at /v3 (a JSON
 * store record for `key`) and its control endpoint. For a suite's `before`: without the store its
 * tests must fail, never skip — a skipped suite passes silently.
 */
export async function requireReferenceStore(key = DEMO_KEY): Promise<void> {
  const url = `${API_BASE}/public/${key}`;
  const hint =
    'web-test-runner.config.mjs mounts demo/reference-store at /v3 (scripts/store-middleware.mjs); run the tests with node scripts/test.mjs';
  const response = await fetch(url).catch((error: unknown) => {
    throw new Error(`The reference store did not answer GET ${url} (${String(error)}). ${hint}`);
  });
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok || !type.includes('json')) {
    throw new Error(
      `No reference store at ${API_BASE}: GET ${url} answered ${response.status} (${type || 'no content type'}). ${hint}`,
    );
  }
  const controlResponse = await fetch('/__control');
  if (!controlResponse.ok)
    throw new Error(`The reference store's control endpoint answered ${controlResponse.status}. ${hint}`);
}

/** Changes the store at run time: `{reset: true}`, `{resetLimits: true}`, `{faults: 'error5xx=1'}`… */
export async function control(body: Record<string, unknown>): Promise<void> {
  const response = await fetch('/__control', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`/__control refused ${JSON.stringify(body)}: ${response.status} ${await response.text()}`);
}

export interface StoreCounters {
  totalRequests: number;
  requests: Record<string, number>;
  rateLimited: number;
}

/** Requests the store has counted (per endpoint) and 429s it has sent since the last resetStats. */
export async function counters(): Promise<StoreCounters> {
  const response = await fetch('/__control');
  const body = (await response.json()) as { data: { counters: StoreCounters } };
  return body.data.counters;
}

/**
 * A fresh store and a fresh visitor: seed catalogue, no carts, the store's counters and limits
 * cleared, no faults — and the rate budget that this origin's tabs share (kept in localStorage by
 * the API client) forgotten too, or earlier tests' requests would still count against it.
 */
export function freshStore(): Promise<void> {
  for (const key of Object.keys(localStorage)) if (key.startsWith('tote-rate:')) localStorage.removeItem(key);
  return control({ reset: true, resetLimits: true, resetStats: true, faults: null });
}

/** Mutations (POST/PATCH/DELETE to /cart…) counted by the store. */
export function mutationCount(c: StoreCounters): number {
  return Object.entries(c.requests)
    .filter(([endpoint]) => /^(POST|PATCH|DELETE) \/cart/.test(endpoint))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** The newest login code the store's outbox holds for `email` (as the shopper reads it in their inbox). */
export async function loginCodeFor(email: string): Promise<string> {
  const response = await fetch(`/__control/outbox?to=${encodeURIComponent(email)}`);
  const { data } = (await response.json()) as { data: { kind: string; code: string }[] };
  const code = data.find((message) => message.kind === 'login_code')?.code;
  if (!code) throw new Error(`no login code in the outbox for ${email}`);
  return code;
}
