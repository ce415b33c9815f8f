import { Task } from '../../controllers/task.js';
import { html, nothing, type PropertyValues } from 'lit';
import { ApiError } from '../../api/errors.js';
import type { Product, ProductQuery, ProductSort } from '../../api/types/catalog.js';
import { rememberCurrency } from '../../store/currency.js';
import { whenUsed } from '../../dom/lazy-define.js';
import { arrowMove } from '../../dom/arrow-keys.js';
import { ToteElement } from '../base/tote-element.js';
import { controlsView, isFiltered, type GridChoice } from './controls.js';
import { pagerView } from './pager.js';
import { productCard, skeletonCard } from './product-card.js';
import { productsStyles } from './products.styles.js';
import type * as OpenedView from './opened-view.js';
import type * as GridExtras from './grid-extras.js';
import { hasOwnWords, loadAllTexts } from '../../i18n/messages.js';

const SEARCH_DEBOUNCE_MS = 300;
const list = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/**
 * A responsive grid of a shop's products, read with one `GET /products` per page.
 *
 * @summary Product grid with optional search, category, sort, stock and price filters, page size, quick add and paging.
 * @tagname tote-products
 *
 * @fires {CustomEvent<ProductSelectDetail>} tote-product-select - A card was chosen; `detail.product`. Cancelable: call
 *   `preventDefault()` to show the product yourself (e.g. navigate to your own product page).
 *
 * @csspart controls - The toolbar (search, filters, sort).
 * @csspart search - The search box.
 * @csspart select - The category, sort and page-size menus.
 * @csspart price-filter - The lowest and highest price fields (`controls="price"`).
 * @csspart count - The number of products that match (`controls="count"`).
 * @csspart grid - The list of cards.
 * @csspart item - One list item (card or skeleton).
 * @csspart card - The button that opens a product.
 * @csspart media - The fixed-ratio image box of a card.
 * @csspart image - A card's image.
 * @csspart name - A card's product name.
 * @csspart price - A card's price.
 * @csspart rating - A card's rating ("★ 4.6 (12)"), when the list carries reviews.
 * @csspart badge - A card's badge: sold out, "Only N left" (5 or fewer) or "Sale" (`data-kind` = `sold-out`, `low`, `sale`).
 * @csspart quick-add - A card's quick add button (`quick-add`): "Add to cart", or "Choose options" for a product with several variants.
 * @csspart empty - The message shown when nothing matches.
 * @csspart error - The message shown when the products could not be read.
 * @csspart pager - Paging buttons and page number.
 * @csspart dialog - The modal dialog a product opens in (`open="dialog"`).
 * @csspart detail - The inline product panel (`open="inline"`).
 * @csspart close - The dialog's close button and the inline panel's back button.
 * @csspart product - The `<tote-product>` shown in the dialog or the inline panel.
 *
 * @cssprop --tote-card-min - Narrowest card before the grid drops a column (default 10rem).
 * @cssprop --tote-image-ratio - Aspect ratio of card images (default 1).
 */
export class ToteProducts extends ToteElement {
  static override properties = {
    category: {},
    ids: {},
    sort: {},
    perPage: { type: Number, attribute: 'per-page' },
    columns: { type: Number, reflect: true },
    controls: {},
    open: {},
    quickAdd: { type: Boolean, attribute: 'quick-add' },
    choice: { state: true },
    opened: { state: true },
  };
  static override styles = [super.styles, productsStyles];

  /** Only products in these categories: ids or slugs, comma-separated. */
  category = '';

  /** Only these products, in any order the sort gives: ids or slugs, comma-separated. */
  ids = '';

  /** `featured`, `name`, `price` or `newest`; prefix `-` for descending. */
  sort: ProductSort = 'featured';

  /** Products per page (1–100). */
  perPage = 12;

  /** A fixed number of columns on wide screens; by default as many as fit. */
  columns?: number;

  /**
   * Controls to show, space-separated: `search category sort stock price per-page count` (the price
   * range, the page-size menu and the visible number of products). Paging appears when needed.
   */
  controls = '';

  /** How a chosen product opens: `dialog` (modal), `inline` (in place of the grid) or `none` (event only). */
  open: 'dialog' | 'inline' | 'none' = 'dialog';

  /**
   * An add button on every card: a product with one variant goes into the cart from the grid; one
   * with several says "Choose options" and opens the product at its options.
   */
  quickAdd = false;

  /** Replaced, never changed in place: a new object is what tells Lit to draw again. */
  private choice: GridChoice = { q: '', page: 1 };
  private opened: Product | undefined;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The opened product's view (./opened-view.ts), once a card has been chosen. */
  #opener: typeof OpenedView | undefined;
  /** What gets focus back when the opened product closes: its card, or its quick add ("Choose options"). */
  #returnFocusTo: string | undefined;
  #focusNewList = false;
  /** The rarer controls and the quick add (./grid-extras.ts), loaded before a grid that shows them first draws. */
  #extras: typeof GridExtras | undefined;
  #quickAdds: GridExtras.QuickAdds | undefined;
  #extrasLoad: Promise<void> | undefined; // their file, asked for once

