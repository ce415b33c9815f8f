// Address autocomplete standing in for the live API's Google Places proxy: a small built-in set of
// real-looking addresses, searched by every typed word. Served only to stores whose
// `features.addressAutocomplete` is on; for the others both routes are a 404, as a client that
// ignored the flag would meet.
import type { ApiContext, ApiResult } from './context.js';
import { ApiError } from './http.js';
import { fold } from './text.js';

interface Place {
  line1: string;
  line2: string;
  city: string;
  stateCode: string;
  countryCode: string;
  postalCode: string;
}

const PLACES: Place[] = [
  { line1: '1 Main St', line2: 'Apt 4', city: 'Brooklyn', stateCode: 'NY', countryCode: 'US', postalCode: '11201' },
  { line1: '350 Fifth Avenue', line2: '', city: 'New York', stateCode: 'NY', countryCode: 'US', postalCode: '10118' },
  {
    line1: '1600 Amphitheatre Parkway',
    line2: '',
    city: 'Mountain View',
    stateCode: 'CA',
    countryCode: 'US',
    postalCode: '94043',
  },
  { line1: '500 Main Street', line2: '', city: 'Austin', stateCode: 'TX', countryCode: 'US', postalCode: '78701' },
  { line1: '24 Sussex Drive', line2: '', city: 'Ottawa', stateCode: 'ON', countryCode: 'CA', postalCode: 'K1M 1M4' },
  { line1: '1 Macquarie Street', line2: '', city: 'Sydney', stateCode: 'NSW', countryCode: 'AU', postalCode: '2000' },
  { line1: '10 Downing Street', line2: '', city: 'London', stateCode: '', countryCode: 'GB', postalCode: 'SW1A 2AA' },
  { line1: '221B Baker Street', line2: '', city: 'London', stateCode: '', countryCode: 'GB', postalCode: 'NW1 6XE' },
  { line1: 'Unter den Linden 1', line2: '', city: 'Berlin', stateCode: '', countryCode: 'DE', postalCode: '10117' },
  { line1: 'ul. Floriańska 1', line2: '', city: 'Kraków', stateCode: '', countryCode: 'PL', postalCode: '31-019' },
  {
    line1: 'ul. Marszałkowska 10',
    line2: '',
    city: 'Warszawa',
    stateCode: '',
    countryCode: 'PL',
    postalCode: '00-590',
  },
  // Only a street is known here: the client keeps what the shopper typed for the rest.
  { line1: '', line2: '', city: 'Reykjavík', stateCode: '', countryCode: 'IS', postalCode: '101' },
];

const placeId = (i: number): string => `plc_${String(i + 1).padStart(3, '0')}`;
const MAX_PREDICTIONS = 5;
const MIN_QUERY = 3;

function ensureEnabled(ctx: ApiContext): void {
  if (!ctx.state.catalogue.config.features?.addressAutocomplete)
    throw new ApiError(404, 'Address autocomplete is not enabled for this store.');
}

function required(ctx: ApiContext, names: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  const details = [];
  for (const name of names) {
    const value = ctx.query.get(name)?.trim() ?? '';
    if (value === '' || value.length > 200)
      details.push({
        field: name,
        message: value === '' ? 'This field is required.' : 'Must be at most 200 characters.',
      });
    values[name] = value;
  }
  if (details.length) throw new ApiError(422, 'The address search is not valid.', details);
  return values;
}

/** GET /places/autocomplete?query&sessionToken&country? */
export function autocomplete(ctx: ApiContext): ApiResult {
  ensureEnabled(ctx);
  const { query } = required(ctx, ['query', 'sessionToken']);
  const country = ctx.query.get('country')?.trim().toUpperCase() || null;
  const words = fold(query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const predictions =
    (query ?? '').length < MIN_QUERY
      ? []
      : PLACES.map((place, i) => ({ place, id: placeId(i) }))
          .filter(({ place }) => !country || place.countryCode === country)
          .filter(({ place }) => {
            const text = fold(Object.values(place).join(' '));
            return words.every((w) => text.includes(w));
          })
          .slice(0, MAX_PREDICTIONS)
          .map(({ place, id }) => ({
            placeId: id,
            mainText: place.line1 || place.city,
            secondaryText: [
              place.city,
              [place.stateCode, place.postalCode].filter(Boolean).join(' '),
              place.countryCode,
            ]
              .filter(Boolean)
              .join(', '),
          }));
  return { data: { predictions } };
}

/** GET /places/details?placeId&sessionToken: every field a string, "" when unknown. */
export function details(ctx: ApiContext): ApiResult {
  ensureEnabled(ctx);
  const { placeId: id } = required(ctx, ['placeId', 'sessionToken']);
  const index = PLACES.findIndex((_, i) => placeId(i) === id);
  const place = PLACES[index];
  if (!place) throw new ApiError(404, `No place "${(id ?? '').slice(0, 40)}".`);
  return { data: { ...place } };
}
