// The package's class entry: exports every element class, the headless store and helpers without
// registering any tag, so bundlers can tree-shake it. Import `tote/define` to register the tags.
export { ToteStore } from './components/store/store.js';
export { defineElement } from './internal/define-element.js';
export { configure } from './internal/page-default.js';
export { ShopController } from './internal/shop-controller.js';
export { shopContext } from './internal/shop-context.js';
export { createStore } from './store/index.js';
export type { CartLine, CartState, LineDisplay, LineStatus, StorageKind, StoreOptions, ToteShop } from './store/index.js';
export { ApiError, CheckoutRejection, ToteKeyError } from './api/index.js';
