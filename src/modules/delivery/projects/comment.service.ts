/** Comments on a project or one of its tasks, by people or by the customer through the portal: timeline events. */
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { findProjectOr404 } from './project-query.service.ts';
import * as taskStore from './task.store.ts';
import { logEvent, type Who } from './timeline.service.ts';

export async function addComment(
  db: Db,
  who: Who,
  scope: Scope,
  projectId: string,
  text: string,
  taskId: string | null,
): Promise<void> {
  await findProjectOr404(db, scope, projectId);
  if (taskId) {
    const tasks = await taskStore.selectTasks(db, scope.workspaceId, projectId);
    if (!tasks.some((t) => t.id === taskId)) throw AppError.validation('body.taskId', 'no such task in this project');
  }
  await logEvent(db, scope.workspaceId, projectId, who, 'comment', taskId, { text });
}
