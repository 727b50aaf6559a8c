import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { PlayRunTable, PlayTable, PlayTaskTable, PlayVersionTable } from './play.table.ts';

export type PlayRow = Selectable<PlayTable>;
export type PlayVersionRow = Selectable<PlayVersionTable>;
export type PlayRunRow = Selectable<PlayRunTable>;
export type PlayTaskRow = Selectable<PlayTaskTable>;

export const selectPlays = (db: Db, workspaceId: string) =>
  db.selectFrom('plays').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();

export const findPlay = (db: Db, workspaceId: string, id: string) =>
  db.selectFrom('plays').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

export const selectBuiltinKeys = async (db: Db, workspaceId: string): Promise<Set<string>> =>
  new Set(
    (
      await db
        .selectFrom('plays')
        .select('builtin_key')
        .where('workspace_id', '=', workspaceId)
        .where('builtin_key', 'is not', null)
        .execute()
    ).map((r) => r.builtin_key as string),
  );

/** Inserts a play unless its built-in key is already there (another instance seeded it first): false then. */
export async function insertPlay(db: Db, row: Insertable<PlayTable>): Promise<boolean> {
  const r = await db
    .insertInto('plays')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'builtin_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const insertVersion = (db: Db, row: Insertable<PlayVersionTable>) =>
  db.insertInto('play_versions').values(row).execute();

/** Moves a play to its next version only if it is still at `from`: two people saving at once cannot both win. */
export async function advanceVersion(
  db: Db,
  workspaceId: string,
  id: string,
  from: number,
  patch: Partial<Pick<PlayTable, 'name' | 'trigger_type' | 'trigger_kind' | 'enabled' | 'updated_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('plays')
    .set({ ...patch, current_version: from + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('current_version', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const setEnabled = (db: Db, workspaceId: string, id: string, enabled: boolean, at: string) =>
  db
    .updateTable('plays')
    .set({ enabled: enabled ? 1 : 0, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

export const findVersion = (db: Db, playId: string, version: number) =>
  db
    .selectFrom('play_versions')
    .selectAll()
    .where('play_id', '=', playId)
    .where('version', '=', version)
    .executeTakeFirst();

/** The enabled plays of a trigger type with their current definition (for a signal, of that kind). */
export function enabledPlaysOf(db: Db, workspaceId: string, triggerType: string, kind?: string) {
  let q = db
    .selectFrom('plays')
    .innerJoin('play_versions', (j) =>
      j.onRef('play_versions.play_id', '=', 'plays.id').onRef('play_versions.version', '=', 'plays.current_version'),
    )
    .select(['plays.id', 'plays.current_version', 'play_versions.definition'])
    .where('plays.workspace_id', '=', workspaceId)
    .where('plays.trigger_type', '=', triggerType)
    .where('plays.enabled', '=', 1);
  if (kind !== undefined) q = q.where('plays.trigger_kind', '=', kind);
  return q.orderBy('plays.id').execute();
}

/** Starts a run unless this play already ran for this account and occurrence: false then. */
export async function insertRun(db: Db, row: Insertable<PlayRunTable>): Promise<boolean> {
  const r = await db
    .insertInto('play_runs')
    .values(row)
    .onConflict((oc) => oc.columns(['play_id', 'account_id', 'occurrence_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const insertTasks = (db: Db, rows: Insertable<PlayTaskTable>[]) =>
  rows.length ? db.insertInto('play_tasks').values(rows).execute() : Promise.resolve([]);

export const findRun = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('play_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const selectRunsOfPlay = (db: Db, workspaceId: string, playId: string, limit: number) =>
  db
    .selectFrom('play_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('play_id', '=', playId)
    .orderBy('started_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export const selectRuns = (db: Db, workspaceId: string, limit: number) =>
  db
    .selectFrom('play_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('started_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export const selectRunsByStatus = (db: Db, workspaceId: string, status: string) =>
  db.selectFrom('play_runs').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', status).execute();

/** Runs without an outcome that ended or started on or before `startedBy`. */
export const selectRunsToJudge = (db: Db, workspaceId: string, startedBy: string) =>
  db
    .selectFrom('play_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('outcome', 'is', null)
    .where((w) => w.or([w('status', '!=', 'open'), w('started_on', '<=', startedBy)]))
    .execute();

/** Runs, judged runs and successes per play. */
export const runCounts = (db: Db, workspaceId: string) =>
  db
    .selectFrom('play_runs')
    .select((eb) => [
      'play_id',
      eb.fn.countAll<string | number>().as('runs'),
      eb.fn.count<string | number>('success').as('judged'),
      eb.fn.sum<string | number | null>('success').as('successes'),
      eb.fn.sum<string | number | null>(eb.case().when('status', '=', 'open').then(1).else(0).end()).as('open'),
    ])
    .where('workspace_id', '=', workspaceId)
    .groupBy('play_id')
    .execute();

export const selectTasksOfRuns = (db: Db, workspaceId: string, runIds: string[]) =>
  runIds.length
    ? db
        .selectFrom('play_tasks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('run_id', 'in', runIds)
        .orderBy('run_id')
        .orderBy('position')
        .execute()
    : Promise.resolve([]);

export const findTask = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('play_tasks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const setTaskDone = (db: Db, workspaceId: string, id: string, doneAt: string | null, by: string | null) =>
  db
    .updateTable('play_tasks')
    .set({ done_at: doneAt, done_by_label: by })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

/** Ends an open run; false when it had already ended (another instance or request ended it first). */
export async function endRun(
  db: Db,
  workspaceId: string,
  id: string,
  status: 'done' | 'ended',
  reason: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('play_runs')
    .set({ status, end_reason: reason, ended_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const reopenRun = (db: Db, workspaceId: string, id: string) =>
  db
    .updateTable('play_runs')
    .set({ status: 'open', end_reason: null, ended_at: null, outcome: null, success: null, outcome_at: null })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'done')
    .execute();

export const setOutcome = (db: Db, workspaceId: string, id: string, outcome: string, success: boolean, at: string) =>
  db
    .updateTable('play_runs')
    .set({ outcome, success: success ? 1 : 0, outcome_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

/** A person's open play tasks with their run and play, for My work. */
export const openTasksOf = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('play_tasks')
    .innerJoin('play_runs', 'play_runs.id', 'play_tasks.run_id')
    .innerJoin('plays', 'plays.id', 'play_runs.play_id')
    .select([
      'play_tasks.id',
      'play_tasks.title',
      'play_tasks.due_on',
      'play_tasks.assignment_note',
      'play_runs.id as run_id',
      'play_runs.account_id',
      'play_runs.trigger_text',
      'plays.name as play_name',
    ])
    .where('play_tasks.workspace_id', '=', workspaceId)
    .where('play_tasks.assignee_user_id', '=', userId)
    .where('play_tasks.done_at', 'is', null)
    .where('play_runs.status', '=', 'open')
    .execute();

export const findRunByKey = (db: Db, playId: string, accountId: string, key: string) =>
  db
    .selectFrom('play_runs')
    .select('id')
    .where('play_id', '=', playId)
    .where('account_id', '=', accountId)
    .where('occurrence_key', '=', key)
    .executeTakeFirst();

export const setTriggerText = (db: Db, runId: string, text: string) =>
  db.updateTable('play_runs').set({ trigger_text: text }).where('id', '=', runId).execute();
