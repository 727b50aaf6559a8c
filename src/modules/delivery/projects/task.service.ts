/**
 * Work on a project's plan: task state, assignee, estimates and dependencies, and tasks added (a scope change).
 * Milestones complete when their tasks are done, first value and go-live dates follow. Each change re-forecasts
 * the workspace in the same transaction.
 */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { findCycle } from '../forecast/graph.ts';
import type { TaskState } from '../forecast/forecast.types.ts';
import { CUSTOMER_ROLE } from '../resources/roles.ts';
import { knownRolesOf } from '../resources/resource-roles.service.ts';
import { listForecastResources } from '../resources/availability.service.ts';
import { assignmentSlipReason } from './assignment.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { completeMilestones } from './milestone.service.ts';
import { type SlipReason, todayUtc } from './project.ts';
import { findProjectOr404, getProject } from './project-query.service.ts';
import { logEvent, type Who } from './timeline.service.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import type { ProjectDetail } from './project.views.ts';

export interface TaskPatch {
  name?: string;
  state?: TaskState;
  blockedReason?: string | null;
  assigneeId?: string | null;
  remainingHours?: number;
  effortHours?: number;
  durationDays?: number;
  dependsOn?: string[];
}

export interface ChangeOptions {
  /** The reason to record on a slip this change causes. */
  slipReason?: { code: SlipReason; note: string | null };
  /** A customer working through the portal: only their own tasks, only their state. */
  customer?: boolean;
  /** The day the change is made on (today by the machine's clock when left out). */
  today?: string;
}

const OPEN_PROJECT = ['queued', 'active'];

function checkOpen(p: store.ProjectRow): void {
  if (!OPEN_PROJECT.includes(p.status))
    throw new AppError('conflict', `the project is ${p.status}; its plan no longer changes`);
}

