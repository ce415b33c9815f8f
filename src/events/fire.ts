// The one way a Tote event is fired: bubbling and composed, so a listener on `document` hears it
// from inside any shadow root. Elements call it through `ToteElement.emit`.

/** A Tote event's name: each is declared on `GlobalEventHandlersEventMap` by its own file here. */
export type ToteEventType = Extract<keyof GlobalEventHandlersEventMap, `tote-${string}`>;

/** What a Tote event carries in `detail` (`undefined` for the plain `Event`s). */
export type ToteEventDetail<K extends ToteEventType> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : undefined;

/** Fires `type` from `target` (pass `{ cancelable: true }` for a veto); false if a listener vetoed it. */
export function fire<K extends ToteEventType>(
  target: EventTarget,
  type: K,
  detail: ToteEventDetail<K>,
  options?: EventInit,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, ...options, detail }));
}
