import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { ShopController } from '../../controllers/shop-controller.js';
import { fire, type ToteEventDetail } from '../../events/fire.js';
import type { ToteEventName } from '../../events/index.js';
import { msg } from '../../i18n/messages.js';
import type { CartState, ToteShop } from '../../store/index.js';
import { themeStyles } from '../../styles/theme.js';
import { configProblemStyles, configProblemView } from './config-problem.js';

type ToteClass = typeof ToteElement;

/**
 * What every Tote element shares: the shop it belongs to (and its cart), its words in the shop's
 * language (`t()`), the `theme` attribute and the theme's styles, the set-up problem's box in place
 * of its content, and typed events (`emit()`). An element says what it needs with the static
 * flags below, lists its styles after `super.styles`, and draws itself in `renderShop()`. The
 * elements that load lazily extend LazyToteElement (lazy-element.ts), which waits for their words.
 *
 * @attr color-scheme - The older name of `theme`: `light`, `dark` or `auto` (follow the page).
 * @cssprop --tote-accent - Buttons, links, the chosen option, badges (default blue).
 * @cssprop --tote-on-accent - Text on the accent colour.
 * @cssprop --tote-surface - The background of panels, cards and fields.
 * @cssprop --tote-muted-surface - Quieter backgrounds: skeletons, chips, image wells.
 * @cssprop --tote-text - Text colour.
 * @cssprop --tote-muted - Secondary text: notes, labels, old prices.
 * @cssprop --tote-border - Dividers and card edges.
 * @cssprop --tote-control-border - What marks a control out (fields, steppers, chips, swatches, secondary buttons); keep it at 3:1 against the surface.
 * @cssprop --tote-danger - Errors and refusals.
 * @cssprop --tote-success - Confirmations: added, applied, paid.
 * @cssprop --tote-sale - Sale prices and badges.
 * @cssprop --tote-focus - The focus ring.
 * @cssprop --tote-radius - Corner radius of buttons, cards and fields (default 0.5rem).
 * @cssprop --tote-font - Font family (default: the page's).
 * @csspart config-error - The box that says what is wrong with the set-up (no shop, a refused key), in place of the element.
 */
export abstract class ToteElement extends LitElement {
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
  };

  /**
   * What every element's styles start with: the theme tokens (src/styles/theme.ts) and the set-up
   * problem's box. An element puts its own after them: `static styles = [super.styles, own]`.
   */
  static override styles: CSSResultGroup = [themeStyles, configProblemStyles];

  // The opt-ins below are off unless a subclass sets them (left undefined: no bytes for a default).

  /**
   * The element follows the cart: `this.cart`, and a re-render on every change of it. `count`: it
   * shows only the item count, which needs no cart engine until the shopper reaches for the cart.
   */
  static watchCart?: boolean | 'count';

  /** `<tote-store>`: the element makes its shop itself, it does not look for one. */
  static providesShop?: boolean;

  /**
   * `light` or `dark` pins the theme; by default it follows the page's colour scheme (a page that
   * declares `color-scheme: light dark` follows the shopper's system, one that declares nothing is
   * light). The older attribute `color-scheme="light|dark|auto"` still works the same.
   */
  theme?: 'light' | 'dark';

  #shops = (this.constructor as ToteClass).providesShop
    ? undefined
    : new ShopController(this, { watchCart: (this.constructor as ToteClass).watchCart });

  /**
   * The shop this element belongs to: the nearest `<tote-store>`'s, else the page default.
   * @internal Kept out of custom-elements.json: its analyser would lend this privacy to
   * `<tote-store>`'s public `shop`.
   */
  protected get shop(): ToteShop | undefined {
    return this.#shops?.shop;
  }

  /** The cart as the shopper sees it now (elements that set `watchCart`). */
  protected get cart(): CartState | undefined {
    return this.#shops?.cart;
  }

  /** Why there is no shop (shown in place of the element's content), or `undefined`. */
  protected get problem(): string | undefined {
    return this.#shops?.problem;
  }

  /** The shop's BCP 47 language tag (`''` until there is a shop: English). */
  protected get shopLocale(): string {
    return this.shop?.locale ?? '';
  }

  /** The text for `key` in the shop's language, filled in with `params` (src/i18n/messages.ts). */
  protected t(key: string, params?: Record<string, string | number>): string {
    return msg(this.shopLocale, key, params);
  }

  /** Fires a Tote event from this element (bubbling, composed); false if a listener vetoed it. */
  protected emit<K extends ToteEventName>(type: K, detail: ToteEventDetail<K>, options?: EventInit): boolean {
    return fire(this, type, detail, options);
  }

  /** The set-up problem's box while there is one, else the element's content. */
  protected override render(): unknown {
    const problem = this.problem;
    return problem ? configProblemView(problem) : this.renderShop();
  }

  /** The element's content, once nothing stands in its way. */
  protected abstract renderShop(): unknown;
}
