import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Faults, corrupt, formatFaults, parseFaults } from '../../../demo/reference-store/faults';
import { DEMO, newToken, startStore, type Harness } from './helpers';

describe('parseFaults', () => {
  it('reads the TOTE_FAULTS syntax', () => {
    assert.deepEqual(parseFaults('latency=50-300,error5xx=0.1,drop=0.05,malformed=0.02,lost=0.05,sparse=0.5'), {
      latency: [50, 300],
      error5xx: 0.1,
      drop: 0.05,
      malformed: 0.02,
      lost: 0.05,
      sparse: 0.5,
    });
    assert.deepEqual(parseFaults('latency=20').latency, [20, 20]);
    assert.deepEqual(parseFaults(''), { latency: null, error5xx: 0, drop: 0, malformed: 0, lost: 0, sparse: 0 });
    assert.equal(formatFaults(parseFaults('drop=0.5, latency=1-2')), 'latency=1-2,drop=0.5');
    assert.equal(formatFaults(parseFaults('none')), null);
  });

  it('refuses bad settings with a message naming the problem', () => {
    assert.throws(() => parseFaults('boom=1'), /unknown fault "boom"/);
    assert.throws(() => parseFaults('drop=2'), /drop must be a probability/);
    assert.throws(() => parseFaults('drop=-0.1'), /probability/);
    assert.throws(() => parseFaults('latency=300-50'), /MAX below MIN/);
    assert.throws(() => parseFaults('latency=fast'), /latency must be/);
    assert.throws(() => parseFaults('drop'), /name=value/);
  });
});

describe('Faults (seeded)', () => {
  const config = parseFaults('latency=0-100,error5xx=0.2,drop=0.2,malformed=0.2,lost=0.2');
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const run = (seed: number) => {
      const faults = new Faults(seed, config);
      return Array.from({ length: 50 }, () => faults.plan());
    };
    assert.deepEqual(run(7), run(7));
    assert.notDeepEqual(run(7), run(8));
  });

  it('hits each configured rate roughly and never combines exclusive faults', () => {
    const faults = new Faults(1, config);
    const plans = Array.from({ length: 2000 }, () => faults.plan());
    const share = (pick: (p: (typeof plans)[number]) => boolean) => plans.filter(pick).length / plans.length;
    assert.ok(Math.abs(share((p) => p.drop) - 0.2) < 0.04);
    assert.ok(share((p) => p.errorStatus !== null) > 0.1);
    assert.ok(plans.every((p) => p.delayMs >= 0 && p.delayMs <= 100));
    assert.ok(plans.every((p) => [p.drop, p.errorStatus !== null, p.lost, p.malformed].filter(Boolean).length <= 1));
    assert.deepEqual(new Set(plans.map((p) => p.errorStatus).filter((s) => s !== null)), new Set([500, 502, 503]));
  });

  it('corrupts JSON into something JSON.parse refuses', () => {
    assert.throws(() => JSON.parse(corrupt(JSON.stringify({ data: { id: 'x', items: [1, 2, 3] } }))));
  });
});

