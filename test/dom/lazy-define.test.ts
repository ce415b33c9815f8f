import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { lazyDefine, whenUsed } from '../../src/dom/lazy-define.js';

class LazyThing extends HTMLElement {}
class InnerThing extends HTMLElement {}

describe('lazyDefine', () => {
  it('loads nothing until the tag appears, then loads it once', async () => {
    let loads = 0;
    lazyDefine({
      'tote-test-lazy': async () => {
        loads += 1;
        customElements.define('tote-test-lazy', LazyThing);
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).to.equal(0);

    await fixture(html`<div><tote-test-lazy></tote-test-lazy><tote-test-lazy></tote-test-lazy></div>`);
    await customElements.whenDefined('tote-test-lazy');
    expect(loads).to.equal(1);
    expect(document.querySelector('tote-test-lazy')).to.be.instanceOf(LazyThing);
  });

  it('retries a loader that failed the next time the tag is used', async () => {
    let attempts = 0;
    const originalError = console.error;
    console.error = () => {};
    try {
      lazyDefine({
        'tote-test-flaky': async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('network down');
          customElements.define('tote-test-flaky', InnerThing);
        },
      });
      whenUsed('tote-test-flaky');
      await waitUntil(() => attempts === 1);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(customElements.get('tote-test-flaky')).to.equal(undefined);
      await whenUsed('tote-test-flaky');
      expect(attempts).to.equal(2);
    } finally {
      console.error = originalError;
    }
  });
});
