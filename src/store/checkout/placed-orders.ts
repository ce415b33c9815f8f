// The order this browser last handed to a payment page and has not settled yet. A return link
// (`#tote-payment=…&order=…`) is anyone's to craft: it counts only for this order, so a link
// cannot pin someone else's order to a shopper's checkout, as a link cannot plant a cart. One
// cart per shop and browser means one such order at a time. localStorage, not the tab's
// sessionStorage: the gateway may bring the shopper back in another tab.
const KEY = 'tote:placed-order';
/** Long past any reservation: an order this old is none to come back to. */
const TTL_MS = 864e5;

/** Notes the order sent to the payment page now, or (null) forgets it: settled or given up. */
export function markPlaced(id: string | null): void {
  try {
    if (id) localStorage.setItem(KEY, JSON.stringify([id, Date.now()]));
    else localStorage.removeItem(KEY);
  } catch {
    // storage blocked: then the cart token does not survive the trip either, and nothing comes back
  }
}

/** Whether `id` is the order this browser sent to a payment page (another script may have written anything here). */
export function wasPlacedHere(id: string): boolean {
  try {
    const [placed, at] = JSON.parse(localStorage.getItem(KEY) ?? '[]') as [unknown, number];
    return placed === id && Date.now() - at < TTL_MS; // not a number: NaN, false
  } catch {
    return false;
  }
}
