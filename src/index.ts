// The package's class entry: exports every element class, the headless shop and helpers without
// registering any tag, so bundlers can tree-shake it. Import `tote-storefront/define` to register the tags.
import { createShop, type ShopOptions } from './store/index.js';
export { ToteStore } from './components/store/store.js';
export { ToteProducts } from './components/products/products.js';
export { ToteProduct } from './components/product/product.js';
export { ToteBuyButton } from './components/buy-button/buy-button.js';
export { ToteCartToggle } from './components/cart-toggle/cart-toggle.js';
export { ToteCart } from './components/cart/cart.js';
export { ToteCheckout } from './components/checkout/checkout.js';
export { ToteAccount } from './components/account/account.js';
export { ToteReviews } from './components/reviews/reviews.js';
export { ToteCategories } from './components/categories/categories.js';
export { CheckoutFlow, type FlowState, type Step as CheckoutStep } from './store/checkout/checkout-flow.js';
export type {
  AddDetail,
  ProductSelectDetail,
  CartRequestDetail,
  CartChangeDetail,
  CheckoutStartDetail,
  OrderCompleteDetail,
  CartErrorDetail,
  SignInDetail,
  ReviewSubmitDetail,
  CategorySelectDetail,
  LineSelectDetail,
  ToteEventMap,
  ToteEventName,
} from './events/index.js';
export type { Product, Variant, Category, Cart, ProductQuery, ProductSort } from './api/index.js';
// Every shape of the wire a developer reaches for (List, ListMeta, StoreSettings, Totals, CartItem,
// OrderReceipt, Review, Country…): types only, nothing at run time.
export type * from './api/types/common.js';
export type * from './api/types/store.js';
export type * from './api/types/catalog.js';
export type * from './api/types/cart.js';
export type * from './api/types/checkout.js';
export type * from './api/types/order.js';
export type * from './api/types/address-lookup.js';
export type * from './api/types/review.js';
export type * from './api/types/account.js';
/** `window.Tote`, the drop-in script's API (and what `Tote.cart.add` takes). */
export type { ToteGlobal, AddRequest } from './embed/window-api.js';
export { sanitizeHtml } from './dom/sanitize.js';
export { defineElement } from './dom/define-element.js';
export { configure } from './context/page-default.js';
export { setMessages } from './i18n/overrides.js';
export { ShopController } from './controllers/shop-controller.js';
export { shopContext } from './context/shop-context.js';
export { createShop };
// Headless halves of the lazy elements (a page that draws its own account, reviews or estimate).
export { accountOf, type AccountSession, type AccountState } from './store/account/index.js';
export { reviewsOf, type ReviewsFeed, type ReviewsState } from './store/reviews/index.js';
export {
  estimateShipping,
  shipToCountries,
  hasSavedAddress,
  needsShipping,
  cheapestOption,
  type ShippingEstimate,
} from './store/shipping-estimate.js';
/** @deprecated The name of 0.1, kept working: use `createShop` (a "store" is now only the API's store settings). */
export const createStore: typeof createShop = createShop;
/** @deprecated The name of 0.1: use `ShopOptions`. */
export type StoreOptions = ShopOptions;
export type {
  CartLine,
  CartState,
  LineDisplay,
  LineStatus,
  RecoveryOutcome,
  StorageKind,
  ShopOptions,
  ToteShop,
} from './store/index.js';
export { ApiError, CheckoutRejection, ToteKeyError } from './api/index.js';
