// English beyond the first paint's words: the product view's, the cart's, the checkout's, the
// account's, the reviews' and the categories'. It is a language file like pl.ts or ar.ts, loaded on demand by the
// elements that need it, so a shop in another language never downloads these words. The grid's
// and the cart button's English (en/core.ts) ships in the first-paint script.
import type { Messages } from './messages-type.js';
import { cartEn } from './en/cart.js';
import { checkoutEn } from './en/checkout.js';
import { productEn } from './en/product.js';
import { accountEn } from './en/account.js';
import { reviewsEn } from './en/reviews.js';
import { categoriesEn } from './en/categories.js';

const en: Messages = { ...productEn, ...cartEn, ...checkoutEn, ...accountEn, ...reviewsEn, ...categoriesEn };

export default en;
