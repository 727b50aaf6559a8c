/**
 * Retention (DESIGN §5, pure). Over a period from one day to another, the accounts with ARR on the first day:
 * each one's net change counts once — up is expansion, down to a positive ARR is contraction, down to zero is
 * churn of its start ARR. GRR = (start − contraction − churn) / start; NRR = (start + expansion − contraction −
 * churn) / start. The same by cohort (the quarter of an account's first paid subscription), and the waterfall of
 * every account's ARR from the first day to the last (new and reactivated accounts included).
 */
import { arrByAccount, firstPaidDays, quarterOf, totalOf } from './arr.ts';
import { movementsBetween, sumMovements } from './movements.ts';
import type { SubscriptionFacts } from './subscription.ts';

export interface Retention {
  accounts: number;
  startArr: number;
  expansion: number;
  contraction: number;
  churn: number;
  endArr: number;
  /** Ratios (1 = 100 %), rounded to 4 decimals; null when no account had ARR on the first day. */
  grr: number | null;
  nrr: number | null;
}

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

function retentionOf(start: ReadonlyMap<string, number>, end: ReadonlyMap<string, number>): Retention {
  let expansion = 0;
  let contraction = 0;
  let churn = 0;
  let endArr = 0;
  for (const [account, before] of start) {
    const after = end.get(account) ?? 0;
    endArr += after;
    if (after > before) expansion += after - before;
    else if (after <= 0) churn += before;
    else contraction += before - after;
  }
  const startArr = totalOf(start);
  return {
    accounts: start.size,
    startArr,
    expansion,
    contraction,
    churn,
    endArr,
    grr: ratio(startArr - contraction - churn, startArr),
    nrr: ratio(startArr + expansion - contraction - churn, startArr),
  };
}

/** Retention of the accounts with ARR on `from`, measured on `to`. */
export function retention(subs: readonly SubscriptionFacts[], from: string, to: string): Retention {
  return retentionOf(arrByAccount(subs, from), arrByAccount(subs, to));
}

export interface CohortRetention extends Retention {
  /** The quarter of the accounts' first paid subscription, e.g. `2023-Q4`. */
  cohort: string;
}

/** Retention per cohort, oldest cohort first; cohorts with no account holding ARR on `from` are left out. */
export function cohortRetention(subs: readonly SubscriptionFacts[], from: string, to: string): CohortRetention[] {
  const start = arrByAccount(subs, from);
  const end = arrByAccount(subs, to);
  const firstPaid = firstPaidDays(subs);
  const byCohort = new Map<string, Map<string, number>>();
  for (const [account, cents] of start) {
    const cohort = quarterOf(firstPaid.get(account) ?? from);
    const members = byCohort.get(cohort) ?? new Map<string, number>();
    members.set(account, cents);
    byCohort.set(cohort, members);
  }
  return [...byCohort]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cohort, members]) => ({ cohort, ...retentionOf(members, end) }));
}

/** Total ARR from one day to another, step by step: start + new + reactivation + expansion − contraction − churn = end. */
export interface Waterfall {
  start: number;
  new: number;
  reactivation: number;
  expansion: number;
  contraction: number;
  churn: number;
  end: number;
}

export function waterfall(subs: readonly SubscriptionFacts[], from: string, to: string): Waterfall {
  const totals = sumMovements(movementsBetween(subs, from, to));
  return {
    start: totalOf(arrByAccount(subs, from)),
    ...totals,
    end: totalOf(arrByAccount(subs, to)),
  };
}
