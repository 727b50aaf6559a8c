/** Ingest requests of a workspace: what they came to (totals per source) and the log of refused ones. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { UsageIngestRequestTable, UsageIngestTotalsTable } from './ingest.table.ts';

/** The later of two nullable ISO times (columns), in SQL both databases run. */
const later = (current: string, incoming: string) => {
  const [c, i] = [sql.ref(current), sql.ref(incoming)];
  return sql<string | null>`case when ${i} is null then ${c} when ${c} is null or ${i} > ${c} then ${i} else ${c} end`;
};

/**
 * Records requests of one workspace: adds them to its totals per source (`usage_ingest_totals`), sources in
 * order (concurrent PostgreSQL writers take the totals rows' locks in one order), and logs the refused ones with
 * their detail (`usage_ingest_requests`; accepted requests live on in the totals only). `lastEventAt`: per
 * source, the latest time of an event these requests stored.
 */
export async function recordIngestRequests(
  db: Db,
  rows: UsageIngestRequestTable[],
  lastEventAt: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  if (rows.length === 0) return;
  const refused = rows.filter((r) => r.rejected > 0);
  if (refused.length > 0) await db.insertInto('usage_ingest_requests').values(refused).execute();
  const totals = new Map<string, UsageIngestTotalsTable>();
  for (const r of rows) {
    let t = totals.get(r.source);
    if (!t)
      totals.set(
        r.source,
        (t = {
          workspace_id: r.workspace_id,
          source: r.source,
          received: 0,
          stored: 0,
          duplicates: 0,
          rejected: 0,
          last_event_at: lastEventAt.get(r.source) ?? null,
          last_received_at: null,
        }),
      );
    t.received += r.received;
    t.stored += r.stored;
    t.duplicates += r.duplicates;
    t.rejected += r.rejected;
    if (r.stored > 0 && (t.last_received_at === null || r.received_at > t.last_received_at))
      t.last_received_at = r.received_at;
  }
  for (const source of [...totals.keys()].sort()) {
    await db
      .insertInto('usage_ingest_totals')
      .values(totals.get(source) as UsageIngestTotalsTable)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'source']).doUpdateSet({
          received: sql`usage_ingest_totals.received + excluded.received`,
          stored: sql`usage_ingest_totals.stored + excluded.stored`,
          duplicates: sql`usage_ingest_totals.duplicates + excluded.duplicates`,
          rejected: sql`usage_ingest_totals.rejected + excluded.rejected`,
          last_event_at: later('usage_ingest_totals.last_event_at', 'excluded.last_event_at'),
          last_received_at: later('usage_ingest_totals.last_received_at', 'excluded.last_received_at'),
        }),
      )
      .execute();
  }
}

/** A workspace's latest refused ingest requests, the newest first. */
export const selectRecentRejections = (db: Db, workspaceId: string, limit: number) =>
  db
    .selectFrom('usage_ingest_requests')
    .select(['source', 'received_at', 'rejected', 'detail'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** A workspace's ingest totals, one row per source that has sent anything. */
export const selectIngestTotals = (db: Db, workspaceId: string) =>
  db.selectFrom('usage_ingest_totals').selectAll().where('workspace_id', '=', workspaceId).execute();
