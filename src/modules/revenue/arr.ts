/**
 * ARR on a day (pure). An account's ARR on a day is the sum of the ARR of its subscriptions that are running that
 * day: started on or before it, and not ended (no end, or an end after the day). Trials count for nothing.
 */
import type { SubscriptionFacts } from './subscription.ts';

/** Whether a subscription earns ARR on `day` (YYYY-MM-DD). */
export const countsOn = (s: SubscriptionFacts, day: string): boolean =>
  !s.trial && s.start <= day && (s.end === null || s.end > day);

/** Each account's ARR in cents on `day`; accounts with none are absent. Subscriptions without an account wait. */
export function arrByAccount(subs: readonly SubscriptionFacts[], day: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of subs) {
    if (s.accountId === null || !countsOn(s, day)) continue;
    out.set(s.accountId, (out.get(s.accountId) ?? 0) + s.arrCents);
  }
  for (const [account, cents] of out) if (cents <= 0) out.delete(account);
  return out;
}

export const totalOf = (arr: ReadonlyMap<string, number>): number => [...arr.values()].reduce((a, b) => a + b, 0);

/**
 * The first day each account earned ARR: the earliest start among its paid (non-trial, ARR above zero)
 * subscriptions that ran at least one day. Its quarter is the account's cohort.
 */
export function firstPaidDays(subs: readonly SubscriptionFacts[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of subs) {
    if (s.accountId === null || s.trial || s.arrCents <= 0) continue;
    if (s.end !== null && s.end <= s.start) continue;
    const first = out.get(s.accountId);
    if (first === undefined || s.start < first) out.set(s.accountId, s.start);
  }
  return out;
}

/** The quarter a day falls in, e.g. `2024-Q3`. */
export const quarterOf = (day: string): string =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The day before a day (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The last day of a month given as YYYY-MM. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The months from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard += 1) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Whether a subscription runs on `day`, trial or not (for seats: a trial's users hold seats too). */
export const countsOnOrTrial = (s: Pick<SubscriptionFacts, 'start' | 'end'>, day: string): boolean =>
  s.start <= day && (s.end === null || s.end > day);
