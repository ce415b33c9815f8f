// What an app that installed `tote-storefront` writes, type-checked against dist/ by scripts/check-package.mjs
// (not part of `npm run typecheck`: dist/ may not exist yet). Each `@ts-expect-error` proves a
// mistake is caught.
import 'tote-storefront/define';
import { createShop, type AddDetail, type ToteEventMap, type ToteProducts } from 'tote-storefront';
import type {} from 'tote-storefront/react';
import type {} from 'tote-storefront/vue';
import type {} from 'tote-storefront/svelte';
import type { GlobalComponents } from 'vue';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { CartItem, List, ListMeta, Product, StoreSettings, ToteGlobal, Totals } from 'tote-storefront';
import type { ToteGlobal as DropInGlobal } from 'tote-storefront/tote.js';

// The wire's shapes and window.Tote, typed for the app (the drop-in file has its types too).
const tote: DropInGlobal | undefined = window.Tote;
export const same: ToteGlobal | undefined = tote;
declare const listed: List<Product> | null;
export const meta: ListMeta | undefined = listed?.meta;
export const shipping = (settings: StoreSettings, totals: Totals, item: CartItem) =>
  [settings.currency, totals.shippingTotal, item.quantity] as const;
void tote?.cart.add({ variantId: 'v', quantity: 1 });

// Tags and events are known to the DOM types.
const grid: ToteProducts | null = document.querySelector('tote-products');
document.querySelector('tote-cart')?.show();
document.addEventListener('tote-add', (event) => event.detail.variantId.toUpperCase());
document.addEventListener('tote-order-complete', (event) => event.detail.orderNumber);
document.addEventListener('tote-cart-request', (event) => event.detail.opener.focus());
// @ts-expect-error: AddDetail has no `price`
document.addEventListener('tote-add', (event) => event.detail.price);
const eventNames: (keyof ToteEventMap)[] = [
  'tote-add',
  'tote-buy',
  'tote-product-select',
  'tote-cart-change',
  'tote-checkout-start',
  'tote-order-complete',
  'tote-error',
];

// The headless store.
const shop = createShop({ publicKey: 'pk_test_x' });
shop.cart.add('variant', 1);
const count: number = shop.cart.state.itemCount;

// React 19 JSX.
export const page = (
  <tote-store public-key="pk_test_x" ontote-add={(event) => console.log(event.detail.quantity)}>
    <tote-products per-page={8} controls="search" ontote-product-select={(event) => event.preventDefault()} />
    <tote-buy-button product="classic-tee" quantity={2} action="buy" />
    <tote-cart-toggle position="bottom-right" />
    <tote-cart mode="drawer" open-on-add="false" ontote-checkout-start={(event) => event.detail.itemCount} />
  </tote-store>
);
// @ts-expect-error: not a value of `open` (TypeScript lets any hyphenated name through, like data-*,
// so a misspelt attribute is not caught; a known one's value is)
export const wrong = <tote-products open="popup" />;
// @ts-expect-error: on by default, so only the text "false" turns it off (React drops an attribute set to false)
export const dropped = <tote-cart open-on-add={false} />;
// @ts-expect-error: React 19 listens for the exact event name: `ontote-add`
export const camel = <tote-product onToteAdd={(event: CustomEvent<AddDetail>) => event} />;

// Vue templates (what Volar reads).
type GridProps = InstanceType<GlobalComponents['tote-products']>['$props'];
const vueProps: GridProps = { 'per-page': 8, sort: '-price' };
// @ts-expect-error: not a sort order
const vueWrong: GridProps = { sort: 'cheapest' };

// Svelte 5 markup (what svelte-check reads): attributes and `ontote-*` / `on:tote-*` listeners.
const svelteCart: SvelteHTMLElements['tote-cart'] = {
  'open-on-add': 'false',
  'ontote-order-complete': (event) => event.detail.orderNumber.toUpperCase(),
  'on:tote-checkout-start': (event) => event.detail.itemCount,
  class: 'shop-cart',
};
// @ts-expect-error: on by default, so only the text "false" turns it off
const svelteDropped: SvelteHTMLElements['tote-cart'] = { 'open-on-add': false };
// @ts-expect-error: AddDetail has no `price`
const svelteDetail: SvelteHTMLElements['tote-buy-button'] = { 'ontote-add': (event) => event.detail.price };
// @ts-expect-error: <tote-cart-toggle> hears only `tote-cart-request`
const svelteDeaf: SvelteHTMLElements['tote-cart-toggle'] = { 'ontote-add': () => undefined };

export { grid, eventNames, count, vueProps, vueWrong, svelteCart, svelteDropped, svelteDetail, svelteDeaf };
