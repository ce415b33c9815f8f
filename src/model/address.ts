// Address rules for the checkout: which fields a store and a country ask for, and validation that
// returns message keys for `msg()`. The countries themselves are in countries.ts.
import type { Address, Country, FieldMode } from '../api/index.js';
import { hasPostalCodes, postalMismatch, requiresRegion } from './countries.js';

/** Which of the store-configurable fields the form shows and requires. */
export interface AddressRules {
  phone: FieldMode;
  company: FieldMode;
  line2: FieldMode;
}

export type AddressField = keyof Address;
/** Which address a form holds: its errors are filed as `shippingAddress.city` / `billingAddress.city`. */
export type AddressKind = 'shipping' | 'billing';

/**
 * The form's fields in order, each with whether it is shown and required under `rules` and the
 * country's own rules (a region when it requires one, a postal code when it has them).
 */
export function addressFields(
  rules: AddressRules,
  country: Country | undefined,
  kind: AddressKind = 'shipping',
): { field: AddressField; required: boolean; autocomplete: string }[] {
  const all: { field: AddressField; mode: FieldMode; autocomplete: string }[] = [
    { field: 'name', mode: 'required', autocomplete: 'name' },
    { field: 'company', mode: rules.company, autocomplete: 'organization' },
    { field: 'countryCode', mode: 'required', autocomplete: 'country' },
    { field: 'line1', mode: 'required', autocomplete: 'address-line1' },
    { field: 'line2', mode: rules.line2, autocomplete: 'address-line2' },
    { field: 'city', mode: 'required', autocomplete: 'address-level2' },
    { field: 'region', mode: requiresRegion(country) ? 'required' : 'optional', autocomplete: 'address-level1' },
    { field: 'postalCode', mode: hasPostalCodes(country) ? 'required' : 'optional', autocomplete: 'postal-code' },
    { field: 'phone', mode: rules.phone, autocomplete: 'tel' },
  ];
  return all
    .filter((f) => f.mode !== 'hidden')
    .map(({ field, mode, autocomplete }) => ({
      field,
      required: mode === 'required',
      autocomplete: `${kind} ${autocomplete}`,
    }));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A message key when `email` is not an address, else null. */
export function emailIssue(email: string): string | null {
  if (!email.trim()) return 'invalid.required';
  return EMAIL.test(email.trim()) ? null : 'invalid.email';
}

/**
 * Field (`shippingAddress.city`) → message key, for every problem of the address. A postal code
 * that fails the country's pattern is reported unless `postalHinted` (the shopper saw the hint for
 * this very value and sent it again: the pattern is a hint, checkout decides).
 */
export function addressIssues(
  address: Partial<Address>,
  rules: AddressRules,
  country: Country | undefined,
  kind: AddressKind = 'shipping',
  postalHinted = false,
): Record<string, string> {
  const issues: Record<string, string> = {};
  const key = (field: string) => `${kind}Address.${field}`;
  for (const { field, required } of addressFields(rules, country, kind)) {
    if (required && !address[field]?.trim()) issues[key(field)] = 'invalid.required';
  }
  if (!postalHinted && !issues[key('postalCode')] && postalMismatch(country, address.postalCode))
    issues[key('postalCode')] = 'invalid.postalCode';
  if (address.phone && !/^\+?[\d\s().-]{6,20}$/.test(address.phone)) issues[key('phone')] = 'invalid.phone';
  return issues;
}

/** The address as typed, trimmed: an empty field is null. */
export const cleanAddress = (address: Partial<Address>): Partial<Address> =>
  Object.fromEntries(
    Object.entries(address).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || null : v]),
  ) as Partial<Address>;

/** Whether two addresses name the same place (company and phone aside): "billing same as shipping". */
export const sameAddress = (a: Partial<Address> | null | undefined, b: Partial<Address> | null | undefined): boolean =>
  !!a &&
  !!b &&
  (['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'countryCode'] as const).every(
    (k) => (a[k] ?? null) === (b[k] ?? null),
  );

/** Whether an address has everything `rules` require (to resume a checkout past it). */
export function isAddressComplete(
  address: Partial<Address> | null | undefined,
  rules: AddressRules,
  country?: Country,
): boolean {
  return !!address && Object.keys(addressIssues(address, rules, country, 'shipping', true)).length === 0;
}

/** The address as lines of text, for summaries and the receipt. */
export function addressLines(address: Partial<Address> | null | undefined, locale: string): string[] {
  if (!address) return [];
  let country = address.countryCode ?? '';
  try {
    country = (country && new Intl.DisplayNames([locale || 'en', 'en'], { type: 'region' }).of(country)) || country;
  } catch {
    // keep the code
  }
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    country,
    address.phone,
  ].filter((line): line is string => !!line);
}
