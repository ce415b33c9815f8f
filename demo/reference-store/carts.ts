// Carts keyed by X-Cart-Token: lazy creation, line edits with stock checks, the PATCH /cart
// fields (discount and gift card codes included), expiry, and the Cart wire shape. Every mutation
// validates its whole input before it changes anything, so a refused request leaves the cart
// exactly as it was.
import { ApiError, Rejection, randomId } from './http.js';
import { imageUrl } from './images.js';
import { variantLabel, type Catalogue } from './catalog.js';
import { lastFour, type GiftCardError, type GiftCards } from './gift-cards.js';
import { lookupCode, normalizeCode, price, type DiscountError, type Pricing } from './pricing.js';
import type { Address, ProductRec, VariantRec } from './types.js';
import { address, int, objectBody, str, throwIfIssues, type Issues } from './validate.js';

export const MAX_LINE_QUANTITY = 999;
export const MAX_LINES = 100;

export interface CartLine {
  id: string;
  productId: string;
  variantId: string;
  quantity: number;
  /** Price when the shopper added it; checkout compares it with today's (→ price_changed). */
  unitPrice: number;
}

export interface CartRec {
  id: string;
  token: string;
  lines: CartLine[];
  email: string | null;
  customerName: string | null;
  shippingAddress: Address | null;
  billingAddress: Address | null;
  shippingRateId: string | null;
  discountCode: string | null;
  /** The refusal of the last code the shopper typed; shown until the cart next changes. */
  codeError: DiscountError | null;
  /** The gift card tendered (by id: the code itself is a secret and is never kept on a cart). */
  giftCardId: string | null;
  /**
   * What the card paid when the cart became an order. A converted cart reads back unchanged, so
   * from then on its tender is this figure, not what the (now debited) card could pay today.
   */
  giftCardAtCheckout: number | null;
  createdAt: number;
  updatedAt: number;
  convertedOrderId: string | null;
}

export interface CartSettings {
  cartTtlMs: number;
}

