// The package's class entry: exports every element class, the headless store and helpers without
// registering any tag, so bundlers can tree-shake it. Import `tote/define` to register the tags.
export { ToteStore } from './components/store/store.js';
export { ToteProducts, type ProductSelectDetail } from './components/products/products.js';
export { ToteProduct } from './components/product/product.js';
export { ToteBuyButton } from './components/buy-button/buy-button.js';
export { ToteCartToggle } from './components/cart-toggle/cart-toggle.js';
export { ToteCart } from './components/cart/cart.js';
export { ToteCheckout } from './components/checkout/checkout.js';
export { CheckoutFlow, type FlowState, type Step as CheckoutStep } from './store/checkout/checkout-flow.js';
export type { CartChangeDetail, CheckoutStartDetail, OrderCompleteDetail, CartErrorDetail } from './events/cart-events.js';
export type { AddDetail } from './controllers/add-to-cart.js';
export type { CartRequestDetail } from './components/cart-toggle/cart-toggle.js';
export type { ToteEventMap, ToteEventName } from './events/index.js';
export type { Product, Variant, Category, Cart, ProductQuery, ProductSort } from './api/index.js';
export { sanitizeHtml } from './dom/sanitize.js';
export { defineElement } from './dom/define-element.js';
export { configure } from './context/page-default.js';
export { ShopController } from './controllers/shop-controller.js';
export { shopContext } from './context/shop-context.js';
export { createStore } from './store/index.js';
export type { CartLine, CartState, LineDisplay, LineStatus, RecoveryOutcome, StorageKind, StoreOptions, ToteShop } from './store/index.js';
export { ApiError, CheckoutRejection, ToteKeyError } from './api/index.js';
