// A signed-in shopper in the checkout: their email and saved addresses fill what the cart does not
// hold yet. Pure functions of the flow's state; the flow applies the patches. Signing in is never
// needed to buy, so nothing here is ever required, and nothing the shopper or the cart already has
// is overwritten.
import type { Address, CustomerAddress } from '../../api/index.js';
import type { FlowState } from './flow-types.js';

/** What the checkout takes from the account session (store/account): null when signed out. */
export interface CheckoutAccount {
  email: string | null;
  name: string | null;
  addresses: readonly CustomerAddress[];
}

/** A saved address as the address form holds one. */
export function addressOfSaved(saved: CustomerAddress): Partial<Address> {
  const { name, company, line1, line2, city, region, postalCode, countryCode, phone } = saved;
  return { name, company, line1, line2, city, region, postalCode, countryCode, phone };
}

/** Whether the shopper (or the cart) has started this address: then it is theirs to keep. */
const started = (address: Partial<Address>) => !!(address.line1 || address.city || address.postalCode);

/** The state once the account is known: its addresses offered, empty fields filled in. */
export function accountPatch(state: FlowState, account: CheckoutAccount | null): Partial<FlowState> {
  if (!account) return { savedAddresses: [] };
  const patch: Partial<FlowState> = { savedAddresses: [...account.addresses] };
  if (!state.email && !state.cart?.email && account.email) patch.email = account.email;
  if (!state.name && account.name) patch.name = account.name;
  const first = account.addresses[0];
  if (first && !started(state.address) && !started(state.cart?.shippingAddress ?? {})) {
    patch.address = addressOfSaved(first);
  }
  return patch;
}
