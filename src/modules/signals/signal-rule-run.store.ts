/** Re-evaluations of a setting's signal rules (`signal_rule_runs`). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { SignalRuleRunTable } from './signal.table.ts';

export type SignalRuleRunRow = Selectable<SignalRuleRunTable>;

export const insertRun = (db: Db, row: Insertable<SignalRuleRunTable>) =>
  db.insertInto('signal_rule_runs').values(row).execute();

export const updateRun = (db: Db, workspaceId: string, id: string, patch: Updateable<SignalRuleRunTable>) =>
  db.updateTable('signal_rule_runs').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const findRun = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('signal_rule_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The latest run of each setting of a workspace. */
export async function latestRuns(db: Db, workspaceId: string): Promise<Map<string, SignalRuleRunRow>> {
  const rows = await db
    .selectFrom('signal_rule_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const out = new Map<string, SignalRuleRunRow>();
  for (const r of rows) if (!out.has(r.setting_key)) out.set(r.setting_key, r);
  return out;
}

/** Ids of the open signals of some kinds in a workspace (what a re-evaluation compares before and after). */
export const openSignalIds = async (db: Db, workspaceId: string, kinds: readonly string[]): Promise<Set<string>> =>
  kinds.length === 0
    ? new Set()
    : new Set(
        (
          await db
            .selectFrom('signals')
            .select('id')
            .where('workspace_id', '=', workspaceId)
            .where('kind', 'in', kinds)
            .where('resolved_at', 'is', null)
            .execute()
        ).map((r) => r.id),
      );
