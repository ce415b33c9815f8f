// The normalizers a first paint does not need, gathered into the one module endpoints.ts imports on
// first use: a page with a grid and a cart button never downloads them.
export * from './checkout.js';
export * from './order.js';
export * from './address-lookups.js';
export * from './reviews.js';
export * from './account.js';
