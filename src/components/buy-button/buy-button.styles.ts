import { css } from 'lit';

export const buyButtonStyles = css`
  :host {
    display: inline-grid;
    gap: 0.35rem;
    justify-items: start;
  }
  .button.added {
    background: var(--_success);
  }
  .status {
    font-size: 0.875rem;
  }
  .status:empty {
    display: none;
  }
  .status.failed {
    color: var(--_danger);
  }
`;
