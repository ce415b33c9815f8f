// Registers <tote-checkout>. Loaded lazily by the drop-in script (and by `tote-storefront/define`) the first
// time a checkout is shown, so pages that never check out never download it.
import { defineElement } from '../../dom/define-element.js';
import { ToteCheckout } from './checkout.js';

defineElement('tote-checkout', ToteCheckout);
