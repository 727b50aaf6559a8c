/**
 * Revenue signal rules (pure, DESIGN §4 stage 6), judged on one account's subscriptions on a day: contraction (ARR
 * down against some days before, not to zero, which is churn) and no expansion (under contract for months with ARR
 * never above what it started at). Money in cents in, in units of the reporting currency in the evidence.
 */
import { countsOn } from '../arr.ts';
import { addMonths } from '../renewals.ts';
import { fromCents, type SubscriptionFacts } from '../subscription.ts';
import type { RevenueThresholds } from './revenue-signals.settings.ts';

export type RevenueRuleKind = 'renewal.contraction' | 'renewal.no_expansion';

export interface RuleOutcome {
  kind: RevenueRuleKind;
  holds: boolean;
  severity: 'info' | 'warning' | 'severe';
  title: string;
  evidence: Record<string, unknown>;
}

export interface RuleSubscription extends SubscriptionFacts {
  id: string;
  /** How people name it: its plan, else its id in the source. */
  name: string;
}

export interface AccountBook {
  asOf: string;
  currency: string;
  /** The account's subscriptions in the reporting currency. */
  subscriptions: readonly RuleSubscription[];
}

const arrOn = (subs: readonly SubscriptionFacts[], day: string): number =>
  subs.reduce((sum, s) => sum + (countsOn(s, day) ? s.arrCents : 0), 0);

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Whole months from `from` to `to` (a month counts once its day is reached). */
export function wholeMonths(from: string, to: string): number {
  let m =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  while (m > 0 && addMonths(from, m) > to) m -= 1;
  return Math.max(0, m);
}

export function contraction(a: AccountBook, t: RevenueThresholds): RuleOutcome {
  const since = addDays(a.asOf, -t.contraction.lookbackDays);
  const before = arrOn(a.subscriptions, since);
  const now = arrOn(a.subscriptions, a.asOf);
  const change = now - before;
  const share = before > 0 ? -change / before : 0;
  const holds = t.contraction.enabled && before > 0 && now > 0 && change < 0 && share > t.contraction.minDropShare;
  const changed = a.subscriptions
    .map((s) => ({
      subscriptionId: s.id,
      name: s.name,
      from: fromCents(countsOn(s, since) ? s.arrCents : 0),
      to: fromCents(countsOn(s, a.asOf) ? s.arrCents : 0),
    }))
    .filter((s) => s.from !== s.to)
    .sort((x, y) => x.to - x.from - (y.to - y.from) || x.name.localeCompare(y.name));
  return {
    kind: 'renewal.contraction',
    holds,
    severity: share >= 0.25 ? 'severe' : 'warning',
    title: `ARR down ${Math.round(share * 100)} % in ${t.contraction.lookbackDays} days`,
    evidence: {
      asOf: a.asOf,
      since,
      currency: a.currency,
      fromArr: fromCents(before),
      toArr: fromCents(now),
      change: fromCents(change),
      changeShare: Math.round(share * 1000) / 1000,
      lookbackDays: t.contraction.lookbackDays,
      subscriptions: changed,
    },
  };
}

export function noExpansion(a: AccountBook, t: RevenueThresholds): RuleOutcome {
  const paid = a.subscriptions.filter((s) => !s.trial && s.arrCents > 0 && (s.end === null || s.end > s.start));
  const firstPaidOn = paid.reduce<string | null>((m, s) => (m === null || s.start < m ? s.start : m), null);
  const current = arrOn(a.subscriptions, a.asOf);
  const first = firstPaidOn === null ? 0 : arrOn(a.subscriptions, firstPaidOn);
  // ARR only changes where a subscription starts or ends: its peak since the first day is on one of those days.
  const days = new Set<string>();
  for (const s of a.subscriptions) {
    if (firstPaidOn !== null && s.start > firstPaidOn && s.start <= a.asOf) days.add(s.start);
    if (firstPaidOn !== null && s.end !== null && s.end > firstPaidOn && s.end <= a.asOf) days.add(s.end);
  }
  const expanded = [...days].some((d) => arrOn(a.subscriptions, d) > first);
  const months = firstPaidOn === null || firstPaidOn > a.asOf ? 0 : wholeMonths(firstPaidOn, a.asOf);
  const holds = t.noExpansion.enabled && current > 0 && !expanded && months >= t.noExpansion.months;
  return {
    kind: 'renewal.no_expansion',
    holds,
    severity: 'info',
    title: `No expansion in ${months} months under contract`,
    evidence: {
      asOf: a.asOf,
      currency: a.currency,
      firstPaidOn,
      monthsUnderContract: months,
      thresholdMonths: t.noExpansion.months,
      firstArr: fromCents(first),
      currentArr: fromCents(current),
    },
  };
}

export const revenueRules = (a: AccountBook, t: RevenueThresholds): RuleOutcome[] => [
  contraction(a, t),
  noExpansion(a, t),
];
