/**
 * The features other modules' records give the churn-risk model (pure), each read as of a day, and the day
 * each account is read on. The leakage guard lives here: an account with a known outcome is read a horizon
 * before that outcome happened (its churn: the end of its last subscription), so nothing the outcome itself
 * caused — a subscription ended, a farewell call — can be learnt as its cause; records dated after the day are
 * never read.
 */
import type { SubscriptionFacts } from '../revenue/subscription.ts';

/** How long before an outcome its account is read: the model learns what was visible this far ahead. */
export const FEATURE_HORIZON_DAYS = 90;

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS;
export const shiftDay = (day: string, days: number): string =>
  new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** What the model knows of an account's outcome. */
export interface OutcomeFacts {
  outcome: 0 | 1 | null;
  /** The day the outcome was recorded (an import's day). */
  recordedOn: string | null;
}

/**
 * The day an account's features are read on. Unknown outcome: `today` (the score looks ahead from now).
 * Known outcome: the horizon before the day it happened — for a churned account the end of its last
 * subscription when that comes before the recording, otherwise the recording's day.
 */
export function featureDay(
  facts: OutcomeFacts,
  subscriptions: readonly SubscriptionFacts[],
  today: string,
  horizon = FEATURE_HORIZON_DAYS,
): string {
  if (facts.outcome === null) return today;
  const recorded = facts.recordedOn ?? today;
  let happened = recorded;
  if (facts.outcome === 1) {
    const ends = subscriptions.filter((s) => !s.trial).map((s) => s.end);
    const lastEnd = ends.includes(null)
      ? null
      : ends.reduce<string | null>((a, b) => (a === null || (b !== null && b > a) ? b : a), null);
    if (lastEnd !== null && lastEnd < recorded) happened = lastEnd;
  }
  return shiftDay(happened, -horizon);
}

/** ARR in the currency's unit of subscriptions running on `day` (started on or before it, not yet ended). */
const arrOn = (subs: readonly SubscriptionFacts[], day: string): number =>
  subs.reduce((sum, s) => (!s.trial && s.start <= day && (s.end === null || s.end > day) ? sum + s.arrCents : sum), 0) /
  100;

/**
 * Revenue features of one account on `day`, from its subscriptions: ARR and its change over 90 days (a ratio of
 * the ARR then; left out when there was none). Nothing starting after `day` counts; an account with no
 * subscription begun by then gives none. Tenure is left out on purpose: churned and retained accounts are read on
 * different calendar days, so months since the first subscription would tell the model the reading day, not the
 * customer.
 */
export function revenueFeatures(subs: readonly SubscriptionFacts[], day: string): Record<string, number> {
  const paid = subs.filter((s) => !s.trial && s.arrCents > 0 && s.start <= day);
  if (paid.length === 0) return {};
  const arr = arrOn(paid, day);
  const before = arrOn(paid, shiftDay(day, -90));
  return {
    arr,
    ...(before > 0 ? { arr_change_90d: (arr - before) / before } : {}),
  };
}

/** A survey answer or a touch as the relationship features read them. */
export interface DatedScore {
  kind: 'nps' | 'csat';
  score: number;
  at: string;
}

/**
 * Relationship features of one account on `day`: its latest NPS answer and its mean CSAT over the year before,
 * days since the last touch with any of its people and the touches of the 90 days before. Answers and touches
 * after `day` are never read; a measure with nothing to read is left out.
 */
export function relationshipFeatures(
  answers: readonly DatedScore[],
  touchedAt: readonly string[],
  day: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  const end = `${day}T23:59:59.999Z`;
  const seen = answers.filter((a) => a.at <= end);
  const nps = seen.filter((a) => a.kind === 'nps').sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  if (nps) out.nps_latest = nps.score;
  const yearAgo = shiftDay(day, -365);
  const csat = seen.filter((a) => a.kind === 'csat' && a.at.slice(0, 10) > yearAgo);
  if (csat.length) out.csat_mean_365d = csat.reduce((s, a) => s + a.score, 0) / csat.length;
  const touches = touchedAt.filter((t) => t <= end);
  if (touches.length) {
    const last = touches.reduce((a, b) => (b > a ? b : a));
    out.days_since_last_touch = daysBetween(last.slice(0, 10), day);
    const from = shiftDay(day, -90);
    out.touches_90d = touches.filter((t) => t.slice(0, 10) > from).length;
  }
  return out;
}
