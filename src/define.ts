// Registers every Tote tag. This file (and the drop-in entry) are the package's only side effects.
import { ToteStore } from './components/store/store.js';
import { defineElement } from './internal/define-element.js';

defineElement('tote-store', ToteStore);

declare global {
  interface HTMLElementTagNameMap {
    'tote-store': ToteStore;
  }
}
