import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CartEngine } from '../../src/store/cart.js';
import { openStorage } from '../../src/store/storage.js';
import { CartToken } from '../../src/store/token.js';
import { fakeCartApi, type Fault } from './fake-cart-api.js';

type Operation = { kind: 'add' | 'set'; variant: string; n: number; pauseMs: number };

const operation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constantFrom('add' as const, 'set' as const),
  variant: fc.constantFrom('a', 'b', 'c'),
  n: fc.integer({ min: 0, max: 5 }),
  pauseMs: fc.constantFrom(0, 0, 1, 5, 30),
});
const fault: fc.Arbitrary<Fault> = fc.constantFrom<Fault>(null, null, 'lost', 'network', '5xx');

/** What the shopper asked for: the fold of their operations over the starting cart. */
function fold(start: Record<string, number>, operations: Operation[]): Record<string, number> {
  const cart = { ...start };
  for (const { kind, variant, n } of operations) cart[variant] = kind === 'add' ? (cart[variant] ?? 0) + n : n;
  return Object.fromEntries(Object.entries(cart).filter(([, quantity]) => quantity > 0));
}

describe('CartEngine property: the server ends at the fold of the shopper\'s operations', () => {
  it('holds for random operations under random lost answers, network errors and 5xx', async function () {
    this.timeout(60_000);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), fc.array(fault, { maxLength: 30 }), async (operations, faults) => {
        runs += 1;
        const fake = fakeCartApi();
        fake.setServer('a', 2);
        const ns = `pk_test_prop_${runs}_${Math.random().toString(36).slice(2)}`;
        const storage = await openStorage(ns);
        const engine = new CartEngine({ api: fake.api, token: new CartToken(storage), storage, namespace: ns, settleMs: 5, retryMs: 2, retryCapMs: 8 });
        try {
          await engine.start();
          fake.fail(...faults);
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
        } finally {
          await engine.dispose();
        }
      }),
      { numRuns: 60, seed: 20261122 },
    );
    expect(runs).to.be.at.least(60);
  });
});
