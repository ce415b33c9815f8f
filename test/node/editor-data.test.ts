// Editor data (scripts/editor-data.mjs): VS Code's HTML custom data and JetBrains' web-types carry
// every element, attribute (with its values), event, slot, part and custom property of the
// manifest, and nothing of a declaration without a tag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error -- a plain .mjs script, without types
import { editorData, valuesOf } from '../../scripts/editor-data.mjs';

const manifest = {
  modules: [
    {
      declarations: [
        { kind: 'class', name: 'ToteElement', customElement: true }, // a base class: no tag
        {
          kind: 'class',
          name: 'ToteCart',
          customElement: true,
          tagName: 'tote-cart',
          summary: 'The cart.',
          attributes: [
            { name: 'mode', type: { text: "'drawer' | 'inline'" }, description: 'Drawer or inline.' },
            { name: 'open', type: { text: 'boolean' }, description: 'Open.' },
            { name: 'continue-url', type: { text: 'string' } },
          ],
          events: [{ name: 'tote-cart-change', description: 'It changed.' }],
          slots: [{ name: 'empty', description: 'Empty.' }],
          cssParts: [{ name: 'drawer', description: 'The dialog.' }],
          cssProperties: [{ name: '--tote-accent', description: 'Accent.' }],
        },
      ],
    },
  ],
};

test('a union of strings becomes values; anything else none', () => {
  assert.deepEqual(valuesOf("'drawer' | 'inline'"), ['drawer', 'inline']);
  assert.equal(valuesOf('string'), undefined);
  assert.equal(valuesOf("'a' | number"), undefined);
  assert.equal(valuesOf(undefined), undefined);
});

test('VS Code custom data: each tagged element, its attributes, values and events', () => {
  const { vscode } = editorData(manifest, { name: 'tote-storefront', version: '1.2.3' });
  assert.equal(vscode.version, 1.1);
  assert.deepEqual(
    vscode.tags.map((tag: { name: string }) => tag.name),
    ['tote-cart'],
  );
  const [cart] = vscode.tags;
  assert.deepEqual(cart.attributes[0], {
    name: 'mode',
    description: 'Drawer or inline.',
    values: [{ name: 'drawer' }, { name: 'inline' }],
  });
  assert.equal(cart.attributes[1].valueSet, 'v', 'a boolean needs no value');
  assert.match(cart.description, /@fires tote-cart-change — It changed\./);
});

test('web-types: the package, and per element its attributes, events, slots, parts and properties', () => {
  const { webTypes } = editorData(manifest, { name: 'tote-storefront', version: '1.2.3' });
  assert.equal(webTypes.name, 'tote-storefront');
  assert.equal(webTypes.version, '1.2.3');
  const [cart] = webTypes.contributions.html.elements;
  assert.equal(cart.name, 'tote-cart');
  assert.deepEqual(cart.attributes[0].values, [{ name: 'drawer' }, { name: 'inline' }]);
  assert.equal(cart.attributes[1].value.kind, 'no-value');
  assert.deepEqual(cart.events, [{ name: 'tote-cart-change', description: 'It changed.' }]);
  assert.deepEqual(cart.slots, [{ name: 'empty', description: 'Empty.' }]);
  assert.deepEqual(cart.css.parts, [{ name: 'drawer', description: 'The dialog.' }]);
  assert.deepEqual(cart.css.properties, [{ name: '--tote-accent', description: 'Accent.' }]);
});
