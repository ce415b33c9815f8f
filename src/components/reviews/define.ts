// Registers <tote-reviews>. The drop-in script loads this (and the reviews feed, in a file of their
// own) when the tag first appears, or when a product view shows its reviews.
import { defineElement } from '../../dom/define-element.js';
import { ToteReviews } from './reviews.js';

defineElement('tote-reviews', ToteReviews);
