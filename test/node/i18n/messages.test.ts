// The widget's words: every translation says everything English says (a page in another language
// never downloads English, so a missing key would show as English only after a second download),
// with the same placeholders; languages Tote does not speak get English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync } from 'node:fs';
import en from '../../../src/i18n/en.js';
import { coreEn } from '../../../src/i18n/en/core.js';
import { loadAllTexts, msg } from '../../../src/i18n/messages.js';

const english = { ...coreEn, ...en };
/** Every language file in src/i18n/ (two-letter names), whatever messages.ts lists. */
const translations: Record<string, Record<string, string>> = {};
for (const file of readdirSync(new URL('../../../src/i18n/', import.meta.url))) {
  const language = /^([a-z]{2})\.ts$/.exec(file)?.[1];
  if (language && language !== 'en')
    translations[language] = (
      (await import(`../../../src/i18n/${language}.js`)) as { default: Record<string, string> }
    ).default;
}
const { pl } = translations as Record<'pl', Record<string, string>>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const FORMS = /\.(zero|one|two|few|many)$/;
/** The plural forms a table gives, by base key: `{ 'cart.label': ['few', 'many', 'one'] }`. */
function formsOf(table: Record<string, string>) {
  const forms: Record<string, string[]> = {};
  for (const key of Object.keys(table)) {
    const form = FORMS.exec(key);
    if (form) (forms[key.slice(0, form.index)] ??= []).push(form[1]!);
  }
  for (const list of Object.values(forms)) list.sort();
  return forms;
}
const englishForms = formsOf(english);

for (const [language, table] of Object.entries({ en: english, ...translations })) {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.filter((c) => c !== 'other');
  test(`${language} has every key of English, with the same placeholders, and no other`, () => {
    const keys = (t: Record<string, string>) =>
      Object.keys(t)
        .filter((key) => !FORMS.test(key))
        .sort();
    assert.deepEqual(keys(table), keys(english));
    for (const [key, text] of Object.entries(english)) {
      if (!FORMS.test(key)) assert.deepEqual(placeholders(table[key]!), placeholders(text), `${language} ${key}`);
    }
  });
  test(`${language} gives every plural form its rules have, wherever a count is counted`, () => {
    const forms = formsOf(table);
    // English says "1 item" apart from "2 items"; every language says those counts in its own forms.
    for (const key of Object.keys(englishForms)) forms[key] ??= [];
    for (const [key, given] of Object.entries(forms)) {
      assert.ok(placeholders(english[key] ?? '').includes('count'), `${language} ${key}: only a {count} has forms`);
      assert.deepEqual(given, [...categories].sort(), `${language} ${key}: the forms of ${categories.join(', ')}`);
      for (const form of given) {
        const extra = placeholders(table[`${key}.${form}`]!).filter(
          (name) => !placeholders(english[key]!).includes(name),
        );
        assert.deepEqual(extra, [], `${language} ${key}.${form}: placeholders English's ${key} has`);
      }
    }
  });
}

test('every language file is one that a page in its language loads', async () => {
  assert.ok(Object.keys(translations).length >= 3);
  for (const [language, table] of Object.entries(translations)) {
    await loadAllTexts(language);
    assert.equal(msg(language, 'checkout.title'), table['checkout.title'], language);
  }
});

test("a count picks its plural form by the language's rules, and numbers are written in the language", async () => {
  await Promise.all([loadAllTexts('pl'), loadAllTexts('ar'), loadAllTexts('en')]);
  assert.equal(msg('en', 'reviews.count', { count: 1 }), '1 review');
  assert.equal(msg('en', 'reviews.count', { count: 0 }), '0 reviews');
  assert.equal(msg('en', 'reviews.count', { count: 1234 }), '1,234 reviews');
  assert.equal(msg('pl', 'reviews.count', { count: 1 }), '1 opinia');
  assert.equal(msg('pl', 'reviews.count', { count: 3 }), '3 opinie');
  assert.equal(msg('pl', 'reviews.count', { count: 5 }), '5 opinii');
  assert.equal(msg('pl', 'reviews.count', { count: 22 }), '22 opinie');
  assert.equal(msg('ar', 'reviews.count', { count: 2 }), 'مراجعتان');
  assert.equal(msg('ar', 'reviews.count', { count: 5 }), `${(5).toLocaleString('ar')} مراجعات`);
  assert.equal(msg('ar', 'cart.label', { count: 1 }), `السلة، ${(1).toLocaleString('ar')} منتج`);
  // Where directions meet, a text put into a sentence is isolated; where they don't, it is as given.
  assert.equal(msg('en', 'cart.removed', { name: 'Classic Tee (XL)' }), 'Removed Classic Tee (XL).');
  assert.equal(msg('en', 'cart.removed', { name: 'قميص' }), 'Removed \u2068قميص\u2069.');
  assert.ok(msg('ar', 'cart.removed', { name: 'Classic Tee (XL)' }).includes('\u2068Classic Tee (XL)\u2069'));
  // A language without the key falls back to English, in English's forms.
  assert.equal(msg('sv', 'reviews.count', { count: 1 }), '1 review');
});

test('no key is both in the first-paint English and in the rest of English', () => {
  assert.deepEqual(
    Object.keys(coreEn).filter((key) => key in en),
    [],
  );
});

test('a language Tote does not speak loads the rest of English; a translated one its own file', async () => {
  await loadAllTexts('sv-SE');
  assert.equal(msg('sv-SE', 'cart.title'), 'Your cart');
  await loadAllTexts('pl-PL');
  assert.equal(msg('pl-PL', 'cart.title'), 'Twój koszyk');
  assert.equal(
    msg('pl', 'cart.added', { name: 'Koszulka', count: 2 }),
    pl['cart.added.few']!.replace('{name}', 'Koszulka').replace('{count}', '2'),
  );
});
