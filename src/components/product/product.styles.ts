import { css } from 'lit';

export const productStyles = css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: 1.5rem;
  }
  @container (min-width: 44rem) {
    .base {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 2.5rem;
      align-items: start;
    }
  }
  .gallery {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
  }
  .media {
    aspect-ratio: var(--tote-image-ratio, 1);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_muted-surface);
  }
  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
  }
  .no-image {
    display: block;
    block-size: 100%;
    background: repeating-linear-gradient(45deg, transparent 0 10px, var(--_border) 10px 11px);
  }
  .thumbs {
    display: flex;
    gap: 0.5rem;
    margin: 0;
    padding: 0.125rem;
    list-style: none;
    overflow-x: auto;
  }
  .thumb {
    display: block;
    inline-size: 4rem;
    padding: 0;
    border: 2px solid transparent;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_muted-surface);
    cursor: pointer;
    overflow: hidden;
  }
  .thumb img {
    display: block;
    inline-size: 100%;
    block-size: 4rem;
    object-fit: cover;
  }
  .thumb[aria-pressed='true'] {
    border-color: var(--_accent);
  }
  .info {
    display: grid;
    gap: 1rem;
    align-content: start;
    min-inline-size: 0;
  }
  .name {
    margin: 0;
    font-size: 1.5rem;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .info > .price {
    font-size: 1.25rem;
    font-weight: 600;
  }
  .rating {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.625rem;
    font-size: 0.9375rem;
  }
  .rating .link {
    padding: 0.25rem 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  tote-reviews {
    margin-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }
  .summary {
    margin: 0;
    color: var(--_muted);
  }
  .option {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.5rem;
    font-weight: 600;
  }
  .chosen {
    font-weight: 400;
    color: var(--_muted);
  }
  .values {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .value {
    position: relative;
    cursor: pointer;
  }
  .chip .face {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    padding: 0.25rem 0.85rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .swatch .face {
    display: block;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    border-radius: 50%;
    border: 1px solid var(--_control-border);
    background: var(--swatch);
    box-shadow: inset 0 0 0 3px var(--_surface);
  }
  input:checked + .face {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .swatch input:checked + .face {
    box-shadow: inset 0 0 0 3px var(--_surface), 0 0 0 2px var(--_accent);
  }
  input:focus-visible + .face {
    outline: 2px solid var(--_focus);
    outline-offset: 3px;
  }
  .unavailable {
    cursor: not-allowed;
  }
  .unavailable .face {
    color: var(--_muted);
    border-style: dashed;
    text-decoration: line-through;
    opacity: 0.55;
  }
  .swatch.unavailable::after {
    content: '';
    position: absolute;
    inset: 50% 0.2rem auto;
    border-block-start: 2px solid var(--_text);
    transform: rotate(-45deg);
  }
  /* Forced colours (Windows high contrast) paint every background the same and drop box shadows:
     a swatch keeps its own colour (it is the information), ringed in the text colour, and the
     chosen value gets a thick border in the system's highlight colour (focus keeps the outline). */
  @media (forced-colors: active) {
    .swatch .face {
      forced-color-adjust: none;
      border-color: CanvasText;
      box-shadow: inset 0 0 0 3px Canvas;
    }
    input:checked + .face,
    .swatch input:checked + .face {
      border: 3px solid Highlight;
    }
    .swatch.unavailable::after {
      forced-color-adjust: none;
      border-block-start-color: CanvasText;
    }
  }
  .stock {
    margin: 0;
    font-weight: 600;
  }
  .choice-note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  /* Out of the flow (no gap for it) but never display:none: a live region must stay in the tree to be heard. */
  .choice-note:empty {
    position: absolute;
  }
  .stock.ok {
    color: var(--_success);
  }
  .stock.out {
    color: var(--_danger);
  }
  .buy {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .quantity {
    display: inline-flex;
    align-items: stretch;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .quantity input {
    inline-size: 3.5rem;
    min-block-size: 2.75rem;
    padding: 0;
    border: 0;
    border-inline: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    text-align: center;
    -moz-appearance: textfield;
  }
  .quantity input::-webkit-inner-spin-button {
    -webkit-appearance: none;
  }
  .step {
    inline-size: 2.75rem;
    min-block-size: 2.75rem;
    border: 0;
    background: var(--_surface);
    font-size: 1.25rem;
    cursor: pointer;
  }
  .step:disabled {
    cursor: not-allowed;
    opacity: 0.4;
  }
  .add {
    flex: 1 1 12rem;
  }
  .add.added {
    background: var(--_success);
  }
  .feedback {
    margin: 0;
    min-block-size: 1.5em;
    color: var(--_success);
  }
  .feedback.failed {
    color: var(--_danger);
  }
  .description {
    border-block-start: 1px solid var(--_border);
    padding-block-start: 1rem;
    line-height: 1.55;
    overflow-wrap: anywhere;
  }
  .description a {
    color: var(--_accent);
  }
  .description :first-child {
    margin-block-start: 0;
  }
  .line {
    block-size: 1.25rem;
    inline-size: 60%;
  }
  .line.wide {
    block-size: 2rem;
    inline-size: 90%;
  }
  .line.short {
    inline-size: 35%;
  }
`;
