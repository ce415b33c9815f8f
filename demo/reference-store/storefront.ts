// GET / (the store itself) and the checkout settings every other module reads. A store whose seed
// has no `checkout` object serves none, and the server then applies the same defaults the contract
// tells a client to assume, so both sides agree on what a bare store requires.
import type { ApiContext, ApiResult } from './context.js';
import type { CheckoutSettings, StoreConfig } from './types.js';

/** The contract's defaults for a store that serves no `checkout` object. */
export const DEFAULT_CHECKOUT: CheckoutSettings = {
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
};

export const checkoutOf = (config: StoreConfig): CheckoutSettings => config.checkout ?? DEFAULT_CHECKOUT;

export function storeResource(ctx: ApiContext): ApiResult {
  const { config } = ctx.state.catalogue;
  // Seeds name their legal pages by path; the wire carries absolute URLs.
  const absolute = (url: string | null): string | null => (url && url.startsWith('/') ? `${ctx.origin}${url}` : url);
  const checkout = config.checkout;
  return {
    data: {
      id: config.id,
      name: config.name,
      currency: config.currency,
      locale: config.locale,
      ...(config.profile === 'full' ? { baseCurrencyCode: config.currency } : {}),
      storeMode: config.storeMode,
      ...(checkout
        ? {
            checkout: {
              ...checkout,
              termsUrl: absolute(checkout.termsUrl),
              privacyPolicyUrl: absolute(checkout.privacyPolicyUrl),
              refundPolicyUrl: absolute(checkout.refundPolicyUrl),
            },
          }
        : {}),
      ...(config.features ? { features: { ...config.features } } : {}),
    },
  };
}
