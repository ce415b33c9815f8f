// The shopper's account: signing in by emailed code, the profile, saved addresses, past orders.

export interface OtpRequestResult {
  sent: boolean;
  recognised: boolean;
  /** Non-null: the email is on a resend cooldown. Check it first. */
  retryAfterSeconds: number | null;
}
export interface CustomerIdentity {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}
export interface OtpVerifyResult {
  /** Appears once: store it at once, present it as `X-Customer-Token`. */
  token: string;
  expiresAt: string;
  customer: CustomerIdentity;
}
export interface CustomerProfile extends CustomerIdentity {
  phone?: string | null;
  ordersCount?: number;
  totalSpent?: number;
  lastOrderAt?: string | null;
  createdAt?: string;
}
export interface CustomerAddress {
  id: string;
  name: string | null;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  countryCode: string;
  phone: string | null;
}
export interface CustomerOrder {
  id: string;
  orderNumber: string;
  status: string;
  paymentStatus: string;
  fulfillmentStatus: string;
  currencyCode: string;
  total: number;
  placedAt: string | null;
}
