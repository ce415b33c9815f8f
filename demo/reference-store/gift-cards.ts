// Gift cards of one store: seeded codes with balances, the checks behind `PATCH /cart
// {giftCardCode}`, a per-cart-token brake on guessing, debits and credits as orders are placed and
// expire, and codes minted when a gift-card product is paid for.
//
// A code is a bearer secret, so a card is referred to by its id everywhere after the first check:
// carts hold the id, answers show only the last four characters.
import { randomBytes } from 'node:crypto';
import { randomId } from './http.js';
import type { GiftCardSpec } from './types.js';

export type GiftCardReason =
  'not_found' | 'inactive' | 'expired' | 'depleted' | 'currency_mismatch' | 'nothing_due' | 'too_many_attempts';

export interface GiftCardError {
  reason: GiftCardReason;
  message: string;
}

export interface GiftCardRec {
  id: string;
  code: string;
  balance: number;
  currency: string;
  status: 'active' | 'inactive';
  expiresAt: number | null;
}

/** Refused codes a cart token may try within the window before codes are no longer checked. */
export const MAX_REFUSALS = 5;
export const REFUSAL_WINDOW_MS = 10 * 60_000;

/**
 * The codes every store seeds (documented in docs/reference-store.md), in the store's currency
 * unless named otherwise. `otherCurrency` gives the currency_mismatch case.
 */
export function standardGiftCards(currency: string, otherCurrency: string): GiftCardSpec[] {
  return [
    { code: 'GIFT-25-TEST', balance: 2500, currency, status: 'active', expiresAt: null },
    { code: 'GIFT-500-TEST', balance: 50_000, currency, status: 'active', expiresAt: null },
    { code: 'GIFT-EMPTY-TEST', balance: 0, currency, status: 'active', expiresAt: null },
    { code: 'GIFT-EXPIRED-TEST', balance: 5000, currency, status: 'active', expiresAt: '2025-01-01T00:00:00.000Z' },
    { code: 'GIFT-INACTIVE-TEST', balance: 5000, currency, status: 'inactive', expiresAt: null },
    { code: `GIFT-${otherCurrency}-TEST`, balance: 5000, currency: otherCurrency, status: 'active', expiresAt: null },
  ];
}

/** Codes are compared without case or surrounding space, as shoppers type them. */
export const normalizeGiftCode = (code: string): string => code.trim().toUpperCase();

export class GiftCards {
  private readonly byCode = new Map<string, GiftCardRec>();
  private readonly byId = new Map<string, GiftCardRec>();
  /** Times of refused codes per cart token, oldest first. */
  private readonly refusals = new Map<string, number[]>();

  constructor(
    private readonly currency: string,
    specs: GiftCardSpec[],
  ) {
    specs.forEach((spec, i) =>
      this.add({
        id: `gc_seed${String(i + 1).padStart(2, '0')}`,
        code: normalizeGiftCode(spec.code),
        balance: spec.balance,
        currency: spec.currency,
        status: spec.status,
        expiresAt: spec.expiresAt ? Date.parse(spec.expiresAt) : null,
      }),
    );
  }

  private add(card: GiftCardRec): void {
    this.byCode.set(card.code, card);
    this.byId.set(card.id, card);
  }

  get(id: string): GiftCardRec | undefined {
    return this.byId.get(id);
  }

  /** What the card can pay right now; 0 when it is inactive, expired or spent. */
  spendable(id: string | null, now: number): number {
    const card = id ? this.byId.get(id) : undefined;
    if (
      !card ||
      card.status !== 'active' ||
      (card.expiresAt !== null && now >= card.expiresAt) ||
      card.currency !== this.currency
    )
      return 0;
    return Math.max(0, card.balance);
  }

  /**
   * Checks a typed code for a cart whose total (before any card) is `due`. A refusal counts toward
   * the token's brake; once it is on, codes are not even looked up, so guessing learns nothing.
   * `nothing_due` is not counted: it says nothing about the code.
   */
  check(token: string, code: string, due: number, now: number): { card: GiftCardRec } | { error: GiftCardError } {
    const recent = (this.refusals.get(token) ?? []).filter((t) => now - t < REFUSAL_WINDOW_MS);
    this.refusals.set(token, recent);
    if (recent.length >= MAX_REFUSALS) {
      return {
        error: {
          reason: 'too_many_attempts',
          message: 'Too many gift card codes were tried. Wait 10 minutes, then try again.',
        },
      };
    }
    const card = this.byCode.get(normalizeGiftCode(code));
    const error = this.refusal(card, due, now);
    if (error) {
      if (error.reason !== 'nothing_due') recent.push(now);
      return { error };
    }
    return { card: card as GiftCardRec };
  }

  private refusal(card: GiftCardRec | undefined, due: number, now: number): GiftCardError | null {
    if (!card) return { reason: 'not_found', message: 'That gift card code was not recognised.' };
    if (card.status !== 'active') return { reason: 'inactive', message: 'This gift card is not active.' };
    if (card.expiresAt !== null && now >= card.expiresAt)
      return { reason: 'expired', message: 'This gift card has expired.' };
    if (card.currency !== this.currency) {
      return {
        reason: 'currency_mismatch',
        message: `This gift card is in ${card.currency}; this store charges ${this.currency}.`,
      };
    }
    if (card.balance <= 0) return { reason: 'depleted', message: 'This gift card has no balance left.' };
    if (due <= 0) return { reason: 'nothing_due', message: 'There is nothing left to pay on this cart.' };
    return null;
  }

  /** Takes `amount` off the card when an order is placed (given back by `credit` if it lapses). */
  debit(id: string, amount: number): void {
    const card = this.byId.get(id);
    if (card) card.balance -= amount;
  }

  credit(id: string, amount: number): void {
    const card = this.byId.get(id);
    if (card) card.balance += amount;
  }

  /** A new card bought in an order: a fresh code, worth what was paid for it. */
  mint(balance: number): GiftCardRec {
    const group = (): string => randomBytes(4).toString('hex').slice(0, 4).toUpperCase();
    const card: GiftCardRec = {
      id: randomId('gc'),
      code: `GC-${group()}-${group()}-${group()}`,
      balance,
      currency: this.currency,
      status: 'active',
      expiresAt: null,
    };
    this.add(card);
    return card;
  }
}

/** The wire's `giftCard` on a cart: never the code, only its last four characters. */
export function lastFour(code: string): string {
  return code.replace(/[^A-Za-z0-9]/g, '').slice(-4);
}
