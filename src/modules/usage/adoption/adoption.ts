/**
 * Adoption numbers of one account on a reference day, from its daily rollups (pure). Days are UTC
 * `YYYY-MM-DD`; a window of N days ends on the reference day and includes it.
 *
 * - DAU, WAU, MAU: distinct product users with usage on the day, in 7 days, in 30 days.
 * - Adoption rate: 30-day active users / licensed seats (null without seats; may exceed 1).
 * - Feature breadth: distinct features used in 30 days. With a feature catalogue (an `Entitlement`), events count
 *   as their catalogue feature and only the features the account's plan entitles count; the rate is then
 *   features used / features entitled (DESIGN §5).
 * - Concentration: the share of the 30 days' events made by the 3 most active users (null without events).
 * - Trend: active users in the last 7 days against the 7 days three weeks earlier (days −27…−21), as a percent
 *   change (null when that earlier week had no active user).
 */

export const WINDOW_DAYS = 30;

export interface DayFeatureRow {
  day: string;
  feature: string;
  events: number;
}

export interface DayUserRow {
  day: string;
  user_key: string;
  events: number;
}

export interface AdoptionNumbers {
  dau: number;
  wau: number;
  mau: number;
  seats: number | null;
  adoptionRate: number | null;
  featureBreadth: number;
  /** Features the account's plan entitles; null without a catalogue. */
  featuresEntitled: number | null;
  /** Feature breadth / features entitled; null without a catalogue or without entitled features. */
  featureBreadthRate: number | null;
  concentration: number | null;
  trend: { current: number; previous: number; changePct: number | null };
  events30d: number;
}

/** How features count when the workspace keeps a catalogue: each event's feature and the features entitled. */
export interface Entitlement {
  featureOf: (event: string) => string;
  entitled: ReadonlySet<string>;
}

export interface DailyPoint {
  day: string;
  activeUsers: number;
  events: number;
}

const DAY_MS = 86_400_000;

/** Whether text is a real calendar day `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The day `n` days after `day` (negative: before). */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);

const usersIn = (rows: readonly DayUserRow[], from: string, to: string): number =>
  new Set(rows.filter((r) => r.day >= from && r.day <= to && r.events > 0).map((r) => r.user_key)).size;

/**
 * What the numbers are made of, for one account over the 30-day window: distinct active users on the day, in the
 * last 7 days and in days −27…−21; per-user event totals reduced to their sum and the top three's; events; and the
 * features used. The database computes these for the whole portfolio at once; `adoptionNumbers` from rows.
 */
export interface AdoptionAggregates {
  dau: number;
  wau: number;
  mau: number;
  previous: number;
  userEvents: number;
  top3UserEvents: number;
  events30d: number;
  /** Distinct events (feature keys) used in the window. */
  featuresUsed: readonly string[];
}

export function numbersFromAggregates(
  a: AdoptionAggregates,
  seats: number | null,
  entitlement?: Entitlement,
): AdoptionNumbers {
  const breadth = entitlement
    ? new Set(a.featuresUsed.map((f) => entitlement.featureOf(f)).filter((f) => entitlement.entitled.has(f))).size
    : a.featuresUsed.length;
  const entitled = entitlement ? entitlement.entitled.size : null;
  return {
    dau: a.dau,
    wau: a.wau,
    mau: a.mau,
    seats,
    adoptionRate: seats && seats > 0 ? a.mau / seats : null,
    featureBreadth: breadth,
    featuresEntitled: entitled,
    featureBreadthRate: entitled ? breadth / entitled : null,
    concentration: a.userEvents > 0 ? a.top3UserEvents / a.userEvents : null,
    trend: {
      current: a.wau,
      previous: a.previous,
      changePct: a.previous > 0 ? ((a.wau - a.previous) / a.previous) * 100 : null,
    },
    events30d: a.events30d,
  };
}

/** The sum of the totals and the sum of the three largest, in one pass (totals may arrive as numeric text). */
export function totalAndTopThree(totals: ReadonlyArray<number | string>): [number, number] {
  let total = 0;
  let first = 0;
  let second = 0;
  let third = 0;
  for (const raw of totals) {
    const v = Number(raw);
    total += v;
    if (v > first) [first, second, third] = [v, first, second];
    else if (v > second) [second, third] = [v, second];
    else if (v > third) third = v;
  }
  return [total, first + second + third];
}

export function adoptionNumbers(
  day: string,
  features: readonly DayFeatureRow[],
  users: readonly DayUserRow[],
  seats: number | null,
  entitlement?: Entitlement,
): AdoptionNumbers {
  const from30 = addDays(day, -(WINDOW_DAYS - 1));
  const users30 = users.filter((r) => r.day >= from30 && r.day <= day);
  const perUser = new Map<string, number>();
  for (const r of users30) perUser.set(r.user_key, (perUser.get(r.user_key) ?? 0) + r.events);
  const features30 = features.filter((r) => r.day >= from30 && r.day <= day && r.events > 0);
  const userEvents = [...perUser.values()].sort((a, b) => b - a);
  return numbersFromAggregates(
    {
      dau: usersIn(users, day, day),
      wau: usersIn(users, addDays(day, -6), day),
      mau: usersIn(users30, from30, day),
      previous: usersIn(users, addDays(day, -27), addDays(day, -21)),
      userEvents: userEvents.reduce((n, v) => n + v, 0),
      top3UserEvents: userEvents.slice(0, 3).reduce((n, v) => n + v, 0),
      events30d: features30.reduce((n, r) => n + r.events, 0),
      featuresUsed: [...new Set(features30.map((r) => r.feature))],
    },
    seats,
    entitlement,
  );
}

/** Active users and events for each of the `length` days (30 by default) ending on `day`, oldest first, days without usage as 0. */
export function dailySeries(
  day: string,
  features: readonly DayFeatureRow[],
  users: readonly DayUserRow[],
  length: number = WINDOW_DAYS,
): DailyPoint[] {
  const points: DailyPoint[] = [];
  for (let i = length - 1; i >= 0; i--) {
    const d = addDays(day, -i);
    points.push({
      day: d,
      activeUsers: usersIn(users, d, d),
      events: features.filter((r) => r.day === d).reduce((n, r) => n + r.events, 0),
    });
  }
  return points;
}
