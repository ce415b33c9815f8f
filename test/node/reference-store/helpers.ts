// Shared harness for the reference-store tests: a store on a free loopback port and a small
// request helper that returns status, headers and parsed JSON.
import { startReferenceStore, type RunningStore, type StartOptions } from '../../../demo/reference-store/index';

export const DEMO = 'pk_test_tote_demo';
export const PL = 'pk_test_tote_pl';
/** The "live wire's latitude" store: a random-form key, minimal products, no checkout object. */
export const LIVE = 'pk_Xq3vT9mLr2WbN8cYhK4dE';
export const CARD = { kind: 'gateway', gateway: 'test_card' } as const;
export const BANK = { kind: 'manual', manualMethodId: 'bank_transfer' } as const;

export interface Reply {
  status: number;
  headers: Headers;
  // Tests poke at arbitrary JSON shapes; `any` keeps assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  token?: string | null;
  key?: string;
  auth?: string | null;
  headers?: Record<string, string>;
}

export interface Harness {
  running: RunningStore;
  url: string;
  origin: string;
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  control(body: Record<string, unknown>): Promise<Reply>;
  /** The newest message of a kind sent to an address (login codes, gift cards), from the control outbox. */
  lastMail(
    to: string,
    kind?: 'login_code' | 'gift_card',
  ): Promise<{ code: string; balance?: number; store: string } | undefined>;
  close(): Promise<void>;
}

let tokenCounter = 0;
/** A fresh, valid cart token (unique per call, so tests never share carts by accident). */
export const newToken = (): string =>
  `test_token_${process.pid}_${++tokenCounter}_${Math.random().toString(36).slice(2, 8)}`;

/** Rate limits are effectively off unless a test asks for them, so suites are not order-dependent. */
export async function startStore(options: StartOptions = {}): Promise<Harness> {
  const running = await startReferenceStore({ port: 0, control: true, limits: { '*': 1_000_000 }, ...options });
  const origin = running.url.replace(/\/v3$/, '');
  const call = async (method: string, path: string, o: CallOptions = {}): Promise<Reply> => {
    const key = o.key ?? DEMO;
    const headers: Record<string, string> = { ...o.headers };
    const isCatalogue =
      method === 'GET' && /^\/(products|categories)?(\/[^/]*)?(\?.*)?$/.test(path) && !path.startsWith('/cart');
    if (o.auth !== null && (o.auth !== undefined || !isCatalogue)) headers.Authorization = o.auth ?? `Bearer ${key}`;
    if (o.token !== null && (o.token !== undefined || !isCatalogue))
      headers['X-Cart-Token'] = o.token ?? 'test_default_token';
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined && method !== 'GET') body = JSON.stringify(o.body);
    if (body !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${running.url}/public/${key}${path === '/' ? '' : path}`, { method, headers, body });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined; // a malformed body (fault tests read `text` instead)
    }
    return { status: response.status, headers: response.headers, json, text };
  };
  const control = async (body: Record<string, unknown>): Promise<Reply> => {
    const response = await fetch(`${origin}/__control`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: JSON.parse(text), text };
  };
  const lastMail = async (to: string, kind?: 'login_code' | 'gift_card') => {
    const response = await fetch(`${origin}/__control/outbox?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()).data as { code: string; kind: string; balance?: number; store: string }[];
    return messages.find((m) => !kind || m.kind === kind);
  };
  return { running, url: running.url, origin, call, control, lastMail, close: () => running.close() };
}

/** A Great Britain address (the live store ships there only). */
export const GB_ADDRESS = {
  name: 'Sam Okafor',
  company: null,
  line1: '221B Baker Street',
  line2: null,
  city: 'London',
  region: null,
  postalCode: 'NW1 6XE',
  countryCode: 'GB',
  phone: null,
};

/** An address the demo store ships to (US, so tax and the free-shipping threshold apply). */
export const US_ADDRESS = {
  name: 'Ada Lovelace',
  company: null,
  line1: '1 Main St',
  line2: null,
  city: 'Brooklyn',
  region: 'NY',
  postalCode: '11201',
  countryCode: 'US',
  phone: null,
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
