// Which steps a cart goes through and where a checkout picks up: pure functions of the server's
// cart, so a reload, a second tab or a cart edited elsewhere lands the shopper on the right step.
import type { Cart, Country } from '../../api/index.js';
import { isAddressComplete, sameAddress, type AddressRules } from '../../model/address.js';
import type { FlowState, Step } from './flow-types.js';

/** Digital carts skip the address and shipping steps; a single payment method skips its step. */
export function stepsOf(cart: Cart, methodCount: number): Step[] {
  const steps: Step[] = ['contact'];
  if (cart.requiresShipping) steps.push('address', 'shipping');
  if (methodCount > 1) steps.push('payment');
  steps.push('review');
  return steps;
}

/** The step after `from` in this checkout (the review is last). */
export function stepAfter(steps: readonly Step[], from: Step): Step {
  return steps[steps.indexOf(from) + 1] ?? 'review';
}

/** The forms as the cart first read fills them: what the shopper saved on an earlier visit. */
export function formsOf(cart: Cart): Partial<FlowState> {
  const ownName = cart.requiresShipping ? cart.shippingAddress?.name : cart.billingAddress?.name;
  return {
    email: cart.email ?? '',
    address: cart.shippingAddress ?? {},
    billing: cart.billingAddress ?? {},
    billingSame:
      !cart.requiresShipping || !cart.billingAddress || sameAddress(cart.billingAddress, cart.shippingAddress),
    name: cart.customerName ?? ownName ?? '',
    shippingRateId: cart.shippingRateId,
  };
}

/** The first step whose answers the cart does not hold yet. */
export function resumeStepOf(cart: Cart | null, steps: readonly Step[], rules: AddressRules, shipTo?: Country): Step {
  if (!cart?.email) return 'contact';
  if (!cart.requiresShipping && !(cart.billingAddress?.name && cart.billingAddress.countryCode)) return 'contact';
  if (steps.includes('address') && !isAddressComplete(cart.shippingAddress, rules, shipTo)) return 'address';
  if (steps.includes('shipping') && !cart.shippingRateId) return 'shipping';
  return 'review';
}
