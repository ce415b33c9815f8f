import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CartEngine } from '../../src/store/cart.js';
import { openStorage } from '../../src/store/storage.js';
import { CartToken } from '../../src/store/token.js';
import { fakeCartApi, type Fault, type LoggedRequest } from './fake-cart-api.js';
import { waitUntil } from '../helpers/wait.js';
import { rememberCartToken } from '../helpers/returning-visitor.js';

type Operation = { kind: 'add' | 'set'; variant: string; n: number; pauseMs: number };

const operation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constantFrom('add' as const, 'set' as const),
  variant: fc.constantFrom('a', 'b', 'c'),
  n: fc.integer({ min: 0, max: 5 }),
  pauseMs: fc.constantFrom(0, 0, 1, 5, 30),
});
const fault: fc.Arbitrary<Fault> = fc.constantFrom<Fault>(null, null, 'lost', 'network', '5xx');

type FaultKind = Exclude<Fault, null | { refuse: string }>;

/**
 * The faults that reached the engine: the fake fails its next requests one fault each, in order, so
 * the first n faults of a run's list hit its n requests after they were armed. The property says
 * "under lost answers, network errors and 5xx": runs that met none of them (faults armed after the
 * work was done, an engine that sent nothing) would prove nothing. Read off the fake's request log,
 * so the engine's timing is exactly what it would be without the count.
 */
function faultCounter() {
  const total: Record<FaultKind, number> = { lost: 0, network: 0, '5xx': 0 };
  let runsWithFaults = 0;
  let runsWithResends = 0;
  return {
    total,
    get runsWithFaults() {
      return runsWithFaults;
    },
    /** Runs in which a change went out again under the same request id: the engine met a fault. */
    get runsWithResends() {
      return runsWithResends;
    },
    /** After a run: its fault list and the requests made once the faults were armed. */
    record(faults: Fault[], requests: LoggedRequest[]) {
      const met = faults.slice(0, requests.length).filter((f): f is FaultKind => typeof f === 'string');
      for (const kind of met) total[kind] += 1;
      if (met.length > 0) runsWithFaults += 1;
      const changes = requests.filter((r) => r.method !== 'GET' && r.requestId).map((r) => r.requestId);
      if (new Set(changes).size < changes.length) runsWithResends += 1;
    },
    /** The kinds of fault that never reached the engine. */
    missing: () => (Object.keys(total) as FaultKind[]).filter((kind) => total[kind] === 0),
  };
}

/** What the shopper asked for: the fold of their operations over the starting cart. */
function fold(start: Record<string, number>, operations: Operation[]): Record<string, number> {
  const cart = { ...start };
  for (const { kind, variant, n } of operations) cart[variant] = kind === 'add' ? (cart[variant] ?? 0) + n : n;
  return Object.fromEntries(Object.entries(cart).filter(([, quantity]) => quantity > 0));
}

describe("CartEngine property: the server ends at the fold of the shopper's operations", () => {
  it('holds for random operations under random lost answers, network errors and 5xx', async function () {
    this.timeout(60_000);
    const numRuns = 60;
    let runs = 0;
    let checked = 0; // runs that got as far as comparing both carts with the fold
    const faults = faultCounter();
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: 12 }),
        fc.array(fault, { maxLength: 30 }),
        async (operations, faultList) => {
          runs += 1;
          const fake = fakeCartApi();
          fake.setServer('a', 2);
          const ns = `pk_test_prop_${runs}_${Math.random().toString(36).slice(2)}`;
          const storage = await openStorage(ns);
          await rememberCartToken(storage); // the server has the visitor's cart (a: 2)
          const engine = new CartEngine({
            api: fake.api,
            token: new CartToken(storage),
            storage,
            namespace: ns,
            settleMs: 5,
            retryMs: 2,
            retryCapMs: 8,
          });
          try {
            await engine.start();
            fake.fail(...faultList);
            const armedAt = fake.log.length;
            for (const op of operations) {
              if (op.kind === 'add') engine.add(op.variant, op.n);
              else engine.setQuantity(op.variant, op.n);
              if (op.pauseMs) await new Promise((resolve) => setTimeout(resolve, op.pauseMs));
            }
            await engine.settled();
            const expected = fold({ a: 2 }, operations);
            expect(fake.quantities()).to.deep.equal(expected);
            const visible = Object.fromEntries(engine.state.lines.map((line) => [line.variantId, line.quantity]));
            expect(visible).to.deep.equal(expected);
            checked += 1;
            faults.record(faultList, fake.log.slice(armedAt));
          } finally {
            await engine.dispose();
          }
        },
      ),
      { numRuns, seed: 20261122 },
    );
    // fc.assert throws on a failing run; these say the passing runs were the ones promised.
    expect(checked, 'runs that compared the carts').to.equal(numRuns);
    expect(faults.missing(), 'kinds of fault the engine never met').to.deep.equal([]);
    expect(faults.runsWithFaults, 'runs in which at least one fault reached the engine').to.be.at.least(numRuns / 2);
    expect(faults.runsWithResends, 'runs in which the engine sent a change again after a fault').to.be.at.least(
      numRuns / 4,
    );
  });
});

