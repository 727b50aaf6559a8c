/** The revenue module's tables. Money is in cents (bigint); days are YYYY-MM-DD text, times ISO-8601 UTC text. */

export interface RevenueSubscriptionTable {
  id: string;
  workspace_id: string;
  /** `csv`, `stripe` or `demo`: external ids are unique per source. */
  source: string;
  external_id: string;
  /** Null while the subscription waits for its account. */
  account_id: string | null;
  /** The account's CRM or billing id as the source gave it (a Stripe customer id for Stripe). */
  account_ref: string | null;
  account_name: string | null;
  start_date: string;
  end_date: string | null;
  arr_cents: number | string;
  mrr_cents: number | string | null;
  seats: number | null;
  plan: string | null;
  is_trial: number;
  currency: string;
  billing_period: string | null;
  auto_renew: number | null;
  renews_on: string | null;
  status: string | null;
  last_invoice_status: string | null;
  last_invoice_at: string | null;
  /** When the source's state was taken (a Stripe event's creation): an older state never replaces it. */
  source_updated_at: string | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

/** Stripe customers Baton heard of, matched to an account or waiting for one. */
export interface RevenueStripeCustomerTable {
  workspace_id: string;
  customer_id: string;
  account_id: string | null;
  email: string | null;
  name: string | null;
  /** The account id the customer's metadata names (`baton_account_id` or `account_id`). */
  metadata_account: string | null;
  source_updated_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Every Stripe event taken in, once per event id: applied or ignored, and why. */
export interface RevenueStripeEventTable {
  workspace_id: string;
  event_id: string;
  type: string;
  object_id: string | null;
  occurred_at: string;
  received_at: string;
  outcome: string;
  detail: string | null;
}

/** The licensed seats revenue gave adoption, and when: seats written at another time were set by hand and win. */
export interface RevenueSeatFeedTable {
  workspace_id: string;
  account_id: string;
  seats: number;
  fed_at: string;
}
