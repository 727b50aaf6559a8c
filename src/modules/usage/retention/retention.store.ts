/** Deleting raw usage events past their window, a bounded batch per statement. */
import type { Db } from '../../../platform/db/database.ts';

/** Deletes up to `limit` events of a workspace received before `cutoff`; returns how many went. */
export async function deleteEventsReceivedBefore(
  db: Db,
  workspaceId: string,
  cutoff: string,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('usage_events')
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb(
        eb.refTuple('source', 'message_id'),
        'in',
        eb
          .selectFrom('usage_events as old')
          .select(['old.source', 'old.message_id'])
          .where('old.workspace_id', '=', workspaceId)
          .where('old.received_at', '<', cutoff)
          .limit(limit)
          .$asTuple('source', 'message_id'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes a workspace's log of refused ingest requests received before `cutoff`; returns how many went. */
export async function deleteRejectionsBefore(db: Db, workspaceId: string, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('usage_ingest_requests')
    .where('workspace_id', '=', workspaceId)
    .where('received_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Workspaces that have received usage (read off the ingest totals, not by walking every event). */
export const selectWorkspacesWithIngest = async (db: Db): Promise<string[]> =>
  (
    await db
      .selectFrom('usage_ingest_totals')
      .select('workspace_id')
      .distinct()
      .where('received', '>', 0)
      .orderBy('workspace_id')
      .execute()
  ).map((r) => r.workspace_id);
