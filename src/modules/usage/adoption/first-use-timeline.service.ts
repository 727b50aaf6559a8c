/** The account's first use of each feature as timeline entries (its face for the account's story). */
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../../accounts/index.ts';
import { firstUseEntry } from './first-use-timeline.ts';

export async function firstUseTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('usage_daily_account_feature')
    .select(['feature', (eb) => eb.fn.min('day').as('first')])
    .where('workspace_id', '=', scope.workspaceId)
    .where('account_id', '=', accountId)
    .where('events', '>', 0)
    .groupBy('feature')
    .execute();
  const entries = rows.map((r) => firstUseEntry(accountId, { feature: r.feature, day: String(r.first) }));
  return newestFirst(entries, range);
}
