// What the demo page and its preview frame say to each other (postMessage, same origin only).
import type { LimiterSnapshot } from '../../src/api/limiter.js';

/** One API request seen by the preview (its fetch is wrapped on the demo page, never in src/). */
export interface RequestEntry {
  seq: number;
  at: number;
  method: string;
  /** The path below `/public/{key}`, with the query. */
  path: string;
  requestId: string | null;
  /** `null` while on its way, or when no answer came. */
  status: number | null;
  ms: number | null;
  error: string | null;
}

export interface CartSummary {
  itemCount: number;
  pending: number;
  online: boolean;
  ready: boolean;
}

export interface HammerResult {
  name: string;
  clicks: number;
  /** The server's quantity of the line before and after the clicks. */
  before: number;
  after: number;
  ms: number;
}

/** From the preview frame to the demo page. */
export type FrameMessage =
  | { type: 'tote-demo:ready'; query: string }
  | { type: 'tote-demo:request'; entry: RequestEntry }
  | { type: 'tote-demo:limiter'; snapshot: LimiterSnapshot }
  | { type: 'tote-demo:cart'; cart: CartSummary }
  | { type: 'tote-demo:hammered'; result?: HammerResult; error?: string };

/** From the demo page to the preview frame. */
export type PageMessage =
  | { type: 'tote-demo:config'; query: string }
  | { type: 'tote-demo:hammer'; count: number; product: string }
  | { type: 'tote-demo:open-cart' };
