import { expect, fixture, html } from '@open-wc/testing';
import { ToteStore } from '../../src/index.js';
import '../../src/define.js';

describe('<tote-store>', () => {
  it('is registered under its tag and upgrades', async () => {
    const el = await fixture<ToteStore>(html`<tote-store public-key="pk_test_tote_demo"></tote-store>`);
    expect(el).to.be.instanceOf(ToteStore);
    expect(customElements.get('tote-store')).to.equal(ToteStore);
  });

  it('renders its light-DOM content through a slot', async () => {
    const el = await fixture<ToteStore>(html`
      <tote-store public-key="pk_test_tote_demo"><p id="inside">Hello shop</p></tote-store>
    `);
    const slot = el.shadowRoot!.querySelector('slot')!;
    const assigned = slot.assignedElements();
    expect(assigned).to.have.length(1);
    expect(assigned[0]!.id).to.equal('inside');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('maps its kebab-case attributes to properties', async () => {
    const el = await fixture<ToteStore>(html`
      <tote-store public-key="pk_test_x" api-base="http://127.0.0.1:1/v3" locale="pl-PL"></tote-store>
    `);
    expect(el.publicKey).to.equal('pk_test_x');
    expect(el.apiBase).to.equal('http://127.0.0.1:1/v3');
    expect(el.locale).to.equal('pl-PL');
  });

  it('passes an axe accessibility audit', async () => {
    const el = await fixture<ToteStore>(html`
      <tote-store public-key="pk_test_tote_demo"><button>Open cart</button></tote-store>
    `);
    await expect(el).to.be.accessible();
  });

  it('fails the axe audit for inaccessible content (the check is live)', async () => {
    const el = await fixture<ToteStore>(html`
      <tote-store public-key="pk_test_tote_demo"><button></button></tote-store>
    `);
    await expect(el).not.to.be.accessible();
  });
});
