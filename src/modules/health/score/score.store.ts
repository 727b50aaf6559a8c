/** Kysely queries for stored health scores: the current row of each account and its history. */
import type { Selectable } from 'kysely';
import { chunked, chunkedCount } from '../../../platform/db/chunked.ts';
import type { Db } from '../../../platform/db/database.ts';
import { insertMany } from '../../../platform/db/insert-many.ts';
import type { HealthScoreTable } from './score.table.ts';

export type HealthScoreRow = Selectable<HealthScoreTable>;

const CHUNK = 500;

/** The current score rows of the workspace, or of the named accounts only. */
export function currentScores(db: Db, workspaceId: string, accountIds?: readonly string[]): Promise<HealthScoreRow[]> {
  const base = () =>
    db.selectFrom('health_scores').selectAll().where('workspace_id', '=', workspaceId).where('is_current', '=', 1);
  if (!accountIds) return base().execute();
  return chunked(accountIds, CHUNK, (ids) => base().where('account_id', 'in', ids).execute());
}

/** Stores new scorings: each becomes its account's current row, the one before it history. */
export async function insertScores(db: Db, workspaceId: string, rows: HealthScoreTable[]): Promise<void> {
  if (rows.length === 0) return;
  await chunkedCount(
    rows.map((r) => r.account_id),
    CHUNK,
    (ids) =>
      db
        .updateTable('health_scores')
        .set({ is_current: 0 })
        .where('workspace_id', '=', workspaceId)
        .where('is_current', '=', 1)
        .where('account_id', 'in', ids)
        .executeTakeFirst(),
  );
  await insertMany(db, 'health_scores', rows);
}

/** Shows today's values on a current row whose points did not change. */
export const refreshComponents = (db: Db, workspaceId: string, id: string, components: string) =>
  db
    .updateTable('health_scores')
    .set({ components })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

/** An account's rows, newest first (ties in time by id, which grows with each insert). */
const newestFirst = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('health_scores')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('scored_at', 'desc')
    .orderBy('id', 'desc');

/** The latest rows of an account: the current one and those before it. */
export const latestRows = (db: Db, workspaceId: string, accountId: string, limit: number) =>
  newestFirst(db, workspaceId, accountId).limit(limit).execute();

/** The row in force at a moment: the latest scored at or before it. */
export const rowInForceAt = (db: Db, workspaceId: string, accountId: string, at: string) =>
  newestFirst(db, workspaceId, accountId).where('scored_at', '<=', at).limit(1).executeTakeFirst();

/** An account's rows between two moments, oldest first. */
export const historyRows = (db: Db, workspaceId: string, accountId: string, from: string, to: string) =>
  db
    .selectFrom('health_scores')
    .select(['scored_at', 'score', 'band', 'scorecard_version', 'components'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('scored_at', '>=', from)
    .where('scored_at', '<=', to)
    .orderBy('scored_at')
    .orderBy('id')
    .execute();

/** How many current scores each band holds. */
export const bandCounts = (db: Db, workspaceId: string) =>
  db
    .selectFrom('health_scores')
    .select(['band', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('is_current', '=', 1)
    .groupBy('band')
    .execute();
