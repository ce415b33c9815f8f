// What both framework recipes (React and Vue) must do once rendered, step by step: the grid shows,
// the app's own add button fills Tote's cart, the buy button fires the app's handler. One script,
// so the two recipes are held to exactly the same checks.
import { expect } from '@open-wc/testing';
import { waitUntil as wait } from '../helpers/wait.js';

const shadow = (el: Element | null) => el!.shadowRoot!;

/** `on` names the framework's event binding in messages: `ontote-` (React) or `@tote-` (Vue). */
export async function exerciseShopApp(container: HTMLElement, tracked: [string, unknown][], on: string): Promise<void> {
  const grid = container.querySelector('tote-products')!;
  await wait(() => shadow(grid).querySelectorAll('.card[data-index]').length === 8, 'eight product cards (per-page 8)');

  // The app's own button, on the headless store.
  const quickAdd = container.querySelector<HTMLButtonElement>('button.quick-add')!;
  await wait(() => !quickAdd.disabled, 'the quick-add button has its product');
  expect(quickAdd.textContent).to.contain('Quick add: Gift Card');
  quickAdd.click();
  const count = () => shadow(container.querySelector('tote-cart-toggle')).querySelector('[part="count"]')?.textContent;
  await wait(() => count() === '1', "Tote's cart button counts the line");
  await wait(() => quickAdd.textContent!.includes('(1 in cart)'), 'the app re-renders from the store subscription');
  const summary = container.querySelector('[data-testid="cart-summary"]')!;
  await wait(() => summary.textContent!.trim().startsWith('1 in your cart'), `${on}cart-change ran`);

  // Tote's buy button, with props, and the app's tote-add handler.
  const buy = container.querySelector('tote-buy-button')!;
  await wait(() => shadow(buy)?.querySelector('button[aria-disabled="false"]'), 'the buy button is ready');
  shadow(buy).querySelector<HTMLButtonElement>('button')!.click();
  await wait(() => tracked.some(([name]) => name === 'tote-add'), `${on}add ran`);
  const [, detail] = tracked.find(([name]) => name === 'tote-add')!;
  expect(detail).to.include({ quantity: 2 });
  await wait(() => count() === '3', 'two more in the cart');
  expect(summary.textContent).to.contain('added 2 ×');
  // open-on-add="false" as the framework passed it: the adds were announced, the drawer stayed shut.
  const cart = container.querySelector<HTMLElement & { open?: boolean }>('tote-cart')!;
  await customElements.whenDefined('tote-cart');
  expect(cart.open, 'the drawer did not open on the adds').to.not.equal(true);
}
