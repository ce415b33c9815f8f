// The look the cart, the checkout, the account and the reviews share: the panel's box, lines,
// totals, fields, notices, links, the test-mode notice.
import { css } from 'lit';

/** Shared by the cart, the checkout, the account and the reviews: the panel's box, lines, totals, fields, notices, links. */
export const panelStyles = css`
  /* The outer box of the checkout, the account and the reviews (the cart's drawer has its own .panel). */
  .panel-box {
    container-type: inline-size;
    display: grid;
    gap: 1rem;
    padding: 1rem;
    background: var(--_surface);
    color: var(--_text);
  }
  .link {
    border: 0;
    padding: 0.25rem;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .notice {
    margin: 0 0 0.75rem;
    padding: 0.625rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_muted-surface);
    font-size: 0.875rem;
  }
  .notice.error {
    border-inline-start: 4px solid var(--_danger);
  }
  .field-error {
    margin: 0.25rem 0 0;
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .field-note {
    margin: 0.25rem 0 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .field-note:empty,
  .field-error:empty {
    display: none;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.5rem 0.625rem;
    min-block-size: 2.75rem;
    inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .totals {
    margin: 0;
    display: grid;
    gap: 0.375rem;
  }
  .totals > div {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .totals dt,
  .totals dd {
    margin: 0;
  }
  .totals dt small {
    display: block;
    color: var(--_muted);
  }
  .totals .discount dd {
    color: var(--_success);
  }
  /* The code's remove "×": a target of 24 × 24 px at least (WCAG 2.5.8). */
  .totals .discount .link {
    min-inline-size: 1.5rem;
    min-block-size: 1.5rem;
  }
  .totals .code {
    font-family: ui-monospace, monospace;
    font-size: 0.8125rem;
    padding: 0 0.3rem;
    border: 1px dashed var(--_border);
    border-radius: 0.25rem;
  }
  .totals .total {
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
    font-weight: 700;
    font-size: 1.125rem;
  }
  .totals .included,
  .totals .gift-card dt {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .totals .gift-card dd {
    color: var(--_success);
  }
  /* The test-mode notice (components/base/test-mode.ts). */
  .test-mode {
    margin: 0;
    padding: 0.375rem 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_muted-surface);
    font-size: 0.8125rem;
    font-weight: 600;
    text-align: center;
  }
`;
