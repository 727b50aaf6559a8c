/** What time logged on a task does to the plan. */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { nowIso } from '../../../platform/ids.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { todayUtc } from './project.ts';
import * as taskStore from './task.store.ts';
import { logEvent } from './timeline.service.ts';

/**
 * Time logged on a task burns its remaining estimate down (never below zero) and starts a task not yet
 * started; rework hours do not, they are extra work. `recompute: false` lets a bulk import forecast once at the end.
 */
export async function logWorkOnTask(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: { projectId: string; taskId: string; hours: number; rework: boolean; on: string },
  opts: { recompute: boolean },
): Promise<void> {
  const task = (await taskStore.selectTasks(db, workspaceId, input.projectId)).find((t) => t.id === input.taskId);
  if (!task || task.state === 'done' || input.rework) return;
  const remaining = Math.max(0, Math.round((task.remaining_hours - input.hours) * 100) / 100);
  const set: Parameters<typeof taskStore.updateTask>[3] = { remaining_hours: remaining, updated_at: nowIso() };
  if (task.state === 'todo') {
    set.state = 'in_progress';
    set.started_on = input.on;
  }
  await taskStore.updateTask(db, workspaceId, task.id, set);
  await logEvent(db, workspaceId, input.projectId, actor, 'time_logged', task.id, {
    task: task.name,
    hours: input.hours,
    remainingHours: remaining,
  });
  if (opts.recompute)
    await recomputeForecasts(db, workspaceId, { today: todayUtc(), actor, touched: [input.projectId] });
}
