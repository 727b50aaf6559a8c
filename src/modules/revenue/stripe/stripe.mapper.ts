/**
 * Stripe events → revenue commands (pure). A customer event carries the customer (email, name, metadata); a
 * subscription event the whole subscription (its items' prices and quantities give its ARR and seats); an invoice
 * event whether the subscription's latest invoice was paid. Amounts come in the currency's smallest unit.
 */
import type { SubscriptionRecord } from '../subscription.service.ts';

export interface StripeCustomer {
  id: string;
  email: string | null;
  name: string | null;
  /** The Baton account id its metadata names (`baton_account_id`, else `account_id`). */
  metadataAccount: string | null;
}

export type StripeCommand =
  | { kind: 'customer'; customer: StripeCustomer }
  | { kind: 'subscription'; customerId: string; record: SubscriptionRecord }
  | { kind: 'invoice'; customerId: string | null; subscriptionId: string | null; status: 'paid' | 'payment_failed' }
  | { kind: 'ignore'; reason: string };

export interface StripeEvent {
  id: string;
  type: string;
  /** When Stripe created the event (ISO-8601): an older state never replaces a newer one. */
  occurredAt: string;
  objectId: string | null;
  command: StripeCommand;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const idOf = (v: unknown): string | null => str(v) ?? (isObj(v) ? str(v.id) : null);
const day = (unix: number | null): string | null =>
  unix === null ? null : new Date(unix * 1000).toISOString().slice(0, 10);

/** Currencies Stripe counts in whole units, and those in thousandths: their amounts are turned into cents. */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
export const centsOf = (minor: number, currency: string): number =>
  ZERO_DECIMAL.has(currency) ? minor * 100 : THREE_DECIMAL.has(currency) ? Math.round(minor / 10) : minor;

const PER_YEAR: Record<string, number> = { day: 365, week: 52, month: 12, year: 1 };

function periodName(interval: string | null, count: number): string | null {
  if (interval === 'month' && count === 1) return 'monthly';
  if (interval === 'month' && count === 3) return 'quarterly';
  if (interval === 'year' && count === 1) return 'annual';
  return interval ? `every ${count} ${interval}${count === 1 ? '' : 's'}` : null;
}

/** A customer object → the customer Baton keeps. */
export function readCustomer(o: Obj): StripeCustomer | null {
  const id = str(o.id);
  if (!id) return null;
  const metadata = isObj(o.metadata) ? o.metadata : {};
  return {
    id,
    email: str(o.email)?.toLowerCase() ?? null,
    name: str(o.name),
    metadataAccount: str(metadata.baton_account_id) ?? str(metadata.account_id),
  };
}

/** A subscription object → a subscription record; its ARR is Σ items' price × quantity × periods a year. */
export function readSubscription(o: Obj): { customerId: string; record: SubscriptionRecord } | { error: string } {
  const id = str(o.id);
  const customerId = idOf(o.customer);
  if (!id || !customerId) return { error: 'the subscription has no id or no customer' };
  const items = isObj(o.items) && Array.isArray(o.items.data) ? o.items.data.filter(isObj) : [];
  const currency = (str(o.currency) ?? 'usd').toUpperCase();
  let yearlyMinor = 0;
  let seats = 0;
  let period: string | null = null;
  let plan: string | null = null;
  let periodEnd = int(o.current_period_end);
  for (const item of items) {
    const price = isObj(item.price) ? item.price : isObj(item.plan) ? item.plan : {};
    const recurring = isObj(price.recurring) ? price.recurring : price;
    const interval = str(recurring.interval);
    const count = int(recurring.interval_count) ?? 1;
    const unit = int(price.unit_amount) ?? int(price.amount) ?? Number(str(price.unit_amount_decimal) ?? 0);
    const quantity = int(item.quantity) ?? 1;
    yearlyMinor += interval ? (unit * quantity * (PER_YEAR[interval] ?? 0)) / count : 0;
    seats += quantity;
    period ??= periodName(interval, count);
    plan ??= str(price.nickname) ?? str(price.lookup_key) ?? idOf(price.product);
    periodEnd ??= int(item.current_period_end);
  }
  const status = str(o.status);
  const startUnix = int(o.start_date) ?? int(o.created);
  if (startUnix === null) return { error: 'the subscription has no start_date' };
  const trialEnd = int(o.trial_end);
  // A trial counts for nothing; once it converts, the paid subscription starts when the trial ended.
  const paidStart = status !== 'trialing' && trialEnd !== null && trialEnd > startUnix ? trialEnd : startUnix;
  const endedAt =
    int(o.ended_at) ?? (status === 'canceled' || status === 'incomplete_expired' ? int(o.canceled_at) : null);
  const arrCents = centsOf(Math.round(yearlyMinor), currency);
  return {
    customerId,
    record: {
      source: 'stripe',
      externalId: id,
      accountRef: customerId,
      accountName: null,
      start: day(paidStart) as string,
      end: endedAt === null ? null : (day(Math.max(endedAt, paidStart)) as string),
      arrCents,
      mrrCents: Math.round(arrCents / 12),
      seats: items.length ? seats : null,
      plan,
      trial: status === 'trialing',
      currency,
      billingPeriod: period,
      autoRenew: o.cancel_at_period_end === true || int(o.cancel_at) !== null ? false : true,
      renewsOn: day(periodEnd),
      status,
    },
  };
}

const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
]);

/** One Stripe event → what Baton does with it, or the problem with its shape. */
export function readStripeEvent(
  body: unknown,
): { ok: true; event: StripeEvent } | { ok: false; field: string; message: string } {
  if (!isObj(body)) return { ok: false, field: 'body', message: 'must be a Stripe event object' };
  const id = str(body.id);
  if (!id) return { ok: false, field: 'body.id', message: 'required: the event id' };
  const type = str(body.type);
  if (!type) return { ok: false, field: 'body.type', message: 'required: the event type' };
  const created = int(body.created);
  if (created === null)
    return { ok: false, field: 'body.created', message: 'required: when the event was created (Unix seconds)' };
  const object = isObj(body.data) && isObj(body.data.object) ? body.data.object : null;
  if (!object) return { ok: false, field: 'body.data.object', message: 'required: the object the event is about' };
  const occurredAt = new Date(created * 1000).toISOString();
  const base = { id, type, occurredAt, objectId: str(object.id) };
  if (type === 'customer.created' || type === 'customer.updated') {
    const customer = readCustomer(object);
    if (!customer) return { ok: false, field: 'body.data.object.id', message: 'required: the customer id' };
    return { ok: true, event: { ...base, command: { kind: 'customer', customer } } };
  }
  if (SUBSCRIPTION_EVENTS.has(type)) {
    const read = readSubscription(object);
    if ('error' in read) return { ok: false, field: 'body.data.object', message: read.error };
    return { ok: true, event: { ...base, command: { kind: 'subscription', ...read } } };
  }
  if (type === 'invoice.paid' || type === 'invoice.payment_failed') {
    const parent =
      isObj(object.parent) && isObj(object.parent.subscription_details) ? object.parent.subscription_details : {};
    return {
      ok: true,
      event: {
        ...base,
        command: {
          kind: 'invoice',
          customerId: idOf(object.customer),
          subscriptionId: idOf(object.subscription) ?? idOf(parent.subscription),
          status: type === 'invoice.paid' ? 'paid' : 'payment_failed',
        },
      },
    };
  }
  return { ok: true, event: { ...base, command: { kind: 'ignore', reason: `Baton does not use ${type} events` } } };
}
