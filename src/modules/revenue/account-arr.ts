/**
 * One account's ARR over time (pure): the days its ARR changed, each with the ARR before and after and the
 * movement it was (new, expansion, contraction, churn, reactivation), and those changes as timeline entries.
 */
import { dayWords, instantOf, type TimelineEntry } from '../accounts/index.ts';
import { arrByAccount, dayBefore } from './arr.ts';
import { classify, type MovementKind } from './movements.ts';
import { fromCents, type SubscriptionFacts } from './subscription.ts';

export interface ArrStep {
  day: string;
  /** Cents, before the day and on it. */
  before: number;
  after: number;
  kind: MovementKind;
}

/** Every day the account's ARR changed, oldest first, from subscriptions in one currency. */
export function arrSteps(subs: readonly SubscriptionFacts[], accountId: string): ArrStep[] {
  const own = subs.filter((s) => s.accountId === accountId);
  const days = [...new Set(own.flatMap((s) => (s.end ? [s.start, s.end] : [s.start])))].sort();
  const arrOn = (day: string) => arrByAccount(own, day).get(accountId) ?? 0;
  const out: ArrStep[] = [];
  let paid = false;
  for (const day of days) {
    const before = arrOn(dayBefore(day));
    const after = arrOn(day);
    const move = classify(before, after, paid);
    if (before > 0) paid = true;
    if (!move) continue;
    out.push({ day, before, after, kind: move.kind });
    if (after > 0) paid = true;
  }
  return out;
}

export const moneyWords = (cents: number, currency: string): string =>
  `${currency} ${fromCents(cents).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

const KIND_TITLES: Readonly<Record<MovementKind, string>> = {
  new: 'New subscription',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churned',
  reactivation: 'Reactivated',
};

/** An ARR change in a sentence: "ARR rose from USD 10,000 to USD 12,000 on 1 Mar 2026 (expansion)." */
export function arrStepEntry(accountId: string, step: ArrStep, currency: string): TimelineEntry {
  const from = moneyWords(step.before, currency);
  const to = moneyWords(step.after, currency);
  const on = dayWords(step.day);
  const sentence =
    step.kind === 'new'
      ? `The first subscription started on ${on}: ARR ${to}.`
      : step.kind === 'reactivation'
        ? `A subscription started again on ${on}: ARR back to ${to}.`
        : step.kind === 'churn'
          ? `Every subscription had ended by ${on}: ARR fell from ${from} to nothing.`
          : `ARR ${step.kind === 'expansion' ? 'rose' : 'fell'} from ${from} to ${to} on ${on}.`;
  return {
    id: `${accountId}:${step.day}:arr`,
    at: instantOf(step.day),
    kind: `subscription.${step.kind}`,
    title: KIND_TITLES[step.kind],
    sentence,
    ref: { kind: 'account', id: accountId },
    module: 'revenue',
  };
}
