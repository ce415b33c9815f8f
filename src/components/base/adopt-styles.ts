import { adoptStyles, type CSSResult } from 'lit';

/**
 * Adds the styles of a part loaded later (a grid's opened product, its rarer controls) to an
 * element's shadow root, once: adopted, which a strict CSP allows; a `<style>` of their own where
 * constructable sheets are missing.
 */
export function adoptOnce(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet) adoptStyles(root, [styles]);
  else if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
