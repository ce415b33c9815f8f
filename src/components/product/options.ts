import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Product } from '../../api/index.js';
import { msg } from '../../internal/messages.js';
import { availability, type Selection } from '../../internal/product-model.js';

/**
 * The product's options as groups of native radio buttons drawn as chips (or colour swatches):
 * the browser gives one tab stop per group, arrow keys that move and select, and skips disabled
 * values. A value that cannot be bought with the choices before it is disabled, and its label says
 * why ("sold out", "not made in this combination") — to screen readers too, not only by colour.
 */
export function optionsView(
  product: Product,
  selection: Selection,
  locale: string,
  onChoose: (optionIndex: number, valueId: string) => void,
) {
  if (product.options.length === 0) return nothing;
  return product.options.map((option, optionIndex) => {
    const chosen = option.values.find((value) => value.id === selection[option.id]);
    return html`<fieldset part="option" class="option">
      <legend>
        ${option.name}${chosen ? html`: <span class="chosen">${chosen.value}</span>` : nothing}
      </legend>
      <div class="values">
        ${option.values.map((value) => {
          const why = availability(product, selection, optionIndex, value.id);
          const reason = why ? msg(locale, why === 'sold-out' ? 'product.value-sold-out' : 'product.value-missing') : '';
          return html`<label
            part="value"
            class="value ${value.color ? 'swatch' : 'chip'} ${why ? 'unavailable' : ''}"
            title=${why ? `${value.value} — ${reason}` : value.value}
          >
            <input
              type="radio"
              class="visually-hidden"
              name=${option.id}
              value=${value.id}
              .checked=${selection[option.id] === value.id}
              ?disabled=${why !== null}
              @change=${() => onChoose(optionIndex, value.id)}
            />
            ${value.color
              ? html`<span class="face" style=${styleMap({ '--swatch': value.color })}></span
                  ><span class="visually-hidden">${value.value}</span>`
              : html`<span class="face">${value.value}</span>`}
            ${why ? html`<span class="visually-hidden">, ${reason}</span>` : nothing}
          </label>`;
        })}
      </div>
    </fieldset>`;
  });
}
