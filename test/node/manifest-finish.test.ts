// The manifest as the package ships it (scripts/manifest-finish.mjs): module paths name the built
// files, not the sources the package does not ship, and a base class without a tag is no element.
import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error -- a plain .mjs script, without types
import { finishManifest, shippedPath } from '../../scripts/manifest-finish.mjs';

test('source paths become the shipped files', () => {
  assert.equal(shippedPath('src/components/cart/cart.ts'), 'dist/components/cart/cart.js');
  assert.equal(shippedPath('src/api/types/cart.js'), 'dist/api/types/cart.js', 'an import of a source module');
  assert.equal(shippedPath('dist/tote.js'), 'dist/tote.js');
});

test('every path and module reference is shipped; a tag-less class is no element; the input stays', () => {
  const manifest = {
    modules: [
      {
        path: 'src/components/base/tote-element.ts',
        declarations: [{ kind: 'class', name: 'ToteElement', customElement: true }],
      },
      {
        path: 'src/components/cart/cart.ts',
        declarations: [
          {
            kind: 'class',
            name: 'ToteCart',
            customElement: true,
            tagName: 'tote-cart',
            superclass: { name: 'ToteElement', module: 'src/components/base/tote-element.ts' },
            attributes: [
              { name: 'theme', inheritedFrom: { name: 'ToteElement', module: 'src/components/base/tote-element.ts' } },
            ],
          },
        ],
        exports: [
          { kind: 'js', name: 'ToteCart', declaration: { name: 'ToteCart', module: 'src/components/cart/cart.ts' } },
        ],
      },
    ],
  };
  const finished = finishManifest(manifest);
  assert.doesNotMatch(JSON.stringify(finished), /src\//);
  assert.equal(finished.modules[0].declarations[0].customElement, undefined);
  assert.equal(finished.modules[1].declarations[0].customElement, true);
  assert.equal(finished.modules[1].declarations[0].superclass.module, 'dist/components/base/tote-element.js');
  assert.equal(manifest.modules[0]!.path, 'src/components/base/tote-element.ts', 'the input is not changed');
});
