// The resilience lab: switches that turn on the reference store's faults through /__control, a
// "hammer +" button, and a live view of what Tote's scheduler is doing in the preview (budgets per
// endpoint, queue, lock-outs) next to every request it sent (X-Request-Id, status, time).
import { html, nothing, render } from 'lit';
import type { EndpointState, LimiterSnapshot } from '../../src/api/limiter.js';
import type { CartSummary, HammerResult, RequestEntry } from './messages.js';
import type { PreviewHost } from './preview.js';

interface Fault {
  id: string;
  label: string;
  detail: string;
}

export const FAULTS: Fault[] = [
  { id: 'latency', label: 'Slow network', detail: '300–1500 ms on every request' },
  { id: 'error5xx', label: 'Server errors', detail: '25% answer 500/502/503' },
  { id: 'lost', label: 'Lost answers', detail: '15% done, but the answer never arrives' },
  { id: 'offline', label: 'Offline', detail: 'every connection dropped' },
  { id: 'limits', label: 'Tight rate limits', detail: '4 cart changes per 10 s window' },
];

/** The reference store's `faults` string for the switches that are on. */
export function faultString(on: ReadonlySet<string>): string | null {
  const parts: string[] = [];
  if (on.has('latency')) parts.push('latency=300-1500');
  if (on.has('error5xx')) parts.push('error5xx=0.25');
  if (on.has('lost')) parts.push('lost=0.15');
  if (on.has('offline')) parts.push('drop=1');
  return parts.length ? parts.join(',') : null;
}

interface ServerCounters {
  totalRequests: number;
  rateLimited: number;
  faultsInjected: number;
  rateWindowMs: number;
}

const LOG_SIZE = 14;

async function control(body: object | null): Promise<ServerCounters & { faults: string | null }> {
  const response = await fetch(
    '/__control',
    body ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {},
  );
  if (!response.ok) throw new Error(`/__control answered ${response.status}`);
  const { data: snapshot } = (await response.json()) as {
    data: {
      faults: string | null;
      rateWindowMs: number;
      counters: { totalRequests: number; rateLimited: number; faultsInjected: number | Record<string, number> };
    };
  };
  const injected = snapshot.counters.faultsInjected;
  return {
    faults: snapshot.faults,
    rateWindowMs: snapshot.rateWindowMs,
    totalRequests: snapshot.counters.totalRequests,
    rateLimited: snapshot.counters.rateLimited,
    faultsInjected: typeof injected === 'number' ? injected : Object.values(injected).reduce((a, b) => a + b, 0),
  };
}

const seconds = (ms: number) => `${Math.max(0, Math.ceil(ms / 1000))} s`;

function endpointState(e: EndpointState, now: number) {
  if (e.lockedUntil > now) return html`<span class="pill danger">locked ${seconds(e.lockedUntil - now)}</span>`;
  if (e.awaitingProbe && e.queued) return html`<span class="pill warn">probing</span>`;
  if (e.used >= e.limit) return html`<span class="pill warn">full</span>`;
  return html`<span class="pill ok">open</span>`;
}

