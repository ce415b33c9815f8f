import { css } from 'lit';

export const storeStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
`;
