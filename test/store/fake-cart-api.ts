// An in-memory stand-in for the cart half of the API client, for the cart engine's unit tests:
// exact control over faults (lost answers, 5xx, refusals) and a log of every request made.
// The engine's behaviour against the real reference store is tested in cart-store.test.ts.
import { ApiError, type ApiClient, type Cart, type CartItem } from '../../src/api/index.js';

export type Fault = 'network' | '5xx' | 'lost' | { refuse: string } | null;

export interface LoggedRequest {
  method: string;
  path: string;
  body?: unknown;
  requestId?: string;
}

export function fakeCartApi(options: { stock?: Record<string, number> } = {}) {
  let items: CartItem[] = [];
  let version = 0;
  let nextFault: Fault[] = [];
  let paused: Promise<void> | null = null;
  let offline = false;
  const log: LoggedRequest[] = [];

  const snapshot = (): Cart =>
    ({
      id: 'cart_1',
      currencyCode: 'USD',
      email: null,
      items: structuredClone(items),
      itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
      totals: {
        subtotal: items.reduce((sum, item) => sum + item.subtotal, 0),
        total: items.reduce((sum, item) => sum + item.subtotal, 0),
      },
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, version++)).toISOString(),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    }) as unknown as Cart;

  const setQuantity = (variantId: string, quantity: number) => {
    const max = options.stock?.[variantId];
    if (max !== undefined && quantity > max) {
      throw new ApiError(422, 'VALIDATION_ERROR', `Only ${max} left`, [
        { field: 'quantity', message: `Only ${max} left` },
      ]);
    }
    const line = items.find((item) => item.variantId === variantId);
    if (quantity === 0) items = items.filter((item) => item.variantId !== variantId);
    else if (line) line.quantity = quantity;
    else
      items.push({
        id: `item_${variantId}`,
        productId: `product_${variantId}`,
        variantId,
        name: `Product ${variantId}`,
        variantName: null,
        sku: null,
        unitPrice: 1000,
        quantity,
        subtotal: 1000 * quantity,
        imageUrl: null,
      });
  };

  async function handle(
    method: string,
    path: string,
    body: unknown,
    requestId: string | undefined,
    change: () => void,
  ) {
    log.push({ method, path, body, requestId });
    if (paused) await paused;
    await Promise.resolve();
    if (offline) throw new ApiError(0, method === 'POST' ? 'OUTCOME_UNKNOWN' : 'NETWORK', 'offline');
    const fault = nextFault.shift() ?? null;
    if (fault === 'network') throw new ApiError(0, method === 'POST' ? 'OUTCOME_UNKNOWN' : 'NETWORK', 'network down');
    if (fault === '5xx') throw new ApiError(503, method === 'POST' ? 'OUTCOME_UNKNOWN' : 'INTERNAL', 'unavailable');
    if (fault && typeof fault === 'object') throw new ApiError(422, 'VALIDATION_ERROR', fault.refuse);
    change();
    if (fault === 'lost') throw new ApiError(0, method === 'POST' ? 'OUTCOME_UNKNOWN' : 'NETWORK', 'answer lost');
    return snapshot();
  }

  const api = {
    cart: (r?: { requestId?: string }) => handle('GET', '/cart', undefined, r?.requestId, () => {}),
    addItem: (item: { variantId: string; quantity: number }, r?: { requestId?: string }) =>
      handle('POST', '/cart/items', item, r?.requestId, () => {
        const current = items.find((line) => line.variantId === item.variantId)?.quantity ?? 0;
        setQuantity(item.variantId, current + item.quantity);
      }),
    updateItem: (itemId: string, quantity: number, r?: { requestId?: string }) =>
      handle('PATCH', `/cart/items/${itemId}`, { quantity }, r?.requestId, () => {
        const line = items.find((item) => item.id === itemId);
        if (!line) throw new ApiError(404, 'NOT_FOUND', 'No such line');
        setQuantity(line.variantId, quantity);
      }),
  } as unknown as ApiClient;

  return {
    api,
    log,
    mutations: () => log.filter((entry) => entry.method !== 'GET'),
    quantities: () => Object.fromEntries(items.map((item) => [item.variantId, item.quantity])),
    /** The next requests fail like this, one fault each. */
    fail: (...faults: Fault[]) => void (nextFault = faults),
    /** Holds every request until the returned function is called. */
    pause: () => {
      let release!: () => void;
      paused = new Promise<void>((resolve) => (release = resolve));
      return () => {
        paused = null;
        release();
      };
    },
    /** Every request fails as if the network were down, until set back. */
    setOffline: (value: boolean) => void (offline = value),
    /** Another device changed the cart. */
    setServer: (variantId: string, quantity: number) => setQuantity(variantId, quantity),
  };
}
