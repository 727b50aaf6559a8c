/**
 * Usage signal rules (pure, DESIGN §4): stage 5 poor adoption, knowledge loss and business change, judged on
 * one account's daily rollups as of a day. Each rule answers whether it holds and the numbers behind it, so
 * the caller raises the signal with that evidence, or resolves an open one when the rule no longer holds.
 *
 * "Live for 60 days" is read from usage: the account's first day with product usage is `liveDays` or more
 * before the day judged. The lifecycle phase is not used, because it does not say since when an account is
 * live; accounts in phase `churned` are not judged at all (the caller skips them).
 */
import { addDays, adoptionNumbers, type DayFeatureRow, type DayUserRow } from '../adoption/adoption.ts';
import type { UsageThresholds } from './usage-signals.settings.ts';

export type UsageRuleKind =
  | 'adoption.low_active_users'
  | 'adoption.concentrated_usage'
  | 'adoption.declining_usage'
  | 'knowledge.key_user_inactive'
  | 'business.volume_shift';

export interface RuleOutcome {
  kind: UsageRuleKind;
  holds: boolean;
  severity: 'info' | 'warning' | 'severe';
  title: string;
  evidence: Record<string, unknown>;
}

/** A champion contact and the product user matched to them (by user id or identify traits email), if any. */
export interface Champion {
  contactId: string;
  name: string;
  email: string | null;
  userKey: string | null;
  /** Last day with usage of the matched user, over all time kept (null: none). */
  lastActiveDay: string | null;
}

