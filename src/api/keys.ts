/** Thrown by {@link assertPublishableKey} (and so by `createApiClient`) before any request is made. */
export class ToteKeyError extends Error {
  override name = 'ToteKeyError';
  constructor(
    message: string,
    /** What the key looked like: `secret`, `client-id`, `missing` or `unknown`. */
    readonly kind: 'secret' | 'client-id' | 'missing' | 'unknown',
  ) {
    super(message);
  }
}

// Prefix → what it is. Order matters: `sk_` must not shadow anything longer.
const SECRETS: [string, string][] = [
  ['sk_', 'a Shoprocket secret key'],
  ['shx_', 'a Shoppex API key'],
  ['shcs_', 'a Shoppex OAuth client secret'],
  ['shoa_', 'a Shoppex OAuth authorization code'],
  ['shpat_', 'a Shoppex access token'],
  ['shprt_', 'a Shoppex refresh token'],
];

const USE = 'Use your publishable key (pk_live_… or pk_test_…).';

/** The key as it may be shown: its prefix and last four characters, never more. */
export function maskKey(key: string): string {
  const prefix = /^[a-z]{1,6}_(?:(?:live|test)_)?/i.exec(key)?.[0] ?? '';
  return prefix + '…' + (key.length - prefix.length >= 12 ? key.slice(-4) : '');
}

/**
 * Returns `key` if it is a publishable key (`pk_live_…`/`pk_test_…`), else throws a
 * {@link ToteKeyError} that says what was found and what to do. Secret keys are the dangerous
 * case: a key in a web page is public, so the message tells the developer to revoke it.
 */
export function assertPublishableKey(key: unknown): string {
  if (typeof key !== 'string' || !key.trim()) {
    throw new ToteKeyError(`Tote: no public-key was given. ${USE}`, 'missing');
  }
  const k = key.trim();
  if (/^pk_(?:live|test)_[\w-]+$/.test(k)) return k;
  const shown = maskKey(k);
  const secret = SECRETS.find(([p]) => k.startsWith(p));
  if (secret) {
    throw new ToteKeyError(
      `Tote refused the key ${shown}: it is ${secret[1]}. A secret key must never be in a web page, where ` +
        `anyone can read it and act on your store. Revoke and rotate it now, keep secret keys on your server. ${USE}`,
      'secret',
    );
  }
  if (k.startsWith('shoc_')) {
    throw new ToteKeyError(`Tote: ${shown} is an OAuth client id, not a publishable key. ${USE}`, 'client-id');
  }
  throw new ToteKeyError(`Tote: ${shown} is not a publishable key. ${USE}`, 'unknown');
}
