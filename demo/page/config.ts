// The configurator's state: what the merchant chose, its defaults, its URL form (the preview page
// reads it from its query, which survives the trip to the payment page), and a tiny observable
// holder. No DOM here beyond URLSearchParams, so the snippet generator and its tests can share it.

export type CartPosition = 'header' | 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export type CartMode = 'drawer' | 'inline';
export type Scheme = 'auto' | 'light' | 'dark';
export type Language = 'en' | 'pl' | 'de' | 'ar';
export type FontChoice = 'system' | 'serif' | 'rounded' | 'mono';

export interface DemoConfig {
  publicKey: string;
  /** As typed: relative (`/v3`, the reference store on this origin) or absolute. */
  apiBase: string;
  /** Which elements the page shows. */
  show: {
    products: boolean;
    buyButton: boolean;
    cartToggle: boolean;
    cart: boolean;
    /** `<tote-account>`: sign in by emailed code, orders and addresses. */
    account: boolean;
    /** `<tote-reviews product="…">`: one product's ratings, reviews and a form to write one. */
    reviews: boolean;
  };
  columns: 2 | 3 | 4;
  /** `controls` of the grid: search, category, sort. */
  controls: boolean;
  /** More of the grid's `controls`: the price range, the page size and the product count. */
  filters: boolean;
  /** `quick-add` on the grid: an add button on every card. */
  quickAdd: boolean;
  /** The product the buy button sells (a slug or id). */
  buyProduct: string;
  /** The product whose reviews `<tote-reviews>` shows (a slug or id, picked from the catalogue). */
  reviewsProduct: string;
  cartPosition: CartPosition;
  cartMode: CartMode;
  accent: string;
  radius: number;
  font: FontChoice;
  scheme: Scheme;
  language: Language;
}

export const DEMO_KEY = 'pk_test_tote_demo';
export const DEMO_API_BASE = '/v3';

export const LANGUAGES: Record<Language, { label: string; dir: 'ltr' | 'rtl' }> = {
  en: { label: 'English', dir: 'ltr' },
  pl: { label: 'Polski', dir: 'ltr' },
  de: { label: 'Deutsch', dir: 'ltr' },
  ar: { label: 'العربية', dir: 'rtl' },
};

