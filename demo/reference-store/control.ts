// The /__control endpoint: run-time switches for tests, demos and load runs (faults, limits,
// windows, timers, the live-like CORS switch, merchant-side catalogue and checkout-settings edits,
// resets), and the outbox where login and gift card codes land. Validates the whole body before
// applying any of it, so a typo never leaves the store half-reconfigured.
import { ApiError, type FieldIssue } from './http.js';
import { parseFaults, formatFaults, type FaultConfig, type Faults } from './faults.js';
import { DEFAULT_LIMITS, LIMIT_CLASSES, type RateLimiter } from './rate-limit.js';
import { ROUTES } from './routes.js';
import type { World } from './state.js';
import { DEFAULT_CHECKOUT } from './storefront.js';
import type { CheckoutSettings, InventoryPolicy } from './types.js';
import { bool, int, isObject, objectBody, str, throwIfIssues } from './validate.js';

export class Stats {
  requests = new Map<string, number>();
  rateLimited = new Map<string, number>();
  total = 0;

  count(endpoint: string, limited: boolean): void {
    this.total += 1;
    this.requests.set(endpoint, (this.requests.get(endpoint) ?? 0) + 1);
    if (limited) this.rateLimited.set(endpoint, (this.rateLimited.get(endpoint) ?? 0) + 1);
  }

  reset(): void {
    this.requests.clear();
    this.rateLimited.clear();
    this.total = 0;
  }
}

export interface ControlDeps {
  world: World;
  limiter: RateLimiter;
  faults: Faults;
  stats: Stats;
}

const LIMIT_KEYS = new Set<string>(['*', ...LIMIT_CLASSES, ...ROUTES.map((r) => `${r.method} ${r.pattern}`)]);

export function snapshot({ world, limiter, faults, stats }: ControlDeps): Record<string, unknown> {
  const classes = Object.fromEntries(LIMIT_CLASSES.map((cls) => [cls, limiter.limitFor(`(class) ${cls}`, cls)]));
  const rateLimitedTotal = [...stats.rateLimited.values()].reduce((a, b) => a + b, 0);
  return {
    faults: formatFaults(faults.current),
    seed: faults.currentSeed,
    rateWindowMs: limiter.windowMs,
    limits: { defaults: DEFAULT_LIMITS, effective: classes, overrides: limiter.overridesSnapshot() },
    settings: { ...world.settings },
    liveLikeCors: world.liveLikeCors,
    stores: [...world.stores.entries()].map(([key, s]) => ({
      key,
      name: s.catalogue.config.name,
      currency: s.catalogue.config.currency,
      products: s.catalogue.products.length,
      carts: s.carts.size,
      orders: s.orders.size,
    })),
    // Newest first; the whole list (and a `?to=` filter) is at /__control/outbox.
    outbox: world.outbox.list().slice(0, 50),
    counters: {
      totalRequests: stats.total,
      requests: Object.fromEntries(stats.requests),
      rateLimited: rateLimitedTotal,
      rateLimitedByEndpoint: Object.fromEntries(stats.rateLimited),
      faultsInjected: { ...faults.injected },
    },
  };
}

interface VariantEdit {
  price?: number;
  compareAtPrice?: number | null;
  stock?: number | null;
  inventoryPolicy?: InventoryPolicy;
  available?: boolean;
}

