/** Kysely queries for a project's history: its timeline events, the slips of its go-live and the rework recorded. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { ProjectEventTable, ProjectReworkTable, ProjectSlipTable } from './project.table.ts';

export type EventRow = Selectable<ProjectEventTable>;
export type SlipRow = Selectable<ProjectSlipTable>;
export type ReworkRow = Selectable<ProjectReworkTable>;

export const selectSlips = (db: Db, workspaceId: string, projectId: string) =>
  db
    .selectFrom('project_slips')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('recorded_at')
    .execute();

export const selectSlipsOfProjects = async (
  db: Db,
  workspaceId: string,
  projectIds: readonly string[],
): Promise<SlipRow[]> => {
  const out: SlipRow[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('project_slips')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('project_id', 'in', chunk)
        .orderBy('recorded_at')
        .execute()),
    );
  }
  return out;
};

export const selectRework = (db: Db, workspaceId: string, projectId: string) =>
  db
    .selectFrom('project_rework')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('recorded_at')
    .execute();

export const selectEvents = (
  db: Db,
  workspaceId: string,
  projectId: string,
  limit: number,
  kinds?: readonly string[],
) => {
  let q = db
    .selectFrom('project_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId);
  if (kinds) q = q.where('kind', 'in', kinds);
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
};

export const selectScopeChanges = (db: Db, workspaceId: string, projectIds: readonly string[]) =>
  selectEventsOfKind(db, workspaceId, projectIds, 'scope_changed');

/** The projects' timeline events of one kind. */
export const selectEventsOfKind = async (db: Db, workspaceId: string, projectIds: readonly string[], kind: string) => {
  const out: EventRow[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('project_events')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('project_id', 'in', chunk)
        .where('kind', '=', kind)
        .execute()),
    );
  }
  return out;
};

export const insertEvent = (db: Db, row: Insertable<ProjectEventTable>) =>
  db.insertInto('project_events').values(row).execute();

export const insertSlip = (db: Db, row: Insertable<ProjectSlipTable>) =>
  db.insertInto('project_slips').values(row).execute();

export const insertRework = (db: Db, row: Insertable<ProjectReworkTable>) =>
  db.insertInto('project_rework').values(row).execute();

export const deleteSlips = async (db: Db, workspaceId: string, projectIds: readonly string[]): Promise<void> => {
  for (let i = 0; i < projectIds.length; i += 500) {
    await db
      .deleteFrom('project_slips')
      .where('workspace_id', '=', workspaceId)
      .where('project_id', 'in', projectIds.slice(i, i + 500))
      .execute();
  }
};

export const deleteEvents = async (
  db: Db,
  workspaceId: string,
  projectIds: readonly string[],
  kinds: readonly string[],
): Promise<void> => {
  for (let i = 0; i < projectIds.length; i += 500) {
    await db
      .deleteFrom('project_events')
      .where('workspace_id', '=', workspaceId)
      .where('project_id', 'in', projectIds.slice(i, i + 500))
      .where('kind', 'in', kinds)
      .execute();
  }
};

export const updateSlip = (db: Db, workspaceId: string, id: string, patch: Updateable<ProjectSlipTable>) =>
  db.updateTable('project_slips').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
