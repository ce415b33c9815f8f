// A checkout that recovers (issue 15, "stuck shoppers"), end to end against the reference store:
// the answer to "Place order" lost after the store made the order — with the store's replay by
// request id, without it (the live API is not known to dedupe), and with no order named at all —
// and a return link naming an order this browser never placed.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { ToteCart, ToteStore } from '../../../src/index.js';
import { whenUsed } from '../../../src/dom/lazy-define.js';
import { freshStore } from '../../helpers/reference-store.js';
import {
  $,
  API,
  DEMO,
  fillCart,
  fillSteps,
  flowOf,
  handoffs,
  mountCheckout,
  payOnHostedPage,
  START_URL,
} from './checkout-fixture.js';

const realFetch = window.fetch;

/**
 * Takes over `POST /cart/checkout`: the request reaches the store, which makes the order, and the
 * first `lose` answers never reach the page (the connection died on the way back). Done here, not
 * with the store's `lost` fault: that one hits whichever request comes next, and the checkout's
 * own reads and the cart's saves would draw it too. `replay: false` stands for a server that does
 * not dedupe by request id; `namesOrder: false` for one whose `already_converted` names no order
 * (`orderId` is a reference-store extra).
 */
function checkoutAnswers(o: { lose: number; replay?: boolean; namesOrder?: boolean }) {
  const requestIds: string[] = [];
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (init?.method !== 'POST' || !url.pathname.endsWith('/cart/checkout')) return realFetch(input, init);
    const headers = { ...(init.headers as Record<string, string>) };
    requestIds.push(headers['X-Request-Id']!);
    if (o.replay === false) delete headers['X-Request-Id'];
    const response = await realFetch(input, { ...init, headers });
    if (o.lose-- > 0) {
      await response.text(); // the store finished its work
      throw new TypeError('Failed to fetch');
    }
    if (o.namesOrder === false && response.status === 409) {
      const { orderId: _named, ...body } = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(body), { status: 409, headers: response.headers });
    }
    return response;
  };
  return requestIds;
}

async function storeCounts(): Promise<{ orders: number; statusReads: number }> {
  const { data } = (await (await realFetch('/__control')).json()) as {
    data: { stores: { key: string; orders: number }[]; counters: { requests: Record<string, number> } };
  };
  return {
    orders: data.stores.find((s) => s.key === DEMO)!.orders,
    statusReads: data.counters.requests['GET /orders/{id}/status'] ?? 0,
  };
}

async function placeByCard() {
  const { shop } = await fillCart(['stoneware-mug']);
  const el = await mountCheckout();
  await fillSteps(el);
  $<HTMLInputElement>(el, '#f-terms').checked = true;
  $<HTMLFormElement>(el, '.current form').requestSubmit();
  return { shop, el };
}

