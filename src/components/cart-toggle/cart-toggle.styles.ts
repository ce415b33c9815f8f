import { css } from 'lit';

export const cartToggleStyles = css`
  :host {
    display: inline-block;
  }
  /* Floating positions use logical insets: "right" is the inline end, so RTL pages mirror it. */
  :host([position]) {
    position: fixed;
    z-index: var(--tote-z-index, 1000);
  }
  :host([position^='bottom']) {
    inset-block-end: var(--tote-toggle-offset, 1rem);
  }
  :host([position^='top']) {
    inset-block-start: var(--tote-toggle-offset, 1rem);
  }
  :host([position$='right']) {
    inset-inline-end: var(--tote-toggle-offset, 1rem);
  }
  :host([position$='left']) {
    inset-inline-start: var(--tote-toggle-offset, 1rem);
  }
  button {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.5rem 0.875rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--tote-toggle-radius, 999px);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  :host([position]) button {
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
  }
  button:hover {
    border-color: var(--_accent);
  }
  svg {
    inline-size: 1.375rem;
    block-size: 1.375rem;
  }
  .count {
    min-inline-size: 1.5rem;
    padding: 0.1rem 0.4rem;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.8125rem;
    font-weight: 700;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .count[data-empty] {
    background: var(--_muted-surface);
    color: var(--_muted);
  }
  .status {
    position: absolute;
    inset-block-start: 0.25rem;
    inset-inline-end: 0.25rem;
    inline-size: 0.6rem;
    block-size: 0.6rem;
    border-radius: 50%;
    border: 2px solid var(--_surface);
    background: var(--_accent);
  }
  .status[data-kind='offline'] {
    background: var(--_danger);
  }
  /* Only for those who have not asked for less motion: one rule, not a rule and its undoing. */
  @media (prefers-reduced-motion: no-preference) {
    .status[data-kind='pending'] {
      animation: pulse 1s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.3;
    }
  }
`;
