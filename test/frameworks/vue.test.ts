// The Vue 3 recipe (demo/frameworks/vue/ShopApp.ts) rendered against the reference store:
// runtime-compiled templates with `isCustomElement`, `@tote-*` listeners, and the app's own add
// button on the headless store updating Tote's cart button.
import { expect, waitUntil } from '@open-wc/testing';
import type { App } from 'vue';
import { createStore } from '../../src/index.js';
import { mountShopApp } from '../../demo/frameworks/vue/ShopApp.js';
import { API_BASE, DEMO_KEY, freshStore } from '../helpers/reference-store.js';

const shadow = (el: Element | null) => el!.shadowRoot!;
const wait = (check: () => unknown, message: string) => waitUntil(check, message, { timeout: 8000 });

describe('Vue recipe', () => {
  let container: HTMLElement;
  let app: App | undefined;
  const warnings: unknown[][] = [];
  const warn = console.warn;

  beforeEach(async () => {
    await freshStore();
    await createStore({ publicKey: DEMO_KEY, apiBase: API_BASE }).cart.startOver(); // no lines from earlier tests
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
    app = mountShopApp(container, { publicKey: DEMO_KEY, apiBase: API_BASE, onTrack: (name, detail) => tracked.push([name, detail]) });

    const store = container.querySelector('tote-store')!;
    expect(store, 'isCustomElement left the tag to the browser').to.be.instanceOf(customElements.get('tote-store')!);
    expect(store.getAttribute('public-key')).to.equal(DEMO_KEY);
    const grid = container.querySelector('tote-products')!;
    await wait(() => shadow(grid).querySelectorAll('.card[data-index]').length === 8, 'eight product cards (per-page="8")');

    const quickAdd = container.querySelector<HTMLButtonElement>('button.quick-add')!;
    await wait(() => !quickAdd.disabled, 'the quick-add button has its product');
    expect(quickAdd.textContent).to.contain('Quick add: Gift Card');
    quickAdd.click();
    const count = () => shadow(container.querySelector('tote-cart-toggle')).querySelector('[part="count"]')?.textContent;
    await wait(() => count() === '1', "Tote's cart button counts the line");
    await wait(() => quickAdd.textContent!.includes('(1 in cart)'), 'the app re-renders from the store subscription');
    const summary = container.querySelector('[data-testid="cart-summary"]')!;
    await wait(() => summary.textContent!.trim().startsWith('1 in your cart'), '@tote-cart-change ran');

    const buy = container.querySelector('tote-buy-button')!;
    await wait(() => shadow(buy)?.querySelector('button[aria-disabled="false"]'), 'the buy button is ready');
    shadow(buy).querySelector<HTMLButtonElement>('button')!.click();
    await wait(() => tracked.some(([name]) => name === 'tote-add'), '@tote-add ran (emitted as "track")');
    const [, detail] = tracked.find(([name]) => name === 'tote-add')!;
    expect(detail).to.include({ quantity: 2 });
    await wait(() => count() === '3', 'two more in the cart');
    expect(summary.textContent).to.contain('added 2 ×');
    // Vue warns when it cannot resolve a component: isCustomElement must cover every tote- tag.
    expect(warnings.filter((args) => String(args[0]).includes('Failed to resolve component'))).to.deep.equal([]);
  });
});
