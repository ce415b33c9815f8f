import { expect } from '@open-wc/testing';
import { defineElement } from '../src/index.js';

describe('defineElement', () => {
  it('registers a tag once and ignores a second definition instead of throwing', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement('tote-test-define-once', First);
    expect(() => defineElement('tote-test-define-once', Second)).not.to.throw();
    expect(customElements.get('tote-test-define-once')).to.equal(First);
  });
});
