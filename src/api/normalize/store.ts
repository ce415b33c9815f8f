// The edge for `GET /`: the store, its locale and currency, and its checkout settings filled with the
// contract's defaults (`DEFAULT_CHECKOUT`).
import {
  bool,
  currency,
  idOf,
  isObj,
  need,
  numN,
  obj,
  oneOf,
  safeUrl,
  str,
  strN,
  type WireObject,
} from './primitives.js';
import type { CheckoutSettings, FieldMode, StoreSettings } from '../types/store.js';

/** A BCP 47 tag `Intl` accepts (a bad one throws a RangeError, like a bad currency), or `en`. */
function locale(v: unknown): string {
  try {
    return (typeof v === 'string' && v && Intl.getCanonicalLocales(v)[0]) || 'en';
  } catch {
    return 'en';
  }
}

/** What Tote assumes when the store sends no `checkout` block (the contract's defaults). */
export const DEFAULT_CHECKOUT: Readonly<CheckoutSettings> = Object.freeze({
  termsMode: 'hidden',
  termsDisplay: 'url',
  termsUrl: null,
  termsText: null,
  termsNoticeText: null,
  privacyPolicyUrl: null,
  refundPolicyUrl: null,
  showMarketingOptIn: false,
  precheckMarketingOptIn: false,
  companyNameField: 'optional',
  phoneNumberField: 'optional',
  addressLine2Field: 'optional',
  showCouponField: true,
  showNotesField: false,
  showGiftCardField: true,
  confirmationMessage: null,
  redirectAfterCheckout: false,
  redirectUrl: null,
  minimumOrderValue: null,
});

const FIELD_MODES: readonly FieldMode[] = ['required', 'optional', 'hidden'];
// The settings with a fixed set of values; of the rest, a boolean default makes a flag, a name
// ending in `Url` a checked URL (`safeUrl`), any other a text or null (`minimumOrderValue` aside).
const CHOICES: Partial<Record<keyof CheckoutSettings, readonly string[]>> = {
  termsMode: ['required_checkbox', 'notice', 'hidden'],
  termsDisplay: ['url', 'text'],
  companyNameField: FIELD_MODES,
  phoneNumberField: FIELD_MODES,
  addressLine2Field: FIELD_MODES,
};

function checkoutSettings(v: unknown): CheckoutSettings {
  const c = obj(v);
  const out: WireObject = {};
  for (const [k, d] of Object.entries(DEFAULT_CHECKOUT)) {
    const x = c[k];
    const choices = CHOICES[k as keyof CheckoutSettings];
    out[k] = choices
      ? oneOf(x, choices, d as string)
      : typeof d === 'boolean'
        ? bool(x, d)
        : k.endsWith('Url')
          ? safeUrl(x)
          : strN(x);
  }
  const min = numN(c.minimumOrderValue);
  out.minimumOrderValue = min !== null && min > 0 ? min : null;
  return out as unknown as CheckoutSettings;
}

/** `GET /`. The official client also unwraps a `store` member. */
export function normStore(v: unknown): StoreSettings {
  const s0 = obj(v);
  const s = isObj(s0.store) ? s0.store : s0;
  return {
    id: need(idOf(s.id), 'the store'),
    name: str(s.name),
    // `baseCurrencyCode` is the older spelling; with neither, prices render without a symbol.
    currency: currency(s.currency, currency(s.baseCurrencyCode)),
    locale: locale(s.locale),
    storeMode: s.storeMode === 'test' ? 'test' : 'live',
    checkout: checkoutSettings(s.checkout),
    features: { addressAutocomplete: obj(s.features).addressAutocomplete === true },
  };
}
