// Money and numbers become text only here, at render time (design: integer minor units end to end).
import { currency as currencyCode } from '../api/normalize/primitives.js';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A currency formatter, cached. `Intl.NumberFormat` throws a RangeError for a code that is not
 * three letters and for a bad locale tag, which in the middle of a render would freeze the view:
 * a bad code formats as `XXX` (ISO's "no currency") by the edge's own rule (api/normalize/primitives.ts), for
 * a caller whose currency did not come through the edge; a bad tag in the browser's locale.
 */
function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const options = { style: 'currency', currency: currencyCode(currency) } as const;
    try {
      f = new Intl.NumberFormat(locale || undefined, options);
    } catch {
      f = new Intl.NumberFormat(undefined, options);
    }
    formatters.set(key, f);
  }
  return f;
}

/** Digits after the decimal point of a currency (JPY 0, USD 2, KWD 3), from Intl itself. */
export function fractionDigits(currency: string): number {
  return formatter('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `1999, 'USD', 'en-US'` → `$19.99`; `1999, 'PLN', 'pl-PL'` → `19,99 zł`. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return formatter(locale, currency).format(minor / 10 ** fractionDigits(currency));
}