/** Font stacks a merchant can pick; fixed strings, so nothing typed by hand reaches the CSS. */
export const FONTS: Record<FontChoice, { label: string; stack: string }> = {
  system: { label: 'System UI', stack: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  serif: { label: 'Serif', stack: 'Georgia, "Times New Roman", serif' },
  rounded: { label: 'Rounded', stack: 'ui-rounded, "Nunito", "Segoe UI", system-ui, sans-serif' },
  mono: { label: 'Monospace', stack: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace' },
};

export const POSITIONS: CartPosition[] = ['header', 'bottom-right', 'bottom-left', 'top-right', 'top-left'];

export const DEFAULT_CONFIG: DemoConfig = {
  publicKey: DEMO_KEY,
  apiBase: DEMO_API_BASE,
  show: { products: true, buyButton: false, cartToggle: true, cart: true, account: false, reviews: false },
  columns: 3,
  controls: true,
  filters: false,
  quickAdd: false,
  buyProduct: 'gift-card',
  reviewsProduct: 'classic-tee',
  cartPosition: 'header',
  cartMode: 'drawer',
  accent: '#1d4ed8',
  radius: 8,
  font: 'system',
  scheme: 'auto',
  language: 'en',
};

export const HEX = /^#[0-9a-f]{6}$/i;
const SLUG = /^[\w-]{1,80}$/;

/** A config with every field checked: anything unknown or malformed falls back to the default. */
export function normalize(input: Partial<DemoConfig> & { show?: Partial<DemoConfig['show']> }): DemoConfig {
  const d = DEFAULT_CONFIG;
  const pick = <T>(value: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  const radius = Number(input.radius);
  return {
    publicKey: typeof input.publicKey === 'string' ? input.publicKey.trim() : d.publicKey,
    apiBase: typeof input.apiBase === 'string' && input.apiBase.trim() ? input.apiBase.trim() : d.apiBase,
    show: {
      products: input.show?.products ?? d.show.products,
      buyButton: input.show?.buyButton ?? d.show.buyButton,
      cartToggle: input.show?.cartToggle ?? d.show.cartToggle,
      cart: input.show?.cart ?? d.show.cart,
      account: input.show?.account ?? d.show.account,
      reviews: input.show?.reviews ?? d.show.reviews,
    },
    columns: pick(Number(input.columns), [2, 3, 4] as const, d.columns),
    controls: input.controls ?? d.controls,
    filters: input.filters ?? d.filters,
    quickAdd: input.quickAdd ?? d.quickAdd,
    buyProduct: typeof input.buyProduct === 'string' && SLUG.test(input.buyProduct) ? input.buyProduct : d.buyProduct,
    reviewsProduct:
      typeof input.reviewsProduct === 'string' && SLUG.test(input.reviewsProduct)
        ? input.reviewsProduct
        : d.reviewsProduct,
    cartPosition: pick(input.cartPosition, POSITIONS, d.cartPosition),
    cartMode: pick(input.cartMode, ['drawer', 'inline'] as const, d.cartMode),
    accent: typeof input.accent === 'string' && HEX.test(input.accent) ? input.accent.toLowerCase() : d.accent,
    radius: Number.isFinite(radius) ? Math.min(24, Math.max(0, Math.round(radius))) : d.radius,
    font: pick(input.font, Object.keys(FONTS) as FontChoice[], d.font),
    scheme: pick(input.scheme, ['auto', 'light', 'dark'] as const, d.scheme),
    language: pick(input.language, Object.keys(LANGUAGES) as Language[], d.language),
  };
}

const SHOW_KEYS = ['products', 'buyButton', 'cartToggle', 'cart', 'account', 'reviews'] as const;

/** The config as a query string (for the preview page's URL). */
export function toQuery(config: DemoConfig): string {
  const q = new URLSearchParams();
  q.set('key', config.publicKey);
  q.set('api', config.apiBase);
  q.set('show', SHOW_KEYS.filter((k) => config.show[k]).join(','));
  q.set('cols', String(config.columns));
  q.set('controls', config.controls ? '1' : '0');
  q.set('filters', config.filters ? '1' : '0');
  q.set('quick', config.quickAdd ? '1' : '0');
  q.set('buy', config.buyProduct);
  q.set('reviews', config.reviewsProduct);
  q.set('pos', config.cartPosition);
  q.set('mode', config.cartMode);
  q.set('accent', config.accent);
  q.set('radius', String(config.radius));
  q.set('font', config.font);
  q.set('scheme', config.scheme);
  q.set('lang', config.language);
  return q.toString();
}

/** Reads a config back from a query string; missing or bad fields take their defaults. */
export function fromQuery(search: string): DemoConfig {
  const q = new URLSearchParams(search);
  const get = (name: string) => q.get(name) ?? undefined;
  const show = q.has('show') ? new Set((q.get('show') ?? '').split(',')) : undefined;
  return normalize({
    publicKey: get('key'),
    apiBase: get('api'),
    show: show && {
      products: show.has('products'),
      buyButton: show.has('buyButton'),
      cartToggle: show.has('cartToggle'),
      cart: show.has('cart'),
      account: show.has('account'),
      reviews: show.has('reviews'),
    },
    columns: Number(get('cols')) as DemoConfig['columns'],
    controls: q.has('controls') ? q.get('controls') === '1' : undefined,
    filters: q.has('filters') ? q.get('filters') === '1' : undefined,
    quickAdd: q.has('quick') ? q.get('quick') === '1' : undefined,
    buyProduct: get('buy'),
    reviewsProduct: get('reviews'),
    cartPosition: get('pos') as CartPosition,
    cartMode: get('mode') as CartMode,
    accent: get('accent'),
    radius: q.has('radius') ? Number(q.get('radius')) : undefined,
    font: get('font') as FontChoice,
    scheme: get('scheme') as Scheme,
    language: get('lang') as Language,
  });
}

/** The fields that name the shop: changing one of them means a new shop (and a fresh page). */
export const shopOf = (c: DemoConfig) => `${c.publicKey}|${c.apiBase}|${c.language}`;

/** Holds the current config and tells subscribers about every change. */
export class ConfigState {
  #value: DemoConfig;
  #listeners = new Set<(config: DemoConfig, previous: DemoConfig) => void>();

  constructor(initial: DemoConfig = DEFAULT_CONFIG) {
    this.#value = normalize(initial);
  }

  get value(): DemoConfig {
    return this.#value;
  }

  /** Merges a change (checked through `normalize`) and notifies when anything differs. */
  update(change: Partial<DemoConfig>): void {
    const previous = this.#value;
    const next = normalize({ ...previous, ...change, show: { ...previous.show, ...change.show } });
    if (JSON.stringify(next) === JSON.stringify(previous)) return;
    this.#value = next;
    for (const listener of this.#listeners) listener(next, previous);
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (config: DemoConfig, previous: DemoConfig) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#value, this.#value);
    return () => this.#listeners.delete(listener);
  }
}
