// A stand-in API on an origin of its own (`https://<name>.invalid/v3`), answered by a handler in
// the page: window.fetch is wrapped so that requests to that origin never leave the page, while
// everything else (the reference store, /__control) still goes to the network. Used to feed the
// widget what the reference store would never send: hostile and malformed catalogue data.

export type Reply = { status?: number; type?: string; body: string } | Record<string, unknown>;
export type Handler = (method: string, path: string, url: URL) => Reply | undefined;

const realFetch = window.fetch.bind(window);
let serial = 0;

export interface FakeApi {
  apiBase: string;
  /** Requests the widget sent to the fake origin (`GET /products`, …). */
  calls: string[];
  restore(): void;
}

export function fakeApi(handler: Handler): FakeApi {
  const origin = `https://fake-${++serial}-${Date.now().toString(36)}.invalid`;
  const calls: string[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== origin) return realFetch(input, init);
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^\/v3\/public\/[^/]+/, '') || '/';
    calls.push(`${method} ${path}`);
    const reply = handler(method, path, url);
    if (!reply)
      return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'fake: not found' } }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      });
    if (typeof reply.body === 'string' && ('status' in reply || 'type' in reply)) {
      const r = reply as { status?: number; type?: string; body: string };
      return new Response(r.body, {
        status: r.status ?? 200,
        headers: { 'Content-Type': r.type ?? 'application/json' },
      });
    }
    return new Response(JSON.stringify(reply), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { apiBase: `${origin}/v3`, calls, restore: () => void (window.fetch = realFetch) };
}

/** Every element under `root`, through open shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/** Text of `root` including shadow roots, in document order (slots are ignored: light DOM is walked too). */
export function deepText(root: Element): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return text;
}

/** Errors that reached the window (uncaught exceptions, unhandled rejections) while armed. */
export function watchErrors() {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${String(event.reason?.stack ?? event.reason)}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => (removeEventListener('error', onError), removeEventListener('unhandledrejection', onRejection)),
  };
}
