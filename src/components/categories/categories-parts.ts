// The view parts of <tote-categories>: the breadcrumbs, one tile and the loading tiles. Every name
// is the shop's plain text, rendered as text (Lit escapes it); an image address was checked to be
// http(s) at the API's edge (normCategory).
import { html, nothing } from 'lit';
import type { Category } from '../../api/index.js';
import { msg } from '../../i18n/messages.js';

const countLabel = (locale: string, count: number) => msg(locale, 'categories.count', { count });

/**
 * "All products › Apparel › T-shirts": an ordered list in a labelled `<nav>`, every step but the
 * current one a button; the current one is `aria-current="page"`.
 */
export function breadcrumbsView(locale: string, trail: Category[], go: (trail: Category[]) => void) {
  const steps: { name: string; trail: Category[] }[] = [
    { name: msg(locale, 'categories.all'), trail: [] },
    ...trail.map((category, i) => ({ name: category.name, trail: trail.slice(0, i + 1) })),
  ];
  return html`<nav part="breadcrumbs" class="breadcrumbs" aria-label=${msg(locale, 'categories.path')}>
    <ol>
      ${steps.map((step, i) =>
        i === steps.length - 1
          ? html`<li><span part="crumb" class="crumb" aria-current="page">${step.name}</span></li>`
          : html`<li>
              <button type="button" part="crumb" class="crumb" @click=${() => go(step.trail)}>${step.name}</button>
            </li>`,
      )}
    </ol>
  </nav>`;
}

/** One category: a button with its image (decorative: the name says what it is), name and count. */
export function tileView(locale: string, category: Category, current: boolean, choose: () => void) {
  return html`<li part="item">
    <button
      type="button"
      part="tile"
      class="tile"
      data-category=${category.id}
      aria-current=${current ? 'true' : nothing}
      @click=${choose}
    >
      <span part="media" class="media">
        ${
          category.imageUrl
            ? html`<img part="image" src=${category.imageUrl} loading="lazy" decoding="async" alt="" />`
            : html`<span class="no-image" aria-hidden="true"></span>`
        }
      </span>
      <span part="name" class="name" dir="auto">${category.name}</span>
      <span part="count" class="count">${countLabel(locale, category.productsCount)}</span>
    </button>
  </li>`;
}

/** Grey placeholder tiles, the size of real ones, while a level loads. */
export function skeletonTiles(label: string) {
  return html`<ul part="list" class="list" aria-busy="true" aria-label=${label}>
    ${Array.from(
      { length: 4 },
      () =>
        html`<li part="item" aria-hidden="true">
          <span class="tile">
            <span class="media skeleton"></span>
            <span class="name skeleton line"></span>
            <span class="skeleton line short"></span>
          </span>
        </li>`,
    )}
  </ul>`;
}
