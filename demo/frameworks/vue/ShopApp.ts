// Tote in a Vue 3 app — the recipe of docs/recipes.md, rendered by test/frameworks/vue.test.ts
// against the reference store and type-checked by `npm run typecheck`.
//
// The templates are strings compiled in the browser, so this file needs no SFC compiler; it needs
// Vue's full build (`vue/dist/vue.esm-bundler.js`, which the test runner serves for `vue`). In an
// app with single-file components the templates read the same, and `isCustomElement` goes into the
// Vue plugin's `template.compilerOptions` instead (see docs/recipes.md).
//
// In an app installed from npm the imports read:
//   import 'tote-storefront/define';
//   import { createShop, type AddDetail, … } from 'tote-storefront';
//   import type {} from 'tote-storefront/vue';      // template types for the tags (Volar / vue-tsc)
import { computed, createApp, defineComponent, onBeforeUnmount, onMounted, ref, shallowRef, type App } from 'vue';
import '../../../src/define.js';
import {
  createShop,
  type AddDetail,
  type CartChangeDetail,
  type OrderCompleteDetail,
  type Product,
  type ToteEventMap,
} from '../../../src/index.js';
import type {} from '../../../src/jsx/vue.js';

/** The app's own add-to-cart button on the headless store (the shop `<tote-store>` uses too). */
export const QuickAdd = defineComponent({
  name: 'QuickAdd',
  props: {
    publicKey: { type: String, required: true },
    apiBase: { type: String, default: undefined },
    product: { type: String, required: true },
  },
  setup(props) {
    const shop = createShop({ publicKey: props.publicKey, apiBase: props.apiBase });
    const product = shallowRef<Product | null>(null);
    const itemCount = ref(0);
    const controller = new AbortController();
    let unsubscribe = (): void => {};

    onMounted(() => {
      void shop.cart.start(); // reads the stored cart; idempotent, the elements call it too
      unsubscribe = shop.cart.subscribe((state) => (itemCount.value = state.itemCount));
      shop.catalog.product(props.product, controller.signal).then(
        (found) => (product.value = found),
        (error: unknown) => controller.signal.aborted || console.error(error),
      );
    });
    onBeforeUnmount(() => {
      unsubscribe();
      controller.abort();
    });

    const variant = computed(
      () => product.value?.variants.find((candidate) => candidate.isDefault) ?? product.value?.variants[0],
    );
    // add() shows the line at once and confirms it with the server (await shop.cart.settled()).
    const add = () => variant.value && shop.cart.add(variant.value.id, 1);
    return { product, itemCount, variant, add };
  },
  template: `
    <button type="button" class="quick-add" :disabled="!variant" @click="add">
      {{ product ? 'Quick add: ' + product.name : 'Loading…' }} ({{ itemCount }} in cart)
    </button>`,
});

/**
 * A shop page: Tote's grid, cart button and cart drawer, a Tote buy button, and the app's own add
 * button. Attributes keep their HTML spelling (`:public-key`); `@tote-add` listens for `tote-add`.
 * Events bubble out of every element, so the listeners on `<tote-store>` hear them all.
 */
export const ShopApp = defineComponent({
  name: 'ShopApp',
  components: { QuickAdd },
  props: {
    publicKey: { type: String, required: true },
    apiBase: { type: String, default: undefined },
    featured: { type: String, default: 'gift-card' },
  },
  emits: {
    /** Analytics hook: every Tote event the app hears, by name. */
    track: (_name: string, _detail: unknown) => true,
  },
  setup(_props, { emit }) {
    const lastAdded = ref<AddDetail | null>(null);
    const cart = ref<CartChangeDetail | null>(null);
    const order = ref<OrderCompleteDetail | null>(null);
    return {
      lastAdded,
      cart,
      order,
      onAdd(event: ToteEventMap['tote-add']) {
        lastAdded.value = event.detail;
        emit('track', 'tote-add', event.detail);
      },
      onCartChange(event: ToteEventMap['tote-cart-change']) {
        cart.value = event.detail;
      },
      onOrderComplete(event: ToteEventMap['tote-order-complete']) {
        order.value = event.detail;
        emit('track', 'tote-order-complete', event.detail);
      },
      onSelect(event: ToteEventMap['tote-product-select']) {
        emit('track', 'tote-product-select', { productId: event.detail.product.id });
      },
    };
  },
  template: `
    <tote-store :public-key="publicKey" :api-base="apiBase"
        @tote-add="onAdd" @tote-cart-change="onCartChange" @tote-order-complete="onOrderComplete">
      <header class="shop-header">
        <h1>Tote Supply Co.</h1>
        <quick-add :public-key="publicKey" :api-base="apiBase" :product="featured" />
        <tote-buy-button :product="featured" quantity="2">Buy two</tote-buy-button>
        <tote-cart-toggle></tote-cart-toggle>
      </header>
      <p role="status" data-testid="cart-summary">
        {{ cart ? cart.itemCount + ' in your cart' : 'Your cart' }}{{ lastAdded ? ' · added ' + lastAdded.quantity + ' × ' + lastAdded.variantId : '' }}
      </p>
      <p v-if="order" data-testid="thanks">Thank you! Order {{ order.orderNumber }} is placed.</p>
      <tote-products per-page="8" controls="search sort" @tote-product-select="onSelect"></tote-products>
      <tote-cart open-on-add="false"></tote-cart>
    </tote-store>`,
});

export interface ShopAppOptions {
  publicKey: string;
  apiBase?: string;
  featured?: string;
  onTrack?: (name: string, detail: unknown) => void;
}

/** Mounts the app; Vue must leave `tote-*` tags to the browser rather than look for components. */
export function mountShopApp(target: Element, options: ShopAppOptions): App {
  const app = createApp(ShopApp, { ...options });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('tote-');
  app.mount(target);
  return app;
}
