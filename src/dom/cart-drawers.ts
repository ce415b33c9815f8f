import { whenUsed } from './lazy-define.js';

/**
 * The page's cart drawers, defined and drawn (they load when first needed: define.ts). An add made
 * after this is one they see happen, so they open on it and say it.
 */
export async function drawersReady(): Promise<void> {
  const drawers = [...document.querySelectorAll('tote-cart')];
  if (drawers.length) await whenUsed('tote-cart');
  await Promise.all(drawers.map((drawer) => drawer.updateComplete));
}
