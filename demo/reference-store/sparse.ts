// The "sparse" fault: answers keep only the fields the contract requires and drop every optional
// one, so a client's tolerance rules (no variants → in stock, no `checkout` → defaults, no
// `requiresShipping` → it ships, no renditions → a placeholder, …) are exercised against the full
// stores too. Each function takes a serialised resource and returns its bare form.
type Json = Record<string, unknown>;

const pick = (value: unknown, keys: readonly string[]): Json => {
  const source = (value ?? {}) as Json;
  return Object.fromEntries(keys.filter((k) => k in source).map((k) => [k, source[k]]));
};

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

export const sparseStore = (store: unknown): Json => pick(store, ['id', 'name', 'currency', 'locale']);

export const sparseProduct = (product: unknown): Json => ({
  ...pick(product, ['id', 'name', 'slug']),
  images: list((product as Json | undefined)?.images).map((m) => pick(m, ['id'])),
});

export const sparseProducts = (products: unknown): Json[] => list(products).map(sparseProduct);

const CART_OPTIONAL = new Set([
  'taxBreakdown',
  'taxInclusive',
  'itemCount',
  'requiresShipping',
  'visitorCountryCode',
  'customerName',
]);

export const sparseCart = (cart: unknown): Json =>
  Object.fromEntries(Object.entries((cart ?? {}) as Json).filter(([k]) => !CART_OPTIONAL.has(k)));

export const sparseCategory = (category: unknown): Json => {
  const { children: _children, parent: _parent, ...rest } = (category ?? {}) as Json;
  return rest;
};

export const sparseCountries = (data: unknown): Json => ({
  ...(data as Json),
  countries: list((data as Json | undefined)?.countries).map((c) => pick(c, ['code', 'name'])),
});

export const sparsePaymentMethods = (data: unknown): Json => ({
  ...(data as Json),
  methods: list((data as Json | undefined)?.methods).map((m) =>
    pick(m, ['select', 'name', 'description', 'icon', 'testMode']),
  ),
});

export const sparseCustomer = (me: unknown): Json => pick(me, ['id', 'email', 'firstName', 'lastName']);