export async function updateTask(
  db: Db,
  who: Who,
  scope: Scope,
  projectId: string,
  taskId: string,
  patch: TaskPatch,
  opts: ChangeOptions = {},
): Promise<ProjectDetail> {
  const project = await findProjectOr404(db, scope, projectId);
  checkOpen(project);
  const tasks = await taskStore.selectTasks(db, scope.workspaceId, projectId);
  const task = tasks.find((t) => t.id === taskId);
  if (!task) throw AppError.notFound('task');
  if (opts.customer) {
    if (task.customer_owned !== 1) throw new AppError('forbidden', 'this task is not the customer’s');
    const allowed = new Set(['state', 'blockedReason']);
    const extra = Object.keys(patch).filter((k) => !allowed.has(k));
    if (extra.length)
      throw AppError.validation(`body.${extra[0]}`, 'the customer can only change the state of their tasks');
  }
  const today = opts.today ?? todayUtc();
  const now = nowIso();
  const set: Parameters<typeof taskStore.updateTask>[3] = { updated_at: now };
  const changes: Record<string, unknown> = {};
  let assignmentReason: { code: SlipReason; note: string | null } | undefined;

  if (patch.name !== undefined) set.name = changes.name = patch.name;
  if (patch.state !== undefined && patch.state !== task.state) {
    changes.state = { from: task.state, to: patch.state };
    set.state = patch.state;
    if (patch.state === 'blocked') {
      const reason = patch.blockedReason?.trim();
      if (!reason) throw AppError.validation('body.blockedReason', 'say what blocks the task');
      set.blocked_reason = reason;
      set.blocked_since = today;
      changes.blockedReason = reason;
    } else {
      set.blocked_reason = null;
      set.blocked_since = null;
    }
    if (patch.state === 'in_progress' && !task.started_on) set.started_on = today;
    if (patch.state === 'done') {
      const open = JSON.parse(task.depends_on) as string[];
      const waiting = tasks.filter((t) => open.includes(t.key) && t.state !== 'done');
      if (waiting.length)
        throw new AppError(
          'conflict',
          `"${task.name}" waits for ${waiting.map((t) => `"${t.name}"`).join(', ')}, not done yet`,
        );
      set.done_on = today;
      set.remaining_hours = 0;
      if (!task.started_on) set.started_on = today;
    } else if (task.state === 'done') {
      set.done_on = null;
      set.remaining_hours = patch.remainingHours ?? Math.max(task.effort_hours * 0.25, 1);
      changes.reopened = true;
    }
  } else if (patch.blockedReason !== undefined && task.state === 'blocked') {
    if (!patch.blockedReason?.trim()) throw AppError.validation('body.blockedReason', 'say what blocks the task');
    set.blocked_reason = changes.blockedReason = patch.blockedReason.trim();
  }
  if (patch.assigneeId !== undefined && patch.assigneeId !== task.assignee_id) {
    if (patch.assigneeId) {
      if (task.customer_owned === 1)
        throw AppError.validation(
          'body.assigneeId',
          'a customer task is done by the customer, not assigned to our people',
        );
      const person = (await store.selectResourceNames(db, scope.workspaceId)).find((r) => r.id === patch.assigneeId);
      if (!person || person.active !== 1)
        throw AppError.validation('body.assigneeId', 'no such active person in this workspace');
      if (scope.partnerId && person.partner_id !== scope.partnerId)
        throw AppError.validation('body.assigneeId', 'partner users assign only their own firm’s people');
      if (person.weekly_capacity_hours <= 0)
        throw AppError.validation('body.assigneeId', `${person.name} has no capacity (0 hours a week)`);
      changes.assignee = person.name;
      // A slip this assignment causes is the person's availability, unless the caller gave another reason or the
      // change also moves the work itself (estimates, dependencies, state), which may be the cause as much.
      if (!opts.slipReason && Object.keys(patch).every((k) => k === 'assigneeId' || k === 'name')) {
        const timeOff =
          (await listForecastResources(db, scope.workspaceId)).find((r) => r.id === person.id)?.timeOff ?? [];
        assignmentReason = assignmentSlipReason(person.name, timeOff, today, null);
      }
    } else changes.assignee = null;
    set.assignee_id = patch.assigneeId;
  }
  if (patch.remainingHours !== undefined && patch.state !== 'done') {
    set.remaining_hours = changes.remainingHours = patch.remainingHours;
  }
  let scopeChange: string | null = null;
  if (patch.effortHours !== undefined && patch.effortHours !== task.effort_hours) {
    changes.effortHours = { from: task.effort_hours, to: patch.effortHours };
    set.effort_hours = patch.effortHours;
    if (patch.remainingHours === undefined && task.state !== 'done')
      set.remaining_hours = Math.max(0, task.remaining_hours + patch.effortHours - task.effort_hours);
    if (patch.effortHours > task.effort_hours)
      scopeChange = `"${task.name}" grew from ${task.effort_hours} to ${patch.effortHours} hours`;
  }
  if (patch.durationDays !== undefined) set.duration_days = changes.durationDays = patch.durationDays;
  if (patch.dependsOn !== undefined) {
    const keys = new Set(tasks.map((t) => t.key));
    patch.dependsOn.forEach((k, i) => {
      if (!keys.has(k)) throw AppError.validation(`body.dependsOn[${i}]`, `no task "${k}" in this project`);
      if (k === task.key) throw AppError.validation(`body.dependsOn[${i}]`, 'a task cannot wait for itself');
    });
    const graph = tasks.map((t) => ({
      key: t.key,
      dependsOn: t.id === task.id ? patch.dependsOn! : (JSON.parse(t.depends_on) as string[]),
    }));
    const cycle = findCycle(graph);
    if (cycle) throw AppError.validation('body.dependsOn', `would make a dependency cycle: ${cycle.join(' → ')}`);
    set.depends_on = JSON.stringify(patch.dependsOn);
    changes.dependsOn = patch.dependsOn;
  }
  await taskStore.updateTask(db, scope.workspaceId, taskId, set);
  await store.bumpProject(db, scope.workspaceId, project, {});
  await logEvent(db, scope.workspaceId, projectId, who, 'task_updated', taskId, { task: task.name, ...changes });
  if (scopeChange)
    await logEvent(db, scope.workspaceId, projectId, who, 'scope_changed', taskId, { what: scopeChange });
  if ('type' in who && who.type !== 'customer') {
    await recordAudit(db, {
      workspaceId: scope.workspaceId,
      actor: who,
      action: 'project.task.update',
      entityType: 'project_task',
      entityId: taskId,
      before: { state: task.state, assigneeId: task.assignee_id },
      after: changes,
    });
  }
  const milestonesMoved = await completeMilestones(db, who, scope.workspaceId, project, today);
  await recomputeForecasts(db, scope.workspaceId, {
    today,
    actor: actorOf(who),
    slipReason: opts.slipReason ?? assignmentReason,
    touched: [projectId],
    datesChanged: milestonesMoved ? [projectId] : [],
  });
  return getProject(db, scope, projectId, today);
}

