/**
 * Renewals (pure): the next day each running subscription comes up for renewal, and so each account's next
 * renewal. A subscription renews when its source says its current term ends (Stripe's current period end), else
 * on its end date when that is still ahead (the contract's term), else on the next anniversary of its start by its
 * billing period (every month, quarter or year; a year when the period is unknown).
 */
import { countsOn } from './arr.ts';
import type { SubscriptionFacts } from './subscription.ts';

export interface RenewalFacts extends SubscriptionFacts {
  id: string;
  billingPeriod: string | null;
  autoRenew: boolean | null;
  renewsOn: string | null;
}

const MONTHS_OF: Record<string, number> = {
  monthly: 1,
  month: 1,
  quarterly: 3,
  quarter: 3,
  annual: 12,
  year: 12,
  yearly: 12,
  annually: 12,
};

/** The length of a billing period in months (12 when the period is unknown). */
export const periodMonths = (period: string | null): number => MONTHS_OF[(period ?? '').toLowerCase()] ?? 12;

/** `day` moved by `months`, the day of month kept or clamped to the month's last (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Where a renewal date was read: the source's current term, the subscription's end, or its start's anniversary. */
export type RenewalBasis = 'current_term' | 'end_date' | 'anniversary';

/** The next renewal of a subscription running on `today` (on or after today); null when it is not running. */
export function nextRenewal(s: RenewalFacts, today: string): { date: string; basis: RenewalBasis } | null {
  if (!countsOn(s, today)) return null;
  if (s.renewsOn !== null && s.renewsOn >= today) return { date: s.renewsOn, basis: 'current_term' };
  if (s.end !== null) return { date: s.end, basis: 'end_date' };
  const step = periodMonths(s.billingPeriod);
  const [sy, sm] = s.start.split('-').map(Number) as [number, number];
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  // Start from the whole periods already past, then step on until the anniversary is today or later.
  let k = Math.max(1, Math.floor(((ty - sy) * 12 + (tm - sm)) / step));
  let date = addMonths(s.start, k * step);
  while (date < today) date = addMonths(s.start, ++k * step);
  return { date, basis: 'anniversary' };
}

export interface AccountRenewal {
  accountId: string;
  date: string;
  basis: RenewalBasis;
  /** The subscriptions renewing that day, and their ARR in cents. */
  subscriptionIds: string[];
  arrCents: number;
  /** False when one of them is set not to renew (auto-renew off, or cancelled at the end of its term). */
  autoRenew: boolean | null;
}

/** Each account's next renewal: the earliest of its running subscriptions', with every subscription renewing that day. */
export function accountRenewals(subs: readonly RenewalFacts[], today: string): Map<string, AccountRenewal> {
  const out = new Map<string, AccountRenewal>();
  for (const s of subs) {
    if (s.accountId === null) continue;
    const next = nextRenewal(s, today);
    if (!next) continue;
    const current = out.get(s.accountId);
    if (current && current.date < next.date) continue;
    if (current && current.date === next.date) {
      current.subscriptionIds.push(s.id);
      current.arrCents += s.arrCents;
      current.autoRenew =
        current.autoRenew === false || s.autoRenew === false ? false : (current.autoRenew ?? s.autoRenew);
      continue;
    }
    out.set(s.accountId, {
      accountId: s.accountId,
      ...next,
      subscriptionIds: [s.id],
      arrCents: s.arrCents,
      autoRenew: s.autoRenew,
    });
  }
  return out;
}