describe('faults over HTTP', () => {
  let h: Harness;
  before(async () => {
    h = await startStore({ faults: 'error5xx=1', seed: 3 });
  });
  after(() => h.close());
  beforeEach(async () => {
    await h.control({ faults: null });
  });

  const addSpoon = (token: string) =>
    h.call('POST', '/cart/items', { token, body: { productId: 'olive-wood-spoon', quantity: 1 } });
  const itemCount = async (token: string) => (await h.call('GET', '/cart', { token })).json.data.itemCount;

  it('starts with the faults given at creation, and control can clear them', async () => {
    const fresh = await startStore({ faults: 'error5xx=1' });
    try {
      assert.ok([500, 502, 503].includes((await fresh.call('GET', '/products')).status));
      await fresh.control({ faults: null });
      assert.equal((await fresh.call('GET', '/products')).status, 200);
    } finally {
      await fresh.close();
    }
  });

  it('error5xx: answers 5xx in the error envelope without doing the work', async () => {
    const token = newToken();
    await h.control({ faults: 'error5xx=1' });
    const r = await addSpoon(token);
    assert.ok([500, 502, 503].includes(r.status), String(r.status));
    assert.equal(r.json.error.code, 'INTERNAL');
    if (r.status === 503) assert.equal(r.headers.get('retry-after'), '1');
    await h.control({ faults: null });
    assert.equal(await itemCount(token), 0);
  });

  it('drop: destroys the connection without doing the work', async () => {
    const token = newToken();
    await h.control({ faults: 'drop=1' });
    await assert.rejects(addSpoon(token));
    await h.control({ faults: null });
    assert.equal(await itemCount(token), 0);
  });

  it('lost: does the work, then destroys the connection', async () => {
    const token = newToken();
    await h.control({ faults: 'lost=1' });
    await assert.rejects(addSpoon(token));
    await h.control({ faults: null });
    assert.equal(await itemCount(token), 1);
  });

  it('malformed: does the work and sends a JSON body that does not parse', async () => {
    const token = newToken();
    await h.control({ faults: 'malformed=1' });
    const response = await fetch(`${h.url}/public/${DEMO}/cart/items`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO}`, 'X-Cart-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ productId: 'olive-wood-spoon', quantity: 1 }),
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    await assert.rejects(response.json());
    await h.control({ faults: null });
    assert.equal(await itemCount(token), 1);
  });

  it('latency: delays responses within the range', async () => {
    await h.control({ faults: 'latency=120-150' });
    const started = performance.now();
    assert.equal((await h.call('GET', '/products?perPage=1')).status, 200);
    assert.ok(performance.now() - started >= 115);
  });

  it('never touches preflights, the control endpoint or images', async () => {
    await h.control({ faults: 'drop=1' });
    assert.equal((await fetch(`${h.url}/public/${DEMO}/cart`, { method: 'OPTIONS' })).status, 204);
    assert.equal((await fetch(`${h.origin}/__control`)).status, 200);
    assert.equal((await fetch(`${h.origin}/v3/images/img_d01_1/thumb.svg`)).status, 200);
  });

  it('replays the same outcomes for the same seed', async () => {
    const outcomes = async () => {
      await h.control({ faults: 'error5xx=0.5', seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await h.call('GET', '/products?perPage=1')).status);
      return statuses;
    };
    const first = await outcomes();
    assert.ok(first.includes(200) && first.some((s) => s >= 500), first.join());
    assert.deepEqual(await outcomes(), first);
  });

  it('sparse: drops every optional field of products, the store, carts and countries', async () => {
    const token = newToken();
    await addSpoon(token);
    await h.control({ faults: 'sparse=1' });
    const store = (await h.call('GET', '/')).json.data;
    assert.deepEqual(
      Object.keys(store).sort(),
      ['currency', 'id', 'locale', 'name'],
      'no checkout, storeMode or features',
    );
    const product = (await h.call('GET', '/products/classic-tee')).json.data;
    assert.deepEqual(Object.keys(product).sort(), ['id', 'images', 'name', 'slug']);
    assert.deepEqual(Object.keys(product.images[0]), ['id'], 'no url and no renditions: a placeholder');
    const list = await h.call('GET', '/products?perPage=2');
    assert.deepEqual(Object.keys(list.json.data[0]).sort(), ['id', 'images', 'name', 'slug']);
    assert.equal(list.json.meta.total, 48, 'meta is required and stays');
    const cart = (await h.call('GET', '/cart', { token })).json.data;
    for (const key of ['taxBreakdown', 'taxInclusive', 'itemCount', 'requiresShipping', 'visitorCountryCode'])
      assert.ok(!(key in cart), key);
    assert.equal(cart.items.length, 1);
    assert.ok('giftCard' in cart && 'totals' in cart);
    const countries = (await h.call('GET', '/countries')).json.data.countries;
    assert.deepEqual(Object.keys(countries[0]).sort(), ['code', 'name']);
    const methods = (await h.call('GET', '/payment-methods')).json.data.methods;
    assert.deepEqual(Object.keys(methods[0]).sort(), ['description', 'icon', 'name', 'select', 'testMode']);
    await h.control({ faults: null });
    assert.ok('checkout' in (await h.call('GET', '/')).json.data);
  });

  it('counts injected faults in the control snapshot', async () => {
    await h.control({ faults: 'error5xx=1', resetStats: true });
    await h.call('GET', '/products');
    await h.call('GET', '/products');
    const snapshot = (await (await fetch(`${h.origin}/__control`)).json()).data;
    assert.equal(snapshot.faults, 'error5xx=1');
    assert.equal(snapshot.counters.faultsInjected.error5xx, 2);
  });
});
