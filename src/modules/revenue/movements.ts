/**
 * ARR movements (pure): how each account's ARR changed between two days, counted once per account as its net
 * change — new, expansion, contraction, churn or reactivation — and those movements month by month.
 */
import { arrByAccount, dayBefore, firstPaidDays, lastDayOf, monthsBetween, totalOf } from './arr.ts';
import type { SubscriptionFacts } from './subscription.ts';

export const MOVEMENT_KINDS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** One account's net change between two days; the amount is in cents and always positive. */
export interface Movement {
  accountId: string;
  kind: MovementKind;
  cents: number;
  before: number;
  after: number;
}

/**
 * The movement of an account whose ARR went from `before` to `after` (cents): up from zero is new, or a
 * reactivation when the account had paid before; down to zero is churn of all it had; otherwise expansion or
 * contraction by the difference. No change is no movement.
 */
export function classify(before: number, after: number, paidBefore: boolean): Omit<Movement, 'accountId'> | null {
  if (before === after) return null;
  if (before <= 0) return { kind: paidBefore ? 'reactivation' : 'new', cents: after, before: 0, after };
  if (after <= 0) return { kind: 'churn', cents: before, before, after: 0 };
  return after > before
    ? { kind: 'expansion', cents: after - before, before, after }
    : { kind: 'contraction', cents: before - after, before, after };
}

/** Every account's movement from ARR on `from` to ARR on `to` (days, YYYY-MM-DD), sorted by account. */
export function movementsBetween(subs: readonly SubscriptionFacts[], from: string, to: string): Movement[] {
  const before = arrByAccount(subs, from);
  const after = arrByAccount(subs, to);
  const firstPaid = firstPaidDays(subs);
  const accounts = [...new Set([...before.keys(), ...after.keys()])].sort();
  return accounts.flatMap((accountId) => {
    const paidBefore = (firstPaid.get(accountId) ?? '9999-12-31') <= from;
    const m = classify(before.get(accountId) ?? 0, after.get(accountId) ?? 0, paidBefore);
    return m ? [{ accountId, ...m }] : [];
  });
}

export type MovementTotals = Record<MovementKind, number>;

export const sumMovements = (movements: readonly Movement[]): MovementTotals => {
  const totals: MovementTotals = { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 };
  for (const m of movements) totals[m.kind] += m.cents;
  return totals;
};

/** One month's movements: ARR on the last day of the month before against ARR on the month's last day. */
export interface MonthMovements extends MovementTotals {
  month: string;
  startArr: number;
  endArr: number;
  /** new + expansion + reactivation − contraction − churn = endArr − startArr. */
  net: number;
  /** How many accounts moved, by kind. */
  counts: MovementTotals;
}

/** The movements of each month from `fromMonth` to `toMonth` (YYYY-MM), both included. */
export function monthlyMovements(
  subs: readonly SubscriptionFacts[],
  fromMonth: string,
  toMonth: string,
): MonthMovements[] {
  return monthsBetween(fromMonth, toMonth).map((month) => {
    const start = dayBefore(`${month}-01`);
    const end = lastDayOf(month);
    const moves = movementsBetween(subs, start, end);
    const counts: MovementTotals = { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 };
    for (const m of moves) counts[m.kind] += 1;
    const totals = sumMovements(moves);
    const startArr = totalOf(arrByAccount(subs, start));
    const endArr = totalOf(arrByAccount(subs, end));
    return { month, ...totals, startArr, endArr, net: endArr - startArr, counts };
  });
}
