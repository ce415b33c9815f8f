// A date of the store's (an order placed, a review written) in the shop's language, e.g. "12 Mar
// 2026"; cached per language like the money formatters (model/money.ts).

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string): Intl.DateTimeFormat {
  let f = formats.get(locale);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale || undefined, { dateStyle: 'medium' });
    } catch {
      f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }); // a tag Intl refuses: the browser's
    }
    formats.set(locale, f);
  }
  return f;
}

/** The ISO date `iso` as the shop's language writes it; `''` for a missing or unreadable one. */
export function formatDate(locale: string, iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? format(locale).format(date) : '';
}
