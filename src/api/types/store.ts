// The store itself (`GET /`): its currency, locale, mode and checkout settings.

export type FieldMode = 'required' | 'optional' | 'hidden';
export type TermsMode = 'required_checkbox' | 'notice' | 'hidden';

/** The store's checkout settings. Normalized: a store without `checkout` gets {@link DEFAULT_CHECKOUT}. */
export interface CheckoutSettings {
  termsMode: TermsMode;
  termsDisplay: 'url' | 'text';
  /** Checked: only `http:`/`https:` survive normalization, anything else is null. */
  termsUrl: string | null;
  /** Plain text. */
  termsText: string | null;
  termsNoticeText: string | null;
  privacyPolicyUrl: string | null;
  refundPolicyUrl: string | null;
  showMarketingOptIn: boolean;
  precheckMarketingOptIn: boolean;
  companyNameField: FieldMode;
  phoneNumberField: FieldMode;
  addressLine2Field: FieldMode;
  showCouponField: boolean;
  showNotesField: boolean;
  showGiftCardField: boolean;
  /** Plain text, shown on the receipt. */
  confirmationMessage: string | null;
  redirectAfterCheckout: boolean;
  redirectUrl: string | null;
  /** Minor units, compared with `totals.subtotal`. */
  minimumOrderValue: number | null;
}

export interface StoreSettings {
  id: string;
  name: string;
  currency: string;
  locale: string;
  /** Normalized: `live` when missing. `test`: no order is fulfilled (show a banner). */
  storeMode: 'live' | 'test';
  /** Normalized. */
  checkout: CheckoutSettings;
  /** Normalized: `addressAutocomplete` false when missing. */
  features: { addressAutocomplete: boolean };
}
