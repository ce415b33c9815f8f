// PayPal's in-context buttons: the only third-party script Tote ever loads, and only once the
// shopper has picked PayPal. The buttons render their iframes into an element we pass them, which
// may sit in our shadow root (the official widget renders into its own shadow DOM the same way).
// A page whose CSP or Trusted Types forbid PayPal loses PayPal, with one console note, and keeps
// every other method.
import type { PaymentSdk } from '../../api/index.js';
import type { PayPalCallbacks } from '../../store/checkout/order-steps.js';

const SDK_URL = 'https://www.paypal.com/sdk/js';
/** The hosts PayPal's script, frames, calls and images come from (PayPal's own CSP advice). */
export const PAYPAL_CSP =
  'script-src, frame-src, connect-src, img-src and style-src need https://*.paypal.com and https://*.paypalobjects.com';

interface PayPalButtons {
  render(container: HTMLElement): Promise<unknown>;
  close?(): Promise<unknown>;
  isEligible?(): boolean;
}
export interface PayPalNamespace {
  Buttons(options: PayPalCallbacks): PayPalButtons;
}
declare global {
  interface Window {
    paypal?: PayPalNamespace;
  }
}

/** The script's address: the method's `sdk` ids, buttons only, captured at once, in the cart's currency. */
export function paypalSdkUrl(sdk: PaymentSdk, currency: string): string {
  const query = new URLSearchParams({
    'client-id': sdk.clientId,
    'merchant-id': sdk.merchantId,
    components: 'buttons',
    intent: 'capture',
    currency: currency.toUpperCase(),
  });
  return `${SDK_URL}?${query.toString()}`;
}

interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
}

let loading: Promise<PayPalNamespace> | null = null;
let policy: { createScriptURL(url: string): unknown } | undefined;
let warned = false;

/** The `paypal` namespace: the page's own (or a test's stub) when present, else PayPal's script, loaded once. */
export function loadPayPal(sdk: PaymentSdk, currency: string): Promise<PayPalNamespace> {
  // An element with id="paypal" is `window.paypal` too (named access): only a namespace with Buttons() counts.
  if (typeof window.paypal?.Buttons === 'function') return Promise.resolve(window.paypal);
  loading ??= new Promise<PayPalNamespace>((resolve, reject) => {
    const url = paypalSdkUrl(sdk, currency);
    const script = document.createElement('script');
    const fail = (why: string) => {
      cleanup();
      loading = null; // a later pick may try again (a flaky network)
      script.remove();
      reject(new Error(why));
    };
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.blockedURI.startsWith('https://www.paypal.com'))
        fail(`blocked by the page's ${event.effectiveDirective}`);
    };
    const cleanup = () => document.removeEventListener('securitypolicyviolation', onViolation);
    document.addEventListener('securitypolicyviolation', onViolation);
    script.async = true;
    script.setAttribute('data-partner-attribution-id', sdk.bnCode);
    script.addEventListener('load', () => {
      cleanup();
      if (window.paypal) resolve(window.paypal);
      else fail('the script loaded without window.paypal');
    });
    script.addEventListener('error', () => fail('the script could not load (CSP, a blocker or the network)'));
    try {
      // Under `require-trusted-types-for 'script'` a plain string is refused: a policy that lets
      // through PayPal's SDK address and nothing else. Creating it may be refused too (`trusted-types`).
      const tt = (window as unknown as { trustedTypes?: TrustedTypesLike }).trustedTypes;
      policy ??= tt?.createPolicy('tote-paypal', {
        createScriptURL: (candidate) => {
          if (!candidate.startsWith(`${SDK_URL}?`)) throw new TypeError('tote-paypal only loads PayPal’s SDK');
          return candidate;
        },
      });
      (script as { src: unknown }).src = policy ? policy.createScriptURL(url) : url;
      document.head.append(script);
    } catch (error) {
      fail(`refused by Trusted Types (${(error as Error).message})`);
    }
  });
  return loading;
}

/**
 * Loads PayPal and renders its buttons into `container`. Resolves false (after one console
 * warning per page) when PayPal cannot run here, so the caller can drop the method.
 */
export async function mountPayPal(
  container: HTMLElement,
  sdk: PaymentSdk,
  currency: string,
  callbacks: PayPalCallbacks,
): Promise<boolean> {
  try {
    const paypal = await loadPayPal(sdk, currency);
    if (typeof paypal.Buttons !== 'function') throw new Error('window.paypal has no Buttons()');
    container.replaceChildren();
    await paypal.Buttons(callbacks).render(container);
    return true;
  } catch (error) {
    if (!warned) {
      warned = true;
      console.warn(
        `[tote] PayPal is hidden: ${(error as Error).message}. To offer PayPal on this page, its Content-Security-Policy ${PAYPAL_CSP}.`,
      );
    }
    return false;
  }
}
