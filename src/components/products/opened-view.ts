// The product a grid opened: in a modal dialog (`open="dialog"`) or in place of the grid
// (`open="inline"`), with its styles. Loaded with the product view when a card is first chosen,
// so the first paint carries none of it (issue 21).
import { css, html, nothing } from 'lit';
import { adoptOnce } from '../base/adopt-styles.js';
import type { Product } from '../../api/types/catalog.js';

export interface OpenedViewOptions {
  product: Product;
  mode: 'dialog' | 'inline';
  theme: string | undefined;
  t: (key: string) => string;
  /** The dialog closed, or the inline panel's back button was pressed. */
  onClose: () => void;
}

export function openedView({ product, mode, theme, t, onClose }: OpenedViewOptions) {
  const view = html`<tote-product part="product" product=${product.id} theme=${theme ?? nothing}></tote-product>`;
  if (mode === 'inline') {
    return html`<section part="detail" class="detail" aria-label=${product.name}>
      <button type="button" part="close" class="button secondary back" @click=${onClose}>${t('product.back')}</button>
      ${view}
    </section>`;
  }
  // A click on the backdrop is a click on the dialog itself, outside its content.
  const closeDialog = (event: Event) => (event.currentTarget as Element).closest('dialog')?.close();
  return html`<dialog
    part="dialog"
    aria-label=${product.name}
    @close=${onClose}
    @click=${(event: MouseEvent) => event.target === event.currentTarget && closeDialog(event)}
  >
    <button type="button" part="close" class="close" @click=${closeDialog}>
      <span aria-hidden="true">×</span><span class="visually-hidden">${t('product.close')}</span>
    </button>
    ${view}
  </dialog>`;
}

const openedStyles = css`
  dialog {
    inline-size: min(100% - 1rem, 64rem);
    max-block-size: calc(100% - 1rem);
    padding: 1.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .close {
    position: sticky;
    inset-block-start: 0;
    float: inline-end;
    z-index: 1;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    margin-block: -0.75rem 0;
    margin-inline: 0 -0.75rem;
    border: 1px solid var(--_control-border);
    border-radius: 50%;
    background: var(--_surface);
    font-size: 1.5rem;
    line-height: 1;
    cursor: pointer;
  }
  .detail .back {
    margin-block-end: 1rem;
  }
  @media (max-width: 30rem) {
    dialog {
      padding: 1rem;
    }
  }
`;

/** Adds these styles to the grid's shadow root, once. */
export const adoptOpenedStyles = (root: ShadowRoot): void => adoptOnce(root, openedStyles);
