// Mail the store "sends": login codes and gift-card codes. Nothing leaves the machine; tests and
// demos read the messages on the control surface (GET /__control, GET /__control/outbox). Codes
// live here and nowhere in a public response, exactly as an inbox would hold them.
import { randomId } from './http.js';

export interface OutboxMessage {
  id: string;
  /** The publishable key of the store that sent it. */
  store: string;
  to: string;
  kind: 'login_code' | 'gift_card';
  subject: string;
  /** The secret the message carries: a 6-digit login code or a gift card code. */
  code: string;
  /** Gift cards only: the card's value in minor units. */
  balance?: number;
  sentAt: string;
}

/** Oldest messages are dropped past this, so a long soak run does not grow without bound. */
const KEEP = 500;

export class Outbox {
  private messages: OutboxMessage[] = [];

  send(message: Omit<OutboxMessage, 'id' | 'sentAt'>, now: number): OutboxMessage {
    const full: OutboxMessage = { id: randomId('msg'), ...message, sentAt: new Date(now).toISOString() };
    this.messages.push(full);
    if (this.messages.length > KEEP) this.messages.splice(0, this.messages.length - KEEP);
    return full;
  }

  /** Newest first; `to` filters by recipient (case-insensitive). */
  list(to?: string | null): OutboxMessage[] {
    const wanted = to?.trim().toLowerCase();
    return this.messages.filter((m) => !wanted || m.to === wanted).reverse();
  }

  clear(): void {
    this.messages = [];
  }
}
