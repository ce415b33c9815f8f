// Registers <tote-categories>. The drop-in script loads this (in a file of its own) when the tag
// first appears.
import { defineElement } from '../../dom/define-element.js';
import { ToteCategories } from './categories.js';

defineElement('tote-categories', ToteCategories);