export function applyControl(deps: ControlDeps, rawBody: unknown): void {
  const { world, limiter, faults, stats } = deps;
  const body = objectBody(rawBody);
  const issues: FieldIssue[] = [];

  let faultConfig: FaultConfig | null | undefined;
  if (body.faults === null) faultConfig = null;
  else if (typeof body.faults === 'string') {
    try {
      faultConfig = parseFaults(body.faults);
    } catch (error) {
      issues.push({ field: 'faults', message: error instanceof Error ? error.message : String(error) });
    }
  } else if (body.faults !== undefined)
    issues.push({ field: 'faults', message: 'Must be a TOTE_FAULTS string or null.' });

  const seed = int(body, 'seed', issues, { min: 0, max: 2 ** 32 - 1 });
  const reset = bool(body, 'reset', issues);
  const resetLimits = bool(body, 'resetLimits', issues);
  const resetStats = bool(body, 'resetStats', issues);
  const rateWindowMs = int(body, 'rateWindowMs', issues, { min: 1, max: 86_400_000 });
  const paymentDelayMs = int(body, 'paymentDelayMs', issues, { min: 0, max: 3_600_000 });
  const cartTtlMs = int(body, 'cartTtlMs', issues, { min: 1, max: 365 * 86_400_000 });
  const reservationTtlMs = int(body, 'reservationTtlMs', issues, { min: 1, max: 30 * 86_400_000 });
  const checkoutDisabled = str(body, 'checkoutDisabled', issues, { max: 200, nullable: true });
  const liveLikeCors = bool(body, 'liveLikeCors', issues);
  const checkoutEdits = checkoutEditsFrom(world, body.checkout, issues);

  const limits: [string, number | null][] = [];
  if (body.limits !== undefined) {
    if (!isObject(body.limits))
      issues.push({ field: 'limits', message: 'Must be an object of class or endpoint → limit.' });
    else {
      for (const [key, value] of Object.entries(body.limits)) {
        if (!LIMIT_KEYS.has(key)) {
          issues.push({
            field: `limits.${key}`,
            message: `Unknown; use "*", a class (${LIMIT_CLASSES.join(', ')}) or an endpoint such as "PATCH /cart/items/{id}".`,
          });
        } else if (value !== null && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
          issues.push({
            field: `limits.${key}`,
            message: 'Must be a whole number ≥ 0, or null to restore the default.',
          });
        } else limits.push([key, value as number | null]);
      }
    }
  }

  const variantEdits: [string, VariantEdit][] = [];
  if (body.variants !== undefined) {
    if (!isObject(body.variants))
      issues.push({ field: 'variants', message: 'Must be an object of variantId → changes.' });
    else {
      for (const [id, raw] of Object.entries(body.variants)) {
        const field = `variants.${id}`;
        if (!isObject(raw)) {
          issues.push({ field, message: 'Must be an object.' });
          continue;
        }
        if (!findVariant(world, id)) {
          issues.push({ field, message: 'Unknown variant.' });
          continue;
        }
        const edit: VariantEdit = {};
        const p = int(raw, 'price', issues, { min: 0, max: 100_000_000 }, `${field}.price`);
        if (typeof p === 'number') edit.price = p;
        const c = int(
          raw,
          'compareAtPrice',
          issues,
          { min: 0, max: 100_000_000, nullable: true },
          `${field}.compareAtPrice`,
        );
        if (c !== undefined) edit.compareAtPrice = c;
        const s = int(raw, 'stock', issues, { min: -1_000_000, max: 1_000_000, nullable: true }, `${field}.stock`);
        if (s !== undefined) edit.stock = s;
        if (raw.inventoryPolicy !== undefined) {
          if (raw.inventoryPolicy === 'deny' || raw.inventoryPolicy === 'continue')
            edit.inventoryPolicy = raw.inventoryPolicy;
          else issues.push({ field: `${field}.inventoryPolicy`, message: 'Must be "deny" or "continue".' });
        }
        const a = bool(raw, 'available', issues, `${field}.available`);
        if (a !== undefined) edit.available = a;
        variantEdits.push([id, edit]);
      }
    }
  }
  const productEdits: [string, boolean][] = [];
  if (body.products !== undefined) {
    if (!isObject(body.products))
      issues.push({ field: 'products', message: 'Must be an object of productId → {available}.' });
    else {
      for (const [id, raw] of Object.entries(body.products)) {
        const available = isObject(raw) ? bool(raw, 'available', issues, `products.${id}.available`) : undefined;
        if (!isObject(raw) || available === undefined)
          issues.push({ field: `products.${id}`, message: 'Must be {available: boolean}.' });
        else if (!findProduct(world, id)) issues.push({ field: `products.${id}`, message: 'Unknown product.' });
        else productEdits.push([id, available]);
      }
    }
  }
  throwIfIssues(issues, 'The control request is not valid.');

  // Apply: reset first, so edits in the same request land on the fresh catalogue.
  if (reset) world.reset();
  if (resetLimits) limiter.resetCounters();
  if (resetStats) {
    stats.reset();
    faults.resetCounts();
  }
  if (faultConfig !== undefined || seed !== undefined) {
    faults.configure(faultConfig === undefined ? faults.current : (faultConfig ?? parseFaults('')), seed ?? undefined);
  }
  if (rateWindowMs != null) limiter.windowMs = rateWindowMs;
  for (const [key, value] of limits) limiter.setOverride(key, value);
  if (paymentDelayMs != null) world.settings.paymentDelayMs = paymentDelayMs;
  if (cartTtlMs != null) world.settings.cartTtlMs = cartTtlMs;
  if (reservationTtlMs != null) world.settings.reservationTtlMs = reservationTtlMs;
  if (checkoutDisabled !== undefined) world.settings.checkoutDisabled = checkoutDisabled;
  if (liveLikeCors !== undefined) world.liveLikeCors = liveLikeCors;
  for (const [key, edit] of checkoutEdits) {
    const config = world.stores.get(key)?.catalogue.config;
    if (config) config.checkout = edit === null ? null : { ...(config.checkout ?? DEFAULT_CHECKOUT), ...edit };
  }
  for (const [id, edit] of variantEdits) {
    const variant = findVariant(world, id);
    if (variant) Object.assign(variant, edit);
  }
  for (const [id, available] of productEdits) {
    const product = findProduct(world, id);
    if (product) product.available = available;
  }
}

