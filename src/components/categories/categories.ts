import { html } from 'lit';
import type { Category } from '../../api/index.js';
import { Task } from '../../controllers/task.js';
import type { CategorySelectDetail } from '../../events/category-select.js';
import type { ToteShop } from '../../store/index.js';
import { LazyToteElement } from '../base/lazy-element.js';
import { breadcrumbsView, skeletonTiles, tileView } from './categories-parts.js';
import { categoriesStyles } from './categories.styles.js';

/** What the element shows for one level: its tiles, and whether they are the current one's siblings. */
interface Level {
  tiles: Category[];
  /** The current category has no children: its siblings are shown, the current one marked. */
  siblings: boolean;
}

/** The categories under `parentId`, or the top ones (whose parent the list does not have) for null. */
function under(all: Category[], parentId: string | null): Category[] {
  if (parentId) return all.filter((category) => category.parentId === parentId);
  const ids = new Set(all.map((category) => category.id));
  return all.filter((category) => !category.parentId || !ids.has(category.parentId));
}

/**
 * The shop's categories as tiles with their image and product count. A tile narrows a
 * `<tote-products>` on the page to its category and shows the category's own children (read with
 * `GET /categories/{id}?include=children,parent`); the breadcrumbs lead back up to "All products".
 * A category without children keeps its siblings in view, itself marked as the current one.
 * After every choice the focus moves to the new level's heading.
 *
 * The grid it drives is the one named by `for` (an element id), else the first `<tote-products>`
 * in the same `<tote-store>` (or on the page, for a shop set up with `configure()`).
 *
 * @summary Category tiles with drill-down and breadcrumbs that filter a product grid.
 * @tagname tote-categories
 *
 * @fires {CustomEvent<CategorySelectDetail>} tote-category-select - A category (or "All products") was chosen;
 *   `detail: {id, slug, name}` (empty `id` and `slug` for "All products"). Cancelable: call `preventDefault()`
 *   and nothing changes (neither the tiles nor the grid).
 *
 * @csspart base - The whole section.
 * @csspart breadcrumbs - The breadcrumbs' `<nav>`.
 * @csspart crumb - One step of the breadcrumbs (a button, or the current one's text).
 * @csspart title - The current level's heading.
 * @csspart list - The list of tiles.
 * @csspart item - One list item (tile or skeleton).
 * @csspart tile - The button of one category.
 * @csspart media - The fixed-ratio image box of a tile.
 * @csspart image - A tile's image.
 * @csspart name - A tile's category name.
 * @csspart count - A tile's product count.
 * @csspart empty - The message shown when there are no categories.
 * @csspart error - The message shown when the categories could not be read.
 *
 * @cssprop --tote-tile-min - Narrowest tile before the list drops a column (default 9rem).
 * @cssprop --tote-image-ratio - Aspect ratio of tile images (default 4 / 3).
 */
export class ToteCategories extends LazyToteElement {
  static override properties = {
    htmlFor: { attribute: 'for' },
    trail: { state: true },
  };
  static override styles = [super.styles, categoriesStyles];

  /** The id of the `<tote-products>` to drive; by default the first one in the same `<tote-store>`. */
  htmlFor = '';

  /** The categories from the top down to the current one (empty: all products). */
  private trail: Category[] = [];

  #level = new Task(this, {
    task: async ([shop, id]: readonly [ToteShop | undefined, string]): Promise<Level> => {
      if (!shop) return new Promise<never>(() => {}); // no shop yet: stay loading until one appears
      const all = (await shop.catalog.categories()).data;
      if (!id) return { tiles: under(all, null), siblings: false };
      const category = await shop.api.category(id, { include: ['children', 'parent'] });
      if (category.children?.length) return { tiles: category.children, siblings: false };
      const parentId = category.parent?.id ?? category.parentId;
      return { tiles: under(all, parentId && all.some((c) => c.id === parentId) ? parentId : null), siblings: true };
    },
    args: () => [this.shop, this.trail.at(-1)?.id ?? ''] as const,
  });

  /** The grid this element drives, if the page has one. */
  get products(): HTMLElementTagNameMap['tote-products'] | null {
    if (this.htmlFor) {
      const root = this.getRootNode() as Document | ShadowRoot;
      const named = root.getElementById?.(this.htmlFor) ?? document.getElementById(this.htmlFor);
      return named?.localName === 'tote-products' ? (named as HTMLElementTagNameMap['tote-products']) : null;
    }
    return (this.closest('tote-store') ?? document).querySelector('tote-products');
  }

  /** Reads the current level again (after an error, for example). */
  refresh(): Promise<unknown> {
    return this.#level.run();
  }

  protected override renderShop() {
    const current = this.trail.at(-1);
    return html`<section part="base" class="categories" aria-labelledby="categories-title">
      ${breadcrumbsView(this.shopLocale, this.trail, this.#choose)}
      <h2 part="title" class="title" id="categories-title" tabindex="-1">
        ${current ? current.name : this.t('categories.title')}
      </h2>
      <p class="visually-hidden" role="status">
        ${this.#level.render({ pending: () => this.t('categories.loading') })}
      </p>
      ${this.#level.render({
        initial: () => skeletonTiles(this.t('categories.loading')),
        pending: () => skeletonTiles(this.t('categories.loading')),
        complete: (level) =>
          level.tiles.length
            ? html`<ul part="list" class="list" aria-labelledby="categories-title">
                ${level.tiles.map((category) =>
                  tileView(this.shopLocale, category, level.siblings && category.id === current?.id, () =>
                    this.#choose(level.siblings ? this.trail.slice(0, -1).concat(category) : [...this.trail, category]),
                  ),
                )}
              </ul>`
            : html`<p part="empty" class="empty">${this.t('categories.empty')}</p>`,
        error: () =>
          html`<div part="error" class="problem" role="alert">
            <p>${this.t('categories.error')}</p>
            <button type="button" class="button" @click=${() => this.refresh()}>${this.t('error.retry')}</button>
          </div>`,
      })}
    </section>`;
  }

  /** Goes to `trail`'s last category (or to all products), unless a listener vetoes it. */
  #choose = async (trail: Category[]): Promise<void> => {
    const category = trail.at(-1);
    const detail: CategorySelectDetail = category
      ? { id: category.id, slug: category.slug, name: category.name }
      : { id: '', slug: '', name: this.t('categories.all') };
    if (!this.emit('tote-category-select', detail, { cancelable: true })) return;
    const grid = this.products;
    if (grid) grid.category = detail.id;
    this.trail = trail;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#categories-title')?.focus();
  };
}
