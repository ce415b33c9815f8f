// Registers <tote-buy-button>. The drop-in script loads this when the tag first appears, so a page
// with only a grid (or only a cart) never downloads it.
import { defineElement } from '../../dom/define-element.js';
import { ToteBuyButton } from './buy-button.js';

defineElement('tote-buy-button', ToteBuyButton);
