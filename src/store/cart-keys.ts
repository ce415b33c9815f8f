// Where a shop's cart lives in its storage (storage.ts): one name each, for the modules that write
// them (the token, the cart copy, the engine's ledger) and the cart button's preview that reads them
// before the engine has loaded (shop-cart.ts).

/** The visitor's cart token (token.ts). */
export const CART_TOKEN_KEY = 'cartToken';
/** The server's cart as this shop last saw it (cart-copy.ts). */
export const CART_COPY_KEY = 'cart';
/** The shared ledger of wishes (ledger.ts, cart.ts). */
export const LEDGER_KEY = 'ledger';
