import { html, nothing } from 'lit';
import type { Product } from '../../api/index.js';
import { msg } from '../../i18n/messages.js';
import { availability, type Selection } from '../../model/product.js';

/**
 * The product's options as groups of native radio buttons drawn as chips (or colour swatches):
 * the browser gives one tab stop per group, arrow keys that move and select, and skips disabled
 * values. A value that cannot be bought with the choices before it is disabled, and its label says
 * why ("sold out", "not made in this combination") — to screen readers too, not only by colour.
 */
/**
 * The merchant's swatch colour, if it is one. Only an allow-list grammar passes — `#rgb`, `#rgba`,
 * `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`/`hsl()`/`hsla()` of numbers, or a colour name in plain
 * letters — and then only a real colour (`CSS.supports`). `CSS.supports` alone is not enough: it
 * accepts `var(--x, url(…))`, which would fetch from another host through `--swatch`. Anything
 * else (a `;` that would smuggle in more declarations, too) draws a chip with the value's name.
 */
// Hex digits (their count: CSS.supports), numeric colour functions, or plain letters; nothing else.
const COLOR = /^(#[\da-f]{3,8}|(rgb|hsl)a?\(([\d\s.,%/+-]|deg)*\)|[a-z]+)$/i;
export const swatchColor = (color: string | null): string | null =>
  color && COLOR.test(color) && CSS.supports('color', color) ? color : null;

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
          const reason = why
            ? msg(locale, why === 'sold-out' ? 'product.value-sold-out' : 'product.value-missing')
            : '';
          const color = swatchColor(value.color);
          return html`<label
            part="value"
            class="value ${color ? 'swatch' : 'chip'} ${why ? 'unavailable' : ''}"
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
            ${
              color
                ? // A property, not the style attribute: CSSOM writes pass a strict CSP, style="" does not.
                  html`<span class="face" .style=${`--swatch:${color}`}></span
                  ><span class="visually-hidden">${value.value}</span>`
                : html`<span class="face">${value.value}</span>`
            }
            ${why ? html`<span class="visually-hidden">, ${reason}</span>` : nothing}
          </label>`;
        })}
      </div>
    </fieldset>`;
  });
}
