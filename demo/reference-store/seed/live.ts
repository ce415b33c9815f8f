// pk_Xq3vT9mLr2WbN8cYhK4dE: "Latitude Goods", a GBP store that behaves the way the live wire is
// allowed to, so end-to-end tests meet the latitude the contract grants it rather than the reference
// store's own generosity:
//   - a random-form key (pk_ + 21 letters and digits) with no live/test marker, and storeMode "live";
//   - no `checkout` object and no `features` in GET / (the client's defaults apply);
//   - products with only the required fields: no summary, description, options, categories, brand,
//     reviews or stock figures; variants with only id and price;
//   - images served with renditions only (field-notebook, gift-card), with `url` only
//     (canvas-roll-bag) or not at all (camp-mug);
//   - a gift card (kind gift_card), prices including 20 % VAT (taxInclusive), and the payment roster
//     of a PayPal store: PayPal in-context (with an `sdk` block) and a bank transfer.
// wool-socks has 5 in stock that the wire does not mention: the server still refuses the sixth.
import { standardGiftCards } from '../gift-cards.js';
import type { StoreConfig } from '../types.js';
import { buildStore, type CategorySpec, type ProductSpec } from './build.js';

export const LIVE_KEY = 'pk_Xq3vT9mLr2WbN8cYhK4dE';

/** PayPal's in-context ids for the test seed; placeholders a stubbed `window.paypal` accepts. */
export const LIVE_PAYPAL_SDK = {
  provider: 'paypal',
  clientId: 'test-client-id',
  merchantId: 'TESTMERCHANT',
  bnCode: 'Tote_SP',
} as const;

const config: StoreConfig = {
  key: LIVE_KEY,
  id: 'store_latitude',
  name: 'Latitude Goods',
  currency: 'GBP',
  locale: 'en-GB',
  storeMode: 'live',
  profile: 'minimal',
  checkout: null,
  features: null,
  homeCountry: 'GB',
  orderPrefix: 'LAT-',
  defaultTaxCountry: 'GB',
  taxRate: (country) => (country === 'GB' ? { name: 'VAT', rateMilliPercent: 20000 } : null),
  taxInclusive: true,
  taxShipping: true,
  shippingRates: (country, merchandise) => {
    if (country !== 'GB') return []; // ships within Great Britain only
    const free = merchandise >= 5000;
    return [
      {
        id: 'ship_gb_tracked48',
        name: 'Royal Mail Tracked 48',
        description: free ? 'Free over £50' : null,
        cost: free ? 0 : 395,
        estimatedDaysMin: 2,
        estimatedDaysMax: 3,
      },
      {
        id: 'ship_gb_nextday',
        name: 'DPD next day',
        description: null,
        cost: 795,
        estimatedDaysMin: 1,
        estimatedDaysMax: 1,
      },
    ];
  },
  discountCodes: [
    { code: 'LAT10', name: '10% off', kind: 'percentage', value: 10, minimumSubtotal: null, expiresAt: null },
  ],
  automaticDiscounts: [],
  paymentMethods: [
    {
      select: { kind: 'gateway', gateway: 'paypal' },
      name: 'PayPal',
      description: null,
      icon: 'paypal',
      testMode: true,
      sdk: { ...LIVE_PAYPAL_SDK },
    },
    {
      select: { kind: 'manual', manualMethodId: 'bank_transfer' },
      name: 'Bank transfer',
      description: 'Pay by UK bank transfer.',
      icon: 'bank',
      testMode: false,
      instructions:
        'Pay the amount due to Latitude Goods Ltd, sort code 04-00-04, account 12345678, using your order number as the reference.',
    },
  ],
  legal: {
    terms: 'Latitude Goods is a test seed of the Tote reference store. Nothing is sold.',
    privacy: 'Everything is kept in memory and forgotten on restart.',
    refund: 'Nothing is charged, so nothing is refunded.',
  },
};

const categories: CategorySpec[] = [
  { slug: 'outdoors', name: 'Outdoors', art: 'bag', hue: 150 },
  { slug: 'gifts', name: 'Gifts', art: 'card', hue: 280 },
];

const products: ProductSpec[] = [
  {
    name: 'Field Notebook',
    skuBase: 'LAT-NTB',
    summary: '',
    description: '',
    categories: ['outdoors'],
    price: 1200,
    stock: null,
    featured: true,
    art: 'card',
    hue: 60,
    images: 2,
    imageForm: 'urls',
  },
  {
    name: 'Canvas Roll Bag',
    skuBase: 'LAT-BAG',
    summary: '',
    description: '',
    categories: ['outdoors'],
    price: 3800,
    stock: 40,
    art: 'bag',
    hue: 30,
    images: 1,
    imageForm: 'url',
  },
  {
    name: 'Camp Mug',
    skuBase: 'LAT-MUG',
    summary: '',
    description: '',
    categories: ['outdoors'],
    price: 1600,
    stock: null,
    art: 'mug',
    hue: 200,
    images: 0,
  },
  {
    name: 'Wool Socks',
    skuBase: 'LAT-SCK',
    summary: '',
    description: '',
    categories: ['outdoors'],
    price: 1400,
    stock: 5,
    art: 'tee',
    hue: 0,
    color: '#6b4423',
    images: 1,
    imageForm: 'urls',
  },
  {
    name: 'Gift Card',
    kind: 'gift_card',
    skuBase: 'LAT-GFT',
    summary: '',
    description: '',
    categories: ['gifts'],
    price: 2500,
    stock: null,
    featured: true,
    art: 'card',
    hue: 280,
    images: 1,
    imageForm: 'urls',
  },
];

export function liveSeed() {
  return buildStore('l', config, categories, products, Date.parse('2026-09-01T00:00:00Z'), {
    giftCards: standardGiftCards('GBP', 'USD'),
    customers: [{ email: 'sam@example.co.uk', firstName: 'Sam', lastName: 'Okafor', phone: null, addresses: [] }],
    reviews: [],
  });
}
