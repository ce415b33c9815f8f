// Registers <tote-product>. The drop-in script imports this lazily (the product view is heavier
// than the grid and most visitors never open one); the `define` entry imports it at once.
import { defineElement } from '../../dom/define-element.js';
import { ToteProduct } from './product.js';

defineElement('tote-product', ToteProduct);
