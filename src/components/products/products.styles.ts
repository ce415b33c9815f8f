import { css } from 'lit';

export const productsStyles = css`
  :host {
    container-type: inline-size;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin-block-end: 1rem;
  }
  .control {
    flex: 1 1 9rem;
    display: grid;
    gap: 0.25rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .control.search {
    flex: 1 1 100%;
  }
  @container (min-width: 48rem) {
    .control.search {
      flex-basis: 14rem;
    }
  }
  .control.check {
    flex: 0 0 auto;
    display: flex;
    align-items: center;
    min-block-size: 2.75rem;
    color: var(--_text);
  }
  input[type='search'],
  input[type='number'],
  select {
    min-block-size: 2.75rem;
    inline-size: 100%;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    accent-color: var(--_accent);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--tote-card-min, 10rem)), 1fr));
    gap: 1.5rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  @container (min-width: 40rem) {
    :host([columns]) .grid {
      grid-template-columns: repeat(var(--_columns), minmax(0, 1fr));
    }
  }
  li {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-inline-size: 0;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    inline-size: 100%;
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  .media {
    position: relative;
    display: block;
    inline-size: 100%;
    aspect-ratio: var(--tote-image-ratio, 1);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_muted-surface);
    margin-block-end: 0.25rem;
  }
  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  /* The hover zoom only for those who have not asked for less motion. */
  @media (prefers-reduced-motion: no-preference) {
    .media img {
      transition: transform 0.3s ease;
    }
    .card:hover img {
      transform: scale(1.03);
    }
  }
  .no-image {
    display: block;
    block-size: 100%;
    background: repeating-linear-gradient(45deg, transparent 0 10px, var(--_border) 10px 11px);
    opacity: 0.6;
  }
  .media .badge {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-start: 0.5rem;
  }
  .badge[data-kind='sale'] {
    background: var(--_sale);
  }
  .name {
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    min-block-size: 2.6em; /* two lines, whether the name takes one or two */
  }
  /* The price and the rating share one line of fixed height: a card's height never depends on its data. */
  .meta {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    block-size: 1.5rem;
    white-space: nowrap;
  }
  .meta small {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .card .price {
    flex: none;
    font-size: 0.95rem;
  }
  /* The quick add's row in a placeholder card (its button's styles: grid-extras.ts). */
  span.quick {
    display: block;
    block-size: 2.75rem;
    margin-block-start: auto;
    border-radius: var(--_radius);
  }
  .line {
    display: block;
    block-size: 1em;
    inline-size: 80%;
  }
  .line.short {
    inline-size: 40%;
  }
  .empty,
  .problem {
    display: grid;
    justify-items: start;
    gap: 0.75rem;
    padding: 2rem 1rem;
    text-align: start;
  }
  .empty p,
  .problem p {
    margin: 0;
  }
  /* Kept as a row of its own even when there is one page (or none yet): the grid's height is known before its data. */
  .pager {
    min-block-size: 2.75rem;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 1rem;
    margin-block-start: 1.5rem;
    font-variant-numeric: tabular-nums;
  }
`;
