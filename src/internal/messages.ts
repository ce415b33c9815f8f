// The widget's words. English ships with each feature (src/i18n/en/*.ts, registered by the
// feature's own module, so the first download carries only the grid's and the cart button's words);
// every other language is one file in src/i18n/ that loads on demand the first time a shop asks
// for it. A missing translation shows English, never a key. Placeholders are {name}.
import { coreEn } from '../i18n/en/core.js';

export type Messages = Record<string, string>;

/** Languages other than English, each loaded when first needed. Adding a language is one line here. */
const LANGUAGES: Record<string, () => Promise<{ default: Messages }>> = {
  pl: () => import('../i18n/pl.js'),
  de: () => import('../i18n/de.js'),
  ar: () => import('../i18n/ar.js'),
};

const tables: Record<string, Messages> = { en: { ...coreEn } };
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** Adds or extends a language (`addMessages('de', {...})`); later calls win per key. */
export function addMessages(language: string, messages: Messages): void {
  tables[language] = { ...tables[language], ...messages };
}

/** The language part of a BCP 47 tag: `pl-PL` → `pl`. */
export function languageOf(locale: string): string {
  return (locale || 'en').toLowerCase().split(/[-_]/)[0] || 'en';
}

/**
 * Loads a language's table if it has one and it isn't here yet; resolves when it is (at once for
 * English or an unknown language). Elements re-render through `onMessagesLoaded`.
 */
export function loadLanguage(locale: string): Promise<void> {
  const language = languageOf(locale);
  const loader = LANGUAGES[language];
  if (!loader) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = loader().then(
      (module) => {
        // Feature modules may have added keys already; the file's table goes under them.
        tables[language] = { ...module.default, ...tables[language] };
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        loading.delete(language); // a flaky network: the next render tries again
        console.error(`[tote] could not load the "${language}" texts; showing English`, error);
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** Calls `listener` whenever a language arrives; returns the unsubscribe function. */
export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text for `key` in `locale` (falling back to English), filled in with `params`. */
export function msg(locale: string, key: string, params: Record<string, string | number> = {}): string {
  const language = languageOf(locale);
  if (language !== 'en' && !tables[language]?.[key] && LANGUAGES[language]) void loadLanguage(language);
  const text = tables[language]?.[key] ?? tables.en![key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
