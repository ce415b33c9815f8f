// pk_test_tote_demo: "Tote Supply Co.", a USD store with 48 products in 6 categories (two levels).
// The catalogue is fixed (not driven by TOTE_SEED) so tests and docs can name products by slug.
// Deliberate edge cases, each named by slug:
//   classic-tee        many variants (size × colour swatches), some sold out, XL costs more
//   pullover-hoodie    on sale (compareAtPrice) in some colours
//   chefs-knife        single variant, only 3 in stock
//   leather-wallet     single variant, sold out (deny)
//   wool-throw         sold out but sells anyway (inventoryPolicy: continue → backorder)
//   gift-card          kind gift_card: never stock-gated, needs no shipping, mints a code when paid
//   art-print-mountains  unlimited, size-priced
//   enamel-pin         description with <img onerror>, <script> and javascript: link (sanitiser test)
//   keychain           no images at all
//   heavyweight-organic-…  a very long name
import { standardGiftCards } from '../gift-cards.js';
import type { CustomerSpec, ReviewSpec, StoreConfig } from '../types.js';
import { buildStore, type CategorySpec, type OptionSpec, type ProductSpec } from './build.js';

export const DEMO_KEY = 'pk_test_tote_demo';

const EU = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);
/** Destinations the demo store refuses, so "we don't ship there" can be tried. */
const NO_SHIPPING = new Set(['AQ', 'KP']);

const config: StoreConfig = {
  key: DEMO_KEY,
  id: 'store_tote_demo',
  name: 'Tote Supply Co.',
  currency: 'USD',
  locale: 'en-US',
  storeMode: 'test',
  profile: 'full',
  checkout: {
    termsMode: 'required_checkbox',
    termsDisplay: 'url',
    termsUrl: `/v3/legal/${DEMO_KEY}/terms`,
    termsText: null,
    termsNoticeText: null,
    privacyPolicyUrl: `/v3/legal/${DEMO_KEY}/privacy`,
    refundPolicyUrl: `/v3/legal/${DEMO_KEY}/refund`,
    showMarketingOptIn: true,
    precheckMarketingOptIn: false,
    companyNameField: 'optional',
    phoneNumberField: 'optional',
    addressLine2Field: 'optional',
    showCouponField: true,
    showNotesField: true,
    showGiftCardField: true,
    confirmationMessage: 'Thanks for shopping with Tote Supply Co. This is a demo store: nothing ships.',
    redirectAfterCheckout: false,
    redirectUrl: null,
    minimumOrderValue: null,
  },
  features: { addressAutocomplete: true },
  homeCountry: 'US',
  orderPrefix: 'TOTE-',
  defaultTaxCountry: null,
  // Sales tax on US destinations only; elsewhere the store has no rate (an empty breakdown).
  taxRate: (country) => (country === 'US' ? { name: 'Sales tax', rateMilliPercent: 8000 } : null),
  taxInclusive: false,
  taxShipping: false,
  shippingRates: (country, merchandise) => {
    if (NO_SHIPPING.has(country)) return [];
    if (country === 'US') {
      const free = merchandise >= 7500;
      return [
        { id: 'ship_us_standard', name: 'Standard', description: free ? 'Free on orders over $75' : 'Free on orders over $75 (not yet reached)', cost: free ? 0 : 500, estimatedDaysMin: 3, estimatedDaysMax: 5 },
        { id: 'ship_us_express', name: 'Express', description: null, cost: 1500, estimatedDaysMin: 1, estimatedDaysMax: 2 },
        { id: 'ship_us_pickup', name: 'Pick up in Brooklyn', description: 'Ready the next working day', cost: 0, estimatedDaysMin: null, estimatedDaysMax: null },
      ];
    }
    if (country === 'CA' || country === 'MX') {
      return [{ id: 'ship_na_standard', name: 'International standard', description: null, cost: 1200, estimatedDaysMin: 7, estimatedDaysMax: 14 }];
    }
    if (country === 'GB' || EU.has(country)) {
      return [
        { id: 'ship_eu_standard', name: 'International standard', description: 'Duties may be due on delivery', cost: 1800, estimatedDaysMin: 7, estimatedDaysMax: 21 },
        { id: 'ship_eu_express', name: 'International express', description: 'Duties may be due on delivery', cost: 4000, estimatedDaysMin: 3, estimatedDaysMax: 5 },
      ];
    }
    return [{ id: 'ship_world', name: 'Worldwide', description: null, cost: 2500, estimatedDaysMin: 10, estimatedDaysMax: 30 }];
  },
  discountCodes: [
    { code: 'WELCOME10', name: '10% off your order', kind: 'percentage', value: 10, minimumSubtotal: null, expiresAt: null },
    { code: 'SAVE5', name: '$5 off orders over $30', kind: 'fixed', value: 500, minimumSubtotal: 3000, expiresAt: null },
    { code: 'EXPIRED20', name: '20% off (summer sale)', kind: 'percentage', value: 20, minimumSubtotal: null, expiresAt: '2025-09-01T00:00:00.000Z' },
  ],
  automaticDiscounts: [{ id: 'auto_big_basket', name: 'Big basket: $20 off orders over $200', minimumSubtotal: 20000, amount: 2000 }],
  paymentMethods: [
    { select: { kind: 'gateway', gateway: 'test_card' }, name: 'Card', description: 'Test mode: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.', icon: 'card', testMode: true },
    {
      select: { kind: 'manual', manualMethodId: 'bank_transfer' }, name: 'Bank transfer', description: 'We email our bank details; your order ships when the transfer arrives.', icon: 'bank', testMode: false,
      instructions: 'Transfer the amount due to Tote Supply Co., account 000123456, routing 021000021, quoting your order number. Your order ships when the transfer arrives.',
    },
  ],
  legal: {
    terms: 'This is a demonstration store run by the Tote reference server. No goods are sold, nothing ships and no money moves.',
    privacy: 'The demo store keeps carts and orders in memory only. Restarting the server forgets everything.',
    refund: 'Nothing is ever charged here, so there is nothing to refund. A real store would explain returns in this place.',
  },
};

