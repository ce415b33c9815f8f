// The React 19 recipe (demo/frameworks/react/ShopApp.tsx) rendered against the reference store:
// Tote's elements inside a React tree, `ontote-*` event props, and the app's own add button on the
// headless store updating Tote's cart button.
import { expect, waitUntil } from '@open-wc/testing';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { createStore } from '../../src/index.js';
import { ShopApp } from '../../demo/frameworks/react/ShopApp.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';

const shadow = (el: Element | null) => el!.shadowRoot!;
const wait = (check: () => unknown, message: string) => waitUntil(check, message, { timeout: 8000 });

describe('React recipe', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(async () => {
    await freshStore();
    await createStore({ publicKey: DEMO_KEY, apiBase: API_BASE }).cart.startOver(); // no lines from earlier tests
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('renders the grid, and the custom add button and the buy button fill Tote\'s cart and fire the app\'s handlers', async () => {
    const tracked: [string, unknown][] = [];
    flushSync(() => root.render(<ShopApp publicKey={DEMO_KEY} apiBase={API_BASE} onTrack={(name, detail) => tracked.push([name, detail])} />));

    // Attributes reach the elements in their HTML spelling.
    const store = container.querySelector('tote-store')!;
    expect(store.getAttribute('public-key')).to.equal(DEMO_KEY);
    const grid = container.querySelector('tote-products')!;
    await wait(() => shadow(grid).querySelectorAll('.card[data-index]').length === 8, 'eight product cards (per-page={8})');

    // The app's own button, on the headless store.
    const quickAdd = container.querySelector<HTMLButtonElement>('button.quick-add')!;
    await wait(() => !quickAdd.disabled, 'the quick-add button has its product');
    expect(quickAdd.textContent).to.contain('Quick add: Gift Card');
    quickAdd.click();
    const count = () => shadow(container.querySelector('tote-cart-toggle')).querySelector('[part="count"]')?.textContent;
    await wait(() => count() === '1', "Tote's cart button counts the line");
    await wait(() => quickAdd.textContent!.includes('(1 in cart)'), 'the app re-renders from the store subscription');
    const summary = container.querySelector('[data-testid="cart-summary"]')!;
    await wait(() => summary.textContent!.startsWith('1 in your cart'), 'ontote-cart-change ran');

    // Tote's buy button, with props, and the app's ontote-add handler.
    const buy = container.querySelector('tote-buy-button')!;
    await wait(() => shadow(buy)?.querySelector('button[aria-disabled="false"]'), 'the buy button is ready');
    shadow(buy).querySelector<HTMLButtonElement>('button')!.click();
    await wait(() => tracked.some(([name]) => name === 'tote-add'), 'ontote-add ran');
    const [, detail] = tracked.find(([name]) => name === 'tote-add')!;
    expect(detail).to.include({ quantity: 2 });
    await wait(() => count() === '3', 'two more in the cart');
    expect(summary.textContent).to.contain('added 2 ×');
  });
});
