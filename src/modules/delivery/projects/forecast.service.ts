/**
 * Recomputes the forecast of every planned project of a workspace at once (people are shared across projects),
 * writes back what changed, records slips when a forecast moves past its promise, and re-evaluates the
 * delivery signals of the projects it touched.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { ForecastError, forecastWorkspace } from '../forecast/forecast.ts';
import type { ForecastInput, ForecastProject, ForecastResult, TaskState } from '../forecast/forecast.types.ts';
import { listForecastResources, listHolidays } from '../resources/availability.service.ts';
import { forecastGoLiveOf, slipOf, type SlipReason } from './project.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import * as timelineStore from './timeline.store.ts';
import { publishProjectDatesChanged } from './project-dates.events.ts';
import { evaluateProjectSignals } from './project-signals.service.ts';
import { logEvent } from './timeline.service.ts';

/** Hours a day assumed for a task nobody is assigned to yet. */
const UNASSIGNED_HOURS_PER_DAY = 6;
/** Once past the promise, a forecast records a new slip only when it moves this many days further. */
const SLIP_STEP_DAYS = 5;
/** Who the timeline says moved a forecast. */
const FORECAST: Actor = { type: 'system', id: null, label: 'forecast' };

export interface RecomputeOptions {
  today: string;
  actor: Actor;
  /** The reason given with the change that caused a slip, applied to the slips it records. */
  slipReason?: { code: SlipReason; note: string | null };
  /** Projects whose signals must be re-evaluated even if their forecast did not move. */
  touched?: readonly string[];
  /**
   * Projects whose dates the caller moved (a slip or a promise recorded, a milestone reached, a kickoff or
   * go-live): said in `delivery.project-dates-changed` with those whose forecast moved here.
   */
  datesChanged?: readonly string[];
  /** The request field to name when a task cannot be planned (a person's capacity, time off …). */
  errorField?: string;
}

export interface RecomputeOutcome {
  projects: number;
  changed: number;
  slips: Array<{ projectId: string; slipId: string; days: number; explained: boolean }>;
  millis: number;
}

/** Everything the forecast needs, read once: planned projects with their tasks and milestones, people, holidays. */
export async function loadForecastInput(db: Db, workspaceId: string, today: string) {
  const projects = await store.selectPlannedProjects(db, workspaceId);
  const tasks = await taskStore.selectForecastTasks(
    db,
    workspaceId,
    projects.map((p) => p.id),
  );
  const milestones = await taskStore.selectMilestonesOfProjects(
    db,
    workspaceId,
    projects.map((p) => p.id),
  );
  const [resources, holidays] = await Promise.all([
    listForecastResources(db, workspaceId),
    listHolidays(db, workspaceId),
  ]);
  const active = new Set(resources.map((r) => r.id));

  const tasksByProject = new Map<string, taskStore.ForecastTaskRow[]>();
  for (const t of tasks)
    (tasksByProject.get(t.project_id) ?? tasksByProject.set(t.project_id, []).get(t.project_id)!).push(t);

  const goLiveMilestones = new Map(milestones.filter((m) => m.go_live === 1).map((m) => [m.project_id, m]));
  /** The go-live milestone's tasks (none when it is reached); undefined when there is no such milestone or it has no tasks. */
  const goLiveTasksOf = (projectId: string): string[] | undefined => {
    const m = goLiveMilestones.get(projectId);
    if (!m) return undefined;
    if (m.completed_on) return [];
    const own = (tasksByProject.get(projectId) ?? []).filter((t) => t.milestone_key === m.key).map((t) => t.key);
    return own.length ? own : undefined;
  };
  const startOf = (p: store.ProjectRow) => p.kickoff_on ?? p.planned_kickoff_on ?? p.accepted_on;
  const ordered = [...projects].sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.id.localeCompare(b.id));
  const planned: ForecastProject[] = ordered.map((p, i) => ({
    id: p.id,
    startOn: maxDay(p.kickoff_on ?? p.planned_kickoff_on ?? today, today),
    priority: i,
    tasks: (tasksByProject.get(p.id) ?? []).map((t) => ({
      id: t.id,
      key: t.key,
      dependsOn: JSON.parse(t.depends_on) as string[],
      state: t.state as TaskState,
      remainingHours: t.state === 'done' ? 0 : t.remaining_hours,
      durationDays: t.duration_days,
      // Someone no longer active plans nothing: their open tasks are planned as unassigned until reassigned.
      assigneeId: t.assignee_id && active.has(t.assignee_id) ? t.assignee_id : null,
      ownerRole: t.owner_role,
      customerOwned: t.customer_owned === 1,
      doneOn: t.done_on,
      startedOn: t.started_on,
    })),
    // The critical path is the chain deciding the go-live milestone (as forecastGoLiveOf dates it), not hypercare after it.
    goLiveTasks: goLiveTasksOf(p.id),
  }));
  const input: ForecastInput = {
    today,
    projects: planned,
    resources,
    holidays,
    unassignedHoursPerDay: UNASSIGNED_HOURS_PER_DAY,
  };
  return { projects, tasks, milestones, tasksByProject, input };
}

