// Carts keyed by X-Cart-Token: lazy creation, line edits with stock checks, the PATCH /cart
// fields, expiry, and the Cart wire shape. Every mutation validates its whole input before it
// changes anything, so a refused request leaves the cart exactly as it was.
import { ApiError, Rejection, randomId } from './http.js';
import { imageUrl } from './images.js';
import type { Catalogue } from './catalog.js';
import { lookupCode, normalizeCode, price, type DiscountError, type Pricing } from './pricing.js';
import type { Address, ProductRec, VariantRec } from './types.js';
import { EMAIL, address, int, objectBody, str, throwIfIssues, type Issues } from './validate.js';

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
  notes: string | null;
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
      id: randomId('cart'), token, lines: [], email: null, customerName: null, shippingAddress: null,
      billingAddress: null, shippingRateId: null, discountCode: null, codeError: null, notes: null,
      createdAt: now, updatedAt: now, convertedOrderId: null,
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
    const quantity = int(body, 'quantity', issues, { min: 1, max: MAX_LINE_QUANTITY, required: true });
    if (variantId === undefined && productId === undefined && !issues.some((i) => i.field === 'variantId' || i.field === 'productId')) {
      issues.push({ field: 'variantId', message: 'Send variantId (or productId for a product with a single variant).' });
    }
    throwIfIssues(issues);
    this.assertOpen(cart);

    const { product, variant } = this.resolveVariant(variantId ?? null, productId ?? null);
    const line = cart.lines.find((l) => l.variantId === variant.id);
    const newQuantity = (line?.quantity ?? 0) + (quantity ?? 1);
    if (newQuantity > MAX_LINE_QUANTITY) {
      throw new ApiError(422, 'Too many of one item.', [{ field: 'quantity', message: `At most ${MAX_LINE_QUANTITY} of one item per cart.` }]);
    }
    if (!line && cart.lines.length >= MAX_LINES) {
      throw new ApiError(422, 'The cart is full.', [{ field: 'variantId', message: `A cart holds at most ${MAX_LINES} different items.` }]);
    }
    assertStock(product, variant, newQuantity, line?.quantity ?? 0);

    if (line) line.quantity = newQuantity;
    else cart.lines.push({ id: randomId('item'), productId: product.id, variantId: variant.id, quantity: newQuantity, unitPrice: variant.price });
    this.touched(cart, now);
  }

  private resolveVariant(variantId: string | null, productId: string | null): { product: ProductRec; variant: VariantRec } {
    if (variantId !== null) {
      const found = this.catalogue.findVariant(variantId);
      if (!found) throw new ApiError(422, 'Unknown variant.', [{ field: 'variantId', message: `No variant with id "${variantId.slice(0, 100)}".` }]);
      if (!found.variant.available || !this.catalogue.isListed(found.product)) {
        throw new ApiError(422, 'That item is no longer available.', [{ field: 'variantId', message: 'This variant is no longer sold.' }]);
      }
      return found;
    }
    const product = this.catalogue.findProduct(productId ?? '');
    if (!product) throw new ApiError(422, 'Unknown product.', [{ field: 'productId', message: `No product with id "${(productId ?? '').slice(0, 100)}".` }]);
    const variants = product.variants.filter((v) => v.available);
    const only = variants[0];
    if (variants.length !== 1 || !only) {
      throw new ApiError(422, 'Choose a variant.', [{ field: 'variantId', message: `${product.name} comes in ${variants.length} variants; send variantId.` }]);
    }
    return { product, variant: only };
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

  /** PATCH /cart: omitted fields stay, null clears; a bad discount code is reported, not refused. */
  patch(cart: CartRec, rawBody: unknown, now: number): void {
    const body = objectBody(rawBody);
    const issues: Issues = [];
    const email = str(body, 'email', issues, { max: 254, nullable: true, pattern: EMAIL, patternMessage: 'Must be an email address.' });
    const customerName = str(body, 'customerName', issues, { max: 200, nullable: true });
    const shippingAddress = address(body, 'shippingAddress', issues);
    const billingAddress = address(body, 'billingAddress', issues);
    const shippingRateId = str(body, 'shippingRateId', issues, { max: 100, nullable: true });
    const discountCode = str(body, 'discountCode', issues, { max: 64, nullable: true });
    const notes = str(body, 'notes', issues, { max: 1000, nullable: true });

    // A rate must exist for the destination the cart will have after this patch.
    const nextAddress = shippingAddress === undefined ? cart.shippingAddress : shippingAddress;
    let nextRateId = shippingRateId === undefined ? cart.shippingRateId : shippingRateId;
    const optionsAfter = this.pricing({ ...cart, shippingAddress: nextAddress, shippingRateId: null }, now).shippingOptions;
    if (typeof shippingRateId === 'string' && !optionsAfter.some((o) => o.id === shippingRateId)) {
      issues.push({
        field: 'shippingRateId',
        message: optionsAfter.length ? `Not a shipping option for this address; choose one of ${optionsAfter.map((o) => o.id).join(', ')}.` : 'No shipping options for this cart and address.',
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

    if (email !== undefined) cart.email = email;
    if (customerName !== undefined) cart.customerName = customerName;
    if (shippingAddress !== undefined) cart.shippingAddress = shippingAddress;
    if (billingAddress !== undefined) cart.billingAddress = billingAddress;
    if (notes !== undefined) cart.notes = notes;
    cart.shippingRateId = nextRateId;
    cart.discountCode = nextCode;
    this.touched(cart, now);
    cart.codeError = codeError;
  }

  pricing(cart: Pick<CartRec, 'lines' | 'discountCode' | 'shippingAddress' | 'shippingRateId'>, now: number): Pricing {
    return price(this.catalogue.config, {
      lines: cart.lines.map((l) => ({
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        requiresShipping: this.catalogue.findVariant(l.variantId)?.variant.requiresShipping ?? true,
      })),
      discountCode: cart.discountCode,
      countryCode: cart.shippingAddress?.countryCode ?? null,
      shippingRateId: cart.shippingRateId,
      now,
    });
  }

  serializeLine(origin: string, line: CartLine): Record<string, unknown> {
    const found = this.catalogue.findVariant(line.variantId);
    const variantName = found?.variant.optionValues.map((v) => v.value).join(' / ') || null;
    const imageId = found?.variant.imageId ?? null;
    return {
      id: line.id,
      productId: line.productId,
      variantId: line.variantId,
      name: found?.product.name ?? 'Unavailable item',
      variantName,
      sku: found?.variant.sku ?? null,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      subtotal: line.unitPrice * line.quantity,
      imageUrl: imageId ? imageUrl(origin, imageId, 'thumb') : null,
    };
  }

  serialize(cart: CartRec, origin: string, now: number): Record<string, unknown> {
    const pricing = this.pricing(cart, now);
    return {
      id: cart.id,
      currencyCode: this.catalogue.config.currency,
      email: cart.email,
      items: cart.lines.map((line) => this.serializeLine(origin, line)),
      shippingAddress: cart.shippingAddress,
      billingAddress: cart.billingAddress,
      shippingRateId: pricing.selectedRate?.id ?? null,
      shippingMethodName: pricing.selectedRate?.name ?? null,
      discounts: pricing.discounts,
      discountCode: cart.discountCode,
      discountError: cart.codeError ?? pricing.codeProblem,
      totals: pricing.totals,
      itemCount: cart.lines.reduce((n, l) => n + l.quantity, 0),
      requiresShipping: pricing.requiresShipping,
      expiresAt: new Date(cart.updatedAt + this.settings.cartTtlMs).toISOString(),
      updatedAt: new Date(cart.updatedAt).toISOString(),
    };
  }

  shippingOptions(cart: CartRec, now: number): Record<string, unknown> {
    const pricing = this.pricing(cart, now);
    return { options: pricing.shippingOptions, addressRequired: pricing.addressRequired };
  }
}

/** Refuses a quantity that a `deny` variant cannot cover; `continue` variants sell into backorder. */
function assertStock(product: ProductRec, variant: VariantRec, wanted: number, alreadyInCart: number): void {
  if (variant.inventoryPolicy === 'continue' || variant.stock === null || wanted <= variant.stock) return;
  const available = Math.max(0, variant.stock);
  const message = available === 0
    ? `${product.name} is sold out.`
    : `Only ${available} of ${product.name} left${alreadyInCart ? ` (${alreadyInCart} already in your cart)` : ''}.`;
  throw new ApiError(422, message, [{ field: 'quantity', message }]);
}
