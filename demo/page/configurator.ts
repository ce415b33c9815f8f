// The configurator form: every control writes to the ConfigState, and re-renders from it.
// The key and API base apply after a short pause in typing (or at once on paste and on leaving the
// field), so the preview does not reload for every character; a secret key is refused at once.
import { html, nothing, render } from 'lit';
import { catalogueOptions } from './catalogue-options.js';
import { DEMO_API_BASE, DEMO_KEY, FONTS, LANGUAGES, POSITIONS, type ConfigState, type DemoConfig } from './config.js';
import { embedSnippet } from './snippet.js';
import { THEMES, themeOf } from './themes.js';

const POSITION_LABELS: Record<DemoConfig['cartPosition'], string> = {
  header: 'In the page header',
  'bottom-right': 'Floating, bottom right',
  'bottom-left': 'Floating, bottom left',
  'top-right': 'Floating, top right',
  'top-left': 'Floating, top left',
};

const SHOW_LABELS: [keyof DemoConfig['show'], string, string][] = [
  ['products', 'Product grid', '<tote-products>'],
  ['buyButton', 'Buy button', '<tote-buy-button>'],
  ['cartToggle', 'Cart button', '<tote-cart-toggle>'],
  ['cart', 'Cart and checkout', '<tote-cart>'],
  ['reviews', 'Reviews of a product', '<tote-reviews>'],
  ['account', 'Customer account (sign-in by code)', '<tote-account>'],
];

