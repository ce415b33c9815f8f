// How a <tote-store> hands its shop to the elements inside it (src/context/shop-context.ts): the
// community context protocol, through shadow roots, nearest store first, and understood by
// @lit/context's own ContextConsumer (a page's own Lit element may ask for `shopContext`).
import { ContextConsumer } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ShopController, ToteStore, shopContext } from '../../src/index.js';
import '../../src/define.js';

class ShopReader extends LitElement {
  shop = new ShopController(this);
}
customElements.define('shop-reader', ShopReader);

class LitContextReader extends LitElement {
  consumer = new ContextConsumer(this, { context: shopContext, subscribe: true });
}
customElements.define('lit-context-reader', LitContextReader);

/** An element in a shadow root inside `host`, to prove the request crosses it. */
function inShadow(host: HTMLElement, tag: string): HTMLElement {
  const root = host.attachShadow({ mode: 'open' });
  const el = document.createElement(tag);
  root.append(el);
  return el;
}

describe('shop context', () => {
  it('reaches an element inside a shadow root, and follows the store when its key changes', async () => {
    const store = await fixture<ToteStore>(html`<tote-store public-key="pk_test_one"><div></div></tote-store>`);
    const reader = inShadow(store.querySelector('div')!, 'shop-reader') as ShopReader;
    expect(reader.shop.shop?.publicKey).to.equal('pk_test_one');
    store.publicKey = 'pk_test_two';
    await store.updateComplete;
    expect(reader.shop.shop?.publicKey).to.equal('pk_test_two');
  });

  it('takes the nearest store, also one that appears later around the element', async () => {
    const outer = await fixture<ToteStore>(
      html`<tote-store public-key="pk_test_outer"><section><shop-reader></shop-reader></section></tote-store>`,
    );
    const reader = outer.querySelector<ShopReader>('shop-reader')!;
    expect(reader.shop.shop?.publicKey).to.equal('pk_test_outer');
    const inner = document.createElement('tote-store') as ToteStore;
    inner.publicKey = 'pk_test_inner';
    const section = outer.querySelector('section')!;
    section.append(inner);
    inner.append(reader); // moved: asks again, the inner store answers
    await inner.updateComplete;
    expect(reader.shop.shop?.publicKey).to.equal('pk_test_inner');
    // The outer store no longer reaches it.
    outer.publicKey = 'pk_test_outer_2';
    await outer.updateComplete;
    expect(reader.shop.shop?.publicKey).to.equal('pk_test_inner');
  });

  it('hands its elements over to a store inside it that upgrades later', async () => {
    const outer = await fixture<ToteStore>(html`<tote-store public-key="pk_test_outer">
      <late-store public-key="pk_test_late"><shop-reader></shop-reader></late-store>
    </tote-store>`);
    const reader = outer.querySelector<ShopReader>('shop-reader')!;
    expect(reader.shop.shop?.publicKey, 'before <late-store> is defined').to.equal('pk_test_outer');
    customElements.define('late-store', class extends ToteStore {});
    await outer.querySelector<ToteStore>('late-store')!.updateComplete;
    expect(reader.shop.shop?.publicKey).to.equal('pk_test_late');
    outer.publicKey = 'pk_test_outer_2';
    await outer.updateComplete;
    expect(reader.shop.shop?.publicKey, 'the outer store let go of it').to.equal('pk_test_late');
  });

  it('answers @lit/context consumers too', async () => {
    const store = await fixture<ToteStore>(
      html`<tote-store public-key="pk_test_lit"><lit-context-reader></lit-context-reader></tote-store>`,
    );
    const reader = store.querySelector<LitContextReader>('lit-context-reader')!;
    expect(reader.consumer.value?.publicKey).to.equal('pk_test_lit');
    store.publicKey = 'pk_test_lit_2';
    await store.updateComplete;
    expect(reader.consumer.value?.publicKey).to.equal('pk_test_lit_2');
  });
});
