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

const USE = 'Use your publishable key (pk_…).';

// Characters a copy from a dashboard, a PDF or a chat can carry along unseen: every Unicode space
// (NBSP included), zero-width characters, the BOM, soft hyphens and bidirectional controls. They
// are removed before any check, so an invisible character can neither hide a secret key from the
// refusal nor make a good publishable key fail.
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

/** The contract's publishable forms: `pk_live_…`, `pk_test_…` and Shoprocket's random `pk_…`. */
const PUBLISHABLE = /^pk_[A-Za-z0-9_-]{8,}$/;

/** The key as it may be shown: its prefix and last four characters, never more. */
export function maskKey(key: string): string {
  const prefix = /^[a-z]{1,6}_(?:(?:live|test)_)?/i.exec(key)?.[0] ?? '';
  return prefix + '…' + (key.length - prefix.length >= 12 ? key.slice(-4) : '');
}

/**
 * Returns the key, cleaned of invisible characters, if it is publishable (`pk_` and at least 8 of
 * `[A-Za-z0-9_-]`), else throws a {@link ToteKeyError} that says what was found and what to do.
 * Secret keys are the dangerous case and are looked for first, whatever their case: a key in a web
 * page is public, so the message tells the developer to revoke it.
 */
export function assertPublishableKey(key: unknown): string {
  const k = typeof key === 'string' ? key.replace(INVISIBLE, '') : '';
  if (!k) throw new ToteKeyError(`Tote: no public-key was given. ${USE}`, 'missing');
  const shown = maskKey(k);
  const lower = k.toLowerCase();
  const secret = SECRETS.find(([p]) => lower.startsWith(p));
  if (secret) {
    throw new ToteKeyError(
      `Tote refused the key ${shown}: it is ${secret[1]}. A secret key must never be in a web page, where ` +
        `anyone can read it and act on your store. Revoke and rotate it now, keep secret keys on your server. ${USE}`,
      'secret',
    );
  }
  if (PUBLISHABLE.test(k)) return k;
  if (lower.startsWith('shoc_')) {
    throw new ToteKeyError(`Tote: ${shown} is an OAuth client id, not a publishable key. ${USE}`, 'client-id');
  }
  throw new ToteKeyError(`Tote: ${shown} is not a publishable key. ${USE}`, 'unknown');
}
