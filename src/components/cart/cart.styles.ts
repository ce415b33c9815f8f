import { css } from 'lit';
import { panelStyles } from '../../styles/panel.js';

export const cartStyles = [
  panelStyles,
  css`
    :host {
      display: contents;
    }
    :host([mode='inline']) {
      display: block;
    }
    dialog {
      margin: 0;
      margin-inline-start: auto;
      padding: 0;
      border: 0;
      inline-size: min(var(--tote-drawer-width, 26rem), 100vw);
      max-inline-size: 100vw;
      block-size: 100dvh;
      max-block-size: 100dvh;
      background: var(--_surface);
      color: var(--_text);
      box-shadow: -8px 0 32px rgb(0 0 0 / 0.2);
    }
    dialog:has(.panel[data-view='checkout']) {
      inline-size: min(var(--tote-drawer-width, 36rem), 100vw);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    dialog[open] {
      animation: slide-in 0.2s ease-out;
    }
    @keyframes slide-in {
      from {
        translate: 2rem 0;
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      dialog[open] {
        animation: none;
      }
    }
    .panel {
      display: flex;
      flex-direction: column;
      block-size: 100%;
      background: var(--_surface);
      color: var(--_text);
      font-family: var(--_font);
    }
    :host([mode='inline']) .panel {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .header {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.75rem 1rem;
      border-block-end: 1px solid var(--_border);
    }
    .title {
      margin: 0;
      flex: 1;
      font-size: 1.25rem;
    }
    .title:focus {
      outline: none;
    }
    .icon-button {
      display: inline-grid;
      place-items: center;
      inline-size: 2.75rem;
      block-size: 2.75rem;
      border: 0;
      border-radius: 50%;
      background: none;
      cursor: pointer;
      font-size: 1.25rem;
    }
    .icon-button:hover {
      background: var(--_muted-surface);
    }
    .icon-button svg {
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    :host(:dir(rtl)) .flip {
      display: inline-block;
      transform: scaleX(-1);
    }
    .body {
      flex: 1;
      overflow-y: auto;
      padding: 1rem;
      position: relative;
    }
    .checkout-body {
      padding: 0;
    }
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 1rem;
      text-align: center;
      color: var(--_muted);
    }
    .lines {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .line {
      display: grid;
      grid-template-columns: 4rem 1fr auto;
      grid-template-areas: 'img info subtotal' 'img qty remove' 'msg msg msg';
      column-gap: 0.75rem;
      row-gap: 0.5rem;
      padding-block: 0.875rem;
      border-block-end: 1px solid var(--_border);
    }
    .line[data-status='saving'],
    .line[data-status='queued'] {
      opacity: 0.8;
    }
    .thumb {
      grid-area: img;
      inline-size: 4rem;
      block-size: 4rem;
      object-fit: cover;
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_muted-surface);
    }
    .info {
      grid-area: info;
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .variant,
    .unit,
    .line-status {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .line-status {
      font-style: italic;
    }
    .subtotal {
      grid-area: subtotal;
      font-weight: 600;
      text-align: end;
    }
    .qty {
      grid-area: qty;
      display: inline-flex;
      align-items: stretch;
      justify-self: start;
      border: 1px solid var(--_control-border);
      border-radius: calc(var(--_radius) * 0.75);
    }
    .qty input {
      inline-size: 3.25rem;
      min-block-size: 2.5rem;
      border: 0;
      border-radius: 0;
      text-align: center;
      -moz-appearance: textfield;
    }
    .qty input::-webkit-inner-spin-button {
      appearance: none;
    }
    .step {
      inline-size: 2.5rem;
      border: 0;
      background: none;
      font-size: 1.125rem;
      cursor: pointer;
    }
    .step:disabled {
      color: var(--_muted);
      cursor: default;
    }
    .remove {
      grid-area: remove;
      justify-self: end;
      align-self: center;
      display: inline-grid;
      place-items: center;
      inline-size: 2.5rem;
      block-size: 2.5rem;
      border: 0;
      border-radius: 50%;
      background: none;
      color: var(--_muted);
      cursor: pointer;
    }
    .remove:hover {
      color: var(--_danger);
      background: var(--_muted-surface);
    }
    .remove svg {
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    .line-message {
      grid-area: msg;
      margin: 0;
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      color: var(--_danger);
      background: var(--_muted-surface);
      font-size: 0.875rem;
    }
    .toast {
      position: sticky;
      inset-block-end: 0;
      margin-block-start: 1rem;
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      padding: 0.625rem 1rem;
      border-radius: var(--_radius);
      background: var(--_text);
      color: var(--_surface);
    }
    .toast .link {
      color: inherit;
      font-weight: 700;
    }
    .footer {
      display: grid;
      gap: 0.875rem;
      padding: 1rem;
      border-block-start: 1px solid var(--_border);
    }
    /* A short window (a phone on its side, 200 % zoom): a fixed footer would leave the lines a strip,
       so lines, codes and totals scroll as one, under a header that stays. */
    @media (max-height: 32rem) {
      .panel {
        overflow-y: auto;
      }
      .body {
        flex: none;
        overflow: visible;
      }
      .header {
        position: sticky;
        inset-block-start: 0;
        z-index: 1;
        background: var(--_surface);
      }
    }
    .codes {
      display: grid;
      gap: 0.625rem;
    }
    .discount-form label {
      display: block;
      font-weight: 600;
      font-size: 0.875rem;
      margin-block-end: 0.25rem;
    }
    .discount-form .row {
      display: flex;
      gap: 0.5rem;
    }
    .discount-form input {
      text-transform: uppercase;
    }
    .name-link {
      font: inherit;
      font-weight: 600;
      color: inherit;
      background: none;
      border: 0;
      padding: 0;
      text-align: start;
      cursor: pointer;
      text-decoration: underline;
      text-decoration-color: transparent;
      text-underline-offset: 0.2em;
    }
    .name-link:hover,
    .name-link:focus-visible {
      text-decoration-color: currentColor;
    }
    .product-body {
      padding: 0;
    }
    .estimate summary {
      cursor: pointer;
      font-weight: 600;
      font-size: 0.875rem;
    }
    .estimate-form {
      margin-block-start: 0.5rem;
    }
    .estimate-form label {
      display: block;
      font-size: 0.875rem;
      margin-block-end: 0.25rem;
    }
    .estimate-form .row {
      display: flex;
      gap: 0.5rem;
    }
    .estimate-from {
      margin: 0.5rem 0 0.25rem;
      font-weight: 600;
    }
    .estimate-options {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
      font-size: 0.875rem;
    }
    .estimate-options li {
      display: grid;
      grid-template-columns: 1fr auto;
    }
    .estimate-options small {
      grid-column: 1 / -1;
      color: var(--_muted);
    }
    .checkout {
      inline-size: 100%;
      font-size: 1.0625rem;
    }
  `,
];
