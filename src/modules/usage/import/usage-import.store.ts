/** The rows of imported usage tables, always within one workspace. */
import type { Db } from '../../../platform/db/database.ts';
import type { UsageImportRowTable } from './usage-import.table.ts';

const KEYS_PER_QUERY = 500;

export async function selectImportRows(
  db: Db,
  workspaceId: string,
  source: string,
  keys: readonly string[],
): Promise<UsageImportRowTable[]> {
  const out: UsageImportRowTable[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    out.push(
      ...(await db
        .selectFrom('usage_import_rows')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', source)
        .where('row_key', 'in', keys.slice(i, i + KEYS_PER_QUERY))
        .execute()),
    );
  }
  return out;
}

/** 12 columns × 250 rows stays under both databases' bound-parameter limits. */
const ROWS_PER_UPSERT = 250;

export async function upsertImportRows(db: Db, rows: readonly UsageImportRowTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_UPSERT) {
    await db
      .insertInto('usage_import_rows')
      .values(rows.slice(i, i + ROWS_PER_UPSERT))
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'source', 'row_key']).doUpdateSet((eb) => ({
          account_id: eb.ref('excluded.account_id'),
          day: eb.ref('excluded.day'),
          feature: eb.ref('excluded.feature'),
          user_key: eb.ref('excluded.user_key'),
          events: eb.ref('excluded.events'),
          duration_secs: eb.ref('excluded.duration_secs'),
          run_id: eb.ref('excluded.run_id'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Marks unchanged rows as seen by this run (so a second row with the same key in the file is known as one). */
export async function touchImportRows(
  db: Db,
  workspaceId: string,
  source: string,
  keys: readonly string[],
  runId: string,
): Promise<void> {
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    await db
      .updateTable('usage_import_rows')
      .set({ run_id: runId })
      .where('workspace_id', '=', workspaceId)
      .where('source', '=', source)
      .where('row_key', 'in', keys.slice(i, i + KEYS_PER_QUERY))
      .execute();
  }
}
