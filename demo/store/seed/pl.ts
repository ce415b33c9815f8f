// pk_test_tote_pl: "Sklep Tote", a PLN store with Polish names (diacritics exercise search, slugs
// and fonts), a phone number the courier needs, a minimum order value and a terms notice instead
// of a checkbox, terms shown as text, a pre-ticked marketing opt-in and no address autocomplete — so
// the widget meets a differently configured checkout.
import { standardGiftCards } from '../gift-cards.js';
import type { StoreConfig } from '../types.js';
import { buildStore, type CategorySpec, type OptionSpec, type ProductSpec } from './build.js';

export const PL_KEY = 'pk_test_tote_pl';

const EU = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);

const config: StoreConfig = {
  key: PL_KEY,
  id: 'store_tote_pl',
  name: 'Sklep Tote',
  currency: 'PLN',
  locale: 'pl-PL',
  storeMode: 'test',
  profile: 'full',
  checkout: {
    termsMode: 'notice',
    termsDisplay: 'text',
    termsUrl: `/v3/legal/${PL_KEY}/terms`,
    termsText: 'Sklep demonstracyjny serwera referencyjnego Tote. Zamówienia nie są realizowane, a płatności nie są pobierane. Masz 14 dni na odstąpienie od umowy bez podania przyczyny.',
    termsNoticeText: 'Składając zamówienie, akceptujesz regulamin sklepu.',
    privacyPolicyUrl: `/v3/legal/${PL_KEY}/privacy`,
    refundPolicyUrl: `/v3/legal/${PL_KEY}/refund`,
    showMarketingOptIn: true,
    precheckMarketingOptIn: true,
    companyNameField: 'optional',
    phoneNumberField: 'required',
    addressLine2Field: 'hidden',
    showCouponField: true,
    showNotesField: false,
    showGiftCardField: true,
    confirmationMessage: 'Dziękujemy za zamówienie! To sklep demonstracyjny — nic nie zostanie wysłane.',
    redirectAfterCheckout: false,
    redirectUrl: null,
    minimumOrderValue: 2000,
  },
  features: { addressAutocomplete: false },
  homeCountry: 'PL',
  orderPrefix: 'PL-',
  defaultTaxCountry: 'PL',
  taxRate: (country) => (country === 'PL' || EU.has(country) ? { name: 'VAT', rateMilliPercent: 23000 } : null),
  taxInclusive: false,
  taxShipping: true,
  shippingRates: (country, merchandise) => {
    if (country === 'PL') {
      const free = merchandise >= 20000;
      return [
        { id: 'ship_pl_locker', name: 'Paczkomat InPost', description: null, cost: 1299, estimatedDaysMin: 1, estimatedDaysMax: 2 },
        { id: 'ship_pl_courier', name: 'Kurier DPD', description: 'Darmowa dostawa od 200 zł', cost: free ? 0 : 1699, estimatedDaysMin: 1, estimatedDaysMax: 2 },
        { id: 'ship_pl_pickup', name: 'Odbiór osobisty — Kraków', description: null, cost: 0, estimatedDaysMin: null, estimatedDaysMax: null },
      ];
    }
    if (EU.has(country)) {
      return [{ id: 'ship_pl_eu', name: 'Wysyłka do UE', description: null, cost: 4900, estimatedDaysMin: 4, estimatedDaysMax: 10 }];
    }
    return []; // Sklep Tote ships within the EU only.
  },
  discountCodes: [
    { code: 'RABAT10', name: '10% rabatu', kind: 'percentage', value: 10, minimumSubtotal: null, expiresAt: null },
    { code: 'MINUS20', name: '20 zł taniej od 100 zł', kind: 'fixed', value: 2000, minimumSubtotal: 10000, expiresAt: null },
    { code: 'LATO2024', name: 'Letnia wyprzedaż', kind: 'percentage', value: 25, minimumSubtotal: null, expiresAt: '2024-09-30T22:00:00.000Z' },
  ],
  automaticDiscounts: [],
  paymentMethods: [
    { select: { kind: 'gateway', gateway: 'test_card' }, name: 'Karta płatnicza', description: 'Tryb testowy: 4242 4242 4242 4242 płaci, 4000 0000 0000 0002 zostaje odrzucona.', icon: 'card', testMode: true },
    {
      select: { kind: 'manual', manualMethodId: 'przelew' }, name: 'Przelew tradycyjny', description: 'Dane do przelewu wyślemy e-mailem.', icon: 'bank', testMode: false,
      instructions: 'Przelej kwotę do zapłaty na konto Sklep Tote, PL61 1090 1014 0000 0712 1981 2874, w tytule podając numer zamówienia.',
    },
  ],
  legal: {
    terms: 'To jest sklep demonstracyjny serwera referencyjnego Tote. Nic nie jest sprzedawane ani wysyłane.',
    privacy: 'Koszyki i zamówienia są przechowywane wyłącznie w pamięci serwera.',
    refund: 'Nic nie jest pobierane, więc nie ma czego zwracać.',
  },
};

