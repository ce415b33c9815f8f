// Mistakes the React typings must refuse: if one stopped being refused, its @ts-expect-error would be
// unused, which `tsc --noEmit` reports. Type-checked with the app, never bundled (main.tsx does not import it).
import type {} from 'tote-storefront/react';

// @ts-expect-error -- open-on-add takes the text "false": React drops an attribute set to {false}
export const dropped = <tote-cart open-on-add={false} />;
// @ts-expect-error -- AddDetail has no price
export const noPrice = <tote-buy-button ontote-add={(e) => e.detail.price} />;
