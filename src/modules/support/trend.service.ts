/** A workspace's tickets opened per week by category, up to `now` (the rule is `trend.ts`). */
import type { Db } from '../../platform/db/database.ts';
import { selectTicketsSince } from './ticket.store.ts';
import { type TrendWeek, trendStart, weeklyTrend } from './trend.ts';

export async function ticketTrend(db: Db, workspaceId: string, now: Date, weeks: number): Promise<TrendWeek[]> {
  const rows = await selectTicketsSince(db, workspaceId, trendStart(now, weeks));
  return weeklyTrend(
    rows.map((t) => ({ createdAt: t.created_at, category: t.category })),
    now,
    weeks,
  );
}
