// The widget's words. English is built in; other languages are small tables merged over it, so a
// missing translation shows English rather than a key. Placeholders are {name}.

export type Messages = Record<string, string>;

const en: Messages = {
  'cart.label': 'Cart, {count} items',
  'cart.label.one': 'Cart, 1 item',
  'cart.empty': 'Your cart is empty.',
  'line.saving': 'Saving…',
  'line.queued': 'Waiting to save',
  'line.failed': 'Not saved',
  'storage.memory': 'This cart is kept only on this page: it will be lost if you reload.',
  'offline': 'You are offline. Changes are kept and will be saved when you are back online.',
  'error.retry': 'Try again',
};

const pl: Messages = {
  'cart.label': 'Koszyk, produkty: {count}',
  'cart.label.one': 'Koszyk, 1 produkt',
  'cart.empty': 'Twój koszyk jest pusty.',
  'line.saving': 'Zapisywanie…',
  'line.queued': 'Czeka na zapis',
  'line.failed': 'Nie zapisano',
  'storage.memory': 'Ten koszyk istnieje tylko na tej stronie: zniknie po odświeżeniu.',
  'offline': 'Brak połączenia. Zmiany zostaną zapisane po powrocie online.',
  'error.retry': 'Spróbuj ponownie',
};

const tables: Record<string, Messages> = { en, pl };

/** Adds or extends a language (e.g. `addMessages('de', {...})`); later calls win per key. */
export function addMessages(language: string, messages: Messages): void {
  tables[language] = { ...tables[language], ...messages };
}

/** The text for `key` in `locale` (falling back to its language, then English), filled in. */
export function msg(locale: string, key: string, params: Record<string, string | number> = {}): string {
  const language = (locale || 'en').toLowerCase();
  const text = tables[language]?.[key] ?? tables[language.split('-')[0]!]?.[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