const CHECKOUT_ENUMS: Partial<Record<keyof CheckoutSettings, readonly string[]>> = {
  termsMode: ['required_checkbox', 'notice', 'hidden'],
  termsDisplay: ['url', 'text'],
  companyNameField: ['required', 'optional', 'hidden'],
  phoneNumberField: ['required', 'optional', 'hidden'],
  addressLine2Field: ['required', 'optional', 'hidden'],
};

/**
 * `checkout: {"<publishable key>": {…some CheckoutSettings…} | null}`: the merchant changes settings
 * while shoppers are mid-checkout (terms switched on, a minimum, a redirect). null removes the
 * store's `checkout` object, so GET / serves none and the contract's defaults apply.
 */
function checkoutEditsFrom(
  world: World,
  raw: unknown,
  issues: FieldIssue[],
): [string, Partial<CheckoutSettings> | null][] {
  if (raw === undefined) return [];
  if (!isObject(raw)) {
    issues.push({ field: 'checkout', message: 'Must be an object of publishable key → checkout settings (or null).' });
    return [];
  }
  const edits: [string, Partial<CheckoutSettings> | null][] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = `checkout.${key}`;
    if (!world.stores.has(key)) {
      issues.push({ field, message: 'Unknown store key.' });
      continue;
    }
    if (value === null) {
      edits.push([key, null]);
      continue;
    }
    if (!isObject(value)) {
      issues.push({ field, message: 'Must be an object of checkout settings, or null.' });
      continue;
    }
    const edit: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(value)) {
      const at = `${field}.${name}`;
      const sample = (DEFAULT_CHECKOUT as unknown as Record<string, unknown>)[name];
      const options = CHECKOUT_ENUMS[name as keyof CheckoutSettings];
      const ok = !(name in DEFAULT_CHECKOUT)
        ? false
        : options
          ? typeof v === 'string' && options.includes(v)
          : typeof sample === 'boolean'
            ? typeof v === 'boolean'
            : name === 'minimumOrderValue'
              ? v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0)
              : v === null || (typeof v === 'string' && v.length <= 2000);
      if (ok) edit[name] = v;
      else
        issues.push({
          field: at,
          message:
            name in DEFAULT_CHECKOUT
              ? `Not a valid ${name}${options ? ` (one of ${options.join(', ')})` : ''}.`
              : 'Unknown checkout setting.',
        });
    }
    edits.push([key, edit as Partial<CheckoutSettings>]);
  }
  return edits;
}

function findVariant(world: World, id: string) {
  for (const s of world.stores.values()) {
    const found = s.catalogue.findVariant(id);
    if (found) return found.variant;
  }
  return undefined;
}

function findProduct(world: World, id: string) {
  for (const s of world.stores.values()) {
    const found = s.catalogue.products.find((p) => p.id === id || p.slug === id);
    if (found) return found;
  }
  return undefined;
}

export const controlDisabled = (): ApiError =>
  new ApiError(404, 'Not found. (The control endpoint is off; start the store with TOTE_CONTROL=1 or control: true.)');
