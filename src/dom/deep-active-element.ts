// Focus through shadow roots: `document.activeElement` stops at the first shadow host, and a
// dialog that hands focus back must know the real element (a cart button's inner <button>).

/** The focused element, through shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
