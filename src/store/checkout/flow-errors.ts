// Where a failure is shown in the checkout: pure functions from an error (and the flow's state)
// to the state that files it, so CheckoutFlow and OrderSteps file every failure the same way.
import { ApiError, CheckoutRejection } from '../../api/index.js';
import type { FlowState, Note, Step } from './flow-types.js';

/** The step whose form owns a field the server named in a validation error. */
const FIELD_STEP: [RegExp, Step][] = [
  [/^(email|customerName)$/, 'contact'],
  [/^shippingAddress/, 'address'],
  [/^shippingRateId$/, 'shipping'],
  [/^paymentMethod$/, 'payment'],
];

/** Refusals the shopper gets a translated sentence (and the review's remedy) for. */
const KNOWN_REJECTIONS = ['price_changed', 'insufficient_stock', 'unavailable_item', 'empty_cart'];

/** The sentence (a message key, or the server's own words as a last resort) for a failure. */
export function noteOf(error: unknown): Note {
  if (error instanceof ApiError) {
    if (error.code === 'RATE_LIMITED') return { kind: 'error', text: 'error.busy' };
    // A POST retried and still unanswered: the order may exist. Another click repeats the same job.
    if (error.code === 'OUTCOME_UNKNOWN') return { kind: 'error', text: 'checkout.outcome-unknown' };
    if (error.status === 0 || error.status >= 500) return { kind: 'error', text: 'error.network' };
    return { kind: 'error', text: error.message };
  }
  return { kind: 'error', text: 'error.network' };
}

/**
 * The fields the server refused, each with the sentence to show under it (empty when it named
 * none). The field is what the wire says for sure; its message is in the server's language, which
 * may not be the shopper's, so the field gets Tote's own "not accepted" in the shopper's.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (error instanceof ApiError) for (const detail of error.details) errors[detail.field] = 'field.refused';
  return errors;
}

/** A checkout or capture failure, filed where the shopper can act on it. */
export function placeErrorPatch(error: unknown, state: FlowState): Partial<FlowState> {
  const filed = { busy: false, phase: 'form' as const };
  if (error instanceof CheckoutRejection) {
    if (error.rejection === 'terms_required') {
      // The seller may switch the checkbox on mid-checkout: show it, unticked, and point at it.
      const settings = state.settings && {
        ...state.settings,
        checkout: { ...state.settings.checkout, termsMode: 'required_checkbox' as const },
      };
      return { ...filed, step: 'review', settings, agreed: false, errors: { terms: 'checkout.terms-required' } };
    }
    const text = KNOWN_REJECTIONS.includes(error.rejection) ? `rejection.${error.rejection}` : error.message;
    return { ...filed, step: 'review', rejection: error, note: { kind: 'error', text } };
  }
  if (error instanceof ApiError && error.code === 'VALIDATION_ERROR' && error.details.length) {
    // The first field whose step this checkout has takes the shopper there; else the review says it.
    const digital = state.cart?.requiresShipping === false;
    const owners = error.details.map(({ field }) =>
      /^billingAddress/.test(field)
        ? digital
          ? 'contact'
          : 'address'
        : FIELD_STEP.find(([pattern]) => pattern.test(field))?.[1],
    );
    const step = owners.find((owner): owner is Step => !!owner && state.steps.includes(owner));
    const note: Note | null = step ? null : { kind: 'error', text: 'checkout.check-details' };
    return { ...filed, step: step ?? 'review', errors: fieldErrorsOf(error), note };
  }
  return { ...filed, step: 'review', note: noteOf(error) };
}