/** Shoppers who have bought here before, so a login code is sent to them (see the outbox). */
const customers: CustomerSpec[] = [
  {
    email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', phone: '+1 212 555 0100',
    addresses: [
      { name: 'Ada Lovelace', company: null, line1: '1 Main St', line2: 'Apt 4', city: 'Brooklyn', region: 'NY', postalCode: '11201', countryCode: 'US', phone: '+1 212 555 0100' },
      { name: 'Ada Lovelace', company: 'Analytical Engines Ltd', line1: '12 St James’s Square', line2: null, city: 'London', region: null, postalCode: 'SW1Y 4JH', countryCode: 'GB', phone: null },
    ],
  },
  { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', phone: null, addresses: [] },
];

const reviews: ReviewSpec[] = [
  { product: 'classic-tee', rating: 5, title: 'My everyday tee', content: 'Soft, keeps its shape, and the navy has not faded after a dozen washes.', authorName: 'Maya R.', source: 'organic', isVerifiedPurchase: true, daysAgo: 3 },
  { product: 'classic-tee', rating: 4, title: 'Runs a little long', content: 'Great fabric. I sized down and it fits well.', authorName: 'Jonas P.', source: 'organic', isVerifiedPurchase: true, daysAgo: 12 },
  { product: 'classic-tee', rating: 5, title: 'Bought three more', content: 'Best basic tee I own.', authorName: 'Sam T.', source: 'imported', isVerifiedPurchase: false, daysAgo: 40 },
  { product: 'stoneware-mug', rating: 5, title: 'Beautiful glaze', content: 'Each one really is different. Holds heat well.', authorName: 'Priya K.', source: 'organic', isVerifiedPurchase: true, daysAgo: 6 },
  { product: 'stoneware-mug', rating: 3, title: 'Smaller than expected', content: 'Lovely mug, but 350 ml is a small coffee for me.', authorName: 'Leo B.', source: 'organic', isVerifiedPurchase: false, daysAgo: 20 },
  { product: 'chefs-knife', rating: 5, title: 'Razor sharp', content: 'Out of the box it went through tomatoes like air.', authorName: 'Chef Dana', source: 'manual', isVerifiedPurchase: false, daysAgo: 9 },
];

const categories: CategorySpec[] = [
  { slug: 'apparel', name: 'Apparel', description: 'Clothes cut from organic cotton and recycled fibres.', art: 'tee', hue: 210 },
  { slug: 'tees', name: 'T-shirts', parent: 'apparel', description: 'Everyday tees in five sizes.', art: 'tee', hue: 200 },
  { slug: 'outerwear', name: 'Hoodies & jackets', parent: 'apparel', art: 'hoodie', hue: 260 },
  { slug: 'home', name: 'Home', description: 'Things for the places you live in.', art: 'candle', hue: 30 },
  { slug: 'kitchen', name: 'Kitchen', parent: 'home', art: 'mug', hue: 15 },
  { slug: 'accessories', name: 'Accessories', art: 'bag', hue: 140 },
];

const C = {
  black: ['Black', '#1f1f1f'], white: ['White', '#f4f1ea'], navy: ['Navy', '#1f2f57'], forest: ['Forest', '#2f5d3a'],
  sand: ['Sand', '#d8c7a4'], rust: ['Rust', '#b5522b'], grey: ['Heather grey', '#9a9a9a'], mustard: ['Mustard', '#d9a21b'],
  sky: ['Sky', '#7fb2e5'], pink: ['Blush', '#e8a3b5'],
} satisfies Record<string, [string, string]>;
const colours = (...list: [string, string][]): OptionSpec => ({ name: 'Colour', values: list });
const SIZES: OptionSpec = { name: 'Size', values: ['XS', 'S', 'M', 'L', 'XL'] };
const SIZES_SHORT: OptionSpec = { name: 'Size', values: ['S', 'M', 'L', 'XL'] };
const XL = { XL: 200 };

const p = (html: string): string => html;

const tees: ProductSpec[] = [
  { name: 'Classic Tee', skuBase: 'TEE-CLS', summary: 'The everyday crew neck in 180 g organic cotton.', description: p('<p>Our best seller: a regular fit crew neck that keeps its shape wash after wash.</p><ul><li>100% organic cotton, 180 g/m²</li><li>Pre-shrunk</li><li>Made in Portugal</li></ul>'), categories: ['tees'], price: 2800, surcharge: XL, options: [SIZES, colours(C.black, C.white, C.navy, C.forest)], stock: 'varied', soldOut: ['XS'], featured: true, art: 'tee', hue: 210 },
  { name: 'Pocket Tee', skuBase: 'TEE-PKT', summary: 'A boxy tee with a chest pocket.', description: p('<p>Boxy, slightly cropped, with a patch pocket big enough for a pen.</p>'), categories: ['tees'], price: 3200, surcharge: XL, options: [SIZES_SHORT, colours(C.sand, C.rust, C.navy)], stock: 'varied', art: 'tee', hue: 30 },
  { name: 'Long Sleeve Tee', skuBase: 'TEE-LS', summary: 'Layering weight, long sleeves, ribbed cuffs.', description: p('<p>For the days between seasons.</p>'), categories: ['tees'], price: 3600, compareAt: 4200, surcharge: XL, options: [SIZES, colours(C.grey, C.black)], stock: 'varied', art: 'tee', hue: 0 },
  { name: 'Ringer Tee', skuBase: 'TEE-RNG', summary: 'Contrast collar and cuffs, 70s style.', description: p('<p>A retro ringer with contrast trims.</p>'), categories: ['tees'], price: 3000, options: [SIZES_SHORT, colours(C.white, C.mustard)], stock: 'varied', art: 'tee', hue: 45 },
  { name: 'Heavyweight Organic Cotton Relaxed-Fit Graphic Tee — Mountains at Dawn Limited Edition', slug: 'heavyweight-organic-graphic-tee', skuBase: 'TEE-HVY', summary: 'A 240 g tee with a screen-printed mountain range (and a very long name).', description: p('<p>Printed by hand in small batches. The name is long on purpose: layouts must cope.</p>'), categories: ['tees'], price: 4500, options: [SIZES_SHORT, colours(C.forest, C.sand)], stock: 'varied', art: 'tee', hue: 120 },
  { name: 'V-Neck Tee', skuBase: 'TEE-VN', summary: 'A soft slub-cotton v-neck.', description: p('<p>Slub cotton, slightly sheer, cut a little longer.</p>'), categories: ['tees'], price: 2600, options: [SIZES, colours(C.white, C.black, C.sky)], stock: 'varied', art: 'tee', hue: 190 },
  { name: 'Breton Stripe Tee', skuBase: 'TEE-BRT', summary: 'Navy stripes on ecru, boat neck.', description: p('<p>The classic <em>marinière</em>: 21 stripes on the body, 15 on each sleeve.</p>'), categories: ['tees'], price: 3900, compareAt: 4900, options: [SIZES_SHORT], stock: 'varied', art: 'tee', hue: 220, color: '#1f2f57' },
  { name: 'Kids Tee', skuBase: 'TEE-KID', summary: 'Tiny tees for tiny people.', description: p('<p>Sizes by age. Soft neck tape, no itchy labels.</p>'), categories: ['tees'], price: 1800, options: [{ name: 'Age', values: ['2–3 y', '4–5 y', '6–7 y', '8–9 y'] }, colours(C.mustard, C.sky, C.pink)], stock: 'varied', art: 'tee', hue: 50 },
  { name: 'Tank Top', skuBase: 'TEE-TNK', summary: 'A ribbed tank for hot days.', description: p('<p>Fine rib, close fit.</p>'), categories: ['tees'], price: 2200, options: [SIZES_SHORT, colours(C.white, C.black)], stock: 'varied', art: 'tee', hue: 0, aspect: 'portrait' },
  { name: 'Merino Tee', skuBase: 'TEE-MER', summary: 'Fine merino that does not hold odour.', description: p('<p>17.5 micron merino wool from New Zealand. Travels well.</p>'), categories: ['tees'], price: 6800, options: [SIZES_SHORT, colours(C.grey, C.navy)], stock: 'varied', art: 'tee', hue: 230 },
];

const outerwear: ProductSpec[] = [
  { name: 'Pullover Hoodie', skuBase: 'HOD-PUL', summary: 'Brushed-back fleece, kangaroo pocket.', description: p('<p>400 g brushed fleece, double-layer hood, flat drawcords.</p>'), categories: ['outerwear'], price: 6400, compareAt: 7800, saleOn: ['Forest', 'Rust'], surcharge: XL, options: [SIZES, colours(C.grey, C.forest, C.rust, C.black)], stock: 'varied', featured: true, art: 'hoodie', hue: 260 },
  { name: 'Zip Hoodie', skuBase: 'HOD-ZIP', summary: 'A full-zip hoodie with metal hardware.', description: p('<p>Two-way YKK zip. Side-seam pockets.</p>'), categories: ['outerwear'], price: 7200, options: [SIZES_SHORT, colours(C.navy, C.grey)], stock: 'varied', art: 'hoodie', hue: 240 },
  { name: 'Rain Jacket', skuBase: 'JKT-RAN', summary: 'Waterproof, breathable, packs into its pocket.', description: p('<p>10,000 mm waterproof rating, taped seams.</p>'), categories: ['outerwear'], price: 12900, compareAt: 15900, options: [SIZES_SHORT, colours(C.mustard, C.navy)], stock: 'varied', featured: true, art: 'hoodie', hue: 55 },
  { name: 'Denim Jacket', skuBase: 'JKT-DNM', summary: 'Rigid 13 oz denim that breaks in with you.', description: p('<p>Selvedge denim, copper buttons.</p>'), categories: ['outerwear'], price: 14500, options: [SIZES_SHORT], stock: 'varied', art: 'hoodie', hue: 215, color: '#3b5998' },
  { name: 'Fleece Pullover', skuBase: 'FLC-PUL', summary: 'Recycled polar fleece, snap placket.', description: p('<p>Made from recycled bottles.</p>'), categories: ['outerwear'], price: 8900, options: [SIZES_SHORT, colours(C.sand, C.forest)], stock: 'varied', art: 'hoodie', hue: 35 },
  { name: 'Puffer Vest', skuBase: 'VST-PUF', summary: 'Light synthetic insulation for the core.', description: p('<p>Packs small. Warm when wet.</p>'), categories: ['outerwear'], price: 9900, options: [SIZES_SHORT, colours(C.black, C.rust)], stock: 'varied', art: 'hoodie', hue: 10 },
  { name: 'Quilted Jacket', skuBase: 'JKT-QLT', summary: 'Diamond-quilted, corduroy collar.', description: p('<p>A country classic.</p>'), categories: ['outerwear'], price: 16900, options: [SIZES_SHORT], stock: 2, art: 'hoodie', hue: 90, color: '#4a5a2a' },
  { name: 'Windbreaker', skuBase: 'JKT-WND', summary: 'A feather-light shell for windy days.', description: p('<p>Weighs 120 g.</p>'), categories: ['outerwear'], price: 7900, options: [SIZES_SHORT, colours(C.sky, C.pink)], stock: 'varied', art: 'hoodie', hue: 200, aspect: 'landscape' },
];

const kitchen: ProductSpec[] = [
  { name: 'Stoneware Mug', skuBase: 'MUG-STN', summary: 'Hand-thrown, 350 ml, speckled glaze.', description: p('<p>Each mug is thrown by hand, so no two are alike.</p><p>Dishwasher safe.</p>'), categories: ['kitchen'], price: 2400, options: [colours(C.white, C.sand, C.forest)], stock: 'varied', featured: true, art: 'mug', hue: 25 },
  { name: 'Enamel Mug', skuBase: 'MUG-ENM', summary: 'The camping mug, unbreakable.', description: p('<p>Steel with a vitreous enamel coat.</p>'), categories: ['kitchen'], price: 1600, options: [colours(C.white, C.navy)], stock: 'varied', art: 'mug', hue: 210 },
  { name: 'Pour-over Coffee Set', skuBase: 'COF-POS', summary: 'Dripper, carafe and 100 filters.', description: p('<p>Everything for a clean cup.</p>'), categories: ['kitchen'], price: 5800, stock: 12, art: 'bottle', hue: 20, aspect: 'landscape' },
  { name: "Chef's Knife", slug: 'chefs-knife', skuBase: 'KNF-CHF', summary: '20 cm, Japanese steel, only a few left.', description: p('<p>VG-10 core, 67 layers. Hand wash only.</p>'), categories: ['kitchen'], price: 14900, stock: 3, featured: true, art: 'blob', hue: 0, color: '#6b6b6b' },
  { name: 'Cutting Board', skuBase: 'BRD-CUT', summary: 'End-grain walnut.', description: p('<p>Gentle on knives.</p>'), categories: ['kitchen'], price: 6500, surcharge: { Large: 3000 }, options: [{ name: 'Size', values: ['Small', 'Large'] }], stock: 'varied', art: 'card', hue: 30, color: '#6b4423' },
  { name: 'Tea Towel Set', skuBase: 'TWL-TEA', summary: 'Three linen towels.', description: p('<p>Stone-washed linen.</p>'), categories: ['kitchen'], price: 2900, stock: 40, art: 'card', hue: 0, color: '#c9b79c' },
  { name: 'Cast Iron Pan', skuBase: 'PAN-CST', summary: 'Pre-seasoned, lasts a lifetime.', description: p('<p>Smooth-milled cooking surface.</p>'), categories: ['kitchen'], price: 8900, surcharge: { '30 cm': 2000 }, options: [{ name: 'Size', values: ['25 cm', '30 cm'] }], stock: 'varied', art: 'blob', hue: 0, color: '#2b2b2b' },
  { name: 'Ceramic Bowl Set', skuBase: 'BWL-SET', summary: 'Four bowls for everything.', description: p('<p>Stackable, oven safe.</p>'), categories: ['kitchen'], price: 4800, options: [colours(C.white, C.sky)], stock: 'varied', art: 'blob', hue: 190 },
  { name: 'Espresso Cups', skuBase: 'CUP-ESP', summary: 'A pair of 80 ml cups.', description: p('<p>Thick walls keep it hot.</p>'), categories: ['kitchen'], price: 2200, compareAt: 2800, stock: 25, art: 'mug', hue: 15, color: '#3a2a1a' },
  { name: 'Olive Wood Spoon', skuBase: 'SPN-OLV', summary: 'Carved from one piece.', description: p('<p>Oil it now and then.</p>'), categories: ['kitchen'], price: 1400, stock: null, art: 'blob', hue: 40, color: '#a67c52', images: 1 },
];

const home: ProductSpec[] = [
  { name: 'Art Print — Mountains', slug: 'art-print-mountains', skuBase: 'PRT-MNT', summary: 'Giclée print on cotton rag, printed to order.', description: p('<p>Printed on demand, so it never sells out.</p>'), categories: ['home'], price: 3500, surcharge: { A3: 1500, A2: 3500 }, options: [{ name: 'Size', values: ['A4', 'A3', 'A2'] }], stock: null, featured: true, art: 'print', hue: 200, aspect: 'portrait' },
  { name: 'Art Print — City Map', skuBase: 'PRT-MAP', summary: 'Your favourite street grid, printed to order.', description: p('<p>Printed on demand.</p>'), categories: ['home'], price: 3500, surcharge: { A3: 1500 }, options: [{ name: 'Size', values: ['A4', 'A3'] }], stock: null, art: 'print', hue: 0, aspect: 'portrait' },
  { name: 'Soy Candle', skuBase: 'CND-SOY', summary: 'Forty hours of slow burn.', description: p('<p>Cotton wick, reusable tin.</p>'), categories: ['home'], price: 2600, options: [{ name: 'Scent', values: ['Fig', 'Cedar', 'Sea salt'] }], stock: 'varied', featured: true, art: 'candle', hue: 35 },
  { name: 'Linen Cushion', skuBase: 'CSH-LIN', summary: '50 × 50 cm, feather insert.', description: p('<p>Washed linen cover with hidden zip.</p>'), categories: ['home'], price: 5400, options: [colours(C.sand, C.rust, C.forest)], stock: 'varied', art: 'blob', hue: 30 },
  { name: 'Wool Throw', skuBase: 'THR-WOL', summary: 'Woven in Wales. Back-ordered: ships in 4 weeks.', description: p('<p>Pure new wool, 130 × 180 cm. Sold out, but we take orders: it ships when the mill delivers.</p>'), categories: ['home'], price: 11900, stock: 0, policy: 'continue', art: 'card', hue: 350, color: '#8c3b3b' },
  { name: 'Desk Plant', skuBase: 'PLT-DSK', summary: 'A hardy snake plant in a terracotta pot.', description: p('<p>Water once a fortnight.</p>'), categories: ['home'], price: 3200, stock: 9, art: 'blob', hue: 110, color: '#3f7d3f' },
  { name: 'Wall Clock', skuBase: 'CLK-WAL', summary: 'Silent sweep movement.', description: p('<p>30 cm, oak frame.</p>'), categories: ['home'], price: 7400, stock: 6, art: 'blob', hue: 45, color: '#c69c6d' },
  { name: 'Doormat', skuBase: 'MAT-DOR', summary: 'Coir, says hello.', description: p('<p>Natural coconut fibre.</p>'), categories: ['home'], price: 3900, stock: 15, art: 'card', hue: 40, color: '#b08850', aspect: 'landscape' },
];

const accessories: ProductSpec[] = [
  { name: 'Canvas Tote Bag', skuBase: 'BAG-TOT', summary: 'Our namesake: 12 oz canvas, long handles.', description: p('<p>Holds a week of groceries.</p>'), categories: ['accessories', 'apparel'], price: 2500, compareAt: 3000, options: [colours(C.sand, C.black, C.forest)], stock: 'varied', featured: true, art: 'bag', hue: 40 },
  { name: 'Beanie', skuBase: 'HAT-BEA', summary: 'Chunky rib, turn-up cuff.', description: p('<p>Lambswool.</p>'), categories: ['accessories'], price: 2800, options: [colours(C.mustard, C.navy, C.grey, C.rust)], stock: 'varied', art: 'cap', hue: 45 },
  { name: 'Baseball Cap', skuBase: 'HAT-CAP', summary: 'Six panels, brass buckle.', description: p('<p>Unstructured, washed cotton twill.</p>'), categories: ['accessories'], price: 2900, options: [colours(C.navy, C.sand)], stock: 'varied', art: 'cap', hue: 220 },
  { name: 'Leather Wallet', skuBase: 'WLT-LTH', summary: 'Vegetable-tanned, six cards. Sold out.', description: p('<p>Sold out: back in the spring.</p>'), categories: ['accessories'], price: 5900, stock: 0, art: 'card', hue: 25, color: '#7a4a22' },
  { name: 'Sunglasses', skuBase: 'SUN-CLS', summary: 'Acetate frames, polarised lenses.', description: p('<p>UV400.</p>'), categories: ['accessories'], price: 8900, compareAt: 11000, options: [colours(C.black, C.rust)], stock: 'varied', art: 'blob', hue: 0, aspect: 'landscape' },
  { name: 'Socks (3-pack)', slug: 'socks-3-pack', skuBase: 'SCK-3PK', summary: 'Cushioned sole, reinforced heel.', description: p('<p>Organic cotton blend.</p>'), categories: ['accessories', 'apparel'], price: 1900, options: [{ name: 'Size', values: ['36–40', '41–46'] }], stock: 'varied', art: 'tee', hue: 300, color: '#b05c9c' },
  { name: 'Enamel Pin', skuBase: 'PIN-ENM', summary: 'A tiny tote bag for your lapel.', description: p('<p>Hard enamel, gold plating, two rubber clutches.</p><img src="x" onerror="alert(\'xss\')"><script>alert(\'xss\')</script><p><a href="javascript:alert(1)">Care guide</a> · <a href="https://example.com/pins" target="_blank">More pins</a></p>'), categories: ['accessories'], price: 900, stock: null, art: 'bag', hue: 50, color: '#d9a21b', images: 1 },
  { name: 'Gift Card', kind: 'gift_card', skuBase: 'GFT-CRD', summary: 'Sent by email; never expires.', description: p('<p>Delivered by email within minutes. No shipping needed.</p>'), categories: ['accessories'], price: 2500, surcharge: { $50: 2500, $100: 7500 }, options: [{ name: 'Amount', values: ['$25', '$50', '$100'] }], stock: null, shipping: false, featured: true, art: 'card', hue: 280 },
  { name: 'Water Bottle', skuBase: 'BTL-WTR', summary: 'Insulated steel, 750 ml.', description: p('<p>Cold for 24 h, hot for 12 h.</p>'), categories: ['accessories'], price: 3400, options: [colours(C.sky, C.forest, C.black, C.pink)], stock: 'varied', art: 'bottle', hue: 190 },
  { name: 'Backpack', skuBase: 'BAG-BPK', summary: '22 litres, laptop sleeve.', description: p('<p>Waxed canvas with leather trims.</p>'), categories: ['accessories'], price: 13900, options: [colours(C.forest, C.black)], stock: 'varied', art: 'bag', hue: 140 },
  { name: 'Notebook', skuBase: 'NTB-A5', summary: 'A5, dot grid, lay-flat binding.', description: p('<p>192 pages of 100 g paper.</p>'), categories: ['accessories'], price: 1500, options: [{ name: 'Paper', values: ['Dot grid', 'Plain', 'Lined'] }], stock: 'varied', art: 'card', hue: 60, aspect: 'portrait' },
  { name: 'Keychain', skuBase: 'KEY-BRS', summary: 'Solid brass. (No photo yet.)', description: p('<p>Ages to a warm patina.</p>'), categories: ['accessories'], price: 1200, stock: 30, art: 'blob', hue: 45, images: 0 },
];

/** A fresh copy of the demo store (called again on reset, so state never leaks between runs). */
export function demoSeed() {
  return buildStore('d', config, categories, [...tees, ...outerwear, ...kitchen, ...home, ...accessories], Date.parse('2026-11-01T00:00:00Z'), {
    giftCards: standardGiftCards('USD', 'EUR'), customers, reviews,
  });
}
