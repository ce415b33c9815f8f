import { css } from 'lit';

// Logical properties throughout, so right-to-left pages mirror it; colours from the theme's tokens.
export const categoriesStyles = css`
  :host {
    margin-block-end: 1.5rem;
  }
  .breadcrumbs ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }
  .breadcrumbs li {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .breadcrumbs li + li::before {
    content: '/';
    color: var(--_muted);
  }
  .crumb {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding-inline: 0.25rem;
  }
  button.crumb {
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  .crumb[aria-current] {
    font-weight: 600;
  }
  .title {
    margin: 0 0 1rem;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--tote-tile-min, 9rem)), 1fr));
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    min-inline-size: 0;
  }
  .tile {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    inline-size: 100%;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    text-align: start;
    cursor: pointer;
  }
  .tile[aria-current] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .media {
    display: block;
    inline-size: 100%;
    aspect-ratio: var(--tote-image-ratio, 4 / 3);
    overflow: hidden;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_muted-surface);
    margin-block-end: 0.25rem;
  }
  .media img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .no-image {
    display: block;
    block-size: 100%;
    background: repeating-linear-gradient(45deg, transparent 0 10px, var(--_border) 10px 11px);
    opacity: 0.6;
  }
  .name {
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .count {
    font-size: 0.875rem;
    color: var(--_muted);
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
    padding: 1rem;
  }
  .empty,
  .problem p {
    margin: 0;
  }
`;
