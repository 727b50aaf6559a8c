/** The account's deals as timeline entries (its face for the account's story). */
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../accounts/index.ts';
import { dealEntries } from './deal-timeline.ts';

export async function dealTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('deals')
    .select(['id', 'name', 'stage_category', 'close_date', 'confirmed_at', 'reopened_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('account_id', '=', accountId)
    .execute();
  const entries = rows.flatMap((r) =>
    dealEntries({
      id: r.id,
      name: r.name,
      stageCategory: r.stage_category,
      closeDate: r.close_date,
      confirmedAt: r.confirmed_at,
      reopenedAt: r.reopened_at,
    }),
  );
  return newestFirst(entries, range);
}
