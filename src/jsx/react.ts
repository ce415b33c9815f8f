// JSX types for React 19: `import type {} from 'tote-storefront/react'` once (or add it to a .d.ts), then
// <tote-products per-page={8} ontote-product-select={…}> autocompletes and type-checks.
//
// React 19 passes a custom element's props through as it finds them (react-dom's
// setPropOnCustomElement): `on` + name adds an event listener for exactly that name, so the prop
// for `tote-add` is `ontote-add` (lower case; `onToteAdd` would listen for "ToteAdd"); any other
// prop becomes a property when the element has one of that name, else an attribute. The
// kebab-case attribute names below are never properties, so they work before a lazily loaded
// element is defined.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ToteEventMap } from '../events/index.js';
import type { ToteElementAttributes, ToteElementEvents, ToteElements, ToteTagName } from './elements.js';

/** `ontote-add` etc.: typed listeners for the events a tag hears. */
export type ToteReactEventProps<Event extends keyof ToteEventMap> = {
  [Name in Event as `on${Name}`]?: (event: ToteEventMap[Name]) => void;
};

/** The props of one Tote element in React: HTML props, its attributes and its event props. */
export type ToteReactProps<Tag extends ToteTagName> = Omit<
  DetailedHTMLProps<HTMLAttributes<ToteElements[Tag]>, ToteElements[Tag]>,
  keyof ToteElementAttributes[Tag]
> &
  ToteElementAttributes[Tag] &
  ToteReactEventProps<ToteElementEvents[Tag]>;

export type ToteReactElements = { [Tag in ToteTagName]: ToteReactProps<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ToteReactElements {}
  }
}