export interface AccountUsage {
  asOf: string;
  /** The account's first day with product usage (null: none). */
  firstUsageDay: string | null;
  seats: number | null;
  /** Rollup rows covering at least the lookback of every rule (90 days by default, 63 for volume). */
  features: readonly DayFeatureRow[];
  users: readonly DayUserRow[];
  champions: readonly Champion[];
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

export function lowActiveUsers(a: AccountUsage, t: UsageThresholds): RuleOutcome {
  const n = adoptionNumbers(a.asOf, a.features, a.users, a.seats);
  const liveDays = a.firstUsageDay === null ? 0 : daysBetween(a.firstUsageDay, a.asOf);
  const rate = n.adoptionRate;
  const holds = rate !== null && liveDays >= t.lowActiveUsers.liveDays && rate < t.lowActiveUsers.minRate;
  return {
    kind: 'adoption.low_active_users',
    holds,
    severity: rate !== null && rate < t.lowActiveUsers.minRate / 2 ? 'severe' : 'warning',
    title: `${n.mau} of ${a.seats ?? '?'} licensed users active in 30 days`,
    evidence: {
      asOf: a.asOf,
      activeUsers30d: n.mau,
      seats: a.seats,
      adoptionRate: rate === null ? null : round(rate),
      threshold: t.lowActiveUsers.minRate,
      liveSince: a.firstUsageDay,
      liveDays,
    },
  };
}

export function concentratedUsage(a: AccountUsage, t: UsageThresholds): RuleOutcome {
  const from = addDays(a.asOf, -29);
  const perUser = new Map<string, number>();
  for (const r of a.users)
    if (r.day >= from && r.day <= a.asOf) perUser.set(r.user_key, (perUser.get(r.user_key) ?? 0) + r.events);
  const ranked = [...perUser].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const total = ranked.reduce((s, [, v]) => s + v, 0);
  const top = ranked.slice(0, t.concentration.topUsers);
  const topEvents = top.reduce((s, [, v]) => s + v, 0);
  const share = total > 0 ? topEvents / total : null;
  // With no more users than the top count, the share is 100 % by construction: that is few users, not concentration.
  const holds =
    share !== null &&
    ranked.length > t.concentration.topUsers &&
    total >= t.concentration.minEvents &&
    share > t.concentration.maxShare;
  return {
    kind: 'adoption.concentrated_usage',
    holds,
    severity: 'warning',
    title: `Top ${t.concentration.topUsers} users made ${share === null ? '—' : Math.round(share * 100)} % of 30 days’ events`,
    evidence: {
      asOf: a.asOf,
      topUsers: top.map(([user, events]) => ({ user, events })),
      topEvents,
      events30d: total,
      activeUsers30d: ranked.length,
      share: share === null ? null : round(share),
      threshold: t.concentration.maxShare,
    },
  };
}

export function decliningUsage(a: AccountUsage, t: UsageThresholds): RuleOutcome {
  const { trend } = adoptionNumbers(a.asOf, a.features, a.users, a.seats);
  const holds =
    trend.changePct !== null && trend.previous >= t.decline.minPreviousUsers && trend.changePct < -t.decline.dropPct;
  return {
    kind: 'adoption.declining_usage',
    holds,
    severity: trend.changePct !== null && trend.changePct < -2 * t.decline.dropPct ? 'severe' : 'warning',
    title: `Weekly active users ${trend.previous} → ${trend.current} over 4 weeks`,
    evidence: {
      asOf: a.asOf,
      activeUsersLast7d: trend.current,
      activeUsers4WeeksEarlier: trend.previous,
      changePct: trend.changePct === null ? null : round(trend.changePct, 1),
      threshold: -t.decline.dropPct,
    },
  };
}

export function keyUserInactive(a: AccountUsage, t: UsageThresholds): RuleOutcome {
  const { inactiveDays, topUsers, lookbackDays } = t.knowledge;
  const from = addDays(a.asOf, -(lookbackDays - 1));
  const activeFrom = addDays(a.asOf, -(inactiveDays - 1));
  const perUser = new Map<string, { events: number; last: string }>();
  for (const r of a.users) {
    if (r.day < from || r.day > a.asOf || r.events <= 0) continue;
    const u = perUser.get(r.user_key) ?? { events: 0, last: r.day };
    u.events += r.events;
    if (r.day > u.last) u.last = r.day;
    perUser.set(r.user_key, u);
  }
  const top = [...perUser].sort((x, y) => y[1].events - x[1].events || (x[0] < y[0] ? -1 : 1)).slice(0, topUsers);
  const inactiveTop = top
    .filter(([, u]) => u.last < activeFrom)
    .map(([user, u]) => ({
      user,
      events90d: u.events,
      lastActiveDay: u.last,
      daysInactive: daysBetween(u.last, a.asOf),
    }));
  const inactiveChampions = a.champions
    .filter((c) => c.lastActiveDay !== null && c.lastActiveDay <= a.asOf && c.lastActiveDay < activeFrom)
    .map((c) => ({
      contactId: c.contactId,
      name: c.name,
      user: c.userKey,
      lastActiveDay: c.lastActiveDay,
      daysInactive: daysBetween(c.lastActiveDay as string, a.asOf),
    }));
  const holds = inactiveTop.length > 0 || inactiveChampions.length > 0;
  const who = [...inactiveChampions.map((c) => `champion ${c.name}`), ...inactiveTop.map((u) => `top user ${u.user}`)];
  return {
    kind: 'knowledge.key_user_inactive',
    holds,
    severity: inactiveChampions.length > 0 ? 'severe' : 'warning',
    title: holds
      ? `No activity for ${inactiveDays}+ days: ${who.slice(0, 3).join(', ')}${who.length > 3 ? '…' : ''}`
      : 'Key users active',
    evidence: {
      asOf: a.asOf,
      inactiveDays,
      lookbackDays,
      inactiveTopUsers: inactiveTop,
      inactiveChampions,
      topUsers: top.map(([user, u]) => ({ user, events90d: u.events, lastActiveDay: u.last })),
    },
  };
}

export function volumeShift(a: AccountUsage, t: UsageThresholds): RuleOutcome {
  const { baselineWeeks, changePct: limit, minBaselineWeekly } = t.volume;
  const weekOf = (offsetWeeks: number) => {
    const to = addDays(a.asOf, -7 * offsetWeeks);
    const from = addDays(to, -6);
    return a.features.filter((r) => r.day >= from && r.day <= to).reduce((s, r) => s + r.events, 0);
  };
  const current = weekOf(0);
  const weeks = Array.from({ length: baselineWeeks }, (_, i) => weekOf(i + 1));
  const baseline = weeks.reduce((s, v) => s + v, 0) / baselineWeeks;
  // The baseline needs every one of its weeks inside the account's usage history.
  const historyDays = a.firstUsageDay === null ? 0 : daysBetween(a.firstUsageDay, a.asOf);
  const enoughHistory = historyDays >= 7 * (baselineWeeks + 1) - 1;
  const changePct = baseline > 0 ? ((current - baseline) / baseline) * 100 : null;
  const holds = enoughHistory && changePct !== null && baseline >= minBaselineWeekly && Math.abs(changePct) > limit;
  return {
    kind: 'business.volume_shift',
    holds,
    severity: 'warning',
    title: `Weekly events ${changePct !== null && changePct >= 0 ? 'up' : 'down'} ${changePct === null ? '—' : Math.abs(Math.round(changePct))} % against the ${baselineWeeks}-week baseline`,
    evidence: {
      asOf: a.asOf,
      eventsLast7d: current,
      baselineWeeklyEvents: round(baseline, 1),
      baselineWeeks: weeks,
      changePct: changePct === null ? null : round(changePct, 1),
      threshold: limit,
    },
  };
}

/** Every usage rule on one account. */
export const usageRules = (a: AccountUsage, t: UsageThresholds): RuleOutcome[] => [
  lowActiveUsers(a, t),
  concentratedUsage(a, t),
  decliningUsage(a, t),
  keyUserInactive(a, t),
  volumeShift(a, t),
];
