import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';

/**
 * The few project and task facts time and economics need (status, firm, commercial terms, task estimates),
 * read-only. Narrow on purpose: projects are written by their own module.
 */
function scopedProjects(db: Db, scope: Scope) {
  let q = db.selectFrom('projects').where('workspace_id', '=', scope.workspaceId);
  if (scope.partnerId) q = q.where('partner_id', '=', scope.partnerId);
  return q;
}

const PROJECT_COLUMNS = [
  'id',
  'name',
  'status',
  'partner_id',
  'commercial_model',
  'services_fee',
  'currency',
  'signed_on',
  'accepted_on',
  'created_at',
] as const;

export const findProjectRef = (db: Db, scope: Scope, id: string) =>
  scopedProjects(db, scope).select(PROJECT_COLUMNS).where('id', '=', id).executeTakeFirst();

export const selectProjectRefs = (db: Db, scope: Scope) =>
  scopedProjects(db, scope).select(PROJECT_COLUMNS).orderBy('created_at').orderBy('id').execute();

/** Projects found by name (case-insensitive) or id, for imports that name them either way. */
export const selectProjectsByNameOrId = (db: Db, scope: Scope, ref: string) =>
  scopedProjects(db, scope)
    .select(PROJECT_COLUMNS)
    .where((eb) => eb.or([eb('id', '=', ref), eb(eb.fn('lower', ['name']), '=', ref.toLowerCase())]))
    .execute();

export const findTaskRef = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('project_tasks')
    .select(['id', 'project_id', 'key', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** A project's tasks matching a key or a name (case-insensitive). */
export const selectTasksByKeyOrName = (db: Db, workspaceId: string, projectId: string, ref: string) =>
  db
    .selectFrom('project_tasks')
    .select(['id', 'project_id', 'key', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('key', '=', ref), eb(eb.fn('lower', ['name']), '=', ref.toLowerCase())]))
    .execute();

export function selectTaskEstimates(db: Db, workspaceId: string, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_tasks')
    .select(['id', 'project_id', 'task_type', 'effort_hours', 'assignee_id'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', 'in', projectIds)
    .execute();
}

export function selectTaskNames(db: Db, workspaceId: string, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_tasks')
    .select(['id', 'project_id', 'key', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('sort')
    .execute();
}

/** Rework recorded on projects, with its cause, for the economics. */
export function selectReworkOf(db: Db, workspaceId: string, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_rework')
    .select(['project_id', 'task_id', 'hours', 'cause'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', 'in', projectIds)
    .execute();
}
