// Money as text (src/model/money.ts): whatever currency string reaches a render, the render
// goes on. Intl throws a RangeError for a bad code or locale; a throw mid-render froze the grid on
// "Loading…" (issue 15, item 10).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney, fractionDigits } from '../../../src/model/money.js';

test('formats minor units in the currency and locale', () => {
  assert.equal(formatMoney(1999, 'USD', 'en-US'), '$19.99');
  assert.equal(formatMoney(1999, 'PLN', 'pl-PL'), '19,99\u00a0zł');
  assert.equal(formatMoney(1999, 'JPY', 'en-US'), '¥1,999');
  assert.equal(fractionDigits('KWD'), 3);
});

test('any currency string formats as "no currency" (XXX) instead of throwing', () => {
  for (const bad of ['XX', '', 'US DOLLAR', 'US$', '€', 'usdollar', 42, null, undefined, {}] as unknown as string[]) {
    assert.match(formatMoney(1234, bad, 'en-US'), /^(¤|XXX)\s?12\.34$/, String(bad));
    assert.equal(fractionDigits(bad), 2, String(bad));
  }
});

test('a bad locale tag falls back to the default locale, a bad code as well', () => {
  assert.match(formatMoney(1234, 'USD', 'not a locale!!'), /12[.,]34/);
  assert.match(formatMoney(1234, '??', 'not a locale!!'), /12[.,]34/);
});
