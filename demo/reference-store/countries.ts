// Countries for the address forms: every ISO 3166-1 country with its name in the asked locale
// (from Intl.DisplayNames, so no name table to maintain), subdivision lists for US, CA and AU,
// postal-code patterns and examples for the common shipping destinations, and the checks checkout
// applies with the same data, so what the form hints and what the server requires cannot differ.
import type { ApiContext, ApiResult } from './context.js';
import { param } from './context.js';
import { ApiError } from './http.js';

const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');
const KNOWN = new Set(CODES);

interface Detail {
  phoneCode: string;
  currency: string;
  /** PCRE source, matched anchored against the upper-cased, trimmed input; null = no postal codes. */
  postalRegex: string | null;
  postalExample: string | null;
  stateNameType: string | null;
  requiresState: boolean;
}

const d = (
  phoneCode: string,
  currency: string,
  postalRegex: string | null,
  postalExample: string | null,
  stateNameType: string | null = null,
  requiresState = false,
): Detail => ({ phoneCode, currency, postalRegex, postalExample, stateNameType, requiresState });

// The destinations the seeds ship to most, plus a few that exercise the form's cases: JP requires a
// free-text prefecture (no list), AE and HK have no postal codes, KR's region label is do_si.
const DETAILS: Record<string, Detail> = {
  US: d('+1', 'USD', '\\d{5}(?:-\\d{4})?', '94105', 'state', true),
  CA: d('+1', 'CAD', '[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d', 'K1A 0B1', 'province', true),
  AU: d('+61', 'AUD', '\\d{4}', '2000', 'state', true),
  GB: d('+44', 'GBP', 'GIR ?0AA|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}', 'SW1A 1AA', 'county'),
  IE: d('+353', 'EUR', '(?:[AC-FHKNPRTV-Y]\\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}', 'D02 X285', 'county'),
  DE: d('+49', 'EUR', '\\d{5}', '10115'),
  FR: d('+33', 'EUR', '\\d{2} ?\\d{3}', '75001'),
  PL: d('+48', 'PLN', '\\d{2}-\\d{3}', '00-950'),
  NL: d('+31', 'EUR', '\\d{4} ?[A-Z]{2}', '1012 AB'),
  BE: d('+32', 'EUR', '\\d{4}', '1000'),
  AT: d('+43', 'EUR', '\\d{4}', '1010'),
  CH: d('+41', 'CHF', '\\d{4}', '8001'),
  ES: d('+34', 'EUR', '\\d{5}', '28001', 'province'),
  IT: d('+39', 'EUR', '\\d{5}', '00184', 'province'),
  PT: d('+351', 'EUR', '\\d{4}-\\d{3}', '1000-001'),
  SE: d('+46', 'SEK', '\\d{3} ?\\d{2}', '114 55'),
  DK: d('+45', 'DKK', '\\d{4}', '1050'),
  NO: d('+47', 'NOK', '\\d{4}', '0150'),
  FI: d('+358', 'EUR', '\\d{5}', '00100'),
  CZ: d('+420', 'CZK', '\\d{3} ?\\d{2}', '110 00'),
  MX: d('+52', 'MXN', '\\d{5}', '06000', 'state'),
  BR: d('+55', 'BRL', '\\d{5}-?\\d{3}', '01310-100', 'state'),
  IN: d('+91', 'INR', '\\d{6}', '110001', 'state'),
  JP: d('+81', 'JPY', '\\d{3}-?\\d{4}', '100-0001', 'prefecture', true),
  KR: d('+82', 'KRW', '\\d{5}', '03051', 'do_si'),
  NZ: d('+64', 'NZD', '\\d{4}', '6011'),
  SG: d('+65', 'SGD', '\\d{6}', '018956'),
  UA: d('+380', 'UAH', '\\d{5}', '01001', 'oblast'),
  AE: d('+971', 'AED', null, null, 'emirate'),
  HK: d('+852', 'HKD', null, null, 'area'),
};

const list = (text: string): { code: string; name: string }[] =>
  text.split(';').map((pair) => {
    const [code = '', name = ''] = pair.split('=');
    return { code: code.trim(), name: name.trim() };
  });

