/** The account's health band changes as timeline entries (health's face for the account's story). */
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../../accounts/index.ts';
import { bandChangeEntries } from './band-timeline.ts';

export async function healthTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('health_scores')
    .select(['id', 'scored_at', 'score', 'band'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('scored_at')
    .orderBy('id')
    .execute();
  const scorings = rows.map((r) => ({
    id: r.id,
    scoredAt: r.scored_at,
    score: r.score === null ? null : Number(r.score),
    band: r.band,
  }));
  return newestFirst(bandChangeEntries(accountId, scorings), range);
}
