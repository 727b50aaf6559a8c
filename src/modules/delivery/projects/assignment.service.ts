/**
 * Before a task is given to someone: what the assignment would do to the task and the go-live (the whole
 * workspace forecast run with the change, nothing written), so a person sees "go-live moves 421 days: Dana is on
 * time off until …" and confirms, instead of finding out afterwards.
 */
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { type AssignmentPreview, assignmentSlipReason, blockingTimeOff } from './assignment.ts';
import { forecastOrExplain, loadForecastInput } from './forecast.service.ts';
import { daysBetween, forecastGoLiveOf, PLANNED_STATUSES, type ProjectStatus, todayUtc } from './project.ts';
import { findProjectOr404 } from './project-query.service.ts';
import * as store from './project.store.ts';

export async function previewAssignment(
  db: Db,
  scope: Scope,
  projectId: string,
  taskId: string,
  assigneeId: string | null,
  today = todayUtc(),
): Promise<AssignmentPreview> {
  const project = await findProjectOr404(db, scope, projectId);
  if (!PLANNED_STATUSES.includes(project.status as ProjectStatus))
    throw new AppError('conflict', `the project is ${project.status}; its plan no longer changes`);
  const { tasks, milestones, tasksByProject, input } = await loadForecastInput(db, scope.workspaceId, today);
  const row = tasks.find((t) => t.id === taskId && t.project_id === projectId);
  if (!row) throw AppError.notFound('task');
  const people = await store.selectResourceNames(db, scope.workspaceId);
  const person = assigneeId ? people.find((r) => r.id === assigneeId) : null;
  if (assigneeId) {
    if (row.customer_owned === 1)
      throw AppError.validation(
        'body.assigneeId',
        'a customer task is done by the customer, not assigned to our people',
      );
    if (!person || person.active !== 1)
      throw AppError.validation('body.assigneeId', 'no such active person in this workspace');
    if (scope.partnerId && person.partner_id !== scope.partnerId)
      throw AppError.validation('body.assigneeId', 'partner users assign only their own firm’s people');
    if (person.weekly_capacity_hours <= 0)
      throw AppError.validation('body.assigneeId', `${person.name} has no capacity (0 hours a week)`);
  }
  const planned = input.projects.find((p) => p.id === projectId)!;
  planned.tasks = planned.tasks.map((t) => (t.id === taskId ? { ...t, assigneeId } : t));
  const result = forecastOrExplain(input, tasks);
  const pf = result.projects.find((p) => p.id === projectId)!;
  const finishById = new Map(pf.tasks.map((t) => [t.id, t]));
  const goLive = milestones.find((m) => m.project_id === projectId && m.go_live === 1);
  const own = goLive ? (tasksByProject.get(projectId) ?? []).filter((t) => t.milestone_key === goLive.key) : [];
  const milestoneOn = goLive
    ? (goLive.completed_on ??
      (own.length
        ? own
            .map((t) => finishById.get(t.id)!.finish)
            .sort()
            .at(-1)!
        : null))
    : null;
  const to = forecastGoLiveOf(milestoneOn, pf.finish);
  const from = project.forecast_go_live;
  const moves = from && to ? daysBetween(from, to) : 0;
  const next = finishById.get(taskId)!;
  const timeOff = assigneeId
    ? (input.resources.find((r) => r.id === assigneeId)?.timeOff ?? []).filter((r) => r.to >= today)
    : [];
  const reason = person && moves > 0 ? assignmentSlipReason(person.name, timeOff, today, next.start) : null;
  const off = blockingTimeOff(timeOff, today);
  const late = Boolean(project.promised_go_live && to && to > project.promised_go_live);
  return {
    taskId,
    assigneeId,
    assigneeName: person?.name ?? null,
    task: {
      from: { start: row.forecast_start, finish: row.forecast_finish },
      to: { start: next.start, finish: next.finish },
    },
    forecastGoLive: { from, to },
    goLiveMovesDays: moves,
    promisedGoLive: project.promised_go_live,
    late,
    timeOff,
    slipReason: reason,
    warning:
      moves > 0
        ? `The go-live moves ${moves} day${moves === 1 ? '' : 's'} later, to ${to}${late ? `, past the promised ${project.promised_go_live}` : ''}: "${row.name}" would start ${next.start}${person && off && off.from <= next.start ? ` (${person.name} is on time off ${off.from} → ${off.to})` : ''}.`
        : null,
  };
}
