/**
 * Cost of delay (DESIGN §5), per account and per week slipped: ARR / 52 of revenue not yet earning value, plus the
 * weekly delivery burn (hours × cost rate), plus the week's share of expansion not yet possible; shown as money
 * beside each time-to-value signal, with the days it has slipped where its evidence says. Pure.
 */

/** What is known of an account's money; any part may be unknown. */
export interface AccountValue {
  currency: string;
  /** ARR now; else the won deal's value stands for it. */
  arr: number | null;
  dealValue?: number | null;
  /** Delivery cost of a week on its project (hours × cost rate). */
  weeklyBurn?: number | null;
  /** Expansion ARR waiting on go-live. */
  expansionArr?: number | null;
}

export interface CostOfDelay {
  /** The cost so far: `weekly` × the weeks slipped; the weekly figure when no slip is known. */
  amount: number;
  weekly: number;
  /** Days slipped so far, where the signal's evidence says. */
  days: number | null;
  currency: string;
  sentence: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** Days a time-to-value signal has slipped, from its evidence; null when it does not say. */
export function daysSlipped(kind: string, evidence: Record<string, unknown>): number | null {
  if (kind === 'ttv.forecast_late') return num(evidence.daysLate);
  if (kind === 'ttv.first_value_overdue') return num(evidence.daysOverdue);
  if (kind === 'ttv.repeated_slips' && Array.isArray(evidence.slips)) {
    const days = evidence.slips.map((s) => num((s as { days?: unknown } | null)?.days) ?? 0);
    return days.reduce((a, b) => a + b, 0);
  }
  return null;
}

const money = (amount: number, currency: string) =>
  `${currency} ${Math.round(amount).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** The cost of delay of an account, or null when nothing of its money is known. */
export function costOfDelay(value: AccountValue, days: number | null): CostOfDelay | null {
  const base = value.arr ?? value.dealValue ?? null;
  const parts: string[] = [];
  let weekly = 0;
  if (base !== null && base > 0) {
    weekly += base / 52;
    parts.push(`${value.arr !== null ? 'ARR' : 'the deal’s value'} ${money(base, value.currency)} / 52`);
  }
  if (value.weeklyBurn) {
    weekly += value.weeklyBurn;
    parts.push(`delivery burn ${money(value.weeklyBurn, value.currency)} a week`);
  }
  if (value.expansionArr) {
    weekly += value.expansionArr / 52;
    parts.push(`waiting expansion ${money(value.expansionArr, value.currency)} / 52`);
  }
  if (parts.length === 0) return null;
  const weeklyRounded = Math.round(weekly);
  const amount = days === null ? weeklyRounded : Math.round((weekly * days) / 7);
  const sentence =
    `Each week of delay costs about ${money(weekly, value.currency)} (${parts.join(' + ')})` +
    (days === null
      ? '.'
      : `; ${days} ${days === 1 ? 'day' : 'days'} slipped so far: ${money(amount, value.currency)}.`);
  return { amount, weekly: weeklyRounded, days, currency: value.currency, sentence };
}
