/** Kysely queries for projects, their milestones, tasks, timeline, slips and rework. */
import { CompiledQuery, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import type {
  ProjectEventTable,
  ProjectMilestoneTable,
  ProjectReworkTable,
  ProjectSlipTable,
  ProjectTable,
  ProjectTaskTable,
} from './project.table.ts';

export type ProjectRow = Selectable<ProjectTable>;
export type MilestoneRow = Selectable<ProjectMilestoneTable>;
export type TaskRow = Selectable<ProjectTaskTable>;
export type EventRow = Selectable<ProjectEventTable>;
export type SlipRow = Selectable<ProjectSlipTable>;
export type ReworkRow = Selectable<ProjectReworkTable>;

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

export const selectTasksOfProjects = async (
  db: Db,
  workspaceId: string,
  projectIds: readonly string[],
): Promise<TaskRow[]> => {
  const out: TaskRow[] = [];
  // In chunks, to stay under PostgreSQL's and SQLite's parameter limits.
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('project_tasks')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('project_id', 'in', chunk)
        .orderBy('sort')
        .execute()),
    );
  }
  return out;
};

/** The task columns the forecast reads and writes back, for every task of the given projects. */
export const FORECAST_TASK_COLUMNS = [
  'id',
  'project_id',
  'key',
  'name',
  'depends_on',
  'state',
  'remaining_hours',
  'duration_days',
  'assignee_id',
  'owner_role',
  'customer_owned',
  'done_on',
  'started_on',
  'milestone_key',
  'forecast_start',
  'forecast_finish',
  'critical',
] as const;
export type ForecastTaskRow = Pick<TaskRow, (typeof FORECAST_TASK_COLUMNS)[number]>;

export const selectForecastTasks = async (
  db: Db,
  workspaceId: string,
  projectIds: readonly string[],
): Promise<ForecastTaskRow[]> => {
  const out: ForecastTaskRow[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('project_tasks')
        .select(FORECAST_TASK_COLUMNS)
        .where('workspace_id', '=', workspaceId)
        .where('project_id', 'in', chunk)
        .orderBy('project_id')
        .orderBy('sort')
        .execute()),
    );
  }
  return out;
};

export const selectTasks = (db: Db, workspaceId: string, projectId: string) =>
  db
    .selectFrom('project_tasks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('sort')
    .execute();

export const selectMilestones = (db: Db, workspaceId: string, projectId: string) =>
  db
    .selectFrom('project_milestones')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('sort')
    .execute();

export const selectMilestonesOfProjects = async (
  db: Db,
  workspaceId: string,
  projectIds: readonly string[],
): Promise<MilestoneRow[]> => {
  const out: MilestoneRow[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('project_milestones')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('project_id', 'in', chunk)
        .orderBy('sort')
        .execute()),
    );
  }
  return out;
};

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

export const selectScopeChanges = async (db: Db, workspaceId: string, projectIds: readonly string[]) => {
  const out: EventRow[] = [];
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('project_events')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('project_id', 'in', chunk)
        .where('kind', '=', 'scope_changed')
        .execute()),
    );
  }
  return out;
};

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
export const insertMilestones = (db: Db, rows: Insertable<ProjectMilestoneTable>[]) =>
  rows.length ? db.insertInto('project_milestones').values(rows).execute() : Promise.resolve([]);
export const insertTasks = async (db: Db, rows: Insertable<ProjectTaskTable>[]) => {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('project_tasks')
      .values(rows.slice(i, i + 100))
      .execute();
};
/** A new task's row: not started, nothing forecast yet, its whole effort remaining. */
export function newTaskRow(t: {
  id: string;
  workspaceId: string;
  projectId: string;
  key: string;
  name: string;
  phase: string;
  milestoneKey: string | null;
  type: string;
  ownerRole: string;
  customerOwned: boolean;
  effortHours: number;
  durationDays: number;
  dependsOn: readonly string[];
  sort: number;
  now: string;
}): Insertable<ProjectTaskTable> {
  return {
    id: t.id,
    workspace_id: t.workspaceId,
    project_id: t.projectId,
    key: t.key,
    name: t.name,
    phase: t.phase,
    milestone_key: t.milestoneKey,
    task_type: t.type,
    owner_role: t.ownerRole,
    customer_owned: t.customerOwned ? 1 : 0,
    critical: 0,
    effort_hours: t.effortHours,
    remaining_hours: t.effortHours,
    duration_days: t.durationDays,
    depends_on: JSON.stringify(t.dependsOn),
    assignee_id: null,
    state: 'todo',
    blocked_reason: null,
    blocked_since: null,
    started_on: null,
    done_on: null,
    forecast_start: null,
    forecast_finish: null,
    sort: t.sort,
    updated_at: t.now,
  };
}

export const insertEvent = (db: Db, row: Insertable<ProjectEventTable>) =>
  db.insertInto('project_events').values(row).execute();
export const insertSlip = (db: Db, row: Insertable<ProjectSlipTable>) =>
  db.insertInto('project_slips').values(row).execute();
export const insertRework = (db: Db, row: Insertable<ProjectReworkTable>) =>
  db.insertInto('project_rework').values(row).execute();

export const updateProject = (db: Db, workspaceId: string, id: string, patch: Updateable<ProjectTable>) =>
  db.updateTable('projects').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const updateTask = (db: Db, workspaceId: string, id: string, patch: Updateable<ProjectTaskTable>) =>
  db.updateTable('project_tasks').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const updateMilestone = (db: Db, workspaceId: string, id: string, patch: Updateable<ProjectMilestoneTable>) =>
  db
    .updateTable('project_milestones')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

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

/**
 * Writes new forecast dates and critical flags to many tasks: one statement compiled once and run per task, so a
 * workspace-wide re-forecast does not pay for building the same query a hundred thousand times.
 */
export async function updateTaskForecasts(
  db: Db,
  workspaceId: string,
  rows: ReadonlyArray<{ id: string; start: string; finish: string; critical: number }>,
): Promise<void> {
  if (rows.length === 0) return;
  const template = db
    .updateTable('project_tasks')
    .set({ forecast_start: '', forecast_finish: '', critical: 0 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', '')
    .compile();
  for (const r of rows)
    await db.executeQuery(CompiledQuery.raw(template.sql, [r.start, r.finish, r.critical, workspaceId, r.id]));
}
