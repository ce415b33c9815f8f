// What helps a shopper enter an address: countries with their subdivisions and postal rules,
// states, and place autocomplete.

export interface Subdivision {
  code: string;
  name: string;
}
export interface Country {
  code: string;
  name: string;
  phoneCode?: string;
  currency?: string;
  flag?: string;
  requiresState?: boolean;
  /** A non-empty list is a select and its `code` is submitted; null or [] is free text. */
  subdivisions: Subdivision[] | null;
  /** state, province, prefecture, county, … (`do_si` reads as province); null: "State/Province". */
  stateNameType: string | null;
  /** PCRE source; compile anchored inside a try. Null: the country has no postal codes. */
  postalRegex: string | null;
  postalExample: string | null;
}
export interface Countries {
  countries: Country[];
  locale: string;
}
export interface States {
  country: { code: string; name: string };
  states: { code: string; iso3166_2?: string | null; name: string }[];
}

export interface PlacePrediction {
  placeId: string;
  mainText: string;
  secondaryText: string;
}
export interface PlaceDetails {
  line1: string;
  line2: string;
  city: string;
  stateCode: string;
  countryCode: string;
  postalCode: string;
}
