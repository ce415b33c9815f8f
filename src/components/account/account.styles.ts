import { css } from 'lit';

export const accountStyles = css`
  .title {
    margin: 0;
    font-size: 1.375rem;
  }
  .title:focus {
    outline: none;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.0625rem;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  form {
    display: grid;
    gap: 0.875rem;
    max-inline-size: 26rem;
  }
  .field label {
    display: block;
    font-weight: 600;
    font-size: 0.875rem;
    margin-block-end: 0.25rem;
  }
  .code input {
    max-inline-size: 12rem;
    font-size: 1.375rem;
    letter-spacing: 0.35em;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .link[aria-disabled='true'] {
    color: var(--_muted);
    cursor: not-allowed;
  }
  .orders,
  .addresses {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .addresses {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
  }
  .order,
  address {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .order {
    display: grid;
    gap: 0.375rem;
  }
  .order-number {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .order dl {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.5rem 1rem;
    margin: 0;
  }
  @container (max-width: 24rem) {
    .order dl {
      grid-template-columns: 1fr;
    }
  }
  .order dt {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .order dd {
    margin: 0;
  }
  address {
    display: block;
    font-style: normal;
    overflow-wrap: anywhere;
  }
`;
