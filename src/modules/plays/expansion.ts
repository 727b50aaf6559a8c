/**
 * Expansion signs as the plays read them (pure): since when an account's health band has been healthy without a
 * break, and the plan an account is on when only its subscriptions say.
 */

/** A scoring as health's history gives it: when, and the band (null: no data to score). */
export interface BandPoint {
  scoredAt: string;
  band: string | null;
}

export const HEALTHY_BAND = 'green';

/**
 * The day the account's current healthy run began: the first scoring after the last one that was not healthy (a
 * new row is written only when points change, so a run lasts until the next unhealthy row). Null when the latest
 * scoring is not healthy or there is none.
 */
export function healthySince(points: readonly BandPoint[]): string | null {
  const sorted = [...points].sort((a, b) => a.scoredAt.localeCompare(b.scoredAt));
  const last = sorted.at(-1);
  if (!last || last.band !== HEALTHY_BAND) return null;
  let i = sorted.length - 1;
  while (i > 0 && sorted[i - 1]!.band === HEALTHY_BAND) i--;
  return sorted[i]!.scoredAt.slice(0, 10);
}

export interface PlannedSubscription {
  accountId: string | null;
  start: string;
  end: string | null;
  plan: string | null;
  trial: boolean;
  arrCents: number;
}

/**
 * Each account's plan from its subscriptions on `day`: the paid one running that day with a plan, the largest by
 * ARR when there are several. A plan set in usage wins over it (the caller merges).
 */
export function plansOnDay(subs: readonly PlannedSubscription[], day: string): Map<string, string> {
  const best = new Map<string, PlannedSubscription>();
  for (const s of subs) {
    if (!s.accountId || !s.plan || s.trial || s.start > day || (s.end !== null && s.end <= day)) continue;
    const seen = best.get(s.accountId);
    if (!seen || s.arrCents > seen.arrCents) best.set(s.accountId, s);
  }
  return new Map([...best].map(([id, s]) => [id, s.plan as string]));
}
