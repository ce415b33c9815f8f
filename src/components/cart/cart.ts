import { html, nothing, type PropertyValues } from 'lit';
import type { StoreSettings } from '../../api/index.js';
import { formatMoney } from '../../model/money.js';
import { whenUsed } from '../../dom/lazy-define.js';
import { isReturnFromPayment } from '../../store/checkout/pending-order.js';
import { UndoTimer } from './undo-timer.js';
import { renderTestModeBanner } from '../base/test-mode.js';
import type { CartLine, CartState } from '../../store/index.js';
import type { CartRequestDetail } from '../../events/cart-request.js';
import { renderTotals } from '../base/totals.js';
import { LazyToteElement } from '../base/lazy-element.js';
import {
  lineLinkId,
  renderCartError,
  renderEmpty,
  renderHeader,
  renderLine,
  renderToast,
  summary,
} from './cart-parts.js';
import { ShippingEstimator } from './shipping-estimate.js';
import { ScrollLock } from './scroll-lock.js';
import { CartAnnouncer } from './announcer.js';
import { CartNews } from './cart-news.js';
import { CodeForms } from './code-forms.js';
import { cartStyles } from './cart.styles.js';
import { deepActiveElement } from '../../dom/deep-active-element.js';
import { addAnnouncers } from '../../controllers/add-to-cart.js';

const UNDO_MS = 8000;

/**
 * The cart: lines with quantity steppers, remove with undo, the discount code, the server's
 * totals and the way to the checkout — as a modal drawer (`mode="drawer"`, the default, opened by
 * `<tote-cart-toggle>` and on every add) or as an inline panel (`mode="inline"`). In the drawer,
 * "Check out" loads `<tote-checkout>` on first use and shows it in place; a line's name shows its
 * product in place (`<tote-product>`, also loaded on first use) unless the page cancels `tote-line-select`.
 * The footer's "Estimate shipping" quotes the shipping options for a country before checkout.
 * A removal's "Undo" stays 8 s, and as long as focus or a pointer is on it.
 *
 * @summary The cart as a drawer or inline panel: lines, quantities, undo, discount code, gift card, totals.
 * @tagname tote-cart
 * @slot empty - Replaces the empty-cart message.
 * @slot footer - Extra content under the totals (trust badges, delivery notes).
 * @fires {CustomEvent<CartChangeDetail>} tote-cart-change - The cart's item count or total changed. `detail: {itemCount, total, currencyCode}`.
 * @fires {CustomEvent<CheckoutStartDetail>} tote-checkout-start - The shopper chose to check out. Cancelable: a page may take over. `detail: {itemCount, total, currencyCode}`.
 * @fires {CustomEvent<LineSelectDetail>} tote-line-select - A line's product was chosen. Cancelable: a page shows the product itself (its own product page); otherwise the cart shows it. `detail: {productId, variantId, name}`.
 * @fires {CustomEvent<CartErrorDetail>} tote-error - A discount or gift-card code could not be sent (the detail never holds the code). `detail: {code, message, source}`.
 * @csspart drawer - The `<dialog>` of the drawer.
 * @csspart base - The panel (drawer content, or the inline panel).
 * @csspart header - Title and close button.
 * @csspart body - The lines (or the checkout).
 * @csspart footer - Discount, totals and the checkout button.
 * @csspart line - One cart line.
 * @csspart line-image - A line's image.
 * @csspart line-link - A line's product name, the button that shows its product.
 * @csspart product - The embedded `<tote-product>` of a line.
 * @csspart estimate - The "Estimate shipping" disclosure in the footer.
 * @csspart quantity - A line's quantity stepper.
 * @csspart remove - A line's remove button.
 * @csspart totals - The totals list.
 * @csspart total - The grand total row.
 * @csspart tax - The tax row, or "Includes … VAT" under the total in a tax-inclusive store.
 * @csspart gift-card - The applied gift card's row (last four digits, amount, remove).
 * @csspart amount-due - What is left to pay once a gift card applies.
 * @csspart test-mode - The "Test mode" notice of a test-mode store.
 * @csspart checkout-button - The "Check out" button.
 * @csspart toast - The "Removed … Undo" toast.
 * @csspart checkout - The embedded `<tote-checkout>`.
 * @csspart error - The message shown when the cart could not be read, with its retry button.
 * @cssprop --tote-drawer-width - Width of the drawer (default 26rem; 36rem while checking out).
 */
