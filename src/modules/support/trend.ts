/** Tickets opened per week by category (pure): the weeks start on Monday (UTC), the last is the current one. */
import { TICKET_CATEGORIES, type TicketCategory } from './classify/categories.ts';

const DAY_MS = 86_400_000;

export type WeekCounts = Record<TicketCategory | 'unlabelled', number>;
export interface TrendWeek extends WeekCounts {
  /** The week's Monday (YYYY-MM-DD). */
  week: string;
  total: number;
}

/** The Monday of a day's week, at midnight UTC, in milliseconds. */
export function mondayOf(at: number): number {
  const day = Math.floor(at / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return day - weekday * DAY_MS;
}

/** The first moment counted by `weeklyTrend` for `weeks` weeks to `now`. */
export const trendStart = (now: Date, weeks: number): string =>
  new Date(mondayOf(now.getTime()) - (weeks - 1) * 7 * DAY_MS).toISOString();

const empty = (): WeekCounts => ({
  ...(Object.fromEntries(TICKET_CATEGORIES.map((c) => [c, 0])) as Record<TicketCategory, number>),
  unlabelled: 0,
});

export function weeklyTrend(
  tickets: ReadonlyArray<{ createdAt: string; category: string | null }>,
  now: Date,
  weeks: number,
): TrendWeek[] {
  const first = mondayOf(now.getTime()) - (weeks - 1) * 7 * DAY_MS;
  const out: TrendWeek[] = Array.from({ length: weeks }, (_, i) => ({
    week: new Date(first + i * 7 * DAY_MS).toISOString().slice(0, 10),
    total: 0,
    ...empty(),
  }));
  for (const t of tickets) {
    const at = Date.parse(t.createdAt);
    if (at > now.getTime()) continue;
    const slot = out[Math.floor((mondayOf(at) - first) / (7 * DAY_MS))];
    if (!slot) continue;
    const key = (TICKET_CATEGORIES as readonly string[]).includes(t.category ?? '')
      ? (t.category as TicketCategory)
      : 'unlabelled';
    slot[key] += 1;
    slot.total += 1;
  }
  return out;
}
