// The merchant's drop-in script (built to dist/tote.js): registers the light tags at once and the
// heavy ones (product detail, cart drawer, checkout) on first use — see define.ts — so a page with
// a grid and a cart button downloads only what it shows.
import './define.js';
