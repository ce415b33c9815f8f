// Registers <tote-cart>. The drop-in loads it right after the first paint (the cart button is
// eager and waits for it), keeping the initial script to the grid and the button.
import { defineElement } from '../../dom/define-element.js';
import { ToteCart } from './cart.js';

defineElement('tote-cart', ToteCart);
