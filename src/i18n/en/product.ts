// The product view's and the buy button's words; they load with those elements.
import type { Messages } from '../messages-type.js';

export const productEn: Messages = {
  'stock.backorder': 'Sold out — available on back-order',
  'stock.in': 'In stock',
  'product.unavailable': 'Not available to buy here',
  'product.loading': 'Loading product…',
  'product.close': 'Close',
  'product.back': 'Back to products',
  'product.error': 'This product could not be loaded.',
  'product.missing': 'This product is no longer available.',
  'product.quantity': 'Quantity',
  'product.less': 'Decrease quantity of {name}',
  'product.more': 'Increase quantity of {name}',
  'product.adding': 'Adding…',
  'product.added': 'Added to cart',
  'product.add-failed': 'Could not add to cart: {reason}',
  'product.buy': 'Buy now',
  'product.value-sold-out': 'sold out',
  'product.value-missing': 'not made in this combination',
  'product.option-changed': '{option} is now {value} (was {was}).',
  'product.price-now': 'Price now {price}.',
  'product.choice-sold-out': 'This choice is sold out.',
  'product.all-in-cart': 'All available units are already in your cart.',
  'product.images': 'Images',
  'product.image': 'Image {n} of {count}',
  'product.description': 'Description',
};
