import type {
  ApiClient,
  Category,
  List,
  Product,
  ProductListMeta,
  ProductQuery,
  StoreSettings,
  Variant,
} from '../api/index.js';

// How long a catalogue answer is reused before it is read again (prices and stock do change).
const FRESH_MS = 60_000;

/**
 * The catalogue as components see it: store settings, product lists, single products and
 * categories. Answers are kept for a minute; identical reads in flight are already shared by the
 * API client. Products seen in a list are remembered by id and slug, so opening a product from
 * the grid costs no request.
 */
export class Catalog {
  #api: ApiClient;
  #answers = new Map<string, { at: number; value: unknown }>();
  #known = new Map<string, Product>();

  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** The store itself: name, currency, checkout settings. */
  store(): Promise<StoreSettings> {
    return this.#read('store', () => this.#api.store());
  }

  categories(): Promise<List<Category>> {
    return this.#read('categories', () => this.#api.categories({ perPage: 100 }));
  }

  /** A page of products; an aborted signal (a search that moved on) rejects with `ABORTED`. */
  products(query: ProductQuery = {}, signal?: AbortSignal): Promise<List<Product, ProductListMeta>> {
    const key = 'products' + JSON.stringify(query, Object.keys(query).sort());
    return this.#read(key, async () => {
      const list = await this.#api.products(query, { signal }); // normalized at the edge (api/normalize/catalog.ts)
      for (const product of list.data) this.#remember(product);
      return list;
    });
  }

  /** One product by id or slug: from what lists already brought, else one request. */
  product(idOrSlug: string, signal?: AbortSignal): Promise<Product> {
    const known = this.#known.get(idOrSlug);
    // A list may leave the variants out; the product itself is read for them.
    if (known?.variants.length) return Promise.resolve(known);
    return this.#api.product(idOrSlug, { signal }).then((product) => this.#remember(product));
  }

  /** The known product and variant of a variant id. */
  findVariant(variantId: string): { product: Product; variant: Variant } | undefined {
    for (const product of this.#known.values()) {
      const variant = product.variants.find((candidate) => candidate.id === variantId);
      if (variant) return { product, variant };
    }
    return undefined;
  }

  #remember(product: Product): Product {
    this.#known.set(product.id, product);
    this.#known.set(product.slug, product);
    return product;
  }

  /** A fresh kept answer, else a new read whose success (not failure) is kept. */
  async #read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const kept = this.#answers.get(key);
    if (kept && Date.now() - kept.at < FRESH_MS) return kept.value as T;
    const value = await load();
    this.#answers.set(key, { at: Date.now(), value });
    return value;
  }
}
