// The writer's outage (src/store/outage.ts) on fake timers: the probe's jittered backoff, one probe
// at a time, recovery; then the writer around it: the probe is the only request during an outage,
// and coming back online ends the outage at once.
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, type ApiClient, type Cart } from '../../../src/api/index.js';
import { emptyLedger, record, type Ledger } from '../../../src/store/ledger.js';
import { Outage, probeDelay } from '../../../src/store/outage.js';
import { memoryStorage } from '../../../src/store/storage.js';
import { CartWriter, type WriterHost } from '../../../src/store/writer.js';

const BASE = 1000;
const CAP = 8000;

/** An outage on fake timers, counting its probes. */
function outage(random: () => number) {
  let probes = 0;
  const subject = new Outage({ retryMs: BASE, retryCapMs: CAP, random, onProbe: () => (probes += 1) });
  return { subject, probes: () => probes };
}

describe('Outage: one probe at a time, with jittered backoff', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('keeps every probe delay within [0, min(cap, base · 2^(n−1))]', () => {
    for (let failures = 1; failures <= 12; failures += 1) {
      const ceiling = Math.min(CAP, BASE * 2 ** (failures - 1));
      for (const draw of [0, 0.25, 0.5, 0.999_999]) {
        const delay = probeDelay(failures, BASE, CAP, () => draw);
        assert.ok(
          delay >= 0 && delay <= ceiling,
          `${failures} failures, random ${draw}: ${delay} ms is outside [0, ${ceiling}]`,
        );
      }
    }
  });

  it('draws the delay from the upper half of the ceiling: 1 s doubling to the 8 s cap', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 9].map((failures) => probeDelay(failures, BASE, CAP, () => 0)),
      [500, 1000, 2000, 4000, 4000, 4000],
    );
    assert.equal(
      probeDelay(3, BASE, CAP, () => 0.5),
      3000,
    );
    assert.ok(probeDelay(3, BASE, CAP, () => 0.999_999) < 4000);
  });

  it('sends the probe after exactly the drawn delay, and the failures in a row stretch it', () => {
    const { subject, probes } = outage(() => 0.5);
    assert.equal(subject.active, false);
    assert.equal(subject.open, true, 'no outage: every line may go');
    subject.failed();
    assert.equal(subject.active, true);
    assert.equal(subject.open, false, 'an outage: lines wait for the probe');
    mock.timers.tick(749);
    assert.equal(probes(), 0);
    mock.timers.tick(1);
    assert.equal(probes(), 1, 'probe after 0.75 · 1 s');
    assert.equal(subject.open, true, 'the probe is due: one line may go');
    subject.sending();
    assert.equal(subject.open, false, 'the line used the probe up');
    subject.failed(); // the probe failed too: 2 in a row
    mock.timers.tick(1499);
    assert.equal(probes(), 1);
    mock.timers.tick(1);
    assert.equal(probes(), 2, 'probe after 0.75 · 2 s');
  });

  it('never has two probes on the way, however many lines fail at once', () => {
    const { subject, probes } = outage(() => 0);
    subject.failed();
    subject.failed();
    subject.failed();
    subject.sent();
    subject.sent();
    mock.timers.tick(60_000);
    assert.equal(probes(), 1, 'one probe, not one per failure');
    subject.sent(); // the probe is still due (no line took it): no second one is scheduled
    mock.timers.tick(60_000);
    assert.equal(probes(), 1);
  });

  it('has a probe to come after a send that used the probe and needed no request', () => {
    const { subject, probes } = outage(() => 0);
    subject.failed();
    mock.timers.tick(500);
    assert.equal(probes(), 1);
    subject.sending();
    subject.sent(); // the line was already done: no answer from the server, no failure either
    mock.timers.tick(499);
    assert.equal(probes(), 1);
    mock.timers.tick(1);
    assert.equal(probes(), 2);
  });

  it('schedules nothing outside an outage', () => {
    const { subject, probes } = outage(() => 0);
    subject.sending();
    subject.sent();
    mock.timers.tick(60_000);
    assert.equal(probes(), 0);
    assert.equal(subject.over(), false, 'no outage to end');
  });

  it('ends when the server answers: the probe to come is cancelled and the backoff starts again from the base', () => {
    const { subject, probes } = outage(() => 0);
    subject.failed();
    subject.failed();
    subject.failed();
    assert.equal(subject.over(), true);
    assert.equal(subject.active, false);
    assert.equal(subject.open, true);
    mock.timers.tick(60_000);
    assert.equal(probes(), 0, 'no probe after the outage ended');
    subject.failed();
    mock.timers.tick(499);
    assert.equal(probes(), 0);
    mock.timers.tick(1);
    assert.equal(probes(), 1, 'a new outage starts at half of the base again');
  });

  it('sends no probe once disposed', () => {
    const { subject, probes } = outage(() => 0);
    subject.failed();
    subject.dispose();
    mock.timers.tick(60_000);
    assert.equal(probes(), 0);
  });
});

