/** Queries of touches. */
import type { Selectable } from 'kysely';
import { chunked } from '../../platform/db/chunked.ts';
import type { Db } from '../../platform/db/database.ts';
import type { RelationshipTouchTable } from './relationship.table.ts';

export type TouchRow = Selectable<RelationshipTouchTable>;

export const selectTouchKeys = (db: Db, workspaceId: string, keys: readonly string[]) =>
  chunked(keys, 500, (chunk) =>
    db
      .selectFrom('relationship_touches')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('dedupe_key', 'in', chunk)
      .execute(),
  );

export async function insertTouches(db: Db, rows: RelationshipTouchTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('relationship_touches')
      .values(rows.slice(i, i + 300))
      .execute();
}

export interface TouchFilter {
  accountId?: string;
  kind?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export function selectTouches(db: Db, workspaceId: string, f: TouchFilter) {
  let q = db.selectFrom('relationship_touches').selectAll().where('workspace_id', '=', workspaceId);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<=', f.to);
  q = q.orderBy('occurred_at', 'desc').orderBy('id');
  if (f.limit) q = q.limit(f.limit);
  return q.execute();
}
