import { configure, reportConfigProblem } from '../context/page-default.js';

/** What a merchant can say on the script tag itself. */
export interface ScriptConfig {
  publicKey: string;
  apiBase?: string;
  locale?: string;
  /** `data-cart-recovery`: adopt `?cart_token=` recovery links (see `ShopOptions.cartRecovery`). */
  cartRecovery?: boolean;
}

/**
 * Finds the `<script>` that loaded Tote (matched by URL, since module scripts have no
 * `document.currentScript`), else the first script with a `data-public-key`.
 */
export function findOwnScript(moduleUrl: string): HTMLScriptElement | null {
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  return (
    scripts.find((script) => script.src === moduleUrl) ??
    document.querySelector<HTMLScriptElement>('script[data-public-key]')
  );
}

/**
 * Reads the shop from the script tag's `data-public-key`, `data-api-base`, `data-locale` and
 * `data-cart-recovery` — attributes only. The page URL is read for nothing but a recovery link's
 * `?cart_token=`, and that only when the merchant opted in with `data-cart-recovery`.
 */
export function readScriptConfig(script: HTMLScriptElement | null): ScriptConfig | undefined {
  const publicKey = script?.dataset.publicKey?.trim();
  if (!script || !publicKey) return undefined;
  const recovery = script.dataset.cartRecovery;
  return {
    publicKey,
    apiBase: script.dataset.apiBase?.trim() || undefined,
    locale: script.dataset.locale?.trim() || undefined,
    cartRecovery: recovery !== undefined && recovery !== 'false',
  };
}

/** `data-messages`: the merchant's words as JSON, `{"en": {"cart.title": "Basket"}}` (i18n/overrides.ts). */
function readScriptMessages(script: HTMLScriptElement | null): void {
  const json = script?.dataset.messages;
  if (json) void import('../i18n/overrides.js').then(({ setMessagesJson }) => setMessagesJson(json));
}

/**
 * Configures the page's default shop from the script tag. A refused key (a secret key, say) is
 * reported on the console for the developer, and the elements show it in place of the shop.
 */
export function configureFromScript(moduleUrl: string): void {
  const script = findOwnScript(moduleUrl);
  readScriptMessages(script);
  const config = readScriptConfig(script);
  if (!config) return;
  try {
    configure(config);
  } catch (error) {
    const problem = (error as Error).message;
    console.error(`[tote] data-public-key on the Tote script: ${problem}`);
    reportConfigProblem(problem);
  }
}