export class Carts {
  private readonly carts = new Map<string, CartRec>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly giftCards: GiftCards,
    private readonly settings: CartSettings,
  ) {}

  get size(): number {
    return this.carts.size;
  }

  /** The token's cart, created on first use; an expired cart is silently replaced by a new one. */
  get(token: string, now: number): CartRec {
    const existing = this.carts.get(token);
    if (existing && now < existing.updatedAt + this.settings.cartTtlMs) return existing;
    const cart: CartRec = {
      id: randomId('cart'),
      token,
      lines: [],
      email: null,
      customerName: null,
      shippingAddress: null,
      billingAddress: null,
      shippingRateId: null,
      discountCode: null,
      codeError: null,
      giftCardId: null,
      giftCardAtCheckout: null,
      createdAt: now,
      updatedAt: now,
      convertedOrderId: null,
    };
    this.carts.set(token, cart);
    return cart;
  }

  /** A converted cart is an order now; its token may read it but no longer change it. */
  private assertOpen(cart: CartRec): void {
    if (cart.convertedOrderId) {
      throw new Rejection({
        rejection: 'already_converted',
        message: 'This cart has already been checked out. Start a new cart (a new X-Cart-Token) to keep shopping.',
        orderId: cart.convertedOrderId,
      });
    }
  }

  private touched(cart: CartRec, now: number): void {
    cart.updatedAt = now;
    cart.codeError = null;
  }

  addItem(cart: CartRec, rawBody: unknown, now: number): void {
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const variantId = str(body, 'variantId', issues, { max: 100 });
    const productId = str(body, 'productId', issues, { max: 100 });
    const quantity = int(body, 'quantity', issues, { min: 1, max: MAX_LINE_QUANTITY });
    if (
      variantId === undefined &&
      productId === undefined &&
      !issues.some((i) => i.field === 'variantId' || i.field === 'productId')
    ) {
      issues.push({ field: 'variantId', message: "Send variantId, or productId for the product's default variant." });
    }
    throwIfIssues(issues);
    this.assertOpen(cart);

    const { product, variant } = this.resolveVariant(variantId ?? null, productId ?? null);
    const line = cart.lines.find((l) => l.variantId === variant.id);
    const newQuantity = (line?.quantity ?? 0) + (quantity ?? 1);
    if (newQuantity > MAX_LINE_QUANTITY) {
      throw new ApiError(422, 'Too many of one item.', [
        { field: 'quantity', message: `At most ${MAX_LINE_QUANTITY} of one item per cart.` },
      ]);
    }
    if (!line && cart.lines.length >= MAX_LINES) {
      throw new ApiError(422, 'The cart is full.', [
        { field: 'variantId', message: `A cart holds at most ${MAX_LINES} different items.` },
      ]);
    }
    assertStock(product, variant, newQuantity, line?.quantity ?? 0);

    if (line) line.quantity = newQuantity;
    else
      cart.lines.push({
        id: randomId('item'),
        productId: product.id,
        variantId: variant.id,
        quantity: newQuantity,
        unitPrice: variant.price,
      });
    this.touched(cart, now);
  }

  /** `variantId` decides when both are sent (the official widget sends both); `productId` alone takes the default variant. */
  private resolveVariant(
    variantId: string | null,
    productId: string | null,
  ): { product: ProductRec; variant: VariantRec } {
    if (variantId !== null) {
      const found = this.catalogue.findVariant(variantId);
      if (!found)
        throw new ApiError(422, 'Unknown variant.', [
          { field: 'variantId', message: `No variant with id "${variantId.slice(0, 100)}".` },
        ]);
      if (!found.variant.available || !this.catalogue.isListed(found.product)) {
        throw new ApiError(422, 'That item is no longer available.', [
          { field: 'variantId', message: 'This variant is no longer sold.' },
        ]);
      }
      if (productId !== null && productId !== found.product.id && productId !== found.product.slug) {
        throw new ApiError(422, 'That variant belongs to another product.', [
          { field: 'productId', message: `Variant "${variantId.slice(0, 100)}" is not one of this product's.` },
        ]);
      }
      return found;
    }
    const product = this.catalogue.findProduct(productId ?? '');
    if (!product)
      throw new ApiError(422, 'Unknown product.', [
        { field: 'productId', message: `No product with id "${(productId ?? '').slice(0, 100)}".` },
      ]);
    const variants = product.variants.filter((v) => v.available);
    const chosen = variants.find((v) => v.isDefault) ?? variants[0];
    if (!chosen)
      throw new ApiError(422, 'That item is no longer available.', [
        { field: 'productId', message: 'This product has no variant on sale.' },
      ]);
    return { product, variant: chosen };
  }

  setQuantity(cart: CartRec, itemId: string, rawBody: unknown, now: number): void {
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const quantity = int(body, 'quantity', issues, { min: 0, max: MAX_LINE_QUANTITY, required: true });
    throwIfIssues(issues);
    this.assertOpen(cart);
    const line = this.findLine(cart, itemId);
    if (quantity === 0) {
      cart.lines = cart.lines.filter((l) => l !== line);
    } else if (quantity != null) {
      const found = this.catalogue.findVariant(line.variantId);
      // Shrinking a line is always allowed, even if stock fell below it meanwhile.
      if (found && quantity > line.quantity) assertStock(found.product, found.variant, quantity, line.quantity);
      line.quantity = quantity;
    }
    this.touched(cart, now);
  }

  removeItem(cart: CartRec, itemId: string, now: number): void {
    this.assertOpen(cart);
    const line = this.findLine(cart, itemId);
    cart.lines = cart.lines.filter((l) => l !== line);
    this.touched(cart, now);
  }

  private findLine(cart: CartRec, itemId: string): CartLine {
    const line = cart.lines.find((l) => l.id === itemId);
    if (!line) throw new ApiError(404, `This cart has no item "${itemId.slice(0, 100)}".`);
    return line;
  }

  /**
   * PATCH /cart: omitted fields stay, null clears. A bad discount code is stored and reported; a
   * refused gift card code is reported only (it is a bearer secret) and only in this answer.
   * The email is stored as typed, so abandoned carts keep it; checkout validates it.
   */
  patch(cart: CartRec, rawBody: unknown, now: number): { giftCardError: GiftCardError | null } {
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const email = str(body, 'email', issues, { max: 254, nullable: true });
    const customerName = str(body, 'customerName', issues, { max: 200, nullable: true });
    const shippingAddress = address(body, 'shippingAddress', issues, cart.shippingAddress);
    const billingAddress = address(body, 'billingAddress', issues, cart.billingAddress);
    const shippingRateId = str(body, 'shippingRateId', issues, { max: 100, nullable: true });
    const discountCode = str(body, 'discountCode', issues, { max: 64, nullable: true });
    const giftCardCode = str(body, 'giftCardCode', issues, { max: 64, nullable: true });

    // A rate must exist for the destination the cart will have after this patch.
    const nextAddress = shippingAddress === undefined ? cart.shippingAddress : shippingAddress;
    let nextRateId = shippingRateId === undefined ? cart.shippingRateId : shippingRateId;
    const optionsAfter = this.pricing(
      { ...cart, shippingAddress: nextAddress, shippingRateId: null },
      now,
    ).shippingOptions;
    if (typeof shippingRateId === 'string' && !optionsAfter.some((o) => o.id === shippingRateId)) {
      issues.push({
        field: 'shippingRateId',
        message: optionsAfter.length
          ? `Not a shipping option for this address; choose one of ${optionsAfter.map((o) => o.id).join(', ')}.`
          : 'No shipping options for this cart and address.',
      });
    }
    throwIfIssues(issues);
    this.assertOpen(cart);

    if (nextRateId !== null && !optionsAfter.some((o) => o.id === nextRateId)) nextRateId = null; // address moved away from it
    let codeError: DiscountError | null = null;
    let nextCode = cart.discountCode;
    if (discountCode === null) nextCode = null;
    else if (typeof discountCode === 'string') {
      const found = lookupCode(this.catalogue.config, discountCode, now);
      // Keep a code that works when the shopper mistypes another: report, don't punish.
      if ('error' in found) codeError = found.error;
      else nextCode = normalizeCode(discountCode);
    }

    // The gift card is judged against what the cart will cost after the rest of this patch.
    let giftCardError: GiftCardError | null = null;
    let nextCard = cart.giftCardId;
    if (giftCardCode === null) nextCard = null;
    else if (typeof giftCardCode === 'string') {
      const due = this.pricing(
        { ...cart, shippingAddress: nextAddress, shippingRateId: nextRateId, discountCode: nextCode, giftCardId: null },
        now,
      ).totals.total;
      const checked = this.giftCards.check(cart.token, giftCardCode, due, now);
      // A refused new code leaves a card already applied in place.
      if ('error' in checked) giftCardError = checked.error;
      else nextCard = checked.card.id;
    }

    if (email !== undefined) cart.email = email;
    if (customerName !== undefined) cart.customerName = customerName;
    if (shippingAddress !== undefined) cart.shippingAddress = shippingAddress;
    if (billingAddress !== undefined) cart.billingAddress = billingAddress;
    cart.shippingRateId = nextRateId;
    cart.discountCode = nextCode;
    cart.giftCardId = nextCard;
    this.touched(cart, now);
    cart.codeError = codeError;
    return { giftCardError };
  }

  pricing(
    cart: Pick<CartRec, 'lines' | 'discountCode' | 'shippingAddress' | 'shippingRateId' | 'giftCardId'> & {
      giftCardAtCheckout?: number | null;
    },
    now: number,
  ): Pricing {
    return price(this.catalogue.config, {
      lines: cart.lines.map((l) => {
        const found = this.catalogue.findVariant(l.variantId);
        return {
          unitPrice: l.unitPrice,
          quantity: l.quantity,
          requiresShipping: found?.variant.requiresShipping ?? true,
          taxable: found?.product.kind !== 'gift_card',
        };
      }),
      discountCode: cart.discountCode,
      countryCode: cart.shippingAddress?.countryCode ?? null,
      shippingRateId: cart.shippingRateId,
      giftCardSpendable: cart.giftCardAtCheckout ?? this.giftCards.spendable(cart.giftCardId, now),
      now,
    });
  }

  /** A line as the cart (and later the receipt) shows it: a snapshot that outlives its product. */
  serializeLine(origin: string, line: CartLine, position: number): Record<string, unknown> {
    const found = this.catalogue.findVariant(line.variantId);
    const imageId = found?.variant.imageId ?? null;
    return {
      id: line.id,
      productId: line.productId,
      variantId: line.variantId,
      name: found?.product.name ?? 'Unavailable item',
      variantName: found ? variantLabel(found.variant) : null,
      sku: found?.variant.sku ?? null,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      subtotal: line.unitPrice * line.quantity,
      position,
      imageUrl: imageId ? imageUrl(origin, imageId, 'thumb') : null,
    };
  }

  /** The applied card as the wire shows it; null when none is held or it can pay nothing now. */
  giftCardOf(cart: CartRec, pricing: Pricing): Record<string, unknown> | null {
    const card = cart.giftCardId ? this.giftCards.get(cart.giftCardId) : undefined;
    if (!card || pricing.totals.giftCardTotal <= 0) return null;
    // Once converted, the card has been debited already: what it holds now is what remains.
    const remaining = cart.giftCardAtCheckout !== null ? card.balance : card.balance - pricing.totals.giftCardTotal;
    return {
      id: card.id,
      last4: lastFour(card.code),
      amount: pricing.totals.giftCardTotal,
      remainingBalance: remaining,
    };
  }

  serialize(
    cart: CartRec,
    origin: string,
    now: number,
    extras: { giftCardError?: GiftCardError | null; visitorCountryCode?: string | null } = {},
  ): Record<string, unknown> {
    const pricing = this.pricing(cart, now);
    return {
      id: cart.id,
      currencyCode: this.catalogue.config.currency,
      email: cart.email,
      items: cart.lines.map((line, i) => this.serializeLine(origin, line, i)),
      shippingAddress: cart.shippingAddress,
      billingAddress: cart.billingAddress,
      shippingRateId: pricing.selectedRate?.id ?? null,
      shippingMethodName: pricing.selectedRate?.name ?? null,
      discounts: pricing.discounts,
      discountCode: cart.discountCode,
      discountError: cart.codeError ?? pricing.codeProblem,
      giftCard: this.giftCardOf(cart, pricing),
      giftCardError: extras.giftCardError ?? null,
      totals: pricing.totals,
      taxBreakdown: pricing.taxLines,
      taxInclusive: pricing.taxInclusive,
      itemCount: cart.lines.reduce((n, l) => n + l.quantity, 0),
      requiresShipping: pricing.requiresShipping,
      visitorCountryCode: extras.visitorCountryCode ?? null,
      customerName: cart.customerName,
      expiresAt: new Date(cart.updatedAt + this.settings.cartTtlMs).toISOString(),
      updatedAt: new Date(cart.updatedAt).toISOString(),
    };
  }

  shippingOptions(cart: CartRec, now: number): Record<string, unknown> {
    const pricing = this.pricing(cart, now);
    return { options: pricing.shippingOptions, addressRequired: pricing.addressRequired };
  }
}

/** Refuses a quantity that a `deny` variant cannot cover; `continue` variants and gift cards are never refused. */
function assertStock(product: ProductRec, variant: VariantRec, wanted: number, alreadyInCart: number): void {
  if (
    product.kind === 'gift_card' ||
    variant.inventoryPolicy === 'continue' ||
    variant.stock === null ||
    wanted <= variant.stock
  )
    return;
  const available = Math.max(0, variant.stock);
  const message =
    available === 0
      ? `${product.name} is sold out.`
      : `Only ${available} of ${product.name} left${alreadyInCart ? ` (${alreadyInCart} already in your cart)` : ''}.`;
  throw new ApiError(422, message, [{ field: 'quantity', message }]);
}
