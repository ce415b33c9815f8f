// The edge for what helps a shopper enter an address: countries, states, place autocomplete and
// details. Loaded on first use (with later-endpoints.ts, through on-demand.ts).
import type { Countries, Country, PlaceDetails, PlacePrediction, States } from '../types/address-lookup.js';
import { bad, country, each, idOf, need, obj, str, strN } from './primitives.js';

function countryOf(v: unknown): Country {
  const c = obj(v);
  const code = need(country(c.code) ?? undefined, 'a country');
  const out: Country = {
    code,
    name: str(c.name, code),
    subdivisions: Array.isArray(c.subdivisions)
      ? each(c.subdivisions, (x) => {
          const s = obj(x);
          const sc = need(idOf(s.code), 'a subdivision');
          return { code: sc, name: str(s.name, sc) };
        })
      : null,
    stateNameType: strN(c.stateNameType),
    postalRegex: strN(c.postalRegex),
    postalExample: strN(c.postalExample),
  };
  for (const k of ['phoneCode', 'currency', 'flag'] as const) if (typeof c[k] === 'string') out[k] = c[k];
  if (typeof c.requiresState === 'boolean') out.requiresState = c.requiresState;
  return out;
}

/** `GET /countries`: `{countries, locale}`, or a bare array. */
export function normCountries(v: unknown): Countries {
  const c = Array.isArray(v) ? { countries: v } : obj(v);
  if (!Array.isArray(c.countries)) throw bad('the countries');
  return { countries: each(c.countries, countryOf), locale: str(c.locale) };
}

/** `GET /countries/{cc}/states`: `{country, states}`, or a bare array of states. */
export function normStates(v: unknown): States {
  const s = Array.isArray(v) ? { states: v } : obj(v);
  const c = obj(s.country);
  return {
    country: { code: str(c.code), name: str(c.name) },
    states: each(s.states, (x) => {
      const st = obj(x);
      const code = need(idOf(st.code), 'a state');
      const out: States['states'][number] = { code, name: str(st.name, code) };
      if ('iso3166_2' in st) out.iso3166_2 = strN(st.iso3166_2);
      return out;
    }),
  };
}

/** `GET /places/autocomplete`: the predictions (`{predictions}` or a bare array). */
export function normPredictions(v: unknown): PlacePrediction[] {
  const p = Array.isArray(v) ? v : obj(v).predictions;
  return each(p, (x) => {
    const e = obj(x);
    return {
      placeId: need(idOf(e.placeId), 'a place'),
      mainText: str(e.mainText),
      secondaryText: str(e.secondaryText),
    };
  });
}

/** `GET /places/details`: every field a string, `""` when unknown. */
export function normPlaceDetails(v: unknown): PlaceDetails {
  const d = obj(v);
  return {
    line1: str(d.line1),
    line2: str(d.line2),
    city: str(d.city),
    stateCode: str(d.stateCode),
    countryCode: country(d.countryCode) ?? '',
    postalCode: str(d.postalCode),
  };
}
