// Registers every Tote tag. This file (and the drop-in entry) are the package's only side effects.
import { ToteStore } from './components/store/store.js';
import { ToteProducts } from './components/products/products.js';
import { ToteCartToggle } from './components/cart-toggle/cart-toggle.js';
import { lazyDefine } from './dom/lazy-define.js';
import { defineElement } from './dom/define-element.js';
import type { ToteElements } from './jsx/elements.js';

defineElement('tote-store', ToteStore);
defineElement('tote-products', ToteProducts);
defineElement('tote-cart-toggle', ToteCartToggle);
lazyDefine({
  // The cart drawer and the checkout load on first use: the cart when a <tote-cart> is in the page
  // (right after the first paint) or the button asks for it; the checkout when "Check out" does.
  'tote-cart': () => import('./components/cart/define.js'),
  'tote-checkout': () => import('./components/checkout/define.js'),
  // The product view is heavier than the grid and most visitors never open one: it loads when a
  // <tote-product> appears in the page, or when a grid opens a product (`whenUsed`). The buy button
  // loads when one appears.
  'tote-product': () => import('./components/product/define.js'),
  'tote-buy-button': () => import('./components/buy-button/define.js'),
  // The account, the reviews and the categories are files of their own (the first two with their
  // headless halves, the account session and the reviews feed): a page loads them only when it shows one.
  'tote-account': () => import('./components/account/define.js'),
  'tote-reviews': () => import('./components/reviews/define.js'),
  'tote-categories': () => import('./components/categories/define.js'),
});

declare global {
  // Tag → class for querySelector and createElement: the one list in jsx/elements.ts.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging into the DOM's map needs the interface form
  interface HTMLElementTagNameMap extends ToteElements {}
}
