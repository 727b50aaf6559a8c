/** Kysely queries for projects, and the names of the playbooks and people they show. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { nowIso } from '../../../platform/ids.ts';
import type { ProjectTable } from './project.table.ts';

export type ProjectRow = Selectable<ProjectTable>;

/** Projects visible in a scope: the workspace's, and for partner users only their firm's. */
export function visibleProjects(db: Db, scope: Scope) {
  let q = db.selectFrom('projects').where('workspace_id', '=', scope.workspaceId);
  if (scope.partnerId) q = q.where('partner_id', '=', scope.partnerId);
  return q;
}

export const findProject = (db: Db, scope: Scope, id: string) =>
  visibleProjects(db, scope).selectAll().where('id', '=', id).executeTakeFirst();

export interface ProjectFilter {
  statuses?: string[];
  accountId?: string;
  partnerId?: string;
  playbookId?: string;
  late?: boolean;
  q?: string;
  limit: number;
  /** Keyset: the (created_at, id) of the last row of the previous page, newest first. */
  before?: { createdAt: string; id: string };
}

export function selectProjects(db: Db, scope: Scope, f: ProjectFilter) {
  let q = visibleProjects(db, scope).selectAll();
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.partnerId) q = q.where('partner_id', '=', f.partnerId);
  if (f.playbookId) q = q.where('playbook_id', '=', f.playbookId);
  if (f.late !== undefined) {
    q = f.late
      ? q.where((eb) =>
          eb.and([eb('promised_go_live', 'is not', null), eb('forecast_go_live', '>', eb.ref('promised_go_live'))]),
        )
      : q.where((eb) =>
          eb.or([
            eb('promised_go_live', 'is', null),
            eb('forecast_go_live', 'is', null),
            eb('forecast_go_live', '<=', eb.ref('promised_go_live')),
          ]),
        );
  }
  if (f.q) q = q.where('name', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  if (f.before) {
    const b = f.before;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', b.createdAt), eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** Projects whose work is planned and forecast (queued or active), with their tasks, for one workspace. */
export const selectPlannedProjects = (db: Db, workspaceId: string) =>
  db
    .selectFrom('projects')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', ['queued', 'active'])
    .execute();

/** Kickoff → go-live in days of a playbook's completed projects (live or closed). */
export const selectCompletedDurations = (db: Db, workspaceId: string) =>
  db
    .selectFrom('projects')
    .select(['playbook_id', 'kickoff_on', 'go_live_on'])
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', ['live', 'closed'])
    .where('kickoff_on', 'is not', null)
    .where('go_live_on', 'is not', null)
    .execute();

export const insertProject = (db: Db, row: Insertable<ProjectTable>) => db.insertInto('projects').values(row).execute();

export const updateProject = (db: Db, workspaceId: string, id: string, patch: Updateable<ProjectTable>) =>
  db.updateTable('projects').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

/** Writes a change to a project and bumps its version (its ETag). */
export const bumpProject = (
  db: Db,
  workspaceId: string,
  before: Pick<ProjectRow, 'id' | 'version'>,
  set: Updateable<ProjectTable>,
) => updateProject(db, workspaceId, before.id, { ...set, version: before.version + 1, updated_at: nowIso() });

export const findProjectByHandoff = (db: Db, workspaceId: string, handoffId: string) =>
  db
    .selectFrom('projects')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('handoff_id', '=', handoffId)
    .executeTakeFirst();

/** A stored playbook version's definition (JSON) with its playbook's name. */
export const findPlaybookVersion = (db: Db, workspaceId: string, playbookId: string, version: number) =>
  db
    .selectFrom('playbook_versions as v')
    .innerJoin('playbooks as p', 'p.id', 'v.playbook_id')
    .select(['p.id as playbook_id', 'p.key', 'p.name', 'v.version', 'v.definition'])
    .where('v.workspace_id', '=', workspaceId)
    .where('v.playbook_id', '=', playbookId)
    .where('v.version', '=', version)
    .executeTakeFirst();

export const selectPlaybookNames = (db: Db, workspaceId: string) =>
  db.selectFrom('playbooks').select(['id', 'name', 'key']).where('workspace_id', '=', workspaceId).execute();

/** Names of resources, for showing assignees. */
export const selectResourceNames = (db: Db, workspaceId: string) =>
  db
    .selectFrom('delivery_resources')
    .select(['id', 'name', 'role', 'partner_id', 'weekly_capacity_hours', 'active'])
    .where('workspace_id', '=', workspaceId)
    .execute();

export const selectProjectsByIds = async (
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<ProjectRow[]> => {
  const out: ProjectRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('projects')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
};
