// `tote-order-complete`: the order is placed (`<tote-checkout>`).

/** Detail of `tote-order-complete`. */
export interface OrderCompleteDetail {
  orderId: string;
  orderNumber: string;
  /** Minor units. */
  total: number;
  currencyCode: string;
  paymentStatus: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tote-order-complete': CustomEvent<OrderCompleteDetail>;
  }
}
