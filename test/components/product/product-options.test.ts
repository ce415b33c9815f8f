// Swatch colours (src/components/product/options.ts): the merchant's `color` becomes a CSS value
// in `--swatch`, so only an allow-list grammar passes, and then only a real colour (issue 15, item 12).
import { expect } from '@open-wc/testing';
import { swatchColor } from '../../../src/components/product/options.js';

describe('swatch colours', () => {
  it('accepts hex, numeric rgb()/rgba()/hsl()/hsla() and colour names', () => {
    for (const c of [
      '#abc',
      '#abcd',
      '#a1b2c3',
      '#A1B2C3DD',
      'rgb(255, 0, 0)',
      'rgba(0,0,0,.5)',
      'rgb(10 20 30 / 50%)',
      'hsl(120deg 50% 50%)',
      'hsla(120, 50%, 50%, 0.3)',
      'rebeccapurple',
      'Navy',
    ])
      expect(swatchColor(c), c).to.equal(c);
  });

  it('refuses anything else: var(), url(), smuggled declarations, other functions, non-colours', () => {
    for (const c of [
      'var(--x, url(https://tracker.invalid/p.png))',
      'var(--tote-accent)',
      'url(https://tracker.invalid/p.png)',
      'red;background:url(https://tracker.invalid/p.png)',
      'red !important',
      'rgb(var(--r), 0, 0)',
      'color-mix(in srgb, red, url(x))',
      'image-set(url(x) 1x)',
      'attr(data-x)',
      'env(safe-area-inset-top)',
      '#abcde',
      'rgb(1, 2)',
      'notacolour',
      ' red',
      '',
      null,
    ])
      expect(swatchColor(c), String(c)).to.equal(null);
  });
});
