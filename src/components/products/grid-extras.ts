// What only some grids show (issue 18), in a file of its own that such a grid loads before it first
// draws, so the README's page (issue 21's first paint) carries none of it: the price range, the
// page-size menu and the count (`controls="price per-page count"`), and the cards' quick add
// buttons with their states (`quick-add`). The quick add's work, the add itself, loads with the
// shop's file on the first click (quick-add.ts), where the cart drawer that opens on it lives too.
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { adoptOnce } from '../base/adopt-styles.js';
import type { Product } from '../../api/index.js';
import { formatNumber, msg } from '../../i18n/messages.js';
import { fractionDigits } from '../../model/money.js';
import { addsAtOnce } from '../../model/variants.js';
import type { ToteShop } from '../../store/index.js';
import type { QuickAddView } from './product-card.js';
import type { QuickAdd } from './quick-add.js';

/** What the extra controls show and change; prices in minor units. */
export interface ExtraControlsState {
  locale: string;
  shown: ReadonlySet<string>;
  priceMin: number | undefined;
  priceMax: number | undefined;
  /**
   * The last list's `meta`: the currency the prices are in and the range of everything that
   * matches; undefined before the first list (the price fields wait for its currency).
   */
  list: { priceMin: number | null; priceMax: number | null; currency: string } | undefined;
  /** How many products match; undefined while a list loads. */
  total: number | undefined;
  perPage: number;
  /** A price field changed: its bound (undefined: cleared). */
  onPrice: (bound: 'priceMin' | 'priceMax', minor: number | undefined) => void;
  onPerPage: (perPage: number) => void;
}

/** The per-page choices, with the merchant's own `per-page` among them. */
const PER_PAGE = [12, 24, 48, 96];

/** A price field: in the currency's main unit (19.99), filtered in minor units (1999). */
function priceField(s: ExtraControlsState, bound: 'priceMin' | 'priceMax') {
  // Until the first list says the currency, a typed price could not be scaled (¥ 0 digits, KWD 3).
  const scale = s.list && 10 ** fractionDigits(s.list.currency);
  const edge = (minor: number | null | undefined) => (scale && minor != null ? String(minor / scale) : undefined);
  return html`<label class="control price">
    <span>${msg(s.locale, bound === 'priceMin' ? 'products.price-min' : 'products.price-max')}</span>
    <input
      part="price-filter"
      type="number"
      inputmode="decimal"
      min="0"
      step="any"
      .value=${edge(s[bound]) ?? ''}
      placeholder=${edge(s.list?.[bound]) ?? nothing}
      ?disabled=${!scale}
      @change=${(event: Event) => {
        const input = event.target as HTMLInputElement;
        const number = input.value === '' ? NaN : input.valueAsNumber;
        // Empty or not a price (negative, a typo): the bound is cleared, the field with it. (The
        // field is disabled until `scale` is known.)
        s.onPrice(bound, number >= 0 ? Math.round(number * scale!) : undefined);
      }}
    />
  </label>`;
}

/** The price range, the page-size menu and the count, in the grid's toolbar after its other controls. */
export function extraControls(s: ExtraControlsState) {
  const t = (key: string) => msg(s.locale, key);
  return html`${s.shown.has('price') ? [priceField(s, 'priceMin'), priceField(s, 'priceMax')] : nothing}
  ${
    s.shown.has('per-page')
      ? html`<label class="control">
        <span>${t('products.per-page')}</span>
        <select part="select" @change=${(event: Event) => s.onPerPage(Number((event.target as HTMLSelectElement).value))}>
          ${[...new Set([...PER_PAGE, s.perPage])]
            .sort((a, b) => a - b)
            .map((n) => html`<option value=${n} ?selected=${s.perPage === n}>${formatNumber(s.locale, n)}</option>`)}
        </select>
      </label>`
      : nothing
  }
  ${
    s.shown.has('count')
      ? html`<p part="count" class="count">${s.total === undefined ? '' : msg(s.locale, 'products.count', { count: s.total })}</p>`
      : nothing
  }`;
}

/** A grid's quick adds: each card's button and state, and what the grid says aloud of them. */
export class QuickAdds {
  #host: ReactiveControllerHost & HTMLElement;
  #locale: () => string;
  #states = new Map<string, QuickAdd>();
  #note = '';

  constructor(host: ReactiveControllerHost & HTMLElement, locale: () => string) {
    this.#host = host;
    this.#locale = locale;
  }

  /**
   * "Add to cart" for a product with one variant, "Choose options" for one with several; "Adding…",
   * "Added to cart" or the refusal while an add is under way. Its name says which product ("Add to
   * cart: Mug"), since a grid has many.
   */
  button: QuickAddView = (product, index, soldOut) => {
    const { state, failure } = this.#states.get(product.id) ?? { state: 'idle', failure: '' };
    const label = soldOut
      ? 'stock.sold-out'
      : state === 'idle'
        ? addsAtOnce(product)
          ? 'product.add'
          : 'product.choose'
        : state === 'failed'
          ? failure
          : `product.${state}`;
    return html`<button
      type="button"
      part="quick-add"
      class="button secondary quick ${state}"
      data-quick=${index}
      data-product=${product.id}
      ?disabled=${soldOut}
      aria-disabled=${state === 'adding' ? 'true' : nothing}
    >
      <span class="quick-label">${msg(this.#locale(), label)}</span><span class="visually-hidden"
        >: <bdi>${product.name}</bdi></span
      >
    </button>`;
  };

  /** The live region the grid says its adds in (a cart on the page says them itself). */
  noteView() {
    return html`<p class="visually-hidden" role="status">${this.#note}</p>`;
  }

  /** A card's quick add was pressed: into the cart, or the product opened at its options. */
  async press(shop: ToteShop, product: Product, chooseOptions: (product: Product) => unknown) {
    if (this.#states.get(product.id)?.state === 'adding') return;
    const { quickAdd } = await import('./quick-add.js');
    await quickAdd(this.#host, shop, this.#locale(), product, {
      show: (quick, still) => {
        if (still && this.#states.get(product.id) !== still) return;
        if (quick) this.#states.set(product.id, quick);
        else this.#states.delete(product.id);
        this.#host.requestUpdate();
      },
      say: (text) => {
        this.#note = text;
        this.#host.requestUpdate();
      },
      chooseOptions,
    });
  }
}

const extrasStyles = css`
  .control.price {
    flex-basis: 6rem;
  }
  /* Its row's height before the number arrives: the toolbar never grows under the shopper. */
  .count {
    margin: 0;
    min-block-size: 2.75rem;
    display: flex;
    align-items: center;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  /* One line whatever it says ("Adding…", a refusal), so a card's height never changes. */
  .quick {
    margin-block-start: auto;
    padding-inline: 0.75rem;
    min-inline-size: 0;
  }
  .quick-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .quick.added {
    border-color: var(--_success);
    color: var(--_success);
  }
  .quick.failed {
    border-color: var(--_danger);
    color: var(--_danger);
  }
`;

/** Adds these styles to the grid's shadow root, once. */
export const adoptExtrasStyles = (root: ShadowRoot): void => adoptOnce(root, extrasStyles);
