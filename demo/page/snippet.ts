// The embed snippet: what a merchant pastes into their page, made from the configurator's state.
// A pure function (no DOM, no clock), so it is unit-tested, and the preview renders the very same
// element markup it prints.
import { assertPublishableKey, ToteKeyError } from '../../src/api/keys.js';
import { DEFAULT_API_BASE } from '../../src/api/index.js';
import { VERSION } from '../../src/version.js';
import { LANGUAGES, type DemoConfig } from './config.js';
import { themeTokens } from './themes.js';

export const TOTE_VERSION = VERSION;
/** Where a merchant's page loads Tote from: a placeholder CDN, pinned to this version. */
export const CDN_SRC = `https://cdn.example/tote@${TOTE_VERSION}/tote.js`;
/** The attribute that pins light or dark on an element (left off for "auto"). */
export const SCHEME_ATTRIBUTE = 'color-scheme';

export interface SnippetOptions {
  /** The script's URL; default {@link CDN_SRC}. */
  scriptSrc?: string;
  /** Makes a relative API base absolute (a pasted snippet lives on another origin). */
  origin?: string;
  /** `sha384-…` of the pinned file: printed as `integrity` + `crossorigin` when given. */
  integrity?: string;
}

export interface Snippet {
  /** The whole text to copy. */
  text: string;
  /** The `<script>` tag alone. */
  script: string;
  /** The `<style>` block of theme tokens. */
  style: string;
  /** The elements alone (also what the preview renders). */
  elements: string;
  /** The key the snippet carries: the config's, or a placeholder when that one was refused. */
  publicKey: string;
  /** Why the config's key was refused (a secret key, say); the snippet then carries a placeholder. */
  keyError: ToteKeyError | null;
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `tag` with attributes (undefined ones left out), as one line of HTML. */
function tag(name: string, attributes: Record<string, string | undefined>): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    // '' is a boolean attribute, written bare (`quick-add`).
    .map(([key, value]) => (value === '' ? ` ${key}` : ` ${key}="${escapeAttr(value)}"`))
    .join('');
  return `<${name}${attrs}></${name}>`;
}

/** The API base as the snippet should say it: absolute, and left out when it is the default. */
export function snippetApiBase(apiBase: string, origin?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(apiBase, origin ?? 'https://your-shop.example');
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const base = url.href.replace(/\/+$/, '');
  return base === DEFAULT_API_BASE ? undefined : base;
}

/** Only the elements, one per line. */
export function snippetElements(config: DemoConfig): string {
  const scheme = config.scheme === 'auto' ? undefined : config.scheme;
  const common = { [SCHEME_ATTRIBUTE]: scheme };
  const lines: string[] = [];
  const { show } = config;
  if (show.cartToggle && config.cartPosition === 'header') lines.push(tag('tote-cart-toggle', common));
  if (show.products) {
    lines.push(
      tag('tote-products', {
        columns: String(config.columns),
        controls:
          [config.controls && 'search category sort', config.filters && 'price per-page count']
            .filter(Boolean)
            .join(' ') || undefined,
        'quick-add': config.quickAdd ? '' : undefined,
        ...common,
      }),
    );
  }
  if (show.buyButton) lines.push(tag('tote-buy-button', { product: config.buyProduct, ...common }));
  if (show.reviews) lines.push(tag('tote-reviews', { product: config.reviewsProduct, ...common }));
  if (show.account) lines.push(tag('tote-account', common));
  if (show.cart && config.cartMode === 'inline') lines.push(tag('tote-cart', { mode: 'inline', ...common }));
  if (show.cartToggle && config.cartPosition !== 'header')
    lines.push(tag('tote-cart-toggle', { position: config.cartPosition, ...common }));
  if (show.cart && config.cartMode === 'drawer') lines.push(tag('tote-cart', { mode: 'drawer', ...common }));
  return lines.join('\n');
}

/** The snippet for a config. Never prints a refused key: a secret key must not travel further. */
export function embedSnippet(config: DemoConfig, options: SnippetOptions = {}): Snippet {
  let keyError: ToteKeyError | null = null;
  let publicKey: string;
  try {
    publicKey = assertPublishableKey(config.publicKey);
  } catch (error) {
    if (!(error instanceof ToteKeyError)) throw error;
    keyError = error;
    publicKey = 'pk_live_YOUR_PUBLISHABLE_KEY';
  }
  const apiBase = snippetApiBase(config.apiBase, options.origin);
  const attributes: [string, string | undefined][] = [
    ['type', 'module'],
    ['src', options.scriptSrc ?? CDN_SRC],
    ['integrity', options.integrity],
    ['crossorigin', options.integrity ? 'anonymous' : undefined],
    ['data-public-key', publicKey],
    ['data-api-base', apiBase],
    ['data-locale', config.language === 'en' ? undefined : config.language],
  ];
  const shown = attributes.filter((entry): entry is [string, string] => entry[1] !== undefined);
  const script = `<script ${shown.map(([key, value]) => `${key}="${escapeAttr(value)}"`).join('\n        ')}></script>`;

  const style = [
    '<style>',
    '  :root {',
    ...themeTokens(config).map(([name, value]) => `    ${name}: ${value};`),
    '  }',
    '</style>',
  ].join('\n');
  const elements = snippetElements(config);

  const notes: string[] = [];
  if (!options.integrity)
    notes.push('<!-- Pinned version? Add integrity="sha384-…" crossorigin="anonymous" (npm run build prints it). -->');
  if (keyError) notes.push('<!-- Replace the placeholder with your publishable key (pk_live_… or pk_test_…). -->');
  const rtl =
    LANGUAGES[config.language].dir === 'rtl'
      ? ['<!-- Right-to-left: set dir="rtl" on <html> (or on the elements\' container). -->']
      : [];

  const text = [
    '<!-- Tote: once per page, anywhere in <head> or <body> -->',
    script,
    ...notes,
    '',
    '<!-- Your theme -->',
    style,
    '',
    '<!-- Your shop: put each element where it belongs on the page -->',
    ...rtl,
    elements || '<!-- (no elements chosen) -->',
  ].join('\n');
  return { text, script, style, elements, publicKey, keyError };
}
