// Cart arithmetic in integer minor units: discounts (codes and automatic), shipping options for the
// destination, tax lines, gift card tender, totals. Pure functions of their inputs, recomputed on
// every read so a cart can never hold stale totals. Invariants:
//   total = subtotal − discountTotal + shippingTotal (+ taxTotal unless taxInclusive)
//   amountDue = max(0, total − giftCardTotal)
import type { DiscountCodeSpec, ShippingRate, StoreConfig, TaxRate } from './types.js';

export interface DiscountError {
  reason: 'not_found' | 'expired' | 'minimum_not_met';
  message: string;
}

export interface DiscountLine {
  id: string;
  code: string | null;
  name: string;
  amount: number;
  automatic: boolean;
}

export interface TaxLine {
  name: string;
  rateMilliPercent: number;
  amount: number;
}

export interface Totals {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  shippingTotal: number;
  total: number;
  giftCardTotal: number;
  amountDue: number;
}

export interface PricingInput {
  /** `taxable: false` for gift cards: they are tender bought in advance, not a taxable sale. */
  lines: { unitPrice: number; quantity: number; requiresShipping: boolean; taxable: boolean }[];
  discountCode: string | null;
  countryCode: string | null;
  shippingRateId: string | null;
  /** What an applied gift card could pay (0 when there is none or it is unusable). */
  giftCardSpendable: number;
  now: number;
}

export interface Pricing {
  discounts: DiscountLine[];
  /** Why the code on the cart does not apply right now (null when it does, or there is none). */
  codeProblem: DiscountError | null;
  totals: Totals;
  taxLines: TaxLine[];
  taxInclusive: boolean;
  requiresShipping: boolean;
  shippingOptions: ShippingRate[];
  addressRequired: boolean;
  selectedRate: ShippingRate | null;
}

export function formatMoney(config: StoreConfig, amount: number): string {
  return new Intl.NumberFormat(config.locale, { style: 'currency', currency: config.currency }).format(amount / 100);
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Whether a code exists and is live; `minimum_not_met` is judged later against the subtotal. */
export function lookupCode(
  config: StoreConfig,
  code: string,
  now: number,
): { spec: DiscountCodeSpec } | { error: DiscountError } {
  const spec = config.discountCodes.find((d) => d.code === normalizeCode(code));
  if (!spec) return { error: { reason: 'not_found', message: `"${code.slice(0, 40)}" is not a valid discount code.` } };
  if (spec.expiresAt && now > Date.parse(spec.expiresAt)) {
    return { error: { reason: 'expired', message: `The code ${spec.code} has expired.` } };
  }
  return { spec };
}

/** The tax on an amount: the part of it (inclusive) or on top of it (exclusive). */
function taxOn(amount: number, rate: TaxRate, inclusive: boolean): number {
  return inclusive
    ? Math.round((amount * rate.rateMilliPercent) / (100_000 + rate.rateMilliPercent))
    : Math.round((amount * rate.rateMilliPercent) / 100_000);
}

export function price(config: StoreConfig, input: PricingInput): Pricing {
  const subtotal = input.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  const discounts: DiscountLine[] = [];
  let codeProblem: DiscountError | null = null;
  let remaining = subtotal;

  if (input.discountCode) {
    const found = lookupCode(config, input.discountCode, input.now);
    if ('error' in found) {
      codeProblem = found.error;
    } else if (found.spec.minimumSubtotal !== null && subtotal < found.spec.minimumSubtotal) {
      const missing = formatMoney(config, found.spec.minimumSubtotal - subtotal);
      codeProblem = {
        reason: 'minimum_not_met',
        message: `${found.spec.code} needs an order of at least ${formatMoney(config, found.spec.minimumSubtotal)}; add ${missing} more.`,
      };
    } else {
      const spec = found.spec;
      const raw = spec.kind === 'percentage' ? Math.round((subtotal * spec.value) / 100) : spec.value;
      const amount = Math.min(raw, remaining);
      remaining -= amount;
      discounts.push({
        id: `disc_${spec.code.toLowerCase()}`,
        code: spec.code,
        name: spec.name,
        amount,
        automatic: false,
      });
    }
  }
  for (const auto of config.automaticDiscounts) {
    if (subtotal >= auto.minimumSubtotal && remaining > 0) {
      const amount = Math.min(auto.amount, remaining);
      remaining -= amount;
      discounts.push({ id: auto.id, code: null, name: auto.name, amount, automatic: true });
    }
  }
  const discountTotal = subtotal - remaining;
  const merchandise = remaining;

  const requiresShipping = input.lines.some((l) => l.requiresShipping);
  const country = input.countryCode;
  const shippingOptions = requiresShipping && country ? config.shippingRates(country, merchandise) : [];
  const selectedRate = shippingOptions.find((r) => r.id === input.shippingRateId) ?? null;
  const shippingTotal = selectedRate?.cost ?? 0;

  // Discounts come off taxable and untaxable lines in proportion to their share of the subtotal.
  const taxableSubtotal = input.lines.filter((l) => l.taxable).reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  const taxableMerchandise = subtotal > 0 ? Math.round((taxableSubtotal * merchandise) / subtotal) : 0;
  const taxCountry = country ?? config.defaultTaxCountry;
  const rate = taxCountry ? config.taxRate(taxCountry) : null;
  const taxLines: TaxLine[] = [];
  if (rate) {
    const base = taxableMerchandise + (config.taxShipping ? shippingTotal : 0);
    taxLines.push({
      name: rate.name,
      rateMilliPercent: rate.rateMilliPercent,
      amount: taxOn(base, rate, config.taxInclusive),
    });
  }
  const taxTotal = taxLines.reduce((sum, line) => sum + line.amount, 0);
  const total = merchandise + shippingTotal + (config.taxInclusive ? 0 : taxTotal);
  const giftCardTotal = Math.min(Math.max(0, input.giftCardSpendable), total);

  return {
    discounts,
    codeProblem,
    totals: {
      subtotal,
      discountTotal,
      taxTotal,
      shippingTotal,
      total,
      giftCardTotal,
      amountDue: total - giftCardTotal,
    },
    taxLines,
    taxInclusive: config.taxInclusive,
    requiresShipping,
    shippingOptions,
    addressRequired: requiresShipping && !country,
    selectedRate,
  };
}
