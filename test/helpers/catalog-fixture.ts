// Shared by the catalogue element tests: the reference store's control endpoint and a request
// counter over Resource Timing (every fetch the widget makes shows up there, images too).
export const API = `${location.origin}/v3`;
export const DEMO = 'pk_test_tote_demo';
export const PL = 'pk_test_tote_pl';

export async function control(body: Record<string, unknown>): Promise<void> {
  const response = await fetch('/__control', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`/__control answered ${response.status}: ${await response.text()}`);
}

performance.setResourceTimingBufferSize(5000);

/** API requests since the last `resetRequests()` whose path (after the key) matches. */
export function requests(match: RegExp): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter(
      (name) =>
        name.includes('/v3/public/') && match.test(new URL(name).pathname.replace(/^\/v3\/public\/[^/]+/, '') || '/'),
    );
}

/**
 * Like `requests`, less the cart's first read: the first cart-aware element on a page (a product
 * view, say) starts the cart engine, which reads the cart once whatever else happens.
 */
export function requestsBesidesCartStart(match: RegExp): string[] {
  const all = requests(match);
  const cartRead = all.findIndex((url) => new URL(url).pathname.endsWith('/cart'));
  if (cartRead >= 0) all.splice(cartRead, 1);
  return all;
}

export function resetRequests(): void {
  performance.clearResourceTimings();
}

/** The shared wait (8 s by default), under the name these catalogue tests use. */
export { waitUntil as until } from './wait.js';
