import type { Selectable } from 'kysely';
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { TimeEntryTable } from './time-entry.table.ts';

export type TimeEntryRow = Selectable<TimeEntryTable>;

/** Entries visible in a scope; a partner user's are their firm's people's, on their firm's projects. */
export function scopedEntries(db: Db, scope: Scope) {
  let q = db.selectFrom('time_entries').where('time_entries.workspace_id', '=', scope.workspaceId);
  if (scope.partnerId) {
    const firm = scope.partnerId;
    q = q
      .where('resource_id', 'in', (eb) =>
        eb
          .selectFrom('delivery_resources')
          .select('id')
          .where('workspace_id', '=', scope.workspaceId)
          .where('partner_id', '=', firm),
      )
      .where('project_id', 'in', (eb) =>
        eb
          .selectFrom('projects')
          .select('id')
          .where('workspace_id', '=', scope.workspaceId)
          .where('partner_id', '=', firm),
      );
  }
  return q;
}

export interface EntryFilter {
  projectId?: string;
  resourceId?: string;
  from?: string;
  to?: string;
  /** Keyset cursor: the (on_date, id) of the last row of the previous page, newest first. */
  before?: { date: string; id: string };
  limit: number;
}

export function selectEntries(db: Db, scope: Scope, f: EntryFilter) {
  let q = scopedEntries(db, scope).selectAll();
  if (f.projectId) q = q.where('project_id', '=', f.projectId);
  if (f.resourceId) q = q.where('resource_id', '=', f.resourceId);
  if (f.from) q = q.where('on_date', '>=', f.from);
  if (f.to) q = q.where('on_date', '<=', f.to);
  if (f.before) {
    const { date, id } = f.before;
    q = q.where((eb) => eb.or([eb('on_date', '<', date), eb.and([eb('on_date', '=', date), eb('id', '<', id)])]));
  }
  return q.orderBy('on_date', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export const findEntry = (db: Db, scope: Scope, id: string) =>
  scopedEntries(db, scope).selectAll().where('id', '=', id).executeTakeFirst();

export const findEntryByExternalId = (db: Db, workspaceId: string, externalId: string) =>
  db
    .selectFrom('time_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();

/** Hours a person has on a day across every project, leaving out one entry (the one being changed). */
export async function hoursOnDay(
  db: Db,
  workspaceId: string,
  resourceId: string,
  day: string,
  exceptId: string | null,
): Promise<number> {
  let q = db
    .selectFrom('time_entries')
    .select((eb) => eb.fn.sum<number | string | null>('hours').as('h'))
    .where('workspace_id', '=', workspaceId)
    .where('resource_id', '=', resourceId)
    .where('on_date', '=', day);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r?.h ?? 0);
}

export const insertEntry = (db: Db, row: TimeEntryTable) => db.insertInto('time_entries').values(row).execute();

export const updateEntryRow = (db: Db, workspaceId: string, id: string, patch: Partial<TimeEntryTable>) =>
  db.updateTable('time_entries').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const deleteEntryRow = (db: Db, workspaceId: string, id: string) =>
  db.deleteFrom('time_entries').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

/** Every entry of some projects (economics), or in a date range (utilization). */
export function selectEntriesFor(
  db: Db,
  workspaceId: string,
  f: { projectIds?: string[]; from?: string; to?: string },
) {
  let q = db
    .selectFrom('time_entries')
    .select(['project_id', 'task_id', 'resource_id', 'on_date', 'hours', 'billable', 'rework'])
    .where('workspace_id', '=', workspaceId);
  if (f.projectIds) {
    if (f.projectIds.length === 0) return Promise.resolve([]);
    q = q.where('project_id', 'in', f.projectIds);
  }
  if (f.from) q = q.where('on_date', '>=', f.from);
  if (f.to) q = q.where('on_date', '<=', f.to);
  return q.execute();
}
