import type { CartLine, CartState } from '../../store/index.js';

/**
 * What changed in the cart since the drawer last looked: the lines added from elsewhere (a product
 * view, a buy button, `Tote.cart.add`, another tab still saving) and whether the count or the total
 * moved. The cart's own steppers and removals are marked `own` and are not news; the first look
 * (the cart as it loads) is never news either.
 */
export class CartNews {
  #seen = new Map<string, number>();
  #ready = false;
  #signature = '';
  #own = new Set<string>();

  /** A change the drawer itself made to `variantId` (a stepper, a removal, an undo). */
  own(variantId: string): void {
    this.#own.add(variantId);
  }

  /** Looks at `cart`: the lines that grew since the last look, and whether the count or the total moved. */
  read(cart: CartState): { added: CartLine[]; moved: boolean } {
    const added = this.#ready
      ? cart.lines.filter(
          (line) =>
            line.quantity > (this.#seen.get(line.variantId) ?? 0) &&
            line.status !== 'saved' &&
            !this.#own.has(line.variantId),
        )
      : [];
    this.#seen = new Map(cart.lines.map((line) => [line.variantId, line.quantity]));
    for (const line of cart.lines) if (line.status === 'saved') this.#own.delete(line.variantId);
    const signature = `${cart.itemCount}|${cart.server?.totals.total ?? ''}`;
    const moved = this.#ready && signature !== this.#signature;
    this.#signature = signature;
    this.#ready = true;
    return { added, moved };
  }
}
