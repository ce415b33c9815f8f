// The attributes and events of each Tote element, framework-neutral: the React and Vue typings
// (./react.ts, ./vue.ts) map these onto their JSX and template types. Attribute names are the
// HTML ones (kebab-case): both frameworks set an attribute when the element has no property of
// that name, which also works before a lazily loaded element is defined.
// scripts/check-package.mjs compares these lists with dist/custom-elements.json after a build.
import type { ToteBuyButton } from '../components/buy-button/buy-button.js';
import type { ToteCart } from '../components/cart/cart.js';
import type { ToteCartToggle } from '../components/cart-toggle/cart-toggle.js';
import type { ToteCheckout } from '../components/checkout/checkout.js';
import type { ToteProduct } from '../components/product/product.js';
import type { ToteProducts } from '../components/products/products.js';
import type { ToteStore } from '../components/store/store.js';
import type { ToteAccount } from '../components/account/account.js';
import type { ToteReviews } from '../components/reviews/reviews.js';
import type { ToteCategories } from '../components/categories/categories.js';
import type { ToteEventName } from '../events/index.js';
import type { ProductSort } from '../api/index.js';

/** Attributes every Tote element takes (src/components/base/tote-element.ts, src/styles/theme.ts). */
export interface ToteCommonAttributes {
  /** `light` or `dark` pins the theme; by default it follows the page's colour scheme. */
  theme?: 'light' | 'dark';
  /** @deprecated The older name of `theme` (`auto`: follow the system), still understood. */
  'color-scheme'?: 'light' | 'dark' | 'auto';
}

export interface ToteStoreAttributes extends ToteCommonAttributes {
  /** The shop's publishable key (`pk_…`). */
  'public-key'?: string;
  /** Base URL of the public API (default: Shoprocket's production API). */
  'api-base'?: string;
  /** BCP 47 language tag (default: the page's `lang`). */
  locale?: string;
  /** Adopt a `?cart_token=` recovery link's cart while the shopper's own cart is empty. */
  'cart-recovery'?: boolean;
}

export interface ToteProductsAttributes extends ToteCommonAttributes {
  /** Only products in these categories: ids or slugs, comma-separated. */
  category?: string;
  /** Only these products: ids or slugs, comma-separated. */
  ids?: string;
  sort?: ProductSort;
  /** Products per page (1–100). */
  'per-page'?: number | string;
  /** A fixed number of columns on wide screens. */
  columns?: number | string;
  /** Controls to show, space-separated: `search category sort stock price per-page count`. */
  controls?: string;
  /** How a chosen product opens. */
  open?: 'dialog' | 'inline' | 'none';
  /** An add button on every card ("Choose options" for a product with several variants). */
  'quick-add'?: boolean;
}

export interface ToteProductAttributes extends ToteCommonAttributes {
  /** The product's id or slug. */
  product?: string;
  /** A variant id to show first. */
  variant?: string;
  /** Leave out the schema.org JSON-LD. */
  'no-structured-data'?: boolean;
}

export interface ToteBuyButtonAttributes extends ToteCommonAttributes {
  /** The product's id or slug. */
  product?: string;
  /** Which variant (default: the product's default variant). */
  variant?: string;
  /** How many to add. */
  quantity?: number | string;
  /** `add` puts it in the cart; `buy` adds it and goes to checkout. */
  action?: 'add' | 'buy';
}

export interface ToteCartToggleAttributes extends ToteCommonAttributes {
  /** Float the button in a corner of the viewport. */
  position?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
}

export interface ToteCartAttributes extends ToteCommonAttributes {
  mode?: 'drawer' | 'inline';
  /** Whether the drawer is open. */
  open?: boolean;
  /**
   * `"false"`: announce adds without opening the drawer. A string, not a boolean: it is on by
   * default, and React drops an attribute set to `false` (and may set it before the lazily loaded
   * drawer has its property), so only the text "false" turns it off everywhere.
   */
  'open-on-add'?: 'true' | 'false';
  /** Where "Continue shopping" leads when the cart is empty. */
  'continue-url'?: string;
  /** A checkout page of the shop: "Check out" goes there. */
  'checkout-url'?: string;
}

export interface ToteCheckoutAttributes extends ToteCommonAttributes {
  /** Set by `<tote-cart>` when the checkout is shown inside its drawer. */
  embedded?: boolean;
}

/** `<tote-account>`: its session is the shop's. */
export interface ToteAccountAttributes extends ToteCommonAttributes {
  /** An email to start the form with. */
  email?: string;
  /** Signed in, show only who is signed in and "Sign out" (no orders, no addresses). */
  compact?: boolean;
}

export interface ToteReviewsAttributes extends ToteCommonAttributes {
  /** The product's id or slug. */
  product?: string;
}

export interface ToteCategoriesAttributes extends ToteCommonAttributes {
  /** The id of the `<tote-products>` it drives (default: the first one in the same `<tote-store>`). */
  for?: string;
}

/** Tag → element class. */
export interface ToteElements {
  'tote-store': ToteStore;
  'tote-products': ToteProducts;
  'tote-product': ToteProduct;
  'tote-buy-button': ToteBuyButton;
  'tote-cart-toggle': ToteCartToggle;
  'tote-cart': ToteCart;
  'tote-checkout': ToteCheckout;
  'tote-account': ToteAccount;
  'tote-reviews': ToteReviews;
  'tote-categories': ToteCategories;
}

/** Tag → its attributes. */
export interface ToteElementAttributes {
  'tote-store': ToteStoreAttributes;
  'tote-products': ToteProductsAttributes;
  'tote-product': ToteProductAttributes;
  'tote-buy-button': ToteBuyButtonAttributes;
  'tote-cart-toggle': ToteCartToggleAttributes;
  'tote-cart': ToteCartAttributes;
  'tote-checkout': ToteCheckoutAttributes;
  'tote-account': ToteAccountAttributes;
  'tote-reviews': ToteReviewsAttributes;
  'tote-categories': ToteCategoriesAttributes;
}

/**
 * Tag → the events a listener on it hears: its own and those of the elements it renders inside
 * (a grid's product dialog adds to the cart; the cart drawer holds the checkout). Every event
 * bubbles, so `<tote-store>` hears them all.
 */
export interface ToteElementEvents {
  'tote-store': ToteEventName;
  'tote-products': 'tote-product-select' | 'tote-add' | 'tote-review-submit';
  'tote-product': 'tote-add' | 'tote-review-submit';
  'tote-buy-button': 'tote-add' | 'tote-buy';
  'tote-cart-toggle': 'tote-cart-request';
  'tote-cart':
    | 'tote-cart-change'
    | 'tote-checkout-start'
    | 'tote-error'
    | 'tote-order-complete'
    | 'tote-continue-shopping'
    | 'tote-line-select';
  'tote-checkout': 'tote-order-complete' | 'tote-error' | 'tote-continue-shopping';
  'tote-account': 'tote-sign-in' | 'tote-sign-out';
  'tote-reviews': 'tote-review-submit';
  'tote-categories': 'tote-category-select';
}

export type ToteTagName = keyof ToteElements;
