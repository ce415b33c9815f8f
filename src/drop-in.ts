// The merchant's drop-in script (built to dist/tote.js): registers the light tags at once and the
// heavy ones (product detail, checkout) on first use, so a page with a grid and a cart button
// downloads only what it shows.
import './define.js';
import { lazyDefine } from './internal/lazy-define.js';

// Heavy elements are added here as `tag: () => import('./components/x/define-x.js')` when they exist.
lazyDefine({});
