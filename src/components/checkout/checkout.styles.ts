import { css } from 'lit';
import { panelStyles } from '../../styles/panel.js';

export const checkoutStyles = [
  panelStyles,
  css`
    .title {
      margin: 0;
      font-size: 1.5rem;
    }
    .steps {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .step {
      padding: 0.875rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .step.current {
      border-color: var(--_accent);
      box-shadow: 0 0 0 1px var(--_accent);
    }
    .step.todo {
      color: var(--_muted);
    }
    .step-head {
      display: flex;
      align-items: center;
      gap: 0.625rem;
    }
    .step-number {
      display: inline-grid;
      place-items: center;
      flex: none;
      inline-size: 1.75rem;
      block-size: 1.75rem;
      border-radius: 50%;
      border: 1px solid var(--_border);
      font-size: 0.875rem;
      font-weight: 700;
    }
    .current .step-number,
    .done .step-number {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
    }
    .step-title {
      flex: 1;
      margin: 0;
      font-size: 1.0625rem;
    }
    .step-title:focus {
      outline: none;
    }
    .step-summary {
      margin: 0.375rem 0 0;
      padding-inline-start: 2.375rem;
      color: var(--_muted);
      font-size: 0.9375rem;
      overflow-wrap: anywhere;
    }
    form {
      display: grid;
      gap: 0.875rem;
      margin-block-start: 0.875rem;
    }
    form.address {
      grid-template-columns: 1fr 1fr;
    }
    form.address > * {
      grid-column: 1 / -1;
    }
    form.address [data-field='city'],
    form.address [data-field='postalCode'] {
      grid-column: auto;
    }
    @container (max-width: 22rem) {
      form.address [data-field='city'],
      form.address [data-field='postalCode'] {
        grid-column: 1 / -1;
      }
    }
    .field label {
      display: block;
      font-weight: 600;
      font-size: 0.875rem;
      margin-block-end: 0.25rem;
    }
    .optional {
      font-weight: 400;
      color: var(--_muted);
    }
    select {
      appearance: auto;
    }
    .choices {
      margin: 0;
      padding: 0;
      border: 0;
      display: grid;
      gap: 0.5rem;
    }
    .choice {
      display: flex;
      align-items: flex-start;
      gap: 0.75rem;
      padding: 0.75rem;
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    .choice:has(input:checked) {
      border-color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 8%, transparent);
    }
    .choice input {
      inline-size: 1.125rem;
      block-size: 1.125rem;
      min-block-size: 0;
      margin: 0.15rem 0 0;
      accent-color: var(--_accent);
    }
    .choice-text {
      flex: 1;
      display: grid;
    }
    .choice-text small {
      color: var(--_muted);
    }
    .terms {
      display: grid;
      gap: 0.25rem;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      cursor: pointer;
    }
    .check input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      min-block-size: 0;
      accent-color: var(--_accent);
    }
    .terms a,
    .field-note a {
      color: var(--_accent);
      font-size: 0.875rem;
    }
    .changes {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .button.place,
    .button.continue {
      inline-size: 100%;
    }
    .step-note:focus {
      outline: 2px solid var(--_focus);
    }
    .summary {
      padding: 1rem;
      border-radius: var(--_radius);
      background: var(--_muted-surface);
    }
    .summary h3,
    .receipt h4 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
    }
    .summary-lines {
      list-style: none;
      margin: 0 0 0.75rem;
      padding: 0;
      display: grid;
      gap: 0.375rem;
    }
    .summary-lines li {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
    }
    .summary-lines small {
      color: var(--_muted);
    }
    .waiting {
      display: grid;
      justify-items: center;
      gap: 0.75rem;
      padding: 2rem 1rem;
      text-align: center;
    }
    .spinner {
      inline-size: 2rem;
      block-size: 2rem;
      border: 3px solid var(--_border);
      border-block-start-color: var(--_accent);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        rotate: 360deg;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
    }
    .receipt {
      display: grid;
      gap: 0.75rem;
    }
    .receipt p {
      margin: 0;
    }
    .receipt-head {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .receipt-head h3 {
      margin: 0;
      font-size: 1.25rem;
    }
    .receipt-head h3:focus {
      outline: none;
    }
    .tick {
      flex: none;
      inline-size: 2.5rem;
      block-size: 2.5rem;
      padding: 0.4rem;
      border-radius: 50%;
      background: var(--_success);
      color: var(--_surface);
    }
    .facts {
      margin: 0;
      display: grid;
      gap: 0.5rem;
    }
    .facts dt {
      font-weight: 600;
      font-size: 0.875rem;
    }
    .facts dd {
      margin: 0;
      color: var(--_muted);
    }
    .paid {
      color: var(--_success);
      font-weight: 600;
    }
    .awaiting {
      font-weight: 600;
    }
    .instructions {
      padding: 0.875rem 1rem;
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_muted-surface);
    }
    .plain {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .terms-text summary {
      cursor: pointer;
      color: var(--_accent);
      font-size: 0.875rem;
    }
    .terms-text .plain {
      max-block-size: 12rem;
      overflow: auto;
      margin-block-start: 0.5rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-size: 0.875rem;
    }
    .policies {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      font-size: 0.875rem;
    }
    .policies a,
    .redirect a {
      color: var(--_accent);
    }
    fieldset.billing {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.875rem;
      margin: 0;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    fieldset.billing > * {
      grid-column: 1 / -1;
    }
    fieldset.billing legend {
      font-weight: 600;
      padding-inline: 0.25rem;
    }
    .paypal {
      display: grid;
      gap: 0.5rem;
    }
    .paypal[aria-busy='true'] #paypal-buttons,
    #paypal-buttons.blocked {
      opacity: 0.5;
      pointer-events: none;
    }
    .totals.settled {
      margin-block-start: -0.25rem;
    }
    .instructions p + p {
      margin-block-start: 0.5rem;
    }
    /* The address step's optional sign-in (the account element, compact) and the saved addresses. */
    .sign-in-offer {
      margin: 0 0 1rem;
      color: var(--_muted);
    }
    #checkout-sign-in {
      margin-block-end: 1.25rem;
      padding: 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
  `,
];
