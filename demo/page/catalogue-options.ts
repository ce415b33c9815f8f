// The products the configurator offers for `<tote-reviews product="…">`: the configured shop's
// catalogue, read once per shop with the same CORS-simple GET the grid makes (no headers, so no
// preflight, on the reference store and the live API alike).

export interface ProductOption {
  /** What goes into the `product` attribute: the slug, else the id. */
  value: string;
  name: string;
}

export type CatalogueOptions =
  { status: 'loading' } | { status: 'ready'; products: ProductOption[] } | { status: 'failed'; reason: string };

const cache = new Map<string, CatalogueOptions>();

/** `GET {apiBase}/public/{key}/products?perPage=100&sort=name`, relative bases on this page's origin. */
export function productListUrl(apiBase: string, publicKey: string, origin: string): string {
  const base = new URL(apiBase, origin).href.replace(/\/+$/, '');
  return `${base}/public/${encodeURIComponent(publicKey)}/products?perPage=100&sort=name`;
}

/** Tolerant, as the widget is: `{data: […]}` or a bare list; a product without a name or slug is left out. */
export function readProductOptions(body: unknown): ProductOption[] {
  const list = Array.isArray(body) ? body : (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(list)) return [];
  const options: ProductOption[] = [];
  for (const item of list as Record<string, unknown>[]) {
    const value = typeof item?.slug === 'string' && item.slug ? item.slug : item?.id;
    if (typeof value === 'string' && /^[\w-]{1,80}$/.test(value) && typeof item.name === 'string')
      options.push({ value, name: item.name });
  }
  return options;
}

/**
 * The options of one shop as far as they are known now; starts the read on first ask and calls
 * `onChange` once it has settled (a failed read is kept too, so the page does not retry in a loop).
 */
export function catalogueOptions(apiBase: string, publicKey: string, onChange: () => void): CatalogueOptions {
  const url = productListUrl(apiBase, publicKey, location.origin);
  const known = cache.get(url);
  if (known) return known;
  const loading: CatalogueOptions = { status: 'loading' };
  cache.set(url, loading);
  fetch(url)
    .then(async (response) => {
      if (!response.ok) throw new Error(`the catalogue answered ${response.status}`);
      cache.set(url, { status: 'ready', products: readProductOptions(await response.json()) });
    })
    .catch((error: unknown) => {
      cache.set(url, { status: 'failed', reason: error instanceof Error ? error.message : String(error) });
    })
    .finally(onChange);
  return loading;
}
