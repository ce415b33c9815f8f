// The React 19 recipe (demo/frameworks/react/ShopApp.tsx) rendered against the reference store:
// Tote's elements inside a React tree, `ontote-*` event props, and the app's own add button on the
// headless store updating Tote's cart button.
import { expect } from '@open-wc/testing';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { createShop } from '../../src/index.js';
import { ShopApp } from '../../demo/frameworks/react/ShopApp.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';
import { exerciseShopApp } from './shop-app-steps.js';

describe('React recipe', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(async () => {
    await freshStore();
    await createShop({ publicKey: DEMO_KEY, apiBase: API_BASE }).cart.startOver(); // no lines from earlier tests
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it("renders the grid, and the custom add button and the buy button fill Tote's cart and fire the app's handlers", async () => {
    const tracked: [string, unknown][] = [];
    flushSync(() =>
      root.render(
        <ShopApp publicKey={DEMO_KEY} apiBase={API_BASE} onTrack={(name, detail) => tracked.push([name, detail])} />,
      ),
    );

    // Attributes reach the elements in their HTML spelling.
    const store = container.querySelector('tote-store')!;
    expect(store.getAttribute('public-key')).to.equal(DEMO_KEY);
    await exerciseShopApp(container, tracked, 'ontote-');
  });
});