  #products = new Task(this, {
    task: async ([shop, key], { signal }) => {
      if (!shop) return new Promise<never>(() => {}); // no shop yet: stay loading until one appears
      const list = await shop.catalog.products(JSON.parse(key) as ProductQuery, signal);
      rememberCurrency(shop, list.meta.currency);
      return list;
    },
    args: () => [this.shop, JSON.stringify(this.#query())] as const,
  });

  #categories = new Task(this, {
    task: async ([shop, wanted]) => (shop && wanted ? (await shop.catalog.categories()).data : []),
    args: () => [this.shop, this.#shown().has('category')] as const,
  });

  #shown(): Set<string> {
    return new Set(list(this.controls));
  }

  #query(): ProductQuery {
    const { page, q, inStock, priceMin, priceMax, ...chosen } = this.choice;
    const query: ProductQuery = { page, perPage: this.#perPage(), sort: chosen.sort ?? this.sort };
    const category = chosen.category ?? this.category;
    if (category) query.category = list(category);
    if (this.ids) query.ids = list(this.ids);
    if (q.trim()) query.q = q.trim();
    if (inStock) query.inStock = true;
    if (priceMin !== undefined) query.priceMin = priceMin;
    if (priceMax !== undefined) query.priceMax = priceMax;
    return query;
  }

  /** The shopper's page size, else the merchant's, within the API's 1–100. */
  #perPage(): number {
    return Math.min(Math.max(Math.round(this.choice.perPage ?? this.perPage) || 1, 1), 100);
  }

  /** Loads the current page again (after an error, for example). */
  refresh(): Promise<unknown> {
    return this.#products.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new filter starts at the first page.
    if (changed.has('category') || changed.has('ids') || changed.has('sort') || changed.has('perPage')) {
      this.choice = { ...this.choice, page: 1 };
    }
    // Through the CSSOM, not a style attribute: pages with a strict style-src CSP allow this.
    if (changed.has('columns')) this.style.setProperty('--_columns', String(Math.max(1, this.columns ?? 1)));
    if (!this.#extrasLoad && this.#wantsExtras()) this.#extrasLoad = this.#loadExtras();
  }

  #wantsExtras(): boolean {
    return this.quickAdd || /\b(price|per-page|count)\b/.test(this.controls);
  }

  async #loadExtras(): Promise<void> {
    const extras = await import('./grid-extras.js');
    extras.adoptExtrasStyles(this.renderRoot as ShadowRoot);
    this.#quickAdds = new extras.QuickAdds(this, () => this.shopLocale);
    this.#extras = extras;
    this.requestUpdate();
  }

  protected override updated(): void {
    if (this.opened && this.open === 'dialog' && this.dialog && !this.dialog.open) this.dialog.showModal();
    // The button that asked for another page (or cleared the filters) is gone with the old list:
    // focus goes to the first card of the new one, never to the page.
    const first = this.#focusNewList && this.#cards()[0];
    if (!first) return;
    this.#focusNewList = false;
    first.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override renderShop() {
    // A grid with rarer controls or quick adds draws once they are here, whole: its toolbar's
    // height and its cards' are known only with them, and nothing may move after the first frame.
    const extras = this.#extras;
    if (!extras && this.#wantsExtras()) return nothing;
    const inline = this.open === 'inline' && this.opened;
    const shown = this.#shown();
    return html`
      <div ?hidden=${!!inline}>
        ${controlsView({
          locale: this.shopLocale,
          shown,
          q: this.choice.q,
          category: this.choice.category ?? this.category,
          sort: this.choice.sort ?? this.sort,
          inStock: !!this.choice.inStock,
          categories: this.#categories.value ?? [],
          onSearch: this.#onSearch,
          onCategory: (event) => this.#filter({ category: (event.target as HTMLSelectElement).value }),
          onSort: (event) => this.#filter({ sort: (event.target as HTMLSelectElement).value as ProductSort }),
          onStock: (event) => this.#filter({ inStock: (event.target as HTMLInputElement).checked }),
          extras: extras?.extraControls({
            locale: this.shopLocale,
            shown,
            priceMin: this.choice.priceMin,
            priceMax: this.choice.priceMax,
            list: this.#products.value?.meta,
            total: this.#products.render({ complete: (page) => page.meta.total }),
            perPage: this.#perPage(),
            onPrice: (bound, minor) => this.#filter({ [bound]: minor }),
            onPerPage: (perPage) => this.#filter({ perPage }),
          }),
        })}
        ${this.quickAdd ? this.#quickAdds?.noteView() : nothing}
        <p class="visually-hidden" role="status">
          ${
            hasOwnWords(this.shopLocale)
              ? this.#products.render({
                  pending: () => this.t('products.loading'),
                  complete: (page) => this.t('products.count', { count: page.meta.total }),
                })
              : nothing
          }
        </p>
        ${this.#products.render({
          initial: () => this.#skeleton(),
          pending: () => this.#skeleton(),
          complete: (page) => {
            if (page.data.length === 0) {
              const filtered = isFiltered(this.choice);
              return html`<div part="empty" class="empty">
                <p>${this.t(filtered ? 'products.no-match' : 'products.empty')}</p>
                ${
                  filtered
                    ? html`<button type="button" class="button secondary" @click=${this.#clearFilters}>${this.t('products.clear')}</button>`
                    : nothing
                }
              </div>`;
            }
            return html`<ul part="grid" class="grid" aria-label=${this.t('products.label')} @keydown=${this.#onKeydown} @click=${this.#onCardClick} @pointerover=${this.#prepare} @focusin=${this.#prepare}>
                ${page.data.map((product, index) =>
                  productCard(
                    product,
                    index,
                    this.shopLocale,
                    page.meta.currency,
                    this.quickAdd ? this.#quickAdds?.button : undefined,
                  ),
                )}
              </ul>
              ${pagerView(this.shopLocale, page.meta.page, page.meta.totalPages, (to) => this.#goTo(to))}`;
          },
          error: (error) =>
            error instanceof ApiError && error.code === 'ABORTED'
              ? this.#skeleton()
              : html`<div part="error" class="problem" role="alert">
                  <p>${this.t('products.error')}</p>
                  <button type="button" class="button" @click=${() => this.refresh()}>${this.t('error.retry')}</button>
                </div>`,
        })}
      </div>
      ${this.#openedView()}
    `;
  }

  #skeleton() {
    // As many as the page will show (the API's most is 100), so the real cards take the same space.
    const count = this.#perPage();
    return html`<ul part="grid" class="grid" aria-busy="true" aria-label=${this.t('products.loading')}>
        ${Array.from({ length: count }, () => skeletonCard(this.quickAdd))}
      </ul>
      ${pagerView(this.shopLocale, 0, 0)}`;
  }

  #openedView() {
    const product = this.opened;
    if (!product || this.open === 'none' || !this.#opener) return nothing;
    return this.#opener.openedView({
      product,
      mode: this.open === 'inline' ? 'inline' : 'dialog',
      theme: this.theme,
      t: (key) => this.t(key),
      onClose: this.#close,
    });
  }

  #onSearch = (event: InputEvent) => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    // Typing waits for a pause; a newer search aborts the older request (the Task's signal).
    this.#searchTimer = setTimeout(() => this.#filter({ q: value }), SEARCH_DEBOUNCE_MS);
  };

  /** A new choice starts at the first page. */
  #filter(change: Partial<GridChoice>): void {
    this.choice = { ...this.choice, ...change, page: 1 };
  }

  #clearFilters = () => {
    this.#focusNewList = this.matches(':focus-within');
    const { sort, perPage } = this.choice;
    this.choice = { q: '', page: 1, sort, perPage };
  };

  #goTo(page: number): void {
    this.#focusNewList = this.matches(':focus-within');
    this.choice = { ...this.choice, page };
    // A smooth glide only for those who have not asked for less motion (WCAG 2.3.3).
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.scrollIntoView?.({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  }

  #cards(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.grid .card[data-index]')];
  }

  /** Each card is a Tab stop of its own; the arrow keys, Home and End are a shortcut across the grid. */
  #onKeydown = (event: KeyboardEvent) => {
    const card = (event.target as Element).closest<HTMLElement>('.card[data-index]');
    if (card) arrowMove(event, this.#cards(), Number(card.dataset.index));
  };

  /** A pointer over the cards or focus among them: the product view, the drawer and the quick add start loading. */
  #prepare = () => void ((this.quickAdd || this.open !== 'none') && whenUsed('tote-product'));

  #onCardClick = (event: Event) => {
    const target = event.target as Element;
    const card = target.closest<HTMLElement>('.card[data-index], .quick[data-quick]');
    const product = card && this.#products.value?.data[Number(card.dataset.index ?? card.dataset.quick)];
    if (!product) return;
    if (card.dataset.quick === undefined) void this.#openProduct(product, false);
    else if (this.shop) void this.#quickAdds?.press(this.shop, product, (full) => this.#openProduct(full, true));
  };

  /** Opens a product (unless the page shows it itself), at its options for "Choose options". */
  async #openProduct(product: Product, atOptions: boolean): Promise<void> {
    if (!this.emit('tote-product-select', { product }, { cancelable: true }) || this.open === 'none') return;
    this.#returnFocusTo = `${atOptions ? '.quick' : '.card'}[data-product="${CSS.escape(product.id)}"]`;
    // The product view and the dialog that holds it load on first use.
    // (The dialog's words come with the product view's: its "Close" is not in the first paint.)
    const [, opener] = await Promise.all([
      whenUsed('tote-product'),
      import('./opened-view.js'),
      loadAllTexts(this.shopLocale),
    ]);
    opener.adoptOpenedStyles(this.renderRoot as ShadowRoot);
    this.#opener = opener;
    this.opened = product;
    if (!atOptions) return;
    await this.updateComplete;
    this.renderRoot.querySelector('tote-product')?.focusOptions();
  }

  #close = async () => {
    if (this.dialog?.open) this.dialog.close();
    this.opened = undefined;
    await this.updateComplete;
    if (this.#returnFocusTo) this.renderRoot.querySelector<HTMLElement>(this.#returnFocusTo)?.focus();
  };
}
