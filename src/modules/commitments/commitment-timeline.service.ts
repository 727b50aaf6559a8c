/** The account's promises as timeline entries (its face for the account's story). */
import type { Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { newestFirst, type TimelineEntry, type TimelineRange } from '../accounts/index.ts';
import type { CommitmentStatus } from './commitment.ts';
import { commitmentChangeEntry, commitmentEntry } from './commitment-timeline.ts';

export async function commitmentTimelineOf(
  db: Db,
  scope: Scope,
  accountId: string,
  range: TimelineRange,
): Promise<TimelineEntry[]> {
  const ws = scope.workspaceId;
  const promises = await db
    .selectFrom('commitments')
    .select(['id', 'what', 'to_name', 'words', 'made_by_label', 'made_on', 'due_date'])
    .where('workspace_id', '=', ws)
    .where('account_id', '=', accountId)
    .execute();
  if (promises.length === 0) return [];
  const whatOf = new Map(promises.map((p) => [p.id, p.what]));
  let changes = db
    .selectFrom('commitment_status_changes')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('commitment_id', 'in', [...whatOf.keys()])
    .where('from_status', 'is not', null)
    .orderBy('changed_at', 'desc')
    .limit(range.limit + 100);
  if (range.before) changes = changes.where('changed_at', '<=', range.before);
  const entries = [
    ...promises.map((p) =>
      commitmentEntry({
        id: p.id,
        what: p.what,
        toName: p.to_name,
        words: p.words,
        madeBy: p.made_by_label,
        madeOn: p.made_on,
        dueDate: p.due_date,
      }),
    ),
    ...(await changes.execute()).map((c) =>
      commitmentChangeEntry({
        id: c.id,
        commitmentId: c.commitment_id,
        what: whatOf.get(c.commitment_id) ?? '',
        from: c.from_status as CommitmentStatus,
        to: c.to_status as CommitmentStatus,
        by: c.changed_by_label,
        at: c.changed_at,
        note: c.note,
      }),
    ),
  ];
  return newestFirst(entries, range);
}
