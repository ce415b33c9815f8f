// The house rules (scripts/architecture.mjs, docs/architecture.md) hold for src/, and the checker
// itself catches what it is there to catch: an arrow up, an arrow sideways, a cycle (type-only
// included), a file over the line limit.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs script without typings
import { architectureProblems, MAX_LINES } from '../../scripts/architecture.mjs';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tote-architecture-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('src/ keeps the house rules: only downward imports, no cycles, no file over the limit', () => {
  assert.deepEqual(architectureProblems(), []);
});

test('the checker reports an arrow up and an arrow sideways', () => {
  const dir = tree({
    'api/client.ts': "import { x } from '../store/cart.js';\nexport const y = x;\n",
    'store/cart.ts': 'export const x = 1;\n',
    'model/money.ts': "import { z } from '../i18n/messages.js';\nexport const m = z;\n",
    'i18n/messages.ts': 'export const z = 1;\n',
  });
  const problems: string[] = architectureProblems(dir);
  assert.ok(
    problems.some((p) => p.includes('src/api/client.ts (api) imports src/store/cart.ts (store): an arrow up')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) =>
      p.includes('src/model/money.ts (model) imports src/i18n/messages.ts (i18n): an arrow sideways'),
    ),
    problems.join('\n'),
  );
});

test('the checker reports a type-only cycle, one element reaching into another, a long file and a stray room', () => {
  const dir = tree({
    'store/a.ts': "import type { B } from './b.js';\nexport type A = B;\n",
    'store/b.ts': "import type { A } from './a.js';\nexport type B = A | 1;\n",
    'components/cart/cart.ts': "import { t } from '../cart-toggle/cart-toggle.js';\nexport const c = t;\n",
    'components/cart-toggle/cart-toggle.ts': 'export const t = 1;\n' + '// line\n'.repeat(MAX_LINES),
  });
  const problems: string[] = architectureProblems(dir);
  assert.ok(
    problems.some((p) => p === 'import cycle: src/store/a.ts ⇄ src/store/b.ts'),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.includes("one element's folder reaches into another's")),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.startsWith(`src/components/cart-toggle/cart-toggle.ts has ${MAX_LINES + 1} lines`)),
    problems.join('\n'),
  );
  assert.throws(() => architectureProblems(tree({ 'misc/x.ts': 'export {};\n' })), /outside every room/);
});