/** A server cart with these lines (only what the writer and the ledger read). */
const serverCart = (lines: Record<string, number>, version: number): Cart =>
  ({
    id: 'cart_1',
    items: Object.entries(lines).map(([variantId, quantity]) => ({ id: `item_${variantId}`, variantId, quantity })),
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, version)).toISOString(),
  }) as unknown as Cart;

/** A writer alone in its tab (memory storage: the writer at once), with one wish for two of `a`. */
function lonelyWriter(failures: number) {
  const calls: string[] = [];
  let lines: Record<string, number> = {};
  let version = 0;
  let failing = failures;
  const api = {
    cart: async () => (calls.push('GET /cart'), serverCart(lines, ++version)),
    addItem: async (item: { variantId: string; quantity: number }) => {
      calls.push('POST /cart/items');
      if (failing > 0) {
        failing -= 1;
        throw new ApiError(0, 'NETWORK', 'offline');
      }
      lines = { ...lines, [item.variantId]: item.quantity };
      return serverCart(lines, ++version);
    },
    updateItem: async () => {
      throw new Error('no line exists in this test');
    },
  } as unknown as ApiClient;
  let ledger: Ledger = {
    ...emptyLedger('token_1'),
    wishes: { a: { quantity: 2, base: 0, requestId: 'request_a', display: null } },
  };
  let server: Cart | null = null;
  const tab: { writer?: CartWriter } = {}; // the writer sends from its constructor already
  const host: WriterHost = {
    options: {
      api,
      storage: memoryStorage(),
      namespace: 'pk_test_outage',
      settleMs: 100,
      retryMs: 60_000,
      retryCapMs: 60_000,
    },
    tab: 'tab_1',
    get ledger() {
      return ledger;
    },
    get server() {
      return server;
    },
    live: true,
    online: true,
    // As the engine does: every change of the ledger is shown to the writer.
    update: async (change) => {
      ledger = change(ledger);
      tab.writer?.onLedger();
    },
    adopt: async (cart) => {
      server = cart;
      ledger = record(ledger, cart);
    },
    moveTo: async () => {
      throw new Error('no converted cart in this test');
    },
  };
  tab.writer = new CartWriter(host);
  return { writer: tab.writer, calls, ledger: () => ledger, lines: () => lines };
}

/** Lets every promise that can settle now settle (setImmediate is not faked). */
const settle = async () => {
  for (let round = 0; round < 20; round += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('CartWriter through an outage', () => {
  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.UTC(2026, 0, 1) });
    mock.method(Math, 'random', () => 0.5); // the probe after 0.75 · 60 s
  });
  afterEach(() => {
    mock.timers.reset();
    mock.restoreAll();
  });

  it('sends nothing but the probe during an outage, and the line once the probe gets through', async () => {
    const { writer, calls, ledger, lines } = lonelyWriter(1);
    await settle();
    assert.deepEqual(calls, ['POST /cart/items']);
    assert.equal(ledger().wishes.a?.queued, true, 'the line waits, queued');
    mock.timers.tick(44_999);
    await settle();
    assert.deepEqual(calls, ['POST /cart/items'], 'no retry before the probe');
    mock.timers.tick(1);
    await settle();
    // The lost POST may have landed: the cart is read first, then the same POST goes again.
    assert.deepEqual(calls, ['POST /cart/items', 'GET /cart', 'POST /cart/items']);
    assert.deepEqual(lines(), { a: 2 });
    assert.deepEqual(ledger().wishes, {});
    await writer.dispose();
  });

  it('ends the outage when the tab comes back online: the queued line goes at once, not at the probe', async () => {
    const { writer, calls, ledger, lines } = lonelyWriter(1);
    await settle();
    assert.deepEqual(calls, ['POST /cart/items']);
    mock.timers.tick(1000);
    writer.wake(); // the engine's `online` event
    await settle();
    assert.deepEqual(calls, ['POST /cart/items', 'GET /cart', 'POST /cart/items']);
    assert.deepEqual(lines(), { a: 2 });
    assert.deepEqual(ledger().wishes, {}, 'done, unqueued');
    mock.timers.tick(120_000);
    await settle();
    assert.equal(calls.length, 3, 'no probe left over from the outage');
    await writer.dispose();
  });
});