describe('<tote-checkout> recovers', function () {
  this.timeout(40_000);

  beforeEach(async () => {
    handoffs.length = 0;
    history.replaceState(null, '', START_URL);
    sessionStorage.clear();
    localStorage.removeItem('tote:placed-order');
    await freshStore();
  });
  afterEach(() => {
    window.fetch = realFetch;
    history.replaceState(null, '', START_URL);
  });

  it('a lost answer to "Place order": the retry repeats its X-Request-Id, the store replays the order, one order is paid', async () => {
    const requestIds = checkoutAnswers({ lose: 1 });
    const { el } = await placeByCard();
    await waitUntil(() => handoffs.length === 1, `no hand-off: ${JSON.stringify(flowOf(el).state.note)}`, {
      timeout: 15_000,
    });
    expect(requestIds).to.have.length(2);
    expect(requestIds[1], 'the retry is the same job').to.equal(requestIds[0]);
    expect((await storeCounts()).orders).to.equal(1);
    // The order the replay named is paid as usual, and the return from the payment page is ours.
    await payOnHostedPage(el, handoffs[0]!, 'pay');
    fixtureCleanup();
    const back = await mountCheckout();
    await waitUntil(() => flowOf(back).state.phase === 'receipt', `no receipt: ${flowOf(back).state.phase}`, {
      timeout: 10_000,
    });
    expect(flowOf(back).state.receipt!.paymentStatus).to.equal('paid');
  });

  it('a store that does not replay answers already_converted: the order it names is paid, not placed again', async () => {
    checkoutAnswers({ lose: 1, replay: false });
    const { el } = await placeByCard();
    await waitUntil(() => handoffs.length === 1, `no hand-off: ${JSON.stringify(flowOf(el).state.note)}`, {
      timeout: 15_000,
    });
    expect(flowOf(el).state.order!.orderId).to.match(/^ord_/);
    expect((await storeCounts()).orders).to.equal(1);
  });

  it('an order nobody can name: a fresh cart, a kind word, and the next add lands in the new cart', async () => {
    checkoutAnswers({ lose: 1, replay: false, namesOrder: false });
    const { shop, el } = await placeByCard();
    const before = shop.cart.state.server!.id;
    await waitUntil(
      () => flowOf(el).state.phase === 'unavailable',
      `stuck: ${flowOf(el).state.phase} ${JSON.stringify(flowOf(el).state.note)}`,
      { timeout: 15_000 },
    );
    await el.updateComplete;
    expect(flowOf(el).state.note?.text).to.equal('checkout.order-lost');
    const notice = $(el, '.notice');
    expect(notice.textContent).to.contain('could not confirm your order').and.contain('new cart');
    expect(el.shadowRoot!.activeElement, 'the notice is read out first').to.equal(notice);
    await expect(el).to.be.accessible();
    await waitUntil(
      () => shop.cart.state.server && shop.cart.state.server.id !== before,
      'the converted cart is still the shopper’s',
    );
    expect(shop.cart.state.server!.items).to.have.length(0);
    const product = await shop.catalog.product('stoneware-mug');
    shop.cart.add(product.variants[0]!.id, 1);
    await shop.cart.settled();
    expect(shop.cart.state.lines.map((l) => [l.quantity, l.status])).to.deep.equal([[1, 'saved']]);
    expect(shop.cart.state.server!.items).to.have.length(1);
  });

  it('still no answer after the retries: the shopper is told, and an add from the shop then starts a fresh cart', async () => {
    const requestIds = checkoutAnswers({ lose: 3 });
    const { shop, el } = await placeByCard();
    const before = shop.cart.state.server!;
    await waitUntil(
      () => flowOf(el).state.note?.text === 'checkout.outcome-unknown',
      `no word: ${JSON.stringify(flowOf(el).state.note)}`,
      { timeout: 20_000 },
    );
    expect(new Set(requestIds).size, 'one job').to.equal(1);
    expect(flowOf(el).state.phase).to.equal('form');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    // The shopper leaves the checkout and adds one more mug: the old cart is an order now, so the
    // add goes into a new cart — just the mug added now, not the one already ordered.
    shop.cart.add(before.items[0]!.variantId, 1);
    await waitUntil(() => shop.cart.state.server?.id !== before.id, 'the add stayed on the checked-out cart', {
      timeout: 10_000,
    });
    await shop.cart.settled();
    expect(shop.cart.state.lines.map((l) => [l.variantId, l.quantity, l.status])).to.deep.equal([
      [before.items[0]!.variantId, 1, 'saved'],
    ]);
    expect((await storeCounts()).orders).to.equal(1);
  });

  describe("a return link naming an order this browser did not place (someone else's, or made up)", () => {
    const STRANGER = 'ord_someone_elses_42';

    it('is ignored and taken off the address bar: the checkout shows its own steps and places its own order', async () => {
      await fillCart(['stoneware-mug']);
      history.replaceState(null, '', `${location.pathname}${location.search}#tote-payment=cancel&order=${STRANGER}`);
      const el = await mountCheckout();
      expect(flowOf(el).state.phase).to.equal('form');
      expect(flowOf(el).state.order, 'not pinned to this checkout').to.equal(null);
      expect(flowOf(el).state.note).to.equal(null);
      expect(location.hash).to.equal('');
      expect(sessionStorage.length).to.equal(0);
      await fillSteps(el, 'bank');
      $<HTMLInputElement>(el, '#f-terms').checked = true;
      $<HTMLFormElement>(el, '.current form').requestSubmit();
      await waitUntil(
        () => flowOf(el).state.phase === 'receipt',
        `no receipt: ${JSON.stringify(flowOf(el).state.note)}`,
        { timeout: 5000 },
      );
      expect(flowOf(el).state.receipt!.id).to.not.equal(STRANGER);
      expect(flowOf(el).state.receipt!.orderNumber).to.match(/^TOTE-/);
    });

    it('is no payment return: no status read for it, and the cart drawer does not open for it', async () => {
      await fillCart(['stoneware-mug']);
      fixtureCleanup();
      history.replaceState(null, '', `${location.pathname}${location.search}#tote-payment=return&order=${STRANGER}`);
      const store = await fixture<ToteStore>(
        html`<tote-store public-key=${DEMO} api-base=${API}><tote-cart></tote-cart></tote-store>`,
      );
      await whenUsed('tote-cart');
      const cart = store.querySelector<ToteCart>('tote-cart')!;
      await whenUsed('tote-checkout'); // what the drawer waits for before it opens on a return
      await new Promise((resolve) => setTimeout(resolve, 100));
      await cart.updateComplete;
      expect(cart.open, 'a stranger link opens nothing').to.equal(false);
      fixtureCleanup();
      const el = await mountCheckout();
      expect(flowOf(el).state.phase).to.equal('form');
      expect(location.hash).to.equal('');
      expect((await storeCounts()).statusReads).to.equal(0);
    });
  });
});
