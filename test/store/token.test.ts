import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { openStorage } from '../../src/store/storage.js';
import { CartToken } from '../../src/store/token.js';

const namespace = () => `pk_test_${Math.random().toString(36).slice(2)}`;

describe('storage', () => {
  afterEach(() => sinon.restore());

  it('uses IndexedDB when it works', async () => {
    const storage = await openStorage(namespace());
    expect(storage.kind).to.equal('indexeddb');
    await storage.set('a', { b: 1 });
    expect(await storage.get('a')).to.deep.equal({ b: 1 });
  });

  it('falls back to localStorage when IndexedDB throws', async () => {
    sinon.stub(indexedDB, 'open').throws(new DOMException('blocked', 'SecurityError'));
    const storage = await openStorage(namespace());
    expect(storage.kind).to.equal('localstorage');
    await storage.set('a', 'x');
    expect(await storage.get('a')).to.equal('x');
  });

  it('falls back to memory when IndexedDB and localStorage both fail', async () => {
    sinon.stub(indexedDB, 'open').throws(new DOMException('blocked', 'SecurityError'));
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
    const storage = await openStorage(namespace());
    expect(storage.kind).to.equal('memory');
    await storage.set('a', [1, 2]);
    expect(await storage.get('a')).to.deep.equal([1, 2]);
  });
});

describe('CartToken', () => {
  afterEach(() => sinon.restore());

  it('mints a nanoid once, keeps it, and shares it between concurrent callers', async () => {
    const ns = namespace();
    const token = new CartToken(await openStorage(ns));
    const [first, second] = await Promise.all([token.get(), token.get()]);
    expect(first).to.match(/^[\w-]{21}$/);
    expect(second).to.equal(first);
    // A new page (a new CartToken over the same storage) reads the same token.
    expect(await new CartToken(await openStorage(ns)).get()).to.equal(first);
  });

  it('gives two shops on one page two different tokens', async () => {
    const a = await new CartToken(await openStorage(namespace())).get();
    const b = await new CartToken(await openStorage(namespace())).get();
    expect(a).not.to.equal(b);
  });

  it('replaces a corrupted stored value instead of sending it', async () => {
    const ns = namespace();
    const storage = await openStorage(ns);
    for (const corrupt of ['', 'short', 'x'.repeat(200), 42, { token: 'abc' }, 'has spaces in it 123456']) {
      await storage.set('cartToken', corrupt);
      const token = await new CartToken(storage).get();
      expect(token).to.match(/^[\w-]{21}$/);
      expect(await storage.get('cartToken')).to.equal(token);
    }
  });

  it('rotates to a fresh token that the next page reads', async () => {
    const ns = namespace();
    const token = new CartToken(await openStorage(ns));
    const before = await token.get();
    const after = await token.rotate();
    expect(after).not.to.equal(before);
    expect(await token.get()).to.equal(after);
    expect(await new CartToken(await openStorage(ns)).get()).to.equal(after);
  });

  it('still works when storage rejects every call after the probe', async () => {
    const storage = await openStorage(namespace());
    sinon.stub(storage, 'get').rejects(new Error('evicted'));
    sinon.stub(storage, 'set').rejects(new Error('quota'));
    const token = new CartToken(storage);
    const value = await token.get();
    expect(value).to.match(/^[\w-]{21}$/);
    expect(await token.get()).to.equal(value);
  });
});
