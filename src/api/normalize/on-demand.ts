// The normalizers a first paint does not need, gathered for later-endpoints.ts, the module the
// first call of any of its endpoints loads: a page with a grid and a cart button never downloads them.
export * from './checkout.js';
export * from './order.js';
export * from './address-lookups.js';
export * from './reviews.js';
export * from './account.js';
