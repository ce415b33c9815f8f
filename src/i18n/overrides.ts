// The merchant's own words (`Tote.messages`, `data-messages` on the script tag, `setMessages` from
// the package): checked here and kept in messages.ts's `overrides`, which every text looks up
// first. A file of its own: only pages that give words of their own download the checks.
import { languageOf, overrides, textsChanged, type Messages } from './messages.js';

/** An object that is not an array: what a language's texts, and the languages, must be. */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Replaces any of Tote's words with the merchant's own, by language and key:
 * `{ en: { 'cart.title': 'Your basket', 'cart.label.one': 'Basket, {count} item' } }`. Later calls
 * add to earlier ones. What is not in that shape is refused with a console error naming it, and
 * the rest still applies; elements re-render at once.
 */
export function setMessages(texts: unknown): void {
  const refuse = (where: string) =>
    console.error(
      `[tote] messages${where} was ignored: give texts by language and key, { "en": { "cart.title": "Basket" } }.`,
    );
  if (!isRecord(texts)) return refuse('');
  for (const [language, table] of Object.entries(texts)) {
    if (!/^[a-z]{2,3}([-_][a-z\d]+)*$/i.test(language) || !isRecord(table)) {
      refuse(`["${language}"]`);
      continue;
    }
    // Null prototypes: a key such as "__proto__" is a text like any other, never the prototype.
    const own = (overrides[languageOf(language)] ??= Object.create(null) as Messages);
    for (const [key, text] of Object.entries(table))
      if (typeof text === 'string') own[key] = text;
      else refuse(`["${language}"]["${key}"]`);
  }
  textsChanged();
}

/** `data-messages`: the same, as JSON; JSON that does not parse is refused with a console error. */
export function setMessagesJson(json: string): void {
  try {
    setMessages(JSON.parse(json));
  } catch (error) {
    console.error(
      `[tote] data-messages on the Tote script is not JSON (${(error as Error).message}); Tote's own words stay.`,
    );
  }
}
