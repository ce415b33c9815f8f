// The categories' words (<tote-categories>); they load with that element.
import type { Messages } from '../messages-type.js';

export const categoriesEn: Messages = {
  'categories.title': 'Shop by category',
  'categories.all': 'All products',
  'categories.path': 'Breadcrumbs',
  'categories.count': '{count} products',
  'categories.count.one': '{count} product',
  'categories.loading': 'Loading categories…',
  'categories.empty': 'No categories here yet.',
  'categories.error': 'The categories could not be loaded.',
};
