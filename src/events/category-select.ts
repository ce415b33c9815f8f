// `tote-category-select`: the shopper chose a category, or "All products" (`<tote-categories>`). Cancelable.

/**
 * Detail of `tote-category-select`: the category chosen. "All products" (the top of the
 * breadcrumbs) has an empty `id` and `slug`.
 */
export interface CategorySelectDetail {
  id: string;
  slug: string;
  name: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-category-select': CustomEvent<CategorySelectDetail>;
  }
}