export async function recomputeForecasts(
  db: Db,
  workspaceId: string,
  opts: RecomputeOptions,
): Promise<RecomputeOutcome> {
  const started = performance.now();
  const { projects, tasks, milestones, tasksByProject, input } = await loadForecastInput(db, workspaceId, opts.today);

  const result = forecastOrExplain(input, tasks, opts.errorField);

  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const milestonesByProject = new Map<string, taskStore.MilestoneRow[]>();
  for (const m of milestones)
    (milestonesByProject.get(m.project_id) ?? milestonesByProject.set(m.project_id, []).get(m.project_id)!).push(m);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const slipsByProject = await slipsOf(
    db,
    workspaceId,
    projects.map((p) => p.id),
  );
  const now = nowIso();
  const outcome: RecomputeOutcome = { projects: projects.length, changed: 0, slips: [], millis: 0 };
  const changedProjects: string[] = [];
  const moved: Array<{ id: string; start: string; finish: string; critical: number }> = [];

  for (const pf of result.projects) {
    const p = byId.get(pf.id)!;
    const finishByKey = new Map<string, string>();
    for (const tf of pf.tasks) {
      const row = taskById.get(tf.id)!;
      finishByKey.set(row.key, tf.finish);
      const critical = tf.critical ? 1 : 0;
      if (row.forecast_start !== tf.start || row.forecast_finish !== tf.finish || row.critical !== critical)
        moved.push({ id: tf.id, start: tf.start, finish: tf.finish, critical });
    }
    let firstValue: string | null = null;
    let goLiveMilestone: string | null = null;
    for (const m of milestonesByProject.get(p.id) ?? []) {
      const own = (tasksByProject.get(p.id) ?? []).filter((t) => t.milestone_key === m.key);
      const forecastOn =
        m.completed_on ??
        (own.length
          ? own
              .map((t) => finishByKey.get(t.key) ?? '')
              .sort()
              .at(-1)!
          : null);
      if (m.first_value === 1) firstValue = m.completed_on ?? forecastOn;
      if (m.go_live === 1) goLiveMilestone = forecastOn;
      if (forecastOn !== m.forecast_on)
        await taskStore.updateMilestone(db, workspaceId, m.id, { forecast_on: forecastOn });
    }
    // Go-live is the go-live milestone's day: work planned after it (hypercare, a check-in) does not move it.
    const goLive = forecastGoLiveOf(goLiveMilestone, pf.finish);
    if (goLive !== p.forecast_go_live || firstValue !== p.forecast_first_value) {
      outcome.changed++;
      changedProjects.push(p.id);
      await store.updateProject(db, workspaceId, p.id, {
        forecast_go_live: goLive,
        forecast_first_value: firstValue,
        forecast_computed_at: now,
      });
      await logEvent(db, workspaceId, p.id, FORECAST, 'forecast_changed', null, {
        from: p.forecast_go_live,
        to: goLive,
        promised: p.promised_go_live,
      });
    }
    // Checked whether or not the forecast moved: a promise brought forward past the forecast is a slip too.
    const slip = await recordSlipIfDue(db, workspaceId, p, goLive, slipsByProject.get(p.id) ?? [], {
      actor: FORECAST,
      explainedBy: opts.actor,
      reason: opts.slipReason,
      now,
    });
    if (slip) {
      if (!changedProjects.includes(p.id)) changedProjects.push(p.id);
      outcome.slips.push({ projectId: p.id, ...slip });
    }
  }
  await taskStore.updateTaskForecasts(db, workspaceId, moved);
  const evaluate = new Set([...changedProjects, ...(opts.touched ?? [])]);
  await evaluateProjectSignals(db, workspaceId, [...evaluate], opts.today);
  await publishDatesOf(db, workspaceId, [...new Set([...changedProjects, ...(opts.datesChanged ?? [])])], byId);
  outcome.millis = Math.round(performance.now() - started);
  return outcome;
}

