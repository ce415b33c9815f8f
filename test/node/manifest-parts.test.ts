// The parts that the manifest's browser checks leave to an element's own tests
// (PARTS_SHOWN_ELSEWHERE in test/helpers/manifest.ts) are really found there, by their selector:
// a part named but never looked for would be a part nobody has seen render.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { HERE, PARTS_SHOWN_ELSEWHERE } from '../helpers/manifest.js';

test('every part shown elsewhere is looked for by its selector in the test that shows it', () => {
  const missing: string[] = [];
  for (const [tag, parts] of Object.entries(PARTS_SHOWN_ELSEWHERE))
    for (const [part, file] of Object.entries(parts)) {
      if (file === HERE) continue; // the manifest's own test asserts these rendered
      const source = readFileSync(file, 'utf8');
      const selector = new RegExp(`part[~*]?=\\\\?["']${part}\\\\?["']`);
      if (!selector.test(source)) missing.push(`<${tag}> part "${part}" in ${file}`);
    }
  assert.deepEqual(missing, []);
});
