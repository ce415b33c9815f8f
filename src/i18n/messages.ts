// The widget's words. The first-paint script carries only the grid's and the cart button's English
// (src/i18n/en/core.ts); the rest of English (src/i18n/en.ts) and every other language are one
// file each in src/i18n/, loaded on demand: a page downloads the words of its own language only.
// A missing translation shows English. Placeholders are {name}.
import { coreEn } from './en/core.js';

import type { Messages } from './messages-type.js';

export type { Messages };

/** The language files, each loaded when first needed. Adding a language is one line here. */
const LANGUAGES: Record<string, () => Promise<{ default: Messages }>> = {
  en: () => import('./en.js'),
  pl: () => import('./pl.js'),
  de: () => import('./de.js'),
  ar: () => import('./ar.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  nl: () => import('./nl.js'),
  // Brazilian Portuguese, the one most shoppers read; a pt-PT page gets it too.
  pt: () => import('./pt.js'),
  ja: () => import('./ja.js'),
};

const tables: Record<string, Messages> = { en: { ...coreEn } };
/**
 * The merchant's own words by language (`Tote.messages`, `data-messages`, `setMessages`: see
 * overrides.ts, loaded only by pages that give some); they win over Tote's.
 */
export const overrides: Record<string, Messages> = Object.create(null);
const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();
const listeners = new Set<() => void>();

/** The language part of a BCP 47 tag: `pl-PL` → `pl`. */
export function languageOf(locale: string): string {
  return (locale || 'en').toLowerCase().split(/[-_]/)[0] || 'en';
}

/**
 * Loads the translation of `locale`, if Tote has one and it isn't here yet; resolves when it is (at
 * once for English or an unknown language: their words for the first paint ship in the script).
 * Elements re-render through `onMessagesLoaded`.
 */
export function loadLanguage(locale: string): Promise<void> {
  const language = languageOf(locale);
  return language === 'en' ? Promise.resolve() : loadTable(language);
}

/**
 * Loads every word an element may show in `locale`: the language's file, or the rest of English for
 * English and for languages Tote does not speak. Lazily loaded elements wait for it before they
 * first render, so a shopper never sees a message key. `undefined` once the words are here, so
 * that later renders need not wait for a promise at all.
 */
export function loadAllTexts(locale: string): Promise<void> | undefined {
  const language = languageOf(locale);
  const table = LANGUAGES[language] ? language : 'en';
  return loaded.has(table) ? undefined : loadTable(table);
}

function loadTable(language: string): Promise<void> {
  const loader = LANGUAGES[language];
  if (!loader) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = loader().then(
      (module) => {
        // English's table holds the first paint's words already: the file adds the rest.
        tables[language] = { ...tables[language], ...module.default };
        loaded.add(language);
        textsChanged();
      },
      (error: unknown) => {
        loading.delete(language); // a flaky network: the next render tries again
        console.error(`[tote] could not load the "${language}" texts`, error);
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * Whether a page in `locale` has its own words for the first paint: at once in English and in the
 * languages that fall back to it, after the file arrives in the others. A live region stays silent
 * until then, rather than say "Loading products…" in English to an Arabic shopper.
 */
export function hasOwnWords(locale: string): boolean {
  const language = languageOf(locale);
  return language === 'en' || !LANGUAGES[language] || loaded.has(language);
}

/** Tells every element to render again: a language arrived, or the merchant's words changed. */
export function textsChanged(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the words change (a language arrives, the merchant gives their own); returns the unsubscribe function. */
export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const numberFormats = new Map<string, Intl.NumberFormat | null>();
const pluralRules = new Map<string, Intl.PluralRules | null>();

/** `make()` once per locale; `null` for a tag Intl refuses (callers then fall back to plain digits). */
function cached<T>(cache: Map<string, T | null>, locale: string, make: () => T): T | null {
  let value = cache.get(locale);
  if (value === undefined) {
    try {
      value = make();
    } catch {
      value = null;
    }
    cache.set(locale, value);
  }
  return value;
}

/** A number in the shop's language ("1 234" in Polish, Arabic digits in Arabic). */
export function formatNumber(locale: string, value: number): string {
  return (
    cached(numberFormats, locale, () => new Intl.NumberFormat(locale || undefined))?.format(value) ?? String(value)
  );
}

/**
 * The form of `key` for `count`: `key.one`, `key.few`, `key.many`, `key.two` or `key.zero` when the
 * table has the language's category for that count (Intl.PluralRules: Polish says 2 and 5 apart,
 * Arabic has six forms), else `key` itself, which is the "other" form.
 */
function lookup(language: string, key: string, count: unknown): string | undefined {
  const rules = typeof count === 'number' ? cached(pluralRules, language, () => new Intl.PluralRules(language)) : null;
  const form = rules && `${key}.${rules.select(count as number)}`;
  for (const table of [overrides[language], tables[language]]) {
    const text = table && ((form && table[form]) || table[key]);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Right-to-left writing: the languages, and any letter of them in a text. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * The text for `key` in `locale` (falling back to English), filled in with `params`: a number is
 * written in the shop's language, and a `count` picks the plural form. A text put into a sentence
 * (a product's name, an email, a code) is isolated (U+2068 … U+2069) where directions meet — in a
 * right-to-left sentence, or a right-to-left name in a left-to-right one — so "ada@example.com."
 * keeps its dot at the end and a Latin name does not reorder the Arabic around it. Screen readers
 * skip the two marks.
 */
export function msg(locale: string, key: string, params: Record<string, string | number> = {}): string {
  const language = languageOf(locale);
  const own = lookup(language, key, params.count);
  if (own === undefined) void loadTable(language);
  const text = own ?? lookup('en', key, params.count);
  if (text === undefined) void loadTable('en');
  const rtl = RTL_LANGUAGES.has(language);
  return (text ?? key).replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    if (typeof value === 'number') return formatNumber(locale, value);
    return rtl || RTL_LETTER.test(value) ? `\u2068${value}\u2069` : value;
  });
}
