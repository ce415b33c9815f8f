/**
 * Registers a custom element unless the tag is taken. Loading the drop-in script twice, or the
 * package next to the script, must not throw "already been defined"; the first definition wins.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