const actorOf = (who: Who): Actor =>
  who.type === 'customer' ? { type: 'system', id: null, label: `customer ${who.label}` } : who;

export interface NewTask {
  name: string;
  phase: string;
  ownerRole: string;
  customerOwned: boolean;
  type: string;
  effortHours: number;
  durationDays: number;
  dependsOn: string[];
  milestone: string | null;
  assigneeId: string | null;
}

/** Adds a task to a running plan: a scope change, recorded as such. */
export async function addTask(
  db: Db,
  actor: Actor,
  scope: Scope,
  projectId: string,
  input: NewTask,
  opts: ChangeOptions = {},
): Promise<ProjectDetail> {
  const project = await findProjectOr404(db, scope, projectId);
  checkOpen(project);
  const today = opts.today ?? todayUtc();
  const [tasks, milestones, roles] = await Promise.all([
    taskStore.selectTasks(db, scope.workspaceId, projectId),
    taskStore.selectMilestones(db, scope.workspaceId, projectId),
    knownRolesOf(db, scope.workspaceId),
  ]);
  const ownerRole = input.customerOwned ? CUSTOMER_ROLE : input.ownerRole;
  if (!input.customerOwned && !roles.includes(ownerRole))
    throw AppError.validation('body.ownerRole', `unknown delivery role "${ownerRole}"; known: ${roles.join(', ')}`);
  const keys = new Set(tasks.map((t) => t.key));
  input.dependsOn.forEach((k, i) => {
    if (!keys.has(k)) throw AppError.validation(`body.dependsOn[${i}]`, `no task "${k}" in this project`);
  });
  if (input.milestone && !milestones.some((m) => m.key === input.milestone))
    throw AppError.validation('body.milestone', `no milestone "${input.milestone}" in this project`);
  let key = slug(input.name);
  for (let n = 2; keys.has(key); n++) key = `${slug(input.name)}-${n}`;
  const id = newId();
  const now = nowIso();
  await taskStore.insertTasks(db, [
    taskStore.newTaskRow({
      id,
      workspaceId: scope.workspaceId,
      projectId,
      key,
      name: input.name,
      phase: input.phase,
      milestoneKey: input.milestone,
      type: input.type,
      ownerRole,
      customerOwned: input.customerOwned,
      effortHours: input.effortHours,
      durationDays: input.durationDays,
      dependsOn: input.dependsOn,
      sort: tasks.length,
      now,
    }),
  ]);
  await store.bumpProject(db, scope.workspaceId, project, {});
  const what = `task "${input.name}" added (${input.effortHours} h)`;
  await logEvent(db, scope.workspaceId, projectId, actor, 'task_added', id, {
    task: input.name,
    effortHours: input.effortHours,
  });
  await logEvent(db, scope.workspaceId, projectId, actor, 'scope_changed', id, { what });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'project.task.add',
    entityType: 'project_task',
    entityId: id,
    after: { ...input, key },
  });
  if (input.assigneeId) return updateTask(db, actor, scope, projectId, id, { assigneeId: input.assigneeId }, opts);
  // A milestone that was complete is no longer so when a task joins it.
  if (input.milestone) {
    const m = milestones.find((x) => x.key === input.milestone);
    if (m?.completed_on && m.completed_by === 'tasks')
      await taskStore.updateMilestone(db, scope.workspaceId, m.id, { completed_on: null, completed_by: null });
  }
  await recomputeForecasts(db, scope.workspaceId, {
    today,
    actor,
    slipReason: opts.slipReason,
    touched: [projectId],
  });
  return getProject(db, scope, projectId, today);
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'task';
