// Registers every Tote tag. This file (and the drop-in entry) are the package's only side effects.
import { ToteStore } from './components/store/store.js';
import { ToteProducts } from './components/products/products.js';
import { ToteCartToggle } from './components/cart-toggle/cart-toggle.js';
import { lazyDefine, whenUsed } from './dom/lazy-define.js';
import { defineElement } from './dom/define-element.js';
import type { ToteElements } from './jsx/elements.js';

// Without a DOM (a server rendering the page, a test in Node) importing this defines nothing: the
// tags are registered where they can render, in the browser that loads the same import.
if (typeof document !== 'undefined') {
  defineElement('tote-store', ToteStore);
  defineElement('tote-products', ToteProducts);
  defineElement('tote-cart-toggle', ToteCartToggle);
  // The cart drawer waits for the shopper to reach for it (a pointer on or focus in the cart button,
  // a click, "Buy now", `Tote.cart` commands), not for its tag: most visitors never open it, and it is
  // most of the code. It comes along with any element of the same file (the product view, the buy
  // button, the checkout), so that it sees the first add and opens on it; and at once on the way
  // back from a payment page, where it reopens the checkout. An inline cart loads when it is in the page.
  lazyDefine({ 'tote-cart': () => import('./components/cart/define.js') }, 'tote-cart[mode=inline]');
  const withDrawer = (loader: () => Promise<unknown>) => () => (void whenUsed('tote-cart'), loader());
  if (/tote-payment=/.test(location.hash)) void whenUsed('tote-cart');
  lazyDefine({
    // The checkout loads when "Check out" asks for it (or a <tote-checkout> is in the page).
    'tote-checkout': withDrawer(() => import('./components/checkout/define.js')),
    // The product view is heavier than the grid and most visitors never open one: it loads when a
    // <tote-product> appears in the page, or when a grid opens a product (`whenUsed`). The buy button
    // loads when one appears.
    'tote-product': withDrawer(() => import('./components/product/define.js')),
    'tote-buy-button': withDrawer(() => import('./components/buy-button/define.js')),
    // The account, the reviews and the categories are files of their own (the first two with their
    // headless halves, the account session and the reviews feed): a page loads them only when it shows one.
    'tote-account': () => import('./components/account/define.js'),
    'tote-reviews': () => import('./components/reviews/define.js'),
    'tote-categories': () => import('./components/categories/define.js'),
  });
}

declare global {
  // Tag → class for querySelector and createElement: the one list in jsx/elements.ts.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging into the DOM's map needs the interface form
  interface HTMLElementTagNameMap extends ToteElements {}
}
