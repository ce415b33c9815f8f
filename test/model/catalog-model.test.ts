import { expect } from '@open-wc/testing';
import type { Product, Variant } from '../../src/api/index.js';
import {
  addableQuantity,
  availability,
  choose,
  imageFor,
  initialVariant,
  isSellable,
  lineDisplay,
  stockCount,
  thumbOf,
  priceSummary,
  productJsonLd,
  selectionOf,
  srcset,
  variantFor,
  variantName,
} from '../../src/model/product.js';
import { isSafeHref, sanitizeHtml } from '../../src/dom/sanitize.js';

describe('sanitizeHtml', () => {
  const cases: [string, string, string][] = [
    [
      'keeps formatting',
      '<p>Hi <strong>bold</strong> <em>it</em></p><ul><li>a</li></ul>',
      '<p>Hi <strong>bold</strong> <em>it</em></p><ul><li>a</li></ul>',
    ],
    ['drops scripts with their content', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    [
      'drops style elements and attributes',
      '<style>p{}</style><p style="color:red" class="x" id="y">a</p>',
      '<p>a</p>',
    ],
    ['drops event handlers', '<p onclick="alert(1)" onmouseover="x()">a</p>', '<p>a</p>'],
    ['drops images (tracking pixels, onerror)', '<img src="x" onerror="alert(1)">text', 'text'],
    [
      'drops iframes, objects and embeds',
      '<iframe src="https://evil"></iframe><object data="x"></object><embed src="x">ok',
      'ok',
    ],
    ['drops forms and inputs', '<form action="/steal"><input name="card"><button>Pay</button></form>ok', 'ok'],
    ['drops svg with its scripts', '<svg><script>alert(1)</script><a href="javascript:alert(1)">x</a></svg>ok', 'ok'],
    ['drops math', '<math><mi>x</mi></math>ok', 'ok'],
    ['drops javascript: links but keeps their text', '<a href="javascript:alert(1)">care</a>', '<a>care</a>'],
    [
      'drops obfuscated javascript: links',
      '<a href="  JaVa&#x09;Script:alert(1)">x</a><a href="java\nscript:alert(1)">y</a>',
      '<a>x</a><a>y</a>',
    ],
    [
      'drops data: and vbscript: links',
      '<a href="data:text/html,<script>alert(1)</script>">x</a><a href="vbscript:x">y</a>',
      '<a>x</a><a>y</a>',
    ],
    [
      'keeps https links and opens them safely',
      '<a href="https://example.com/a" target="_self" onclick="x">x</a>',
      '<a href="https://example.com/a" target="_blank" rel="noopener noreferrer nofollow">x</a>',
    ],
    [
      'keeps mailto, tel and relative links',
      '<a href="mailto:a@b.c">m</a><a href="/care">r</a>',
      '<a href="mailto:a@b.c" target="_blank" rel="noopener noreferrer nofollow">m</a><a href="/care" target="_blank" rel="noopener noreferrer nofollow">r</a>',
    ],
    ['unwraps unknown elements, keeping text', '<article><custom-x>hello</custom-x></article>', 'hello'],
    ['drops comments', '<p>a<!-- secret --></p>', '<p>a</p>'],
    ['escapes text', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    [
      'drops meta refresh and base',
      '<meta http-equiv="refresh" content="0;url=javascript:x"><base href="https://evil/">ok',
      'ok',
    ],
    [
      'drops noscript and template contents',
      '<noscript><p>x</p></noscript><template><img src=x onerror=alert(1)></template>ok',
      'ok',
    ],
    [
      'keeps tables',
      '<table><tbody><tr><th scope="row">a</th><td>b</td></tr></tbody></table>',
      '<table><tbody><tr><th scope="row">a</th><td>b</td></tr></tbody></table>',
    ],
    ['survives broken markup', '<p><b>unclosed <i>tags', '<p><b>unclosed <i>tags</i></b></p>'],
    ['empty input', '', ''],
  ];
  for (const [name, input, output] of cases) {
    it(name, () => expect(sanitizeHtml(input)).to.equal(output));
  }

  it('tags named like Object.prototype members are unknown tags, not a crash (<constructor>, <toString>, <hasOwnProperty>)', () => {
    expect(
      sanitizeHtml(
        '<constructor>a</constructor><tostring>b</tostring><hasownproperty>c</hasownproperty><valueof>d</valueof>',
      ),
    ).to.equal('abcd');
  });

  it('is stable: sanitising the output again changes nothing (no mutation XSS through re-parsing)', () => {
    for (const [, input] of cases) {
      const once = sanitizeHtml(input);
      expect(sanitizeHtml(once)).to.equal(once);
    }
    const tricky = '<p><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript></p>';
    expect(sanitizeHtml(tricky)).not.to.match(/<img|onerror=/);
  });

  it('never runs anything while parsing', async () => {
    (window as unknown as { __pwned?: boolean }).__pwned = false;
    sanitizeHtml('<img src="x" onerror="window.__pwned=true"><script>window.__pwned=true</script>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(false);
  });

  it('isSafeHref', () => {
    expect(isSafeHref('https://a.b')).to.equal(true);
    expect(isSafeHref('#top')).to.equal(true);
    expect(isSafeHref('javascript:x')).to.equal(false);
    expect(isSafeHref('\u0000javascript:x')).to.equal(false);
    expect(isSafeHref('ftp://x')).to.equal(false);
  });
});

// A small product: Size (S, M) × Colour (Red, Blue); M/Red does not exist, S/Blue is sold out.
const v = (
  id: string,
  price: number,
  values: [string, string][],
  stock: number | null,
  extra: Partial<Variant> = {},
): Variant => ({
  id,
  sku: id.toUpperCase(),
  price,
  compareAtPrice: null,
  isDefault: false,
  optionValues: values.map(([optionId, valueId]) => ({
    optionId,
    optionName: optionId,
    valueId,
    value: valueId.toUpperCase(),
  })),
  mediaId: null,
  sellableQuantity: stock,
  inventoryPolicy: 'deny',
  ...extra,
});
const product: Product = {
  id: 'p1',
  name: 'Shirt <b>',
  slug: 'shirt',
  kind: 'physical',
  summary: 'A shirt',
  description: '',
  images: [
    { id: 'i0', url: 'https://x/0.svg', urls: {}, alt: 'front', width: 100, height: 100, variantId: null },
    { id: 'i1', url: 'https://x/1.svg', urls: {}, alt: 'red', width: 100, height: 100, variantId: 'sr' },
    {
      id: 'i2',
      url: 'https://x/2.svg',
      urls: { thumb: 't', card: 'c', card2x: 'c2', gallery: 'g', gallery2x: 'g2' },
      alt: 'blue',
      width: 100,
      height: 100,
      variantId: 'mb',
    },
  ],
  options: [
    {
      id: 'size',
      name: 'Size',
      values: [
        { id: 's', value: 'S', color: null },
        { id: 'm', value: 'M', color: null },
      ],
    },
    {
      id: 'colour',
      name: 'Colour',
      values: [
        { id: 'r', value: 'Red', color: '#f00' },
        { id: 'b', value: 'Blue', color: '#00f' },
      ],
    },
  ],
  variants: [
    v(
      'sr',
      1000,
      [
        ['size', 's'],
        ['colour', 'r'],
      ],
      3,
      { isDefault: true, compareAtPrice: 1500 },
    ),
    v(
      'sb',
      900,
      [
        ['size', 's'],
        ['colour', 'b'],
      ],
      0,
    ),
    v(
      'mb',
      1200,
      [
        ['size', 'm'],
        ['colour', 'b'],
      ],
      null,
    ),
  ],
  categories: [],
};

describe('product model', () => {
  it('prices: the cheapest sellable variant, a range and its sale price', () => {
    expect(priceSummary(product)).to.deep.equal({
      min: 1000,
      max: 1200,
      compareAt: 1500,
      soldOut: false,
      priced: true,
      left: null, // one variant counts no stock: no "only N left"
    });
    const counted = {
      ...product,
      variants: product.variants.map((variant, i) => ({ ...variant, sellableQuantity: i })),
    };
    expect(priceSummary(counted).left, 'what can still be bought in all').to.equal(0 + 1 + 2);
    const card = { ...counted, kind: 'gift_card' as const };
    expect(priceSummary(card).left, 'a gift card counts no stock').to.equal(null);
    const allOut = { ...product, variants: product.variants.map((variant) => ({ ...variant, sellableQuantity: 0 })) };
    expect(priceSummary(allOut)).to.include({ min: 900, soldOut: true });
    const backorder = {
      ...allOut,
      variants: allOut.variants.map((variant) => ({ ...variant, inventoryPolicy: 'continue' as const })),
    };
    expect(priceSummary(backorder).soldOut).to.equal(false);
  });

  it('availability reads options in order and says why', () => {
    const sel = selectionOf(product.variants[0]);
    expect(sel).to.deep.equal({ size: 's', colour: 'r' });
    expect(availability(product, sel, 0, 'm')).to.equal(null);
    expect(availability(product, sel, 1, 'b')).to.equal('sold-out'); // S/Blue
    expect(availability(product, { size: 'm', colour: 'b' }, 1, 'r')).to.equal('no-combination'); // M/Red
  });

  it('choosing an earlier value moves later ones to what can be bought', () => {
    expect(choose(product, { size: 's', colour: 'r' }, 0, 'm')).to.deep.equal({ size: 'm', colour: 'b' });
    expect(choose(product, { size: 'm', colour: 'b' }, 0, 's')).to.deep.equal({ size: 's', colour: 'r' });
    expect(variantFor(product, { size: 'm', colour: 'b' })!.id).to.equal('mb');
    expect(variantFor(product, { size: 'm', colour: 'r' })).to.equal(undefined);
    expect(variantFor(product, { size: 'm' })).to.equal(undefined);
  });

  it('a later option comes back to the value the shopper picked once that is made again', () => {
    const large = { id: 'l', value: 'L', color: null };
    const three = {
      ...product,
      options: [{ ...product.options[0]!, values: [...product.options[0]!.values, large] }, product.options[1]!],
      variants: [
        ...product.variants,
        ...['r', 'b'].map((colour) =>
          v(
            `l${colour}`,
            1000,
            [
              ['size', 'l'],
              ['colour', colour],
            ],
            5,
          ),
        ),
      ],
    };
    const wanted = { colour: 'r' }; // the shopper chose Red
    const atM = choose(three, { size: 's', colour: 'r' }, 0, 'm', wanted);
    expect(atM).to.deep.equal({ size: 'm', colour: 'b' }, 'M comes only in Blue');
    expect(choose(three, atM, 0, 'l', wanted)).to.deep.equal({ size: 'l', colour: 'r' }, 'L has Red again');
    expect(choose(three, atM, 0, 'l')).to.deep.equal({ size: 'l', colour: 'b' }, 'no wish: the current value stays');
  });

  it('the first variant shown: asked for, else the default if sellable, else the first sellable', () => {
    expect(initialVariant(product, 'sb')!.id).to.equal('sb');
    expect(initialVariant(product)!.id).to.equal('sr');
    const defaultOut = {
      ...product,
      variants: product.variants.map((variant) =>
        variant.id === 'sr' ? { ...variant, sellableQuantity: 0 } : variant,
      ),
    };
    expect(initialVariant(defaultOut)!.id).to.equal('mb');
  });

  it('quantity caps: stock minus the cart; none for unlimited or back-order', () => {
    expect(addableQuantity(product.variants[0]!, 1)).to.equal(2);
    expect(addableQuantity(product.variants[0]!, 5)).to.equal(0);
    expect(addableQuantity(product.variants[2]!, 50)).to.equal(null);
    expect(addableQuantity({ ...product.variants[1]!, inventoryPolicy: 'continue' }, 0)).to.equal(null);
  });

  it('images follow the variant; names and srcsets', () => {
    expect(imageFor(product, product.variants[2])!.id).to.equal('i2');
    expect(imageFor(product, product.variants[1])!.id, 'S/Blue: shares Blue with M/Blue… and S with S/Red').to.be.oneOf(
      ['i1', 'i2'],
    );
    expect(imageFor(product, undefined)!.id).to.equal('i0');
    expect(variantName(product.variants[0]!)).to.equal('S / R');
    expect(srcset(product.images[0]!, 'card')).to.deep.equal({ src: 'https://x/0.svg' });
    expect(srcset(product.images[2]!, 'gallery')).to.deep.equal({ src: 'g', srcset: 't 160w, g 800w, g2 1600w' });
  });

  it('JSON-LD: one Offer per variant with price, currency and availability; no way to close the script tag', () => {
    const text = productJsonLd(
      { ...product, name: 'x</script><script>alert(1)</script>' },
      'USD',
      'https://shop.test/p',
    );
    expect(text).not.to.contain('<');
    const data = JSON.parse(text);
    expect(data.name).to.equal('x</script><script>alert(1)</script>');
    expect(
      data.offers.map((offer: { price: string; availability: string }) => [offer.price, offer.availability]),
    ).to.deep.equal([
      ['10.00', 'https://schema.org/InStock'],
      ['9.00', 'https://schema.org/OutOfStock'],
      ['12.00', 'https://schema.org/InStock'],
    ]);
    expect(JSON.parse(productJsonLd(product, 'JPY', 'u')).offers[0].price).to.equal('1000');
  });

  it('a gift card is never stock-gated: purchasable, uncapped, never "only N left" or out of stock', () => {
    const card: Product = { ...product, kind: 'gift_card', options: [], variants: [v('gc', 2500, [], 0)] };
    const only = card.variants[0]!;
    expect(isSellable(only, card)).to.equal(true);
    expect(isSellable(only)).to.equal(false); // the same variant on a physical product
    expect(addableQuantity(only, 10, card)).to.equal(null);
    expect(stockCount({ ...only, sellableQuantity: 2 }, card)).to.equal(null);
    expect(priceSummary(card)).to.include({ min: 2500, soldOut: false });
    expect(initialVariant(card)!.id).to.equal('gc');
    expect(JSON.parse(productJsonLd(card, 'USD', 'u')).offers[0].availability).to.equal('https://schema.org/InStock');
  });

  it('no sellableQuantity means unlimited; a product whose variants did not load is not sold out', () => {
    const unlimited = v('u', 100, [], null);
    expect(isSellable(unlimited)).to.equal(true);
    expect(addableQuantity(unlimited, 999)).to.equal(null);
    const bare: Product = { ...product, options: [], variants: [] };
    expect(priceSummary(bare)).to.include({ soldOut: false, priced: false });
  });

  it('srcset lists only the renditions present; no address at all is a placeholder', () => {
    const onlyUrls = {
      id: 'x',
      url: null,
      urls: { card2x: 'c2', thumb: 't' },
      alt: '',
      width: null,
      height: null,
      variantId: null,
    };
    expect(srcset(onlyUrls, 'card')).to.deep.equal({ src: 't', srcset: 't 160w, c2 800w' });
    expect(srcset({ ...onlyUrls, urls: { gallery2x: 'g2' } }, 'gallery')).to.deep.equal({ src: 'g2' });
    expect(
      srcset({ ...onlyUrls, urls: { card: 'c' } }, 'gallery'),
      "another use's rendition beats nothing",
    ).to.deep.equal({ src: 'c' });
    expect(srcset({ ...onlyUrls, urls: {} }, 'card')).to.equal(undefined);
    expect(thumbOf(onlyUrls)).to.equal('t');
    expect(thumbOf({ ...onlyUrls, urls: {} })).to.equal(null);
    expect(thumbOf(product.images[0])).to.equal('https://x/0.svg');
  });

  it("a variant's image by variantId or by mediaId; one line description for store and views", () => {
    const byMedia = { ...product.variants[1]!, mediaId: 'i0' };
    expect(imageFor(product, byMedia)!.id).to.equal('i0');
    const line = lineDisplay(product, product.variants[2]!);
    expect(line).to.deep.equal({
      productId: 'p1',
      name: 'Shirt <b>',
      variantName: 'M / B',
      sku: 'MB',
      unitPrice: 1200,
      imageUrl: 't',
    });
    const plain = { ...v('solo', 500, [], null), sku: null, name: 'Large' };
    expect(lineDisplay({ ...product, images: [], options: [] }, plain)).to.include({
      sku: null,
      variantName: 'Large',
      imageUrl: null,
    });
  });
});
