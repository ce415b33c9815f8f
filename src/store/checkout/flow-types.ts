// The checkout state machine's shapes: its state, what it needs from the shop, the order it is
// settling, and what its order steps need of it. Kept apart so the view, the flow and its order
// steps share them without a cycle.
import type {
  Address,
  CaptureRequest,
  CaptureResult,
  Cart,
  CartUpdate,
  CheckoutRejection,
  CheckoutRequest,
  CheckoutResult,
  Countries,
  Country,
  CustomerAddress,
  OrderReceipt,
  OrderStatus,
  Payment,
  PaymentMethod,
  PaymentMethods,
  PaymentSelect,
  PayRequest,
  ShippingOption,
  ShippingOptions,
  StoreSettings,
} from '../../api/index.js';
import type { CartState } from '../cart-state.js';
import type { ReturnVia } from './payment.js';

export type Step = 'contact' | 'address' | 'shipping' | 'payment' | 'review';
/** `form`: a step is shown; the others are the moments between and after the steps. */
export type Phase = 'loading' | 'form' | 'placing' | 'redirecting' | 'confirming' | 'receipt' | 'unavailable';

/** A text to show: a message key of `msg()` (or the server's own words), with its parameters. */
export interface Note {
  kind: 'error' | 'info';
  text: string;
  params?: Record<string, string | number>;
}

/** The order waiting for its payment, kept across the trip to the hosted payment page. */
export interface PendingOrder {
  orderId: string;
  orderNumber: string;
  /** How the shopper came back to this page: the gateway's return URL, its cancel URL, or neither (Back, a reload). */
  via?: ReturnVia;
  /** The order notes the shopper wrote, shown again if the payment is cancelled or declined. */
  notes?: string;
}

/** What the success screen can always show, even when the receipt could not be read. */
export interface PlacedOrder {
  orderId: string;
  orderNumber: string;
  total: number | null;
  currencyCode: string | null;
  paymentStatus: string;
  email: string | null;
}

/** The endpoints the checkout calls (a `ToteShop`'s `api` fits; tests pass fakes). */
export interface FlowApi {
  updateCart(patch: CartUpdate): Promise<Cart>;
  shippingOptions(): Promise<ShippingOptions>;
  paymentMethods(): Promise<PaymentMethods>;
  countries(query: { shippable?: boolean; locale?: string }): Promise<Countries>;
  /** `requestId`: the job's X-Request-Id, the same on every retry of one checkout (place-recovery.ts). */
  checkout(req: CheckoutRequest, r?: { requestId?: string }): Promise<CheckoutResult>;
  pay(orderId: string, req: PayRequest): Promise<Payment>;
  capture(orderId: string, req: CaptureRequest): Promise<CaptureResult>;
  orderStatus(orderId: string): Promise<OrderStatus>;
  order(orderId: string): Promise<OrderReceipt>;
}

/** What the flow needs from the shop and the page. */
export interface FlowDeps {
  api: FlowApi;
  cart: {
    readonly state: CartState;
    settled(): Promise<void>;
    refresh(): Promise<Cart>;
    accept(cart: Cart): void;
    setQuantity(variantId: string, quantity: number): void;
    startOver(): Promise<void>;
  };
  store(): Promise<StoreSettings>;
  /** The shopper's language, for `GET /countries?locale`. */
  locale: string;
  /** Where the gateway sends the shopper back to (and on cancel), for this order. */
  paymentUrls(order: PendingOrder): { returnUrl: string; cancelUrl: string };
  /** Leaves the page: for the hosted payment page, or the store's page after the receipt. */
  navigate(url: string): void;
  /** Keeps the pending order across the redirect (sessionStorage in the element). */
  pending: { get(): PendingOrder | null; set(order: PendingOrder): void; clear(): void };
  onChange(state: FlowState): void;
  onComplete?(placed: PlacedOrder, receipt: OrderReceipt | null): void;
  sleep?(ms: number): Promise<void>;
  /** Delays between status reads after the return (default: the contract's cadence). */
  pollDelays?: readonly number[];
  /** How long the receipt shows before a store's redirect after checkout (default 3 s). */
  redirectDelayMs?: number;
}

/**
 * What the order steps (order-steps.ts) need of the checkout flow that owns them (CheckoutFlow is
 * one): its state, how to change it, and the flow's own rules they follow.
 */
export interface FlowControl {
  readonly state: FlowState;
  /** What is missing to the store's minimum order value (minor units), or 0. */
  readonly belowMinimum: number;
  /** The selected payment method (the only one, when there is one). */
  readonly paymentMethod: PaymentMethod | undefined;
  set(patch: Partial<FlowState>): void;
  /** Takes the server's cart: steps and forms follow it. */
  adopt(cart: Cart): void;
  /** Files a checkout or capture failure where the shopper can act on it. */
  onPlaceError(error: unknown): void;
}

export interface FlowState {
  phase: Phase;
  step: Step;
  /** The steps this cart goes through (digital carts skip shipping; one method skips payment). */
  steps: Step[];
  settings: StoreSettings | null;
  cart: Cart | null;
  email: string;
  name: string;
  /** The shipping address as the shopper last sent (or the cart holds) it. */
  address: Partial<Address>;
  /** The billing address; on a cart that ships nothing only its name and country are asked. */
  billing: Partial<Address>;
  billingSame: boolean;
  /** `GET /countries?shippable=1` and `GET /countries`; null until read. */
  shipCountries: Country[] | null;
  allCountries: Country[] | null;
  /** `kind:postalCode` the shopper was warned about once: sent again unchanged, it goes to the server. */
  postalHint: string | null;
  shippingOptions: ShippingOption[] | null;
  shippingRateId: string | null;
  methods: PaymentMethod[];
  method: PaymentSelect | null;
  notes: string;
  agreed: boolean;
  marketing: boolean;
  /** Field (`email`, `shippingAddress.city`, `terms`…) → message key or server text. */
  errors: Record<string, string>;
  note: Note | null;
  rejection: CheckoutRejection | null;
  /** The shopper accepted a price change: PayPal's next order sends `acceptPriceChanges`. */
  acceptPrices: boolean;
  /** A request of the current step is on its way: its button is disabled. */
  busy: boolean;
  order: PendingOrder | null;
  receipt: OrderReceipt | null;
  placed: PlacedOrder | null;
  /** The store's page the receipt leads to after a few seconds (already checked). */
  redirectTo: string | null;
  /** A signed-in shopper's saved addresses, offered on the address step (flow-account.ts). */
  savedAddresses: CustomerAddress[];
}

export const INITIAL_STATE: FlowState = {
  phase: 'loading',
  step: 'contact',
  steps: ['contact', 'review'],
  settings: null,
  cart: null,
  email: '',
  name: '',
  address: {},
  billing: {},
  billingSame: true,
  shipCountries: null,
  allCountries: null,
  postalHint: null,
  shippingOptions: null,
  shippingRateId: null,
  methods: [],
  method: null,
  notes: '',
  agreed: false,
  marketing: false,
  errors: {},
  note: null,
  rejection: null,
  acceptPrices: false,
  busy: false,
  order: null,
  receipt: null,
  placed: null,
  redirectTo: null,
  savedAddresses: [],
};
