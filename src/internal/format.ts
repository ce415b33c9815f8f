// Money and numbers become text only here, at render time (design: integer minor units end to end).

const formatters = new Map<string, Intl.NumberFormat>();

/** Digits after the decimal point of a currency (JPY 0, USD 2, KWD 3), from Intl itself. */
export function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `1999, 'USD', 'en-US'` → `$19.99`; `1999, 'PLN', 'pl-PL'` → `19,99 zł`. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale || undefined, { style: 'currency', currency });
    } catch {
      formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency }); // a bad locale tag
    }
    formatters.set(key, formatter);
  }
  return formatter.format(minor / 10 ** fractionDigits(currency));
}
