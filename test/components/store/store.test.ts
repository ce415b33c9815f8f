import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { ToteStore } from '../../../src/index.js';
import '../../../src/define.js';

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

  describe('when the key is wrong', () => {
    afterEach(() => sinon.restore());

    it('shows a developer-facing message and logs an error when the key is missing', async () => {
      const consoleError = sinon.stub(console, 'error');
      const el = await fixture<ToteStore>(html`<tote-store><p>shop</p></tote-store>`);
      const message = el.shadowRoot!.querySelector('[part="config-error"]')!;
      expect(message.textContent).to.contain('public-key');
      expect(message.getAttribute('role')).to.equal('alert');
      expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
      expect(consoleError.calledOnce).to.equal(true);
      expect(el.shop).to.equal(undefined);
    });

    it('refuses a secret key with a rotate warning, never echoing the key, and sends nothing', async () => {
      sinon.stub(console, 'error');
      const fetchSpy = sinon.spy(window, 'fetch');
      const secret = 'sk_live_abcdefghijklmnopqrstuvwxyz1234';
      const el = await fixture<ToteStore>(html`<tote-store public-key=${secret}></tote-store>`);
      const text = el.shadowRoot!.querySelector('[part="config-error"]')!.textContent!;
      expect(text).to.match(/secret/i);
      expect(text).to.match(/rotate/i);
      expect(text).not.to.contain(secret);
      expect(text).not.to.contain('abcdefghijklmnop');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fetchSpy.called).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('recovers when a valid key is set afterwards', async () => {
      sinon.stub(console, 'error');
      const el = await fixture<ToteStore>(html`<tote-store public-key="nonsense"><p>shop</p></tote-store>`);
      expect(el.shadowRoot!.querySelector('[part="config-error"]')).to.exist;
      el.publicKey = 'pk_test_recovered';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="config-error"]')).to.equal(null);
      expect(el.shop?.publicKey).to.equal('pk_test_recovered');
    });
  });
});