// Names are English whatever the locale, as they are on the live API today.
const SUBDIVISIONS: Record<string, { code: string; name: string }[]> = {
  US: list(
    'AL=Alabama;AK=Alaska;AZ=Arizona;AR=Arkansas;CA=California;CO=Colorado;CT=Connecticut;DE=Delaware;' +
      'DC=District of Columbia;FL=Florida;GA=Georgia;HI=Hawaii;ID=Idaho;IL=Illinois;IN=Indiana;IA=Iowa;KS=Kansas;' +
      'KY=Kentucky;LA=Louisiana;ME=Maine;MD=Maryland;MA=Massachusetts;MI=Michigan;MN=Minnesota;MS=Mississippi;' +
      'MO=Missouri;MT=Montana;NE=Nebraska;NV=Nevada;NH=New Hampshire;NJ=New Jersey;NM=New Mexico;NY=New York;' +
      'NC=North Carolina;ND=North Dakota;OH=Ohio;OK=Oklahoma;OR=Oregon;PA=Pennsylvania;RI=Rhode Island;' +
      'SC=South Carolina;SD=South Dakota;TN=Tennessee;TX=Texas;UT=Utah;VT=Vermont;VA=Virginia;WA=Washington;' +
      'WV=West Virginia;WI=Wisconsin;WY=Wyoming',
  ),
  CA: list(
    'AB=Alberta;BC=British Columbia;MB=Manitoba;NB=New Brunswick;NL=Newfoundland and Labrador;NS=Nova Scotia;' +
      'NT=Northwest Territories;NU=Nunavut;ON=Ontario;PE=Prince Edward Island;QC=Quebec;SK=Saskatchewan;YT=Yukon',
  ),
  AU: list(
    'ACT=Australian Capital Territory;NSW=New South Wales;NT=Northern Territory;QLD=Queensland;SA=South Australia;' +
      'TAS=Tasmania;VIC=Victoria;WA=Western Australia',
  ),
};

export const isCountry = (code: string): boolean => KNOWN.has(code);

/** The flag emoji: two regional-indicator symbols. */
const flagOf = (code: string): string => String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));

/** A locale the runtime understands, else "en" (a bad `locale` never fails the request). */
export function resolveLocale(locale: string | null): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const namesByLocale = new Map<string, Intl.DisplayNames>();
function countryName(code: string, locale: string): string {
  let names = namesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    namesByLocale.set(locale, names);
  }
  return names.of(code) ?? code;
}

export function serializeCountry(code: string, locale: string): Record<string, unknown> {
  const detail = DETAILS[code];
  return {
    code,
    name: countryName(code, locale),
    ...(detail ? { phoneCode: detail.phoneCode, currency: detail.currency } : {}),
    flag: flagOf(code),
    requiresState: detail?.requiresState ?? false,
    subdivisions: SUBDIVISIONS[code]?.map((s) => ({ ...s })) ?? null,
    stateNameType: detail?.stateNameType ?? null,
    postalRegex: detail?.postalRegex ?? null,
    postalExample: detail?.postalExample ?? null,
  };
}

// ---- What checkout requires, from the same data ----

/** Why a postal code is not acceptable for the country, or null when it is (or none is used). */
export function postalIssue(countryCode: string, postalCode: string | null): string | null {
  const source = DETAILS[countryCode]?.postalRegex;
  if (!source) return null;
  if (!postalCode) return 'This field is required.';
  const example = DETAILS[countryCode]?.postalExample;
  return new RegExp(`^(?:${source})$`, 'u').test(postalCode.trim().toUpperCase())
    ? null
    : `Not a postal code for ${countryCode}${example ? ` (e.g. ${example})` : ''}.`;
}

/** Why a region is not acceptable, or null: required where the country requires a state, a listed code where a list exists. */
export function regionIssue(countryCode: string, region: string | null): string | null {
  const listed = SUBDIVISIONS[countryCode];
  const required = DETAILS[countryCode]?.requiresState ?? false;
  if (!region) return required ? 'This field is required.' : null;
  if (listed && !listed.some((s) => s.code === region.trim().toUpperCase())) {
    return `Not a ${DETAILS[countryCode]?.stateNameType ?? 'region'} code of ${countryCode}.`;
  }
  return null;
}

/** The visitor-country hint: the region of the first Accept-Language tag, if it is a country. */
export function countryFromLanguage(acceptLanguage: string | null): string | null {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  if (!first) return null;
  try {
    const region = new Intl.Locale(first).region;
    return region && KNOWN.has(region) ? region : null;
  } catch {
    return null;
  }
}

// ---- Handlers for the route table ----

/** GET /countries?locale&shippable=1: every country, or the store's shipping destinations only. */
export function countries(ctx: ApiContext): ApiResult {
  const locale = resolveLocale(ctx.query.get('locale'));
  const shippable = ['1', 'true'].includes(ctx.query.get('shippable') ?? '');
  const { config } = ctx.state.catalogue;
  const codes = shippable ? CODES.filter((code) => config.shippingRates(code, 0).length > 0) : CODES;
  const collator = new Intl.Collator(locale);
  const data = codes
    .map((code) => serializeCountry(code, locale))
    .sort((a, b) => collator.compare(String(a.name), String(b.name)));
  return { top: { success: true }, data: { countries: data, locale } };
}

/** GET /countries/{cc}/states: the same subdivisions as served inline. */
export function states(ctx: ApiContext): ApiResult {
  const code = param(ctx, 'cc').toUpperCase();
  if (!KNOWN.has(code)) throw new ApiError(404, `No country "${param(ctx, 'cc').slice(0, 10)}".`);
  const locale = resolveLocale(ctx.query.get('locale'));
  return {
    top: { success: true },
    data: {
      country: { code, name: countryName(code, locale) },
      states: (SUBDIVISIONS[code] ?? []).map((s) => ({ code: s.code, iso3166_2: `${code}-${s.code}`, name: s.name })),
    },
  };
}
