import type { Db } from '../../../platform/db/database.ts';

/** A task someone works on, for their queue: what, where, and when the forecast says it finishes. */
export interface AssignedTask {
  taskId: string;
  name: string;
  state: string;
  critical: boolean;
  blockedReason: string | null;
  projectId: string;
  project: string;
  accountId: string;
  /** The forecast finish (YYYY-MM-DD); null until forecast. */
  due: string | null;
}

/**
 * The open tasks (not done) of running projects assigned to the person a Baton user is on the delivery team
 * (their resource), soonest due first.
 */
export async function openTasksAssignedTo(db: Db, workspaceId: string, userId: string): Promise<AssignedTask[]> {
  const rows = await db
    .selectFrom('project_tasks')
    .innerJoin('delivery_resources', 'delivery_resources.id', 'project_tasks.assignee_id')
    .innerJoin('projects', 'projects.id', 'project_tasks.project_id')
    .select([
      'project_tasks.id as taskId',
      'project_tasks.name',
      'project_tasks.state',
      'project_tasks.critical',
      'project_tasks.blocked_reason as blockedReason',
      'project_tasks.forecast_finish as due',
      'projects.id as projectId',
      'projects.name as project',
      'projects.account_id as accountId',
    ])
    .where('project_tasks.workspace_id', '=', workspaceId)
    .where('delivery_resources.workspace_id', '=', workspaceId)
    .where('projects.workspace_id', '=', workspaceId)
    .where('delivery_resources.user_id', '=', userId)
    .where('project_tasks.state', '!=', 'done')
    .where('projects.status', 'in', ['queued', 'active', 'live'])
    .orderBy('project_tasks.forecast_finish')
    .orderBy('project_tasks.id')
    .execute();
  return rows.map((r) => ({ ...r, critical: Number(r.critical) === 1 }));
}