/** Publishes the projects whose dates moved, reading those no longer planned (gone live, closed) by id. */
async function publishDatesOf(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  planned: ReadonlyMap<string, store.ProjectRow>,
): Promise<void> {
  if (ids.length === 0) return;
  const others = ids.filter((id) => !planned.has(id));
  const rows = [
    ...ids.flatMap((id) => planned.get(id) ?? []),
    ...(others.length ? await store.selectProjectsByIds(db, workspaceId, others) : []),
  ];
  await publishProjectDatesChanged(db, workspaceId, rows);
}

/** Runs the forecast; a task nobody can do in the planning window becomes a clear validation error naming it. */
export function forecastOrExplain(
  input: ForecastInput,
  tasks: ReadonlyArray<Pick<taskStore.TaskRow, 'id' | 'name'>>,
  field = 'body.assigneeId',
): ForecastResult {
  try {
    return forecastWorkspace(input);
  } catch (e) {
    if (e instanceof ForecastError) {
      const task = tasks.find((t) => t.id === e.taskId);
      throw new AppError('validation', `task "${task?.name ?? e.taskId}" cannot be planned: ${e.reason}`, {
        fieldErrors: [{ field, message: `the assignee has no working capacity in the planning window (${e.reason})` }],
      });
    }
    throw e;
  }
}

async function slipsOf(
  db: Db,
  workspaceId: string,
  projectIds: readonly string[],
): Promise<Map<string, timelineStore.SlipRow[]>> {
  const out = new Map<string, timelineStore.SlipRow[]>();
  for (const s of await timelineStore.selectSlipsOfProjects(db, workspaceId, projectIds))
    (out.get(s.project_id) ?? out.set(s.project_id, []).get(s.project_id)!).push(s); // ordered by recorded_at
  return out;
}

/**
 * Records a slip when `forecast` (the go-live as now forecast, or the actual go-live) lies past the promise and
 * no slip against the current promise explains it yet (slip rule: `slipOf`). Slips recorded against an earlier
 * promise do not count: an agreed new promise starts its own account of slips. So a project shown late always
 * has at least one slip against its promise.
 */
export async function recordSlipIfDue(
  db: Db,
  workspaceId: string,
  p: Pick<store.ProjectRow, 'id' | 'promised_go_live' | 'forecast_go_live'>,
  forecast: string | null,
  slips: readonly timelineStore.SlipRow[],
  opts: { actor: Actor; explainedBy: Actor; reason?: { code: SlipReason; note: string | null }; now: string },
): Promise<{ slipId: string; days: number; explained: boolean } | null> {
  if (!p.promised_go_live) return null;
  const current = slips.filter((s) => s.promised_go_live === p.promised_go_live);
  const slip = slipOf({
    promised: p.promised_go_live,
    previousForecast: current.length ? p.forecast_go_live : null,
    newForecast: forecast,
    lastSlipTo: current.at(-1)?.to_forecast ?? null,
    stepDays: SLIP_STEP_DAYS,
  });
  if (!slip || !forecast) return null;
  const id = newId();
  const reason = opts.reason;
  await timelineStore.insertSlip(db, {
    id,
    workspace_id: workspaceId,
    project_id: p.id,
    recorded_at: opts.now,
    promised_go_live: p.promised_go_live,
    from_forecast: p.forecast_go_live,
    to_forecast: forecast,
    days: slip.days,
    reason_code: reason?.code ?? null,
    note: reason?.note ?? null,
    explained_by_label: reason ? opts.explainedBy.label : null,
    explained_at: reason ? opts.now : null,
  });
  await logEvent(db, workspaceId, p.id, opts.actor, 'slipped', null, {
    slipId: id,
    days: slip.days,
    from: p.forecast_go_live,
    to: forecast,
    promised: p.promised_go_live,
    reason: reason?.code ?? null,
  });
  return { slipId: id, days: slip.days, explained: Boolean(reason) };
}

const maxDay = (a: string, b: string): string => (a > b ? a : b);
