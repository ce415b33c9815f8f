// What `GET /countries` says about an address form: which countries it offers, whether a region is
// a select or free text and when it is required, what the region is called, and whether a postal
// code looks right; and the offline list (names from Intl, so no table of names in 40 languages
// ships with the widget) used when `GET /countries` cannot be read. Pure rules, so the flow and its
// tests share them; the view only draws them.
import type { Country } from '../api/index.js';

// ISO 3166-1 alpha-2 codes of the countries and territories a shop may ship to.
// Written by first letter to weigh less: "ADEF…" stands for AD, AE, AF…
const CODES =
  'ADEFGILMORSTUWXZ BABDEFGHIJLMNOQRSTWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR GABDEFGHILMNPQRTUWY HKNRTU IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY MACDEFGHKLMNOPQRSTUVWXYZ NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW SABCDEGHIKLMNORSTVXYZ TCDGHJKLMNORTVWZ UAGSYZ VACEGINU WFS XK YET ZAMW'
    .split(' ')
    .flatMap((group) => [...group.slice(1)].map((second) => group[0] + second));

/** `[code, name]` for every country, named and sorted in the shopper's language. */
export function countries(locale: string): [string, string][] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale || 'en', 'en'], { type: 'region' });
  } catch {
    names = undefined;
  }
  const list = CODES.map((code): [string, string] => [code, names?.of(code) ?? code]);
  const collator = new Intl.Collator(locale || undefined);
  return list.sort((a, b) => collator.compare(a[1], b[1]));
}

/** A first guess for the country field: the region of the page's or the browser's language. */
export function guessCountry(locale: string): string {
  for (const tag of [locale, typeof navigator === 'undefined' ? '' : navigator.language]) {
    try {
      const region = tag ? new Intl.Locale(tag).maximize().region : undefined;
      if (region && CODES.includes(region)) return region;
    } catch {
      // not a language tag: try the next one
    }
  }
  return 'US';
}

/** The offline list (names from Intl) for when `GET /countries` cannot be read: no rules at all. */
export function fallbackCountries(locale: string): Country[] {
  return countries(locale).map(([code, name]) => ({
    code,
    name,
    subdivisions: null,
    stateNameType: null,
    postalRegex: null,
    postalExample: null,
  }));
}

export function findCountry(
  list: readonly Country[] | null | undefined,
  code: string | null | undefined,
): Country | undefined {
  return code ? list?.find((c) => c.code === code) : undefined;
}

/** The region's choices, or null for a free-text region. */
export function subdivisionsOf(country: Country | undefined): { code: string; name: string }[] | null {
  return country?.subdivisions?.length ? country.subdivisions : null;
}

/**
 * A region is required when the country says so, or — when it does not say — when it has a list.
 * (The official widget reads a missing `requiresState` as "required"; Tote never blocks checkout on
 * a field the server may not need.)
 */
export function requiresRegion(country: Country | undefined): boolean {
  if (!country) return false;
  return country.requiresState ?? !!subdivisionsOf(country);
}

const REGION_LABELS = new Set([
  'state',
  'province',
  'prefecture',
  'county',
  'oblast',
  'emirate',
  'department',
  'parish',
  'island',
  'area',
]);

/** The message key of the region field's label, from `stateNameType`. */
export function regionLabelKey(country: Country | undefined): string {
  const type = country?.stateNameType === 'do_si' ? 'province' : country?.stateNameType;
  return type && REGION_LABELS.has(type) ? `region.${type}` : 'field.region';
}

/** Whether the country has postal codes at all: the field is optional when it does not. */
export function hasPostalCodes(country: Country | undefined): boolean {
  return !!country?.postalRegex;
}

const compiled = new Map<string, RegExp | null>();
/** The longest postal code the hint checks (the world's longest are 10 characters). */
export const MAX_POSTAL = 16;

/** `postalRegex` (PCRE source) compiled anchored with flag `u`; null when it does not compile. */
export function postalPattern(country: Country | undefined): RegExp | null {
  const source = country?.postalRegex;
  if (!source) return null;
  if (!compiled.has(source)) {
    let pattern: RegExp | null;
    try {
      pattern = new RegExp(`^(?:${source})$`, 'u');
    } catch {
      pattern = null; // a PCRE feature JavaScript lacks: skip the check, checkout decides
    }
    compiled.set(source, pattern);
  }
  return compiled.get(source) ?? null;
}

/** Whether `postalCode` fails the country's pattern (a hint: the server decides). */
export function postalMismatch(country: Country | undefined, postalCode: string | null | undefined): boolean {
  const pattern = postalPattern(country);
  const value = postalCode?.trim();
  // The pattern comes from the API: a catastrophic one ("(a+)+$x") over a long value would hang the
  // page's main thread. No postal code in the world is longer than 10 characters, so a value longer
  // than MAX_POSTAL is not checked here (checkout decides) and the work stays bounded.
  if (!pattern || !value || value.length > MAX_POSTAL) return false;
  return !pattern.test(value) && !pattern.test(value.toUpperCase());
}

/** The country to preselect: the one saved, else the visitor hint, else the language's region, else the first. */
export function defaultCountry(
  list: readonly Country[],
  saved: string | null | undefined,
  visitor: string | null | undefined,
  locale: string,
): string {
  for (const code of [saved, visitor?.toUpperCase(), guessCountry(locale)]) {
    if (code && list.some((c) => c.code === code)) return code;
  }
  return list[0]?.code ?? '';
}
