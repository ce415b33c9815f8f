// The Vue 3 recipe (demo/frameworks/vue/ShopApp.ts) rendered against the reference store:
// runtime-compiled templates with `isCustomElement`, `@tote-*` listeners, and the app's own add
// button on the headless store updating Tote's cart button.
import { expect } from '@open-wc/testing';
import type { App } from 'vue';
import { createShop } from '../../src/index.js';
import { mountShopApp } from '../../demo/frameworks/vue/ShopApp.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';
import { exerciseShopApp } from './shop-app-steps.js';

describe('Vue recipe', () => {
  let container: HTMLElement;
  let app: App | undefined;
  const warnings: unknown[][] = [];
  const warn = console.warn;

  beforeEach(async () => {
    await freshStore();
    await createShop({ publicKey: DEMO_KEY, apiBase: API_BASE }).cart.startOver(); // no lines from earlier tests
    container = document.createElement('div');
    document.body.append(container);
    warnings.length = 0;
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
      warn(...args);
    };
  });

  afterEach(() => {
    console.warn = warn;
    app?.unmount();
    container.remove();
  });

  it("renders the grid, and the custom add button and the buy button fill Tote's cart and fire the app's handlers", async () => {
    const tracked: [string, unknown][] = [];
    app = mountShopApp(container, {
      publicKey: DEMO_KEY,
      apiBase: API_BASE,
      onTrack: (name, detail) => tracked.push([name, detail]),
    });

    const store = container.querySelector('tote-store')!;
    expect(store, 'isCustomElement left the tag to the browser').to.be.instanceOf(customElements.get('tote-store')!);
    expect(store.getAttribute('public-key')).to.equal(DEMO_KEY);
    await exerciseShopApp(container, tracked, '@tote-');
    // Vue warns when it cannot resolve a component: isCustomElement must cover every tote- tag.
    expect(warnings.filter((args) => String(args[0]).includes('Failed to resolve component'))).to.deep.equal([]);
  });
});
