import { html, nothing } from 'lit';
import type { Category, ProductSort } from '../../api/index.js';
import { msg } from '../../i18n/messages.js';

/**
 * The optional controls a merchant can switch on with `controls="search category sort stock"`; the
 * rarer ones (`price per-page count`) are in grid-extras.ts.
 */
export type ControlName = 'search' | 'category' | 'sort' | 'stock' | 'price' | 'per-page' | 'count';

export interface ControlsState {
  locale: string;
  shown: ReadonlySet<string>;
  q: string;
  category: string;
  sort: string;
  inStock: boolean;
  categories: readonly Category[];
  onSearch: (event: InputEvent) => void;
  onCategory: (event: Event) => void;
  onSort: (event: Event) => void;
  onStock: (event: Event) => void;
  /** The rarer controls, drawn by grid-extras.ts, after these. */
  extras: unknown;
}

export const SORTS: readonly ProductSort[] = ['featured', 'newest', 'price', '-price', 'name'];

/** What the shopper chose in the grid (the merchant's attributes stand where nothing was chosen). */
export interface GridChoice {
  q: string;
  page: number;
  category?: string;
  sort?: ProductSort;
  inStock?: boolean;
  /** Minor units of the list's currency. */
  priceMin?: number;
  priceMax?: number;
  perPage?: number;
}

/** Whether the shopper narrowed the list (an empty one then offers "Clear filters"). */
export const isFiltered = (c: GridChoice): boolean =>
  !!(c.q.trim() || c.category || c.inStock || c.priceMin !== undefined || c.priceMax !== undefined);

/** The toolbar above the grid; empty when no control was asked for. */
export function controlsView(s: ControlsState) {
  if (s.shown.size === 0) return nothing;
  const t = (key: string) => msg(s.locale, key);
  return html`<div part="controls" class="controls">
    ${
      s.shown.has('search')
        ? html`<label class="control search">
          <span>${t('products.search')}</span>
          <input
            part="search"
            type="search"
            .value=${s.q}
            autocomplete="off"
            @input=${s.onSearch}
          />
        </label>`
        : nothing
    }
    ${
      s.shown.has('category')
        ? html`<label class="control">
          <span>${t('products.category')}</span>
          <select part="select" @change=${s.onCategory}>
            <option value="" ?selected=${!s.category}>${t('products.all')}</option>
            ${s.categories.map(
              (category) =>
                html`<option value=${category.slug} ?selected=${s.category === category.slug}>
                  ${category.parentId ? '\u2003' : ''}${category.name}
                </option>`,
            )}
          </select>
        </label>`
        : nothing
    }
    ${
      s.shown.has('sort')
        ? html`<label class="control">
          <span>${t('products.sort')}</span>
          <select part="select" @change=${s.onSort}>
            ${SORTS.map((sort) => html`<option value=${sort} ?selected=${s.sort === sort}>${t(`sort.${sort}`)}</option>`)}
          </select>
        </label>`
        : nothing
    }
    ${
      s.shown.has('stock')
        ? html`<label class="control check">
          <input type="checkbox" .checked=${s.inStock} @change=${s.onStock} />
          <span>${t('products.in-stock')}</span>
        </label>`
        : nothing
    }
    ${s.extras}
  </div>`;
}
