// Cross-tab budget: three clients in one page stand in for three tabs (they share localStorage,
// Web Locks and BroadcastChannel exactly as tabs of one origin do). Real timers, a 500 ms window.
import { expect } from '@open-wc/testing';
import { createApiClient, createLimiter, type ApiClient } from '../../src/api/index';
import { fakeServer } from './fake-server';

const BASE = 'https://shared.test/v3';
const WINDOW = 500;

describe('shared budget across tabs', () => {
  const clear = () => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('tote-rate:')) localStorage.removeItem(k);
  };
  beforeEach(clear);
  after(clear);

  it('three tabs together stay within one budget: 0 × 429, ≤ limit per window, all answered', async () => {
    const srv = fakeServer({ windowMs: WINDOW, limits: { default: 10 }, latency: 5 });
    const tabs: ApiClient[] = [0, 1, 2].map(() =>
      createApiClient({ publicKey: 'pk_test_tote_demo', apiBase: BASE, fetch: srv.fetch, rateWindowMs: WINDOW }),
    );
    expect(tabs[0]!.limiter.snapshot().shared).to.equal(true);
    const t0 = performance.now();
    const all = tabs.flatMap((api, tab) => Array.from({ length: 15 }, (_, i) => api.product(`t${tab}-${i}`)));
    const results = await Promise.all(all);
    expect(results).to.have.length(45);
    expect(srv.count(429)).to.equal(0);
    expect(srv.maxInWindow('GET /products/{id}', WINDOW)).to.be.at.most(10);
    // Each tab alone would have sent 10 at once: 30 in the first window.
    expect(srv.sent.filter((s) => s.t - srv.sent[0]!.t < WINDOW)).to.have.length.at.most(10);
    expect(performance.now() - t0).to.be.below(6000);
    tabs.forEach((t) => t.limiter.dispose());
  });

  it('a lock-out seen by one tab holds every tab; one probe among them', async () => {
    const name = BASE + '/lock';
    const [a, b] = [createLimiter({ name, windowMs: WINDOW }), createLimiter({ name, windowMs: WINDOW })];
    const ta = await a.acquire('GET /cart');
    a.settle(ta, { status: 429, limit: '60', remaining: '0', retryAfter: '1' });
    const sentAt: number[] = [];
    const start = Date.now();
    const waiting = [a, b, b].map((l) =>
      l.acquire('GET /cart').then((t) => {
        sentAt.push(Date.now() - start);
        return [l, t] as const;
      }),
    );
    await new Promise((r) => setTimeout(r, 1300));
    expect(sentAt, 'only the probe after the lock-out').to.have.length(1);
    expect(sentAt[0]).to.be.at.least(1000);
    const [[l, probe]] = await Promise.race([
      Promise.all([waiting[0]!]),
      Promise.all([waiting[1]!]),
      Promise.all([waiting[2]!]),
    ]);
    l.settle(probe, { status: 200, limit: '60', remaining: '58', retryAfter: null });
    await Promise.all(waiting);
    expect(sentAt).to.have.length(3);
    expect(b.snapshot().endpoints.find((e) => e.endpoint === 'GET /cart')).to.include({
      awaitingProbe: false,
      lockedUntil: 0,
    });
    a.dispose();
    b.dispose();
  });

  it('a reload while the first request (a probe) is out: the next page sends at once, not after 20 s (issue 15, item 9)', async () => {
    const name = BASE + '/reload';
    const leaving = createLimiter({ name, windowMs: WINDOW });
    await leaving.acquire('GET /store'); // the first request to an endpoint is a probe; its page goes away before the answer
    dispatchEvent(new PageTransitionEvent('pagehide'));
    leaving.dispose();
    const next = createLimiter({ name, windowMs: WINDOW });
    const t0 = performance.now();
    await next.acquire('GET /store');
    expect(performance.now() - t0, 'no wait for a probe of a page that is gone').to.be.below(1000);
    next.dispose();
  });

  it('in a sandboxed frame whose navigator.locks throws, requests still go (this tab counts alone)', async () => {
    const denied = () => {
      throw new DOMException('The request was denied.', 'SecurityError');
    };
    Object.defineProperty(navigator, 'locks', { value: { request: denied, query: denied }, configurable: true });
    try {
      const lim = createLimiter({ name: BASE + '/sandboxed', windowMs: WINDOW });
      const ticket = await lim.acquire('GET /cart');
      lim.settle(ticket, { status: 200, limit: '60', remaining: '59', retryAfter: null });
      await lim.acquire('GET /cart');
      expect(lim.snapshot().shared).to.equal(false);
      lim.dispose();
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
  });
});
