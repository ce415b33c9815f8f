import { css } from 'lit';

export const reviewsStyles = css`
  .title {
    margin: 0;
    font-size: 1.375rem;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .summary {
    display: grid;
    gap: 0.75rem 2rem;
    align-items: center;
    justify-content: start;
  }
  @container (min-width: 34rem) {
    .summary {
      grid-template-columns: auto minmax(14rem, 22rem);
    }
  }
  .average {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.625rem;
  }
  .average .big {
    font-size: 2.25rem;
    font-weight: 700;
    line-height: 1;
  }
  .average .stars {
    font-size: 1.25rem;
  }
  .distribution {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .distribution li {
    display: grid;
    grid-template-columns: 2.5rem 1fr 2.5rem;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    display: block;
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_muted-surface);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    inline-size: var(--_share, 0%);
    background: var(--tote-star, #f59e0b);
  }
  .bar-count {
    text-align: end;
    color: var(--_muted);
  }
  .list {
    display: grid;
    gap: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .review {
    padding-block: 1rem;
    border-block-end: 1px solid var(--_border);
  }
  .review article {
    display: grid;
    gap: 0.375rem;
  }
  .review-title {
    margin: 0;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  .content {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .badge.verified {
    background: transparent;
    color: var(--_success);
    border: 1px solid currentColor;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
  }
  .form {
    display: grid;
    gap: 0.875rem;
    max-inline-size: 36rem;
    padding-block-start: 0.5rem;
  }
  .form h3 {
    margin: 0;
    font-size: 1.125rem;
  }
  .field label,
  legend {
    display: block;
    font-weight: 600;
    font-size: 0.875rem;
    margin-block-end: 0.25rem;
    padding: 0;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  textarea {
    resize: vertical;
  }
  .rate {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .rate-stars {
    display: flex;
    gap: 0.125rem;
  }
  /* Each star is a native radio, drawn as a star: the chosen one and those before it are filled. */
  .star {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    border-radius: var(--_radius);
    font-size: 1.75rem;
    line-height: 1;
    color: var(--_muted);
    cursor: pointer;
  }
  .star input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .rate-stars:has(input:checked) .star,
  .rate-stars .star:hover,
  .rate-stars .star:has(~ .star:hover) {
    color: var(--tote-star, #f59e0b);
  }
  .rate-stars .star:has(input:checked) ~ .star:not(:hover):not(:has(~ .star:hover)) {
    color: var(--_muted);
  }
  .star:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
`;