export function mountLab(root: HTMLElement, preview: PreviewHost): void {
  const on = new Set<string>();
  let snapshot: LimiterSnapshot | undefined;
  let cart: CartSummary | undefined;
  let server: ServerCounters | undefined;
  let baseWindowMs = 60_000;
  let log: RequestEntry[] = [];
  let hammering = false;
  let verdict: { result?: HammerResult; error?: string } | undefined;
  let problem = '';
  let frameQueued = false;

  const draw = () => {
    frameQueued = false;
    const now = Date.now();
    const endpoints = [...(snapshot?.endpoints ?? [])].sort((a, b) => a.endpoint.localeCompare(b.endpoint));
    render(
      html`
        <div class="lab-grid">
          <div class="lab-controls">
            <h3>Break the store</h3>
            <p class="lede">These switch faults on in the reference store itself, for every page that uses it.</p>
            <ul class="switches">
              ${FAULTS.map(
                (fault) => html`<li>
                  <label class="switch">
                    <input type="checkbox" role="switch" name="fault-${fault.id}" .checked=${on.has(fault.id)} @change=${(e: Event) => void toggle(fault.id, (e.target as HTMLInputElement).checked)} />
                    <span class="track" aria-hidden="true"></span>
                    <span class="switch-text"><strong>${fault.label}</strong><span>${fault.detail}</span></span>
                  </label>
                </li>`,
              )}
            </ul>
            <div class="lab-actions">
              <button type="button" class="button" ?disabled=${hammering} @click=${hammer}>${hammering ? 'Hammering…' : 'Hammer + × 20'}</button>
              <button type="button" class="button secondary" @click=${() => void reset()}>Heal the store</button>
            </div>
            <p class="verdict" role="status">
              ${hammering ? 'Clicking + twenty times on the gift card, then asking the server what it has…' : nothing}
              ${
                verdict?.result
                  ? verdict.result.after - verdict.result.before === verdict.result.clicks
                    ? html`<strong class="ok-text">Nothing lost.</strong> ${verdict.result.clicks} clicks on ${verdict.result.name}: the server went from ${verdict.result.before} to ${verdict.result.after}, in ${(verdict.result.ms / 1000).toFixed(1)} s.`
                    : html`<strong class="bad-text">Mismatch.</strong> ${verdict.result.clicks} clicks, server ${verdict.result.before} → ${verdict.result.after}.`
                  : nothing
              }
              ${verdict?.error ? html`Could not hammer: ${verdict.error}` : nothing}
              ${problem}
            </p>
          </div>
          <div class="lab-scheduler">
            <h3>Tote’s scheduler</h3>
            <dl class="stats">
              <div><dt>Queued</dt><dd>${snapshot?.queued ?? 0}</dd></div>
              <div><dt>Sent by Tote</dt><dd>${snapshot?.sent ?? 0}</dd></div>
              <div><dt>429s seen</dt><dd>${snapshot?.rateLimited ?? 0}</dd></div>
              <div><dt>Cart saving</dt><dd>${cart ? (cart.online ? cart.pending : `${cart.pending}, offline`) : '–'}</dd></div>
              <div><dt>Server: requests</dt><dd>${server?.totalRequests ?? '–'}</dd></div>
              <div><dt>Server: faults</dt><dd>${server?.faultsInjected ?? '–'}</dd></div>
            </dl>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Budgets per endpoint">
              <table class="budgets">
                <caption class="visually-hidden">Budgets per endpoint, this window (${seconds(snapshot?.windowMs ?? 60_000)})</caption>
                <thead><tr><th scope="col">Endpoint</th><th scope="col">Class</th><th scope="col">Budget used</th><th scope="col">Queue</th><th scope="col">State</th></tr></thead>
                <tbody>
                  ${
                    endpoints.length
                      ? endpoints.map(
                          (e) => html`<tr>
                          <th scope="row"><code>${e.endpoint}</code></th>
                          <td>${e.class}</td>
                          <td><meter min="0" max=${e.limit} .value=${Math.min(e.used, e.limit)} aria-label="${e.used} of ${e.limit}"></meter> <span class="num">${e.used}/${e.limit}</span></td>
                          <td class="num">${e.queued}</td>
                          <td>${endpointState(e, now)}</td>
                        </tr>`,
                        )
                      : html`<tr><td colspan="5" class="muted">No requests yet.</td></tr>`
                  }
                </tbody>
              </table>
            </div>
          </div>
          <div class="lab-log">
            <h3>Requests</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Recent requests">
              <table class="log">
                <caption class="visually-hidden">The most recent API requests of the preview</caption>
                <thead><tr><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Time</th><th scope="col">X-Request-Id</th></tr></thead>
                <tbody>
                  ${
                    log.length
                      ? log.map(
                          (r) => html`<tr>
                          <td><code>${r.method} ${r.path}</code></td>
                          <td>${
                            r.status !== null
                              ? html`<span class="pill ${r.status < 300 ? 'ok' : r.status === 429 ? 'warn' : 'danger'}">${r.status}</span>`
                              : r.error
                                ? html`<span class="pill danger">${r.error}</span>`
                                : html`<span class="pill">…</span>`
                          }</td>
                          <td class="num">${r.ms === null ? '' : `${r.ms} ms`}</td>
                          <td><code class="rid">${r.requestId ?? '—'}</code></td>
                        </tr>`,
                        )
                      : html`<tr><td colspan="4" class="muted">Waiting for the preview…</td></tr>`
                  }
                </tbody>
              </table>
            </div>
          </div>
        </div>
      `,
      root,
    );
  };
  const redraw = () => {
    if (frameQueued) return;
    frameQueued = true;
    requestAnimationFrame(draw);
  };

  async function toggle(id: string, value: boolean): Promise<void> {
    if (value) on.add(id);
    else on.delete(id);
    problem = '';
    try {
      const body: Record<string, unknown> = { faults: faultString(on) };
      if (id === 'limits') {
        body.limits = value ? { mutation: 4 } : { mutation: null };
        body.rateWindowMs = value ? 10_000 : baseWindowMs;
        body.resetLimits = true;
      }
      server = await control(body);
    } catch (error) {
      problem = `The control endpoint is not available (${(error as Error).message}).`;
    }
    redraw();
  }

  async function reset(): Promise<void> {
    on.clear();
    try {
      server = await control({
        faults: null,
        limits: { mutation: null },
        rateWindowMs: baseWindowMs,
        resetLimits: true,
      });
      problem = '';
    } catch (error) {
      problem = `The control endpoint is not available (${(error as Error).message}).`;
    }
    redraw();
  }

  function hammer(): void {
    hammering = true;
    verdict = undefined;
    preview.send({ type: 'tote-demo:open-cart' });
    preview.send({ type: 'tote-demo:hammer', count: 20, product: 'gift-card' });
    redraw();
  }

  preview.listen((message) => {
    if (message.type === 'tote-demo:limiter') snapshot = message.snapshot;
    else if (message.type === 'tote-demo:cart') cart = message.cart;
    else if (message.type === 'tote-demo:hammered') {
      hammering = false;
      verdict = message;
    } else if (message.type === 'tote-demo:request') {
      const index = log.findIndex((entry) => entry.seq === message.entry.seq && entry.at === message.entry.at);
      if (index >= 0) log[index] = message.entry;
      else log = [message.entry, ...log].slice(0, LOG_SIZE);
    } else if (message.type === 'tote-demo:ready') {
      log = [];
      snapshot = undefined;
    }
    redraw();
  });

  // The store's own counters, and lock-out countdowns, once a second while the page is visible.
  const poll = async () => {
    if (document.visibilityState === 'visible') {
      try {
        server = await control(null);
      } catch {
        server = undefined;
      }
      redraw();
    }
  };
  control(null)
    .then((first) => {
      server = first;
      baseWindowMs = first.rateWindowMs === 10_000 ? 60_000 : first.rateWindowMs;
      for (const part of (first.faults ?? '').split(',')) {
        const name = part.split('=')[0];
        if (name === 'latency' || name === 'error5xx' || name === 'lost') on.add(name);
        if (part === 'drop=1') on.add('offline');
      }
      redraw();
    })
    .catch(() => {
      problem = 'The control endpoint is not available: the switches need the reference store (npm start).';
      redraw();
    });
  setInterval(() => void poll(), 1000);
  draw();
}