type TabStep =
  | { kind: 'add' | 'set'; tab: number; variant: string; n: number; pauseMs: number }
  | { kind: 'reload' | 'close'; tab: number; pauseMs: number };

const tabStep: fc.Arbitrary<TabStep> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom('add' as const, 'add' as const, 'set' as const),
      tab: fc.nat(2),
      variant: fc.constantFrom('a', 'b', 'c'),
      n: fc.integer({ min: 0, max: 4 }),
      pauseMs: fc.constantFrom(0, 0, 2, 20),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('reload' as const, 'close' as const),
      tab: fc.nat(2),
      pauseMs: fc.constantFrom(0, 5),
    }),
  },
);

describe('CartEngine model: several tabs of one cart, every fault, reloads and closes (docs/cart-engine.md)', () => {
  it("the server ends at the fold of every tab's clicks, in the order they were made", async function () {
    this.timeout(120_000);
    const numRuns = 40;
    let runs = 0;
    let checked = 0; // runs that got as far as comparing the server and every tab with the fold
    const faults = faultCounter();
    await fc.assert(
      fc.asyncProperty(
        fc.array(tabStep, { minLength: 1, maxLength: 14 }),
        fc.array(fault, { maxLength: 30 }),
        async (steps, faultList) => {
          runs += 1;
          const fake = fakeCartApi();
          fake.setServer('a', 2);
          const ns = `pk_test_model_${runs}_${Math.random().toString(36).slice(2)}`;
          const open = async () => {
            const storage = await openStorage(ns);
            await rememberCartToken(storage); // the server has the visitor's cart (a: 2)
            const tab = new CartEngine({
              api: fake.api,
              token: new CartToken(storage),
              storage,
              namespace: ns,
              settleMs: 5,
              retryMs: 2,
              retryCapMs: 8,
            });
            await tab.start();
            return tab;
          };
          const tabs: (CartEngine | null)[] = [await open(), await open(), await open()];
          const clicks: Operation[] = [];
          try {
            fake.fail(...faultList);
            const armedAt = fake.log.length;
            for (const step of steps) {
              let tab = tabs[step.tab];
              if (step.kind === 'reload' || step.kind === 'close') {
                // A tab goes away mid-work (its clicks are in the ledger: stored() resolved after each);
                // a reload comes back as a new page, a close leaves the others to carry on.
                await tab?.dispose();
                tabs[step.tab] = step.kind === 'reload' || tabs.filter(Boolean).length === 1 ? await open() : null;
              } else {
                const click = step as Extract<TabStep, { variant: string }>;
                tab ??= tabs[step.tab] = await open();
                if (click.kind === 'add') tab.add(click.variant, click.n);
                else tab.setQuantity(click.variant, click.n);
                clicks.push({ ...click, pauseMs: 0 });
                await tab.stored(); // the click is in the shared ledger: the order of clicks is known
              }
              if (step.pauseMs) await new Promise((resolve) => setTimeout(resolve, step.pauseMs));
            }
            const alive = tabs.filter((tab): tab is CartEngine => tab !== null);
            await Promise.all(alive.map((tab) => tab.settled()));
            const expected = fold({ a: 2 }, clicks);
            expect(fake.quantities()).to.deep.equal(expected);
            for (const tab of alive) {
              const shown = () => JSON.stringify(tab.state.lines.map((line) => [line.variantId, line.quantity]).sort());
              await waitUntil(
                () => shown() === JSON.stringify(Object.entries(expected).sort()),
                "every tab shows the server's cart",
              );
            }
            checked += 1;
            faults.record(faultList, fake.log.slice(armedAt));
          } finally {
            await Promise.all(tabs.map((tab) => tab?.dispose()));
          }
        },
      ),
      { numRuns, seed: 20261201 },
    );
    expect(checked, 'runs that compared the carts').to.equal(numRuns);
    expect(faults.missing(), 'kinds of fault the engine never met').to.deep.equal([]);
    expect(faults.runsWithFaults, 'runs in which at least one fault reached the engine').to.be.at.least(numRuns / 2);
    expect(faults.runsWithResends, 'runs in which the engine sent a change again after a fault').to.be.at.least(
      numRuns / 4,
    );
  });
});
