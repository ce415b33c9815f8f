// How a <tote-store> hands its shop to the Tote elements inside it, through shadow roots too: the
// community context protocol (a composed `context-request` event that the nearest provider
// answers), the same events as @lit/context, so a page's own element can ask for `shopContext`
// with @lit/context's ContextConsumer. Tote speaks the protocol itself for its one context: about
// 1 KB of minified code in the first-paint script instead of @lit/context's 2.5 KB.
import type { ToteShop } from '../store/index.js';

type Shop = ToteShop | undefined;

/** Called with the shop at once and, when subscribed, on every change; `unsubscribe` ends it. */
export type ShopCallback = (shop: Shop, unsubscribe?: () => void) => void;

/** The key of the shop in the protocol (the shape of @lit/context's `Context<symbol, Shop>`). */
export const shopContext = Symbol('tote-shop') as symbol & { __context__: Shop };

interface ContextEvent extends Event {
  context: unknown;
  contextTarget?: Element;
  callback?: ShopCallback;
  subscribe?: boolean;
}

function contextEvent(
  type: 'context-request' | 'context-provider',
  target: Element,
  fields: Partial<ContextEvent> = {},
): ContextEvent {
  return Object.assign(new Event(type, { bubbles: true, composed: true }), {
    context: shopContext,
    contextTarget: target,
    ...fields,
  });
}

/** Asks the nearest provider for the shop, now and on every change (nothing happens without one). */
export function requestShop(consumer: Element, callback: ShopCallback): void {
  consumer.dispatchEvent(contextEvent('context-request', consumer, { callback, subscribe: true }));
}

/** The provider side, for `<tote-store>`: answers requests from inside `host` and tells its subscribers of changes. */
export function provideShop(host: Element) {
  let shop: Shop;
  const subscribers = new Map<ShopCallback, { consumer: Element; unsubscribe: () => void }>();
  const fromInside = (event: ContextEvent): Element | undefined => {
    const origin = event.contextTarget ?? (event.composedPath()[0] as Element);
    return event.context === shopContext && origin !== host ? origin : undefined;
  };

  host.addEventListener('context-request', (e) => {
    const event = e as ContextEvent;
    const consumer = fromInside(event);
    if (!consumer || !event.callback) return;
    event.stopPropagation();
    if (!event.subscribe) return event.callback(shop);
    const callback = event.callback;
    if (!subscribers.has(callback))
      subscribers.set(callback, { consumer, unsubscribe: () => subscribers.delete(callback) });
    callback(shop, subscribers.get(callback)!.unsubscribe);
  });
  // A store appeared inside this one: its elements ask again, and the nearer store answers them.
  host.addEventListener('context-provider', (e) => {
    if (!fromInside(e as ContextEvent)) return;
    e.stopPropagation();
    for (const [callback, { consumer }] of subscribers)
      consumer.dispatchEvent(contextEvent('context-request', consumer, { callback, subscribe: true }));
  });

  return {
    get value(): Shop {
      return shop;
    },
    setValue(next: Shop): void {
      if (next === shop) return;
      shop = next;
      for (const [callback, { unsubscribe }] of subscribers) callback(shop, unsubscribe);
    },
    /** Call when the host is connected: a store around it hands over the elements inside it. */
    announce(): void {
      host.dispatchEvent(contextEvent('context-provider', host));
    },
  };
}
