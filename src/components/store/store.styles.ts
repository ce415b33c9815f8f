import { css } from 'lit';

export const storeStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .config-error {
    border: 2px dashed var(--tote-danger, #b91c1c);
    border-radius: 0.5rem;
    padding: 1rem;
    font: inherit;
  }
  .config-error p {
    margin: 0.25rem 0 0;
    overflow-wrap: anywhere;
  }
`;
