/** Kysely queries for a project's plan: its milestones and tasks, and the forecast's dates written back to them. */
import { CompiledQuery, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { ProjectMilestoneTable, ProjectTaskTable } from './project.table.ts';

export type MilestoneRow = Selectable<ProjectMilestoneTable>;
export type TaskRow = Selectable<ProjectTaskTable>;

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

export const updateTask = (db: Db, workspaceId: string, id: string, patch: Updateable<ProjectTaskTable>) =>
  db.updateTable('project_tasks').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const updateMilestone = (db: Db, workspaceId: string, id: string, patch: Updateable<ProjectMilestoneTable>) =>
  db
    .updateTable('project_milestones')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();

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
