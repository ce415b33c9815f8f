// The order a tab waits on across the trip to a payment page (src/store/checkout/pending-order.ts), and
// what a crafted return link may and may not change about it: a link counts only for an order this
// browser placed (src/store/checkout/placed-orders.ts), as a link cannot plant a cart.
import { expect } from '@open-wc/testing';
import {
  clearPendingOrder,
  isReturnFromPayment,
  readPendingOrder,
  writePendingOrder,
} from '../../../src/store/checkout/pending-order.js';

const KEY = 'pk_test_tote_demo';

describe('pending order and the return link', () => {
  const start = location.pathname + location.search + location.hash;
  afterEach(() => {
    sessionStorage.clear();
    localStorage.removeItem('tote:placed-order');
    history.replaceState(history.state, '', start);
  });
  const land = (hash: string) =>
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${hash}`);

  it("a link naming another order is ignored and taken off the address bar: this tab's own order stays, not marked cancelled", () => {
    writePendingOrder(KEY, { orderId: 'ord_mine', orderNumber: 'TOTE-1001' });
    land('tote-payment=cancel&order=ord_theirs');
    expect(readPendingOrder(KEY)).to.deep.equal({ orderId: 'ord_mine', orderNumber: 'TOTE-1001' });
    expect(location.hash).to.equal('');
    land('tote-payment=cancel&order=ord_mine');
    expect(readPendingOrder(KEY)).to.deep.equal({ orderId: 'ord_mine', orderNumber: 'TOTE-1001', via: 'cancel' });
  });

  it("someone else's order in a link pins nothing to a tab with no order of its own", () => {
    land('tote-payment=return&order=ord_123');
    expect(isReturnFromPayment()).to.equal(false);
    expect(readPendingOrder(KEY)).to.equal(null);
    expect(location.hash, 'the link is removed from the address bar').to.equal('');
    expect(sessionStorage.length).to.equal(0);
  });

  it("an order this browser placed counts when the tab lost its storage (the gateway came back in another tab); ids with '..' or '/' never", () => {
    writePendingOrder(KEY, { orderId: 'ord_123', orderNumber: 'TOTE-1002' });
    sessionStorage.clear();
    land('tote-payment=return&order=ord_123');
    expect(isReturnFromPayment()).to.equal(true);
    expect(readPendingOrder(KEY)).to.deep.equal({ orderId: 'ord_123', orderNumber: '', via: 'return' });
    for (const bad of ['..', '.', 'a/b', 'ord.1', '']) {
      land(`tote-payment=return&order=${encodeURIComponent(bad)}`);
      expect(readPendingOrder(KEY), bad).to.equal(null);
    }
  });

  it('keeps the shopper’s notes for the way back, as text only and of bounded length', () => {
    writePendingOrder(KEY, { orderId: 'ord_n', orderNumber: 'TOTE-1010', notes: 'Ring twice' });
    land('tote-payment=cancel&order=ord_n');
    expect(readPendingOrder(KEY)).to.deep.equal({
      orderId: 'ord_n',
      orderNumber: 'TOTE-1010',
      via: 'cancel',
      notes: 'Ring twice',
    });
    // Another script's record: notes that are not text are dropped, an absurd length is cut.
    const key = `tote:pending-order:${KEY}`;
    sessionStorage.setItem(key, JSON.stringify({ orderId: 'ord_n', orderNumber: 'TOTE-1010', notes: { evil: true } }));
    expect(readPendingOrder(KEY)).to.deep.equal({ orderId: 'ord_n', orderNumber: 'TOTE-1010', via: 'cancel' });
    sessionStorage.setItem(
      key,
      JSON.stringify({ orderId: 'ord_n', orderNumber: 'TOTE-1010', notes: 'x'.repeat(50_000) }),
    );
    expect(readPendingOrder(KEY)!.notes).to.have.length(2000);
  });

  it('once settled, the order counts no more: an old return link in the history is only a page', () => {
    writePendingOrder(KEY, { orderId: 'ord_9', orderNumber: 'TOTE-1009' });
    clearPendingOrder(KEY);
    land('tote-payment=return&order=ord_9');
    expect(isReturnFromPayment()).to.equal(false);
    expect(readPendingOrder(KEY)).to.equal(null);
  });

  it('a stored record of the wrong shape is no order, and neither is a planted placed order', () => {
    sessionStorage.setItem(`tote:pending-order:${KEY}`, JSON.stringify({ orderId: '../pay', orderNumber: 'x' }));
    expect(readPendingOrder(KEY)).to.equal(null);
    sessionStorage.setItem(`tote:pending-order:${KEY}`, JSON.stringify({ orderId: 42 }));
    expect(readPendingOrder(KEY)).to.equal(null);
    const planted: [string, unknown][] = [
      ['..', Date.now()],
      ['ord_old', 0],
      ['ord_x', 'now'],
      ['ord_y', {}],
    ];
    for (const [id, at] of planted) {
      localStorage.setItem('tote:placed-order', JSON.stringify([id, at]));
      land(`tote-payment=return&order=${encodeURIComponent(id)}`);
      expect(readPendingOrder(KEY), id).to.equal(null);
    }
    for (const junk of ['{not json', '{"ord_1": 1}', '"ord_1"', '42']) {
      localStorage.setItem('tote:placed-order', junk);
      land('tote-payment=return&order=ord_1');
      expect(readPendingOrder(KEY), junk).to.equal(null);
    }
  });
});
