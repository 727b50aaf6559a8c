import type { ExpressionBuilder, Selectable } from 'kysely';
import type { DialectCapabilities } from '../db/capabilities.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { JobTable } from './job.table.ts';

export type JobRow = Selectable<JobTable>;

/** Inserts a job; an id that already exists (a scheduled slot queued by another instance) is left alone. */
export async function insertJob(db: Db, row: Omit<JobTable, 'attempts'>): Promise<boolean> {
  const r = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims up to `limit` due jobs for one worker: queued ones whose time has come, and running ones whose
 * lease ran out (their worker died). PostgreSQL skips rows another instance is claiming; SQLite runs the
 * single statement under its one write lock. Either way a job is claimed by one worker only.
 *
 * The due rows are chosen once, in a materialised common table expression: left inside `id in (…)`,
 * PostgreSQL may run a locking sub-select again for each row it compares, each run locking `limit` more
 * rows, and one worker would claim the whole queue.
 */
export async function claimDueJobs(
  db: Db,
  caps: DialectCapabilities,
  input: { workerId: string; now: string; lockedUntil: string; limit: number },
): Promise<JobRow[]> {
  return (
    db
      .with(
        (cte) => cte('due').materialized(),
        (qb) => {
          const due = qb
            .selectFrom('jobs')
            .select('id')
            .where((w) => isDue(w, input.now))
            .orderBy('run_at')
            .limit(input.limit);
          return caps.supportsSkipLocked ? due.forUpdate().skipLocked() : due;
        },
      )
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: input.workerId,
        locked_until: input.lockedUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: input.now,
      }))
      .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
      // Checked again on the row itself, in case it changed between the choice and the update.
      .where((w) => isDue(w, input.now))
      .returningAll()
      .execute()
  );
}

function isDue(w: ExpressionBuilder<Database, 'jobs'>, now: string) {
  return w.or([
    w.and([w('status', '=', 'queued'), w('run_at', '<=', now)]),
    w.and([w('status', '=', 'running'), w('locked_until', '<', now)]),
  ]);
}

/** Finishes a job this worker still holds; false when the lease was lost to another worker. */
export async function finishJob(
  db: Db,
  id: string,
  workerId: string,
  patch: Partial<
    Pick<JobTable, 'status' | 'run_at' | 'last_error' | 'finished_at' | 'updated_at' | 'locked_until' | 'locked_by'>
  >,
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set(patch)
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export const updateProgress = (
  db: Db,
  id: string,
  workerId: string,
  progress: string,
  lockedUntil: string,
  now: string,
) =>
  db
    .updateTable('jobs')
    .set({ progress, locked_until: lockedUntil, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();

export function selectJobs(
  db: Db,
  filter: { workspaceId: string | null; includePlatform: boolean; status?: string; limit: number },
) {
  let q = db.selectFrom('jobs').selectAll();
  q = q.where((eb) => {
    const own =
      filter.workspaceId === null ? eb('workspace_id', 'is', null) : eb('workspace_id', '=', filter.workspaceId);
    return filter.includePlatform ? eb.or([own, eb('workspace_id', 'is', null)]) : own;
  });
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export const findJob = (db: Db, id: string) =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

export const requeueJob = (db: Db, id: string, now: string) =>
  db
    .updateTable('jobs')
    .set({
      status: 'queued',
      attempts: 0,
      run_at: now,
      updated_at: now,
      locked_by: null,
      locked_until: null,
      finished_at: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();

export async function deleteFinishedBefore(db: Db, cutoff: string): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where('status', '=', 'succeeded')
    .where('finished_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * The oldest job of a type and workspace still waiting (queued, due by `dueBy`), locked until the caller's
 * transaction ends where the database can lock a row (a worker's claim skips it meanwhile); SQLite's one writer
 * keeps it unclaimed while the caller writes.
 */
export function findWaitingJob(
  db: Db,
  caps: DialectCapabilities,
  input: { type: string; workspaceId: string | null; dueBy: string },
) {
  let q = db
    .selectFrom('jobs')
    .select(['id', 'payload'])
    .where('status', '=', 'queued')
    .where('run_at', '<=', input.dueBy)
    .where('type', '=', input.type)
    .where((eb) =>
      input.workspaceId === null ? eb('workspace_id', 'is', null) : eb('workspace_id', '=', input.workspaceId),
    )
    .orderBy('run_at')
    .limit(1);
  if (caps.supportsSkipLocked) q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

/** Replaces a waiting job's payload; false when it was claimed meanwhile. */
export async function updateWaitingPayload(db: Db, id: string, payload: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ payload, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
