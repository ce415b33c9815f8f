// Registers <tote-cart>. The drop-in loads it when the shopper reaches for the cart (a pointer on
// or focus in the cart button, which waits for it on a click) or with the product view, the buy
// button or the checkout (define.ts); an inline cart loads when it is in the page.
import { defineElement } from '../../dom/define-element.js';
import { ToteCart } from './cart.js';

defineElement('tote-cart', ToteCart);
