import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ImportRunTable } from './import-run.table.ts';

export type ImportRunRow = Selectable<ImportRunTable>;

export const findImportRun = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('import_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Runs of a workspace, newest first, after a keyset cursor. */
export function selectImportRuns(
  db: Db,
  workspaceId: string,
  f: { kind?: string; before?: { startedAt: string; id: string }; limit: number },
) {
  let q = db.selectFrom('import_runs').selectAll().where('workspace_id', '=', workspaceId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.before) {
    const { startedAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([eb('started_at', '<', startedAt), eb.and([eb('started_at', '=', startedAt), eb('id', '<', id)])]),
    );
  }
  return q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export const updateImportRunNotes = (db: Db, id: string, notes: readonly string[]) =>
  db
    .updateTable('import_runs')
    .set({ notes: JSON.stringify(notes) })
    .where('id', '=', id)
    .execute();
