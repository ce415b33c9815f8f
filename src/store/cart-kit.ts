// What a shop's cart (shop-cart.ts) loads when it is first needed: the engine, the cart token it
// keeps, and how a line is drawn from the catalogue before the server has it.
export { CartEngine } from './cart.js';
export { CartToken } from './token.js';
export { lineDisplay } from '../model/line-display.js';
