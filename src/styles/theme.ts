import { css } from 'lit';

/**
 * Theme tokens shared by the elements (ToteElement puts them before each element's own styles).
 * Every colour, radius and font is a documented `--tote-*` custom property with a fallback here, so
 * a merchant can set them once on `<tote-store>` (or `:root`) and they inherit into every shadow
 * root. Each fallback is a `light-dark()` pair resolved by the element's colour scheme, which it
 * inherits from the page: a page that declares no dark support (no `color-scheme: light dark`) is
 * light whatever the shopper's system says, and so is Tote on it, while a page that follows the
 * system takes Tote along. `theme="light|dark"` pins the scheme; `color-scheme="…"` is the older,
 * still documented name of the same attribute.
 * Private `--_*` names hold the resolved values; the public names are never overwritten.
 */
export const themeStyles = css`
  :host {
    --_accent: var(--tote-accent, light-dark(#1d4ed8, #93b4ff));
    --_on-accent: var(--tote-on-accent, light-dark(#fff, #0b1020));
    --_surface: var(--tote-surface, light-dark(#fff, #18181b));
    --_muted-surface: var(--tote-muted-surface, light-dark(#f2f2f0, #27272a));
    --_text: var(--tote-text, light-dark(#1c1c1c, #f4f4f5));
    --_muted: var(--tote-muted, light-dark(#595959, #b4b4bb));
    --_border: var(--tote-border, light-dark(#d4d4d4, #3f3f46));
    /* What marks a control out (fields, steppers, chips, swatches, secondary buttons) must reach
       3:1 against the surface (WCAG 1.4.11); dividers keep the quieter --_border. */
    --_control-border: var(--tote-control-border, light-dark(#767676, #8b8b94));
    --_danger: var(--tote-danger, light-dark(#b91c1c, #fca5a5));
    --_success: var(--tote-success, light-dark(#166534, #86efac));
    --_sale: var(--tote-sale, light-dark(#b91c1c, #fca5a5));
    --_focus: var(--tote-focus, light-dark(#2563eb, #93b4ff));
    --_radius: var(--tote-radius, 0.5rem);
    --_font: var(--tote-font, inherit);
    display: block;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([theme='light']),
  :host([color-scheme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']),
  :host([color-scheme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }
  .button.secondary {
    background: transparent;
    color: var(--_text);
    border-color: var(--_control-border);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .price {
    font-variant-numeric: tabular-nums;
  }
  .price s {
    color: var(--_muted);
    font-weight: 400;
    margin-inline-start: 0.4em;
  }
  .price .sale {
    color: var(--_sale);
  }
  .badge {
    display: inline-block;
    padding: 0.15rem 0.5rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    background: var(--_text);
    color: var(--_surface);
  }
  .skeleton {
    background: linear-gradient(90deg, var(--_muted-surface) 25%, var(--_border) 50%, var(--_muted-surface) 75%);
    background-size: 200% 100%;
    border-radius: var(--_radius);
  }
  /* Only for those who have not asked for less motion: one rule, not a rule and its undoing. */
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: shimmer 1.4s linear infinite;
    }
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  [role='alert'].problem {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: 1rem;
  }
`;
