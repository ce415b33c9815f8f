// The package's class entry: exports every element class and helper without registering any tag,
// so bundlers can tree-shake it. Import `tote/define` (src/define.ts) to register the tags.
export { ToteStore } from './components/store/store.js';
export { defineElement } from './internal/define-element.js';