const categories: CategorySpec[] = [
  { slug: 'odziez', name: 'Odzież', description: 'Ubrania z bawełny organicznej.', art: 'tee', hue: 210 },
  { slug: 'koszulki', name: 'Koszulki', parent: 'odziez', art: 'tee', hue: 200 },
  { slug: 'dom', name: 'Dom i kuchnia', art: 'mug', hue: 20 },
  { slug: 'akcesoria', name: 'Akcesoria', art: 'bag', hue: 140 },
];

const kolory = (...list: [string, string][]): OptionSpec => ({ name: 'Kolor', values: list });
const ROZMIARY: OptionSpec = { name: 'Rozmiar', values: ['S', 'M', 'L', 'XL'] };
const K = {
  czarny: ['Czarny', '#1f1f1f'], bialy: ['Biały', '#f4f1ea'], zielony: ['Zielony', '#2f5d3a'],
  zolty: ['Żółty', '#e3b505'], granat: ['Granatowy', '#1f2f57'], rozowy: ['Różowy', '#e8a3b5'],
} satisfies Record<string, [string, string]>;

const products: ProductSpec[] = [
  { name: 'Koszulka klasyczna', skuBase: 'KSZ-KLA', summary: 'Codzienna koszulka z bawełny organicznej.', description: '<p>Prosty krój, 180 g/m².</p>', categories: ['koszulki'], price: 7900, options: [ROZMIARY, kolory(K.czarny, K.bialy, K.zielony)], stock: 'varied', featured: true, art: 'tee', hue: 210 },
  { name: 'Koszulka w paski', skuBase: 'KSZ-PAS', summary: 'Marynarskie paski.', description: '<p>Bawełna z lnem.</p>', categories: ['koszulki'], price: 8900, compareAt: 10900, options: [ROZMIARY], stock: 'varied', art: 'tee', hue: 220, color: '#1f2f57' },
  { name: 'Żółta koszulka „Słońce”', slug: 'zolta-koszulka-slonce', skuBase: 'KSZ-SLN', summary: 'Nadruk wykonany ręcznie.', description: '<p>Limitowana seria.</p>', categories: ['koszulki'], price: 9900, options: [ROZMIARY], stock: 4, art: 'tee', hue: 50, color: '#e3b505' },
  { name: 'Bluza z kapturem', skuBase: 'BLZ-KAP', summary: 'Ciepła bluza z kieszenią kangurką.', description: '<p>Drapana dzianina 400 g.</p>', categories: ['odziez'], price: 22900, compareAt: 25900, options: [ROZMIARY, kolory(K.granat, K.zielony)], stock: 'varied', featured: true, art: 'hoodie', hue: 240 },
  { name: 'Kurtka przeciwdeszczowa', skuBase: 'KRT-DSZ', summary: 'Wodoodporna i oddychająca.', description: '<p>Klejone szwy.</p>', categories: ['odziez'], price: 39900, options: [ROZMIARY, kolory(K.zolty, K.czarny)], stock: 'varied', art: 'hoodie', hue: 55 },
  { name: 'Skarpetki (3 pary)', slug: 'skarpetki-3-pary', skuBase: 'SKR-3PR', summary: 'Wzmocniona pięta i palce.', description: '<p>Bawełna czesana.</p>', categories: ['odziez', 'akcesoria'], price: 4900, options: [{ name: 'Rozmiar', values: ['36–40', '41–46'] }], stock: 'varied', art: 'tee', hue: 300, color: '#b05c9c' },
  { name: 'Kubek ceramiczny', skuBase: 'KUB-CER', summary: 'Toczony ręcznie, 350 ml.', description: '<p>Można myć w zmywarce.</p>', categories: ['dom'], price: 5900, options: [kolory(K.bialy, K.zielony, K.rozowy)], stock: 'varied', featured: true, art: 'mug', hue: 20 },
  { name: 'Łyżka z drewna oliwnego', skuBase: 'LYZ-OLW', summary: 'Rzeźbiona z jednego kawałka drewna.', description: '<p>Olejować od czasu do czasu.</p>', categories: ['dom'], price: 3900, stock: null, art: 'blob', hue: 40, color: '#a67c52', images: 1 },
  { name: 'Świeca sojowa', skuBase: 'SWC-SOJ', summary: 'Czterdzieści godzin spokojnego płomienia.', description: '<p>Bawełniany knot.</p>', categories: ['dom'], price: 6900, options: [{ name: 'Zapach', values: ['Figa', 'Cedr', 'Morska sól'] }], stock: 'varied', art: 'candle', hue: 35 },
  { name: 'Ściereczki lniane (3 szt.)', slug: 'sciereczki-lniane', skuBase: 'SCR-LEN', summary: 'Prany len.', description: '<p>Chłoną wodę jak gąbka.</p>', categories: ['dom'], price: 7900, stock: 20, art: 'card', hue: 0, color: '#c9b79c' },
  { name: 'Patelnia żeliwna', skuBase: 'PAT-ZEL', summary: 'Na całe życie.', description: '<p>Wstępnie sezonowana.</p>', categories: ['dom'], price: 24900, stock: 0, art: 'blob', hue: 0, color: '#2b2b2b' },
  { name: 'Koc wełniany', skuBase: 'KOC-WEL', summary: 'Na zamówienie: wysyłka za 4 tygodnie.', description: '<p>Czysta żywa wełna.</p>', categories: ['dom'], price: 44900, stock: 0, policy: 'continue', art: 'card', hue: 350, color: '#8c3b3b' },
  { name: 'Torba płócienna', skuBase: 'TOR-PLC', summary: 'Nasza torba: gruby kanwas, długie ucha.', description: '<p>Pomieści tygodniowe zakupy.</p>', categories: ['akcesoria'], price: 6900, compareAt: 7900, options: [kolory(K.bialy, K.czarny)], stock: 'varied', featured: true, art: 'bag', hue: 40 },
  { name: 'Czapka zimowa', skuBase: 'CZP-ZIM', summary: 'Gruby splot, wywijany brzeg.', description: '<p>Wełna jagnięca.</p>', categories: ['akcesoria'], price: 8900, options: [kolory(K.zolty, K.granat)], stock: 'varied', art: 'cap', hue: 45 },
  { name: 'Bidon stalowy', skuBase: 'BID-STL', summary: 'Izolowany, 750 ml.', description: '<p>Zimne przez 24 h.</p>', categories: ['akcesoria'], price: 11900, options: [kolory(K.zielony, K.rozowy)], stock: 'varied', art: 'bottle', hue: 190 },
  { name: 'Karta podarunkowa', kind: 'gift_card', skuBase: 'KRT-POD', summary: 'Wysyłana e-mailem.', description: '<p>Nie wymaga wysyłki.</p>', categories: ['akcesoria'], price: 10000, surcharge: { '200 zł': 10000 }, options: [{ name: 'Kwota', values: ['100 zł', '200 zł'] }], stock: null, shipping: false, art: 'card', hue: 280 },
];

export function plSeed() {
  return buildStore('p', config, categories, products, Date.parse('2026-10-15T00:00:00Z'), {
    giftCards: standardGiftCards('PLN', 'EUR'),
    customers: [{
      email: 'jan@example.pl', firstName: 'Jan', lastName: 'Kowalski', phone: '+48 600 000 000',
      addresses: [{ name: 'Jan Kowalski', company: null, line1: 'ul. Floriańska 1', line2: null, city: 'Kraków', region: null, postalCode: '31-019', countryCode: 'PL', phone: '+48 600 000 000' }],
    }],
    reviews: [
      { product: 'kubek-ceramiczny', rating: 5, title: 'Piękny kubek', content: 'Każdy jest inny, świetnie trzyma ciepło.', authorName: 'Ola W.', source: 'organic', isVerifiedPurchase: true, daysAgo: 5 },
    ],
  });
}
