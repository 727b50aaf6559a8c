/** Rework: hours spent redoing work, with its cause; it costs margin but does not burn the plan's estimates. */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { type ReworkCause, todayUtc } from './project.ts';
import { findProjectOr404, getProject } from './project-query.service.ts';
import type { ProjectDetail } from './project.views.ts';
import * as taskStore from './task.store.ts';
import { logEvent } from './timeline.service.ts';
import * as timelineStore from './timeline.store.ts';

export async function recordRework(
  db: Db,
  actor: Actor,
  scope: Scope,
  projectId: string,
  input: { taskId: string | null; hours: number; cause: ReworkCause; note: string | null },
  today = todayUtc(),
): Promise<ProjectDetail> {
  const project = await findProjectOr404(db, scope, projectId);
  if (project.status === 'cancelled') throw new AppError('conflict', 'the project is cancelled');
  if (
    input.taskId &&
    !(await taskStore.selectTasks(db, scope.workspaceId, projectId)).some((t) => t.id === input.taskId)
  ) {
    throw AppError.validation('body.taskId', 'no such task in this project');
  }
  const id = newId();
  await timelineStore.insertRework(db, {
    id,
    workspace_id: scope.workspaceId,
    project_id: projectId,
    task_id: input.taskId,
    hours: input.hours,
    cause: input.cause,
    note: input.note,
    recorded_by_label: actor.label,
    recorded_at: nowIso(),
  });
  await logEvent(db, scope.workspaceId, projectId, actor, 'rework', input.taskId, {
    hours: input.hours,
    cause: input.cause,
    note: input.note,
  });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'project.rework',
    entityType: 'project',
    entityId: projectId,
    after: input,
  });
  return getProject(db, scope, projectId, today);
}
