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
};

const tables: Record<string, Messages> = { en: { ...coreEn } };
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
        for (const listener of listeners) listener();
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

/** Calls `listener` whenever a language arrives; returns the unsubscribe function. */
export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text for `key` in `locale` (falling back to English), filled in with `params`. */
export function msg(locale: string, key: string, params: Record<string, string | number> = {}): string {
  const language = languageOf(locale);
  const own = tables[language]?.[key];
  if (own === undefined) void loadTable(language);
  const text = own ?? tables.en![key];
  if (text === undefined) void loadTable('en');
  return (text ?? key).replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
