// Element types for Svelte 5 (svelte-check, the Svelte language server): `import type {} from
// 'tote-storefront/svelte'` once (in a component's script or a .d.ts of the app), then
// <tote-products per-page={8} ontote-product-select={…}> autocompletes and type-checks.
//
// Svelte 5 treats an attribute that starts with `on` as an event listener for the rest of its name,
// case and hyphens kept, so the listener for `tote-add` is `ontote-add`; Svelte 4's `on:tote-add`
// directive is typed too, as Svelte's own elements type it. Any other attribute becomes a property
// when the element has one of that name, else an attribute: the kebab-case names below are never
// properties, so they work before a lazily loaded element is defined. This is the augmentation of
// `svelte/elements` that Svelte's TypeScript docs describe for custom elements.
import type { HTMLAttributes } from 'svelte/elements';
import type { ToteEventMap } from '../events/index.js';
import type { ToteElementAttributes, ToteElementEvents, ToteElements, ToteTagName } from './elements.js';

/** `ontote-add` (Svelte 5) and `on:tote-add` (Svelte 4): typed listeners for the events a tag hears. */
export type ToteSvelteEventProps<Event extends keyof ToteEventMap, Element extends EventTarget> = {
  [Name in Event as `on${Name}` | `on:${Name}`]?:
    ((event: ToteEventMap[Name] & { currentTarget: EventTarget & Element }) => unknown) | null;
};

/** The attributes of one Tote element in Svelte: HTML attributes, its own and its event listeners. */
export type ToteSvelteProps<Tag extends ToteTagName> = Omit<
  HTMLAttributes<ToteElements[Tag]>,
  keyof ToteElementAttributes[Tag]
> &
  ToteElementAttributes[Tag] &
  ToteSvelteEventProps<ToteElementEvents[Tag], ToteElements[Tag]>;

export type ToteSvelteElements = { [Tag in ToteTagName]: ToteSvelteProps<Tag> };

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends ToteSvelteElements {}
}
