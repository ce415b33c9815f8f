// A cart recovery link (`?cart_token=` in an abandoned-cart email): taken off the address bar as
// the page starts, in the first paint, whatever becomes of it.

// The contract's token: 16–128 of A–Z a–z 0–9 _ - (Tote mints nanoid's 21; a recovered cart's
// token may be longer, such as the official widget's `cart_` + UUID). Anything else is corruption.
export const TOKEN_PATTERN = /^[\w-]{16,128}$/;

/**
 * Takes `?cart_token=` off the address bar at once (whatever the opt-in: the link's token must not
 * linger in history, bookmarks or a `Referer`), keeping every other parameter and the fragment as
 * they were. Returns the token only when the merchant opted in and it is well-formed.
 */
export function takeRecoveryToken(optIn: boolean | undefined): string | undefined {
  if (
    typeof location === 'undefined' ||
    typeof history === 'undefined' ||
    !/[?&]cart_token(=|&|$)/.test(location.search)
  )
    return undefined;
  let token: string | undefined;
  const rest = location.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      const [name, value = ''] = pair.split('=');
      if (name !== 'cart_token') return true;
      token ??= value;
      return false;
    });
  try {
    // An absolute URL: a path like "//evil.example/" on its own would read as another origin, and
    // replaceState would throw instead of cleaning the address bar.
    history.replaceState(
      history.state,
      '',
      location.origin + location.pathname + (rest.length ? `?${rest.join('&')}` : '') + location.hash,
    );
  } catch {
    // an opaque or sandboxed origin may refuse it: the token is still never adopted unasked
  }
  return optIn && token && TOKEN_PATTERN.test(token) ? token : undefined;
}
