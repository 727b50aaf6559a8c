/** The subscription import's fields, its default column names and how a header is recognised (pure). */
import type { FieldDoc, FieldSet, FormatProfile } from '../../../platform/imports/profile.ts';

export const SUBSCRIPTION_FIELD_NAMES = [
  'external_id',
  'account_external_id',
  'account',
  'start_date',
  'end_date',
  'arr',
  'mrr',
  'seats',
  'plan',
  'is_trial',
  'currency',
  'billing_period',
  'auto_renew',
] as const;
export type SubscriptionField = (typeof SUBSCRIPTION_FIELD_NAMES)[number];

export const SUBSCRIPTION_FIELDS: readonly FieldDoc[] = [
  {
    name: 'external_id',
    required: true,
    description: 'the subscription’s id in the source: importing it again updates it',
  },
  {
    name: 'account_external_id',
    required: false,
    description: 'the account’s CRM or billing id (or its Baton id or domain); this or account is required',
  },
  { name: 'account', required: false, description: 'the account’s exact name, when no id is given or none matches' },
  { name: 'start_date', required: true, description: 'its first day (YYYY-MM-DD, or a year-last date)' },
  {
    name: 'end_date',
    required: false,
    description: 'the day it ended or ends (no ARR from that day on); blank: running',
  },
  { name: 'arr', required: false, description: 'annual recurring revenue; this or mrr is required' },
  { name: 'mrr', required: false, description: 'monthly recurring revenue, taken × 12 where no ARR is given' },
  { name: 'seats', required: false, description: 'licensed seats (feed adoption where none were set by hand)' },
  { name: 'plan', required: false, description: 'the plan or tier' },
  { name: 'is_trial', required: false, description: 'true for a trial: it counts for no ARR' },
  {
    name: 'currency',
    required: false,
    description: 'ISO 4217 code (USD, EUR …); blank: the --currency given, else the workspace’s',
  },
  { name: 'billing_period', required: false, description: 'monthly, quarterly or annual: when it renews' },
  { name: 'auto_renew', required: false, description: 'true/false: whether it renews by itself' },
];

export const SUBSCRIPTION_FIELD_SET: FieldSet<SubscriptionField> = {
  names: SUBSCRIPTION_FIELD_NAMES,
  required: [['external_id'], ['account_external_id', 'account'], ['start_date'], ['arr', 'mrr']],
};

/** The columns a subscription table usually has (RavenStack's and Baton's own names among them). */
export const SUBSCRIPTIONS_PROFILE: FormatProfile<SubscriptionField> = {
  source: 'csv',
  columns: {
    external_id: ['external_id', 'subscription_id', 'subscription id'],
    account_external_id: ['account_external_id', 'account_id', 'customer_id', 'account id'],
    account: ['account', 'account_name', 'company', 'customer'],
    start_date: ['start_date', 'start', 'start date'],
    end_date: ['end_date', 'end', 'end date', 'ended_at'],
    arr: ['arr', 'arr_amount'],
    mrr: ['mrr', 'mrr_amount'],
    seats: ['seats', 'quantity', 'licenses'],
    plan: ['plan', 'plan_tier', 'tier'],
    is_trial: ['is_trial', 'trial'],
    currency: ['currency'],
    billing_period: ['billing_period', 'billing_frequency', 'interval'],
    auto_renew: ['auto_renew', 'auto_renew_flag'],
  },
};

export const SUBSCRIPTION_FORMATS = ['subscriptions', 'mapped'] as const;

const normalize = (h: string) => h.trim().toLowerCase();

/** `subscriptions` when the header has a subscription id, a start and an amount by their usual names. */
export function detectSubscriptionFormat(headers: readonly string[]): string | undefined {
  const present = new Set(headers.map(normalize));
  const has = (field: SubscriptionField) => SUBSCRIPTIONS_PROFILE.columns[field]?.some((c) => present.has(c));
  return has('external_id') && has('start_date') && (has('arr') || has('mrr')) ? 'subscriptions' : undefined;
}