export function mountConfigurator(root: HTMLElement, state: ConfigState): void {
  let typedKey: string | undefined; // what is in the key field before it is applied
  let keyTimer: ReturnType<typeof setTimeout> | undefined;
  let baseTimer: ReturnType<typeof setTimeout> | undefined;

  const applyKey = (value: string) => {
    clearTimeout(keyTimer);
    typedKey = undefined;
    state.update({ publicKey: value });
  };
  const applyBase = (value: string) => {
    clearTimeout(baseTimer);
    state.update({ apiBase: value || DEMO_API_BASE });
  };

  const radio = <K extends keyof DemoConfig>(name: K, value: DemoConfig[K], label: string, config: DemoConfig) => html`
    <label class="choice">
      <input type="radio" name=${name} .checked=${config[name] === value} @change=${() => state.update({ [name]: value } as Partial<DemoConfig>)} />
      <span>${label}</span>
    </label>`;

  /** One of the grid's on/off options (`controls`, more controls, quick add): off while the page shows no grid. */
  const gridOption = (name: 'controls' | 'filters' | 'quickAdd', label: string, config: DemoConfig) => html`
    <label class="check">
      <input type="checkbox" name=${name} .checked=${config[name]} ?disabled=${!config.show.products}
        @change=${(e: Event) => state.update({ [name]: (e.target as HTMLInputElement).checked })} />
      <span>${label}</span>
    </label>`;

  /** Which product `<tote-reviews>` shows: a list of the shop's catalogue, read once it is wanted. */
  const reviewsPicker = (config: DemoConfig, refused: boolean) => {
    const options =
      config.show.reviews && !refused
        ? catalogueOptions(config.apiBase, config.publicKey, () => draw(state.value))
        : undefined;
    const products = options?.status === 'ready' ? options.products : [];
    const listed = products.some((p) => p.value === config.reviewsProduct);
    const hint =
      options?.status === 'loading'
        ? 'Reading the catalogue…'
        : options?.status === 'failed'
          ? `Could not read the catalogue (${options.reason}); the product stays ${config.reviewsProduct}.`
          : options?.status === 'ready' && !listed
            ? `${config.reviewsProduct} is not in this shop’s catalogue: pick one of its products.`
            : 'The product whose ratings, reviews and review form the element shows.';
    // The hint sits outside the field, which dims while the select is disabled, to stay readable.
    return html`<div class="field">
      <label for="cfg-reviews-product">Reviews of</label>
      <select id="cfg-reviews-product" name="reviewsProduct" aria-describedby="cfg-reviews-hint" ?disabled=${!config.show.reviews}
        @change=${(e: Event) => state.update({ reviewsProduct: (e.target as HTMLSelectElement).value })}>
        ${listed ? nothing : html`<option value=${config.reviewsProduct} selected>${config.reviewsProduct}</option>`}
        ${products.map((p) => html`<option value=${p.value} ?selected=${p.value === config.reviewsProduct}>${p.name}</option>`)}
      </select>
    </div>
    <p class="hint" id="cfg-reviews-hint">${hint}</p>`;
  };

  const draw = (config: DemoConfig) => {
    const keyError = embedSnippet({ ...config, publicKey: typedKey ?? config.publicKey }).keyError;
    const secret = keyError?.kind === 'secret';
    const theme = themeOf(config);
    render(
      html`
        <fieldset class="group">
          <legend>Shop</legend>
          <div class="field">
            <label for="cfg-key">Publishable key</label>
            <input id="cfg-key" name="publicKey" autocomplete="off" spellcheck="false" class="mono"
              aria-describedby="cfg-key-hint${keyError ? ' cfg-key-error' : ''}" aria-invalid=${keyError ? 'true' : 'false'}
              .value=${typedKey ?? config.publicKey}
              @input=${(e: Event) => {
                typedKey = (e.target as HTMLInputElement).value;
                clearTimeout(keyTimer);
                keyTimer = setTimeout(() => applyKey(typedKey ?? ''), 600);
                draw(state.value);
              }}
              @change=${(e: Event) => applyKey((e.target as HTMLInputElement).value)} />
            <p class="hint" id="cfg-key-hint">
              ${
                config.publicKey === DEMO_KEY
                  ? 'The demo store on this server. Try pk_test_tote_pl (złoty), pk_Xq3vT9mLr2WbN8cYhK4dE (the live wire: PayPal, VAT, sparse products), or your own pk_… key.'
                  : html`<button type="button" class="link" @click=${() => applyKey(DEMO_KEY)}>Use the demo store’s key</button>`
              }
            </p>
            ${
              keyError
                ? html`<div class="key-error ${secret ? 'secret' : ''}" id="cfg-key-error" role="alert">
                  <strong>${secret ? 'Secret key refused — rotate it now' : 'Not a publishable key'}</strong>
                  <p>${keyError.message}</p>
                  ${
                    secret
                      ? html`<p>Anyone who saw this page, a screenshot or your clipboard history may have it. Tote sent nothing, and the snippet leaves it out.</p>`
                      : nothing
                  }
                </div>`
                : nothing
            }
          </div>
          <div class="field">
            <label for="cfg-base">API base</label>
            <input id="cfg-base" name="apiBase" autocomplete="off" spellcheck="false" class="mono" aria-describedby="cfg-base-hint"
              .value=${config.apiBase}
              @input=${(e: Event) => {
                const value = (e.target as HTMLInputElement).value;
                clearTimeout(baseTimer);
                baseTimer = setTimeout(() => applyBase(value), 800);
              }}
              @change=${(e: Event) => applyBase((e.target as HTMLInputElement).value)} />
            <p class="hint" id="cfg-base-hint">
              <code>/v3</code> is the reference store on this server; the real API is <code>https://api.shoprocket.io/v3</code>.
            </p>
          </div>
          <div class="field">
            <label for="cfg-lang">Language</label>
            <select id="cfg-lang" name="language" @change=${(e: Event) => state.update({ language: (e.target as HTMLSelectElement).value as DemoConfig['language'] })}>
              ${Object.entries(LANGUAGES).map(([code, { label }]) => html`<option value=${code} ?selected=${config.language === code} lang=${code}>${label}</option>`)}
            </select>
          </div>
        </fieldset>

        <fieldset class="group">
          <legend>Elements</legend>
          ${SHOW_LABELS.map(
            ([key, label, tag]) => html`<label class="check">
              <input type="checkbox" name="show-${key}" .checked=${config.show[key]}
                @change=${(e: Event) => state.update({ show: { ...state.value.show, [key]: (e.target as HTMLInputElement).checked } })} />
              <span>${label} <code>${tag}</code></span>
            </label>`,
          )}
          ${reviewsPicker(config, keyError !== null)}
        </fieldset>

        <fieldset class="group">
          <legend>Layout</legend>
          <fieldset class="inline" ?disabled=${!config.show.products}>
            <legend>Grid columns</legend>
            <div class="segmented">${([2, 3, 4] as const).map((n) => radio('columns', n, String(n), config))}</div>
          </fieldset>
          ${gridOption('controls', 'Search, categories and sort', config)}
          ${gridOption('filters', 'Price range, page size and count', config)}
          ${gridOption('quickAdd', 'Quick add on cards', config)}
          <div class="field">
            <label for="cfg-pos">Cart button</label>
            <select id="cfg-pos" name="cartPosition" ?disabled=${!config.show.cartToggle}
              @change=${(e: Event) => state.update({ cartPosition: (e.target as HTMLSelectElement).value as DemoConfig['cartPosition'] })}>
              ${POSITIONS.map((p) => html`<option value=${p} ?selected=${config.cartPosition === p}>${POSITION_LABELS[p]}</option>`)}
            </select>
          </div>
          <fieldset class="inline" ?disabled=${!config.show.cart}>
            <legend>Cart</legend>
            <div class="segmented">${radio('cartMode', 'drawer', 'Drawer', config)}${radio('cartMode', 'inline', 'Inline', config)}</div>
          </fieldset>
        </fieldset>

        <fieldset class="group">
          <legend>Look</legend>
          <div class="themes" role="group" aria-label="Ready-made themes">
            ${THEMES.map(
              (
                t,
              ) => html`<button type="button" class="theme-card" data-theme=${t.id} aria-pressed=${theme?.id === t.id ? 'true' : 'false'}
                @click=${() => state.update(t.tokens)}>
                <span class="swatch" data-theme=${t.id} aria-hidden="true"></span>
                <span class="theme-name">${t.name}</span>
                <span class="theme-desc">${t.description}</span>
              </button>`,
            )}
          </div>
          <div class="field row">
            <label for="cfg-accent">Accent colour</label>
            <span class="color-pair">
              <input id="cfg-accent" type="color" name="accent" .value=${config.accent}
                @input=${(e: Event) => state.update({ accent: (e.target as HTMLInputElement).value })} />
              <input aria-label="Accent colour as hex" class="mono hex" maxlength="7" spellcheck="false" .value=${config.accent}
                @change=${(e: Event) => state.update({ accent: (e.target as HTMLInputElement).value.trim() })} />
            </span>
          </div>
          <div class="field row">
            <label for="cfg-radius">Corner radius</label>
            <span class="range">
              <input id="cfg-radius" type="range" min="0" max="24" step="1" name="radius" .value=${String(config.radius)}
                aria-valuetext="${config.radius} pixels"
                @input=${(e: Event) => state.update({ radius: Number((e.target as HTMLInputElement).value) })} />
              <output for="cfg-radius">${config.radius}px</output>
            </span>
          </div>
          <div class="field row">
            <label for="cfg-font">Font</label>
            <select id="cfg-font" name="font" @change=${(e: Event) => state.update({ font: (e.target as HTMLSelectElement).value as DemoConfig['font'] })}>
              ${Object.entries(FONTS).map(([id, f]) => html`<option value=${id} ?selected=${config.font === id}>${f.label}</option>`)}
            </select>
          </div>
          <fieldset class="inline">
            <legend>Appearance</legend>
            <div class="segmented">
              ${radio('scheme', 'auto', 'Auto', config)}${radio('scheme', 'light', 'Light', config)}${radio('scheme', 'dark', 'Dark', config)}
            </div>
          </fieldset>
        </fieldset>
      `,
      root,
    );
  };
  state.subscribe(draw);
}
