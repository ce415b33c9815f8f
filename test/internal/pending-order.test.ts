// The order a tab waits on across the trip to a payment page (src/internal/pending-order.ts), and
// what a crafted return link may and may not change about it.
import { expect } from '@open-wc/testing';
import { readPendingOrder, writePendingOrder } from '../../src/internal/pending-order.js';

const KEY = 'pk_test_tote_demo';

describe('pending order and the return link', () => {
  const start = location.pathname + location.search + location.hash;
  afterEach(() => {
    sessionStorage.clear();
    history.replaceState(history.state, '', start);
  });
  const land = (hash: string) => history.replaceState(history.state, '', `${location.pathname}${location.search}#${hash}`);

  it("a link naming another order does not replace this tab's own", () => {
    writePendingOrder(KEY, { orderId: 'ord_mine', orderNumber: 'TOTE-1001' });
    land('tote-payment=cancel&order=ord_theirs');
    expect(readPendingOrder(KEY)).to.deep.equal({ orderId: 'ord_mine', orderNumber: 'TOTE-1001', via: 'cancel' });
  });

  it("the link's order counts when this tab lost its storage, but only a well-formed id (no '..', no '/')", () => {
    land('tote-payment=return&order=ord_123');
    expect(readPendingOrder(KEY)).to.deep.equal({ orderId: 'ord_123', orderNumber: '', via: 'return' });
    for (const bad of ['..', 'a/b', 'ord.1', '']) {
      land(`tote-payment=return&order=${encodeURIComponent(bad)}`);
      expect(readPendingOrder(KEY), bad).to.equal(null);
    }
  });

  it('a stored record of the wrong shape is no order', () => {
    sessionStorage.setItem(`tote:pending-order:${KEY}`, JSON.stringify({ orderId: '../pay', orderNumber: 'x' }));
    expect(readPendingOrder(KEY)).to.equal(null);
    sessionStorage.setItem(`tote:pending-order:${KEY}`, JSON.stringify({ orderId: 42 }));
    expect(readPendingOrder(KEY)).to.equal(null);
  });
});
