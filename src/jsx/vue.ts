// Template types for Vue 3 (Volar / vue-tsc): `import type {} from 'tote-storefront/vue'` once, then
// <tote-products per-page="8" @tote-product-select="…"> autocompletes and type-checks. This is the
// `GlobalComponents` pattern of Vue's guide (Web Components → Non-Vue Web Components and
// TypeScript): Vue reads a component's props from `$props` and its events from `$emit`.
// Vue must also be told that `tote-*` tags are custom elements (`compilerOptions.isCustomElement`),
// see docs/recipes.md.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { ToteEventMap } from '../events/index.js';
import type { ToteElementAttributes, ToteElementEvents, ToteElements, ToteTagName } from './elements.js';

/** A Tote element as Vue's template type-checker sees it. */
export type ToteVueElement<Tag extends ToteTagName> = new () => ToteElements[Tag] & {
  /** @deprecated For template type-checking only; not a property of the element. */
  $props: Omit<HTMLAttributes, keyof ToteElementAttributes[Tag]> & ToteElementAttributes[Tag] & PublicProps;
  /** @deprecated For template type-checking only; not a method of the element. */
  $emit: EmitFn<{ [Name in ToteElementEvents[Tag]]: (event: ToteEventMap[Name]) => void }>;
};

export type ToteVueComponents = { [Tag in ToteTagName]: ToteVueElement<Tag> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends ToteVueComponents {}
}
