// A grid card's quick add (`<tote-products quick-add>`): loaded on its first use, with the shop's
// file (the cart drawer is in it too, so the drawer is there to see the add and open on it).
import type { Product } from '../../api/index.js';
import { ADDED_SHOWS_MS, addAnnouncers, addToCart, type AddState } from '../../controllers/add-to-cart.js';
import { drawersReady } from '../../dom/cart-drawers.js';
import { loadAllTexts, msg } from '../../i18n/messages.js';
import { addsAtOnce, isSellable } from '../../model/variants.js';
import type { ToteShop } from '../../store/index.js';

/** A card's quick add while it works or just after: its state and, after a refusal, why (a message key or the server's words). */
export interface QuickAdd {
  state: AddState;
  failure: string;
}

export interface QuickAddHooks {
  /** The card's button shows `quick` (`undefined`: idle again); with `still`, only while it shows that one. */
  show(quick: QuickAdd | undefined, still?: QuickAdd): void;
  /** Said in the grid's live region. */
  say(text: string): void;
  /** The product has several variants: open it at its options. */
  chooseOptions(product: Product): unknown;
}

/**
 * Adds one of a single-variant product from its card, or opens a product with several variants at
 * its options. A list may leave a product's variants out: then its own read decides.
 */
export async function quickAdd(
  host: HTMLElement,
  shop: ToteShop,
  locale: string,
  listed: Product,
  hooks: QuickAddHooks,
) {
  // Its words ("Adding…", the cart's "Added …") before the button shows any of them.
  await loadAllTexts(locale);
  const fail = (failure: string) => {
    hooks.show({ state: 'failed', failure });
    hooks.say(msg(locale, 'product.add-failed', { reason: msg(locale, failure) }));
  };
  let product = listed;
  if (!listed.variants.length) {
    hooks.show({ state: 'adding', failure: '' });
    try {
      product = await shop.catalog.product(listed.id);
    } catch {
      return fail('product.error');
    }
  }
  const variant = product.variants[0];
  if (!addsAtOnce(product) || !variant) {
    hooks.show(undefined);
    return hooks.chooseOptions(product);
  }
  if (!isSellable(variant, product)) return fail('stock.sold-out');
  hooks.show({ state: 'adding', failure: '' });
  await shop.cart.start();
  await drawersReady();
  const outcome = await addToCart(host, shop, product, variant, {
    productId: product.id,
    variantId: variant.id,
    quantity: 1,
  });
  if (!outcome.ok) return fail(outcome.message || 'product.error');
  const added: QuickAdd = { state: 'added', failure: '' };
  hooks.show(added);
  // A cart on the page says the add itself ("Added Mug, 2 items in cart"); else the grid does.
  if (!addAnnouncers.size) {
    hooks.say(msg(locale, 'cart.added', { name: product.name, count: shop.cart.state.itemCount }));
  }
  setTimeout(() => hooks.show(undefined, added), ADDED_SHOWS_MS);
}