export class ToteCart extends LazyToteElement {
  static override properties = {
    mode: { reflect: true },
    open: { type: Boolean, reflect: true },
    openOnAdd: { attribute: 'open-on-add', converter: (value: string | null) => value !== 'false' },
    continueUrl: { attribute: 'continue-url' },
    checkoutUrl: { attribute: 'checkout-url' },
    view: { state: true },
    undo: { state: true },
    settings: { state: true },
  };
  static override styles = [super.styles, cartStyles];
  static override watchCart = true;

  /** `drawer`: a modal dialog at the inline end of the page; `inline`: a panel in the page's flow. */
  mode: 'drawer' | 'inline' = 'drawer';

  /** Whether the drawer is open. */
  open = false;

  /** Open the drawer when something is added (`open-on-add="false"` only announces it). */
  openOnAdd = true;

  /** Where "Continue shopping" leads when the cart is empty; without it, the drawer just closes. */
  continueUrl = '';

  /** A checkout page of the shop: "Check out" goes there instead of opening the checkout in the drawer. */
  checkoutUrl = '';

  private view: 'cart' | 'checkout' | 'product' = 'cart';
  /** The line whose product the product view shows. */
  #product: CartLine | null = null;
  private undo: { line: CartLine; timer: UndoTimer } | null = null;
  private settings: StoreSettings | null = null;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  #news = new CartNews();
  #opener: HTMLElement | null = null;
  #scroll = new ScrollLock();
  #announcer = new CartAnnouncer(this);
  #settingsFor: unknown;
  #codes = new CodeForms(
    this,
    () => this.shop,
    () => this.shopLocale,
  );
  #estimate = new ShippingEstimator(
    this,
    () => this.shop,
    () => this.cart?.server,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    addAnnouncers.add(this);
    addEventListener('tote-cart-request', this.#onRequest);
    // Back from the payment page: reopen where the shopper was, unless the page has its own checkout.
    if (this.mode === 'drawer' && isReturnFromPayment() && !document.querySelector('tote-checkout')) {
      void this.#openCheckout(false);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    addAnnouncers.delete(this);
    removeEventListener('tote-cart-request', this.#onRequest);
    this.#scroll.unlock();
    this.undo?.timer.stop();
  }

  /** Opens the drawer; focus returns to `opener` (or to what had it) when it closes. */
  show(opener?: HTMLElement): void {
    this.#opener = opener ?? deepActiveElement();
    this.open = true;
  }

  /** Closes the drawer. */
  hide(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Opened or closed: what was said is said; it must not come back in the other region.
    if (changed.has('open') && changed.get('open') !== undefined) this.#announcer.hush(this.open);
    const cart = this.cart;
    if (cart?.ready) this.#noticeChanges(cart);
    if (this.shop && this.#settingsFor !== this.shop) {
      const shop = (this.#settingsFor = this.shop);
      void shop.catalog.store().then(
        (settings) => shop === this.shop && (this.settings = settings),
        () => undefined, // the cart works without settings: no coupon field, no minimum
      );
    }
    if (changed.has('open') && !this.open && changed.get('open')) this.view = 'cart';
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.#scroll.lock();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** Announces adds, opens the drawer on them and fires `tote-cart-change`. */
  #noticeChanges(cart: CartState): void {
    const { added, moved } = this.#news.read(cart);
    if (moved) this.emit('tote-cart-change', summary(cart));
    const line = added[0];
    if (!line) return;
    const name = line.variantName ? `${line.name} (${line.variantName})` : line.name;
    // Open first, so the add is said once, in the dialog the shopper is now in.
    if (this.openOnAdd && this.mode === 'drawer' && !this.open && document.visibilityState !== 'hidden') this.show();
    this.#announce(this.t('cart.added', { name, count: cart.itemCount }));
  }

  #announce(text: string): void {
    this.#announcer.say(text, this.open || this.mode === 'inline');
  }

  #onRequest = (event: CustomEvent<CartRequestDetail>): void => {
    const { detail } = event;
    if (event.defaultPrevented || this.mode !== 'drawer' || !detail) return;
    event.preventDefault();
    if (this.open && detail.action === 'toggle') this.hide();
    else {
      this.show(detail.opener);
      if (detail.action === 'checkout') void this.#openCheckout();
    }
  };

  #onClose = (): void => {
    this.open = false;
    this.#scroll.unlock();
    // Back to what opened the drawer; opened by no one (back from the payment page, say), to the
    // cart button, so that focus never falls to the page.
    const opener = this.#opener?.isConnected && this.#opener !== document.body ? this.#opener : null;
    this.#opener = null;
    (opener ?? document.querySelector<HTMLElement>('tote-cart-toggle'))?.focus();
  };

  #setQuantity = (line: CartLine, quantity: number): void => {
    if (quantity === 0) return this.#remove(line);
    this.#news.own(line.variantId);
    this.shop?.cart.setQuantity(line.variantId, quantity);
    this.#announce(this.t('cart.updated', { name: line.name, count: quantity }));
  };

  #remove = (line: CartLine): void => {
    const cart = this.shop?.cart;
    if (!cart) return;
    this.undo?.timer.stop();
    this.#news.own(line.variantId);
    cart.remove(line.variantId);
    this.undo = { line, timer: new UndoTimer(() => (this.undo = null), UNDO_MS) };
    // The toast itself is a status region: it is announced with its Undo button.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.toast button')?.focus());
  };

  #undo(): void {
    const undo = this.undo;
    if (!undo) return;
    undo.timer.stop();
    this.undo = null;
    this.#news.own(undo.line.variantId);
    this.shop?.cart.setQuantity(undo.line.variantId, undo.line.quantity);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>(`#q-${CSS.escape(undo.line.variantId)}`)?.focus(),
    );
  }

  async #openCheckout(userAction = true): Promise<void> {
    if (userAction) {
      if (!this.emit('tote-checkout-start', summary(this.cart), { cancelable: true })) return;
      if (this.checkoutUrl) {
        location.assign(this.checkoutUrl);
        return;
      }
    }
    await whenUsed('tote-checkout');
    this.view = 'checkout';
    if (!this.open) this.show();
    await this.#focusTitle();
  }

  async #focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.title')?.focus();
  }

  /** A line's name: the page may show the product itself; otherwise the product view, in place. */
  #openProduct = async (line: CartLine): Promise<void> => {
    const detail = { productId: line.productId!, variantId: line.variantId, name: line.name };
    if (!this.emit('tote-line-select', detail, { cancelable: true })) return;
    await whenUsed('tote-product');
    this.#product = line;
    this.view = 'product';
    await this.#focusTitle();
  };

  /** Back to the lines: focus returns to the product's line (its link), else to the title. */
  async #back(): Promise<void> {
    const from = this.#product;
    this.view = 'cart';
    this.#product = null;
    await this.updateComplete;
    const link = from && this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(lineLinkId(from))}`);
    if (link) link.focus();
    else await this.#focusTitle();
  }

  protected override render() {
    // No shop on the page (no key, a refused key): the panel says so rather than load forever. A drawer shows it when opened.
    const panel = html`<div part="base" class="panel" data-view=${this.problem ? nothing : this.view}>${super.render()}</div>`;
    if (this.mode === 'inline') return panel;
    return html`<dialog part="drawer" aria-labelledby="title" @close=${this.#onClose}
        @click=${(e: MouseEvent) => e.target === e.currentTarget && this.hide()}>${panel}</dialog>
      ${this.#announcer.region(false)}`;
  }

  protected override renderShop() {
    const view = this.view === 'product' && !this.#product ? 'cart' : this.view;
    const header = renderHeader(this.shopLocale, {
      view,
      title: view === 'product' ? this.#product!.name : this.t(view === 'checkout' ? 'checkout.title' : 'cart.title'),
      drawer: this.mode === 'drawer',
      back: () => void this.#back(),
      close: () => this.hide(),
    });
    const body =
      view === 'checkout' ? this.#renderCheckout() : view === 'product' ? this.#renderProduct() : this.#renderCart();
    return html`${header} ${body}
      ${this.#announcer.region(true)}`;
  }

  #renderCheckout() {
    return html`<div part="body" class="body checkout-body">
      <tote-checkout part="checkout" embedded @tote-continue-shopping=${() => this.hide()}></tote-checkout>
    </div>`;
  }

  #renderProduct() {
    const line = this.#product!;
    return html`<div part="body" class="body product-body">
      <tote-product part="product" product=${line.productId ?? ''} variant=${line.variantId} theme=${this.theme ?? nothing}></tote-product>
    </div>`;
  }

  #renderCart() {
    const locale = this.shopLocale;
    const cart = this.cart;
    const server = cart?.server;
    const currency = server?.currencyCode ?? this.settings?.currency ?? 'USD';
    const lines = cart?.lines ?? [];
    const notices = html`${this.settings?.storeMode === 'test' ? renderTestModeBanner(locale) : nothing}
    ${cart?.persistence === 'memory' ? html`<p class="notice">${this.t('storage.memory')}</p>` : nothing}
    ${cart && !cart.online ? html`<p class="notice">${this.t('offline')}</p>` : nothing}`;
    const toast = this.undo ? renderToast(locale, this.undo.line, () => this.#undo(), this.undo.timer) : nothing;
    if (cart?.error && !server)
      return renderCartError(locale, () => void this.shop?.cart.refresh().catch(() => undefined));
    if (!cart?.ready)
      return html`<div part="body" class="body"><p class="loading" aria-busy="true">${this.t('products.loading')}</p></div>`;
    if (lines.length === 0) {
      const close = this.mode === 'drawer' ? () => this.hide() : undefined;
      return renderEmpty(locale, { notices, toast, continueUrl: this.continueUrl, close });
    }
    const on = {
      setQuantity: this.#setQuantity,
      remove: this.#remove,
      dismiss: (line: CartLine) => this.shop?.cart.dismiss(line.variantId),
      open: (line: CartLine) => void this.#openProduct(line),
    };
    const minimum = this.settings?.checkout.minimumOrderValue ?? null;
    const merchandise = server ? server.totals.subtotal - server.totals.discountTotal : 0;
    const short = minimum !== null && server && merchandise < minimum ? minimum - merchandise : 0;
    return html`<div part="body" class="body">
        ${notices}
        <ul class="lines" aria-label=${this.t('cart.title')}>${lines.map((line) => renderLine(line, currency, locale, on))}</ul>
        ${toast}
      </div>
      <div part="footer" class="footer">
        ${server ? this.#codes.render(this.settings?.checkout, server.discountError) : nothing}
        ${server ? this.#estimate.render(locale, server) : nothing}
        ${
          server
            ? renderTotals(server.totals, server.discounts, currency, locale, {
                shippingKnown: !!server.shippingRateId,
                onRemoveCode: () => void this.#codes.sendDiscount(null),
                taxLines: server.taxBreakdown,
                taxInclusive: server.taxInclusive,
                giftCard: server.giftCard,
                onRemoveGiftCard: () => void this.#codes.sendGiftCard(null),
              })
            : nothing
        }
        ${
          short
            ? html`<p class="notice" id="minimum">${this.t('cart.minimum', { amount: formatMoney(minimum!, currency, locale), missing: formatMoney(short, currency, locale) })}</p>`
            : nothing
        }
        <button type="button" part="checkout-button" class="button checkout" aria-describedby=${short ? 'minimum' : nothing}
          ?disabled=${!!short || !server} @click=${() => void this.#openCheckout()}>${this.t('cart.checkout')}</button>
        <slot name="footer"></slot>
      </div>`;
  }
}
