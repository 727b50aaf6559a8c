/**
 * Subscriptions: what an account pays for, from billing (Stripe) or a file. Types and the small rules every figure
 * rests on; pure. Money is held in hundredths of the currency's unit (cents), so sums are exact.
 */

/** Where a subscription came from: a file (`csv`), Stripe's webhooks, or the demo workspace. */
export type SubscriptionSource = 'csv' | 'stripe' | 'demo';

/** The facts of one subscription that the revenue figures read. */
export interface SubscriptionFacts {
  /** The account it belongs to; null while it waits for its account to appear. */
  accountId: string | null;
  /** YYYY-MM-DD: its first day. */
  start: string;
  /** YYYY-MM-DD: the day it no longer counts (an end on a day means no ARR on that day); null: open-ended. */
  end: string | null;
  /** Annual recurring revenue, in cents of `currency`. */
  arrCents: number;
  trial: boolean;
  /** ISO 4217, upper case. */
  currency: string;
}

export interface Subscription extends SubscriptionFacts {
  id: string;
  source: SubscriptionSource;
  externalId: string;
  /** How the source named the account: a CRM or billing id (a Stripe customer id for Stripe). */
  accountRef: string | null;
  accountName: string | null;
  /** The ARR as given, and the MRR as given (null when the source gave none). */
  mrrCents: number | null;
  seats: number | null;
  plan: string | null;
  /** `monthly`, `annual`, or the source's own word. */
  billingPeriod: string | null;
  autoRenew: boolean | null;
  /** The day the current billing term ends, when the source says (Stripe's current period end). */
  renewsOn: string | null;
  /** Stripe's status (active, trialing, past_due, canceled …); null for files. */
  status: string | null;
  /** The last invoice Stripe reported: paid or payment_failed, and when. */
  lastInvoice: { status: 'paid' | 'payment_failed'; at: string } | null;
  updatedAt: string;
}

/** ARR in cents from what a source gives: the ARR itself, else MRR × 12; null when it gives neither. */
export function arrCentsOf(arrCents: number | null, mrrCents: number | null): number | null {
  if (arrCents !== null) return arrCents;
  if (mrrCents !== null) return mrrCents * 12;
  return null;
}

/** An amount in cents as the API and the CLI show money: units of the currency, two decimals at most. */
export const fromCents = (cents: number): number => Math.round(cents) / 100;

/** Units of a currency (as a file writes them) in cents. */
export const toCents = (units: number): number => Math.round(units * 100);
