// The widget's words: every translation says everything English says (a page in another language
// never downloads English, so a missing key would show as English only after a second download),
// with the same placeholders; languages Tote does not speak get English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ar from '../../../src/i18n/ar.js';
import de from '../../../src/i18n/de.js';
import en from '../../../src/i18n/en.js';
import { coreEn } from '../../../src/i18n/en/core.js';
import pl from '../../../src/i18n/pl.js';
import { loadAllTexts, msg } from '../../../src/i18n/messages.js';

const english = { ...coreEn, ...en };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

for (const [language, table] of Object.entries({ pl, de, ar })) {
  test(`${language} has every key of English, with the same placeholders, and no other`, () => {
    assert.deepEqual(Object.keys(table).sort(), Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      assert.deepEqual(placeholders(table[key]!), placeholders(text), `${language} ${key}`);
    }
  });
}

test('no key is both in the first-paint English and in the rest of English', () => {
  assert.deepEqual(
    Object.keys(coreEn).filter((key) => key in en),
    [],
  );
});

test('a language Tote does not speak loads the rest of English; a translated one its own file', async () => {
  await loadAllTexts('fr-FR');
  assert.equal(msg('fr-FR', 'cart.title'), 'Your cart');
  await loadAllTexts('pl-PL');
  assert.equal(msg('pl-PL', 'cart.title'), 'Twój koszyk');
  assert.equal(
    msg('pl', 'cart.added', { name: 'Koszulka', count: 2 }),
    pl['cart.added']!.replace('{name}', 'Koszulka').replace('{count}', '2'),
  );
});
