import {
  dailyCapacityHours,
  nextWorkingDay,
  nthWorkingDay,
  resourceCalendar,
  toDay,
  toIso,
  weekStart,
  type WorkCalendar,
  workspaceCalendar,
} from './calendar.ts';
import { CapacityLane, EPSILON_HOURS } from './capacity-lane.ts';
import { markCritical } from './critical-path.ts';
import { ForecastError } from './forecast-error.ts';
import type {
  ForecastInput,
  ForecastProject,
  ForecastResource,
  ForecastResult,
  ForecastTask,
  ProjectForecast,
  TaskForecast,
} from './forecast.types.ts';
import { ProjectBuffers } from './task-order.ts';
import { WeekTotals } from './week-totals.ts';

export { ForecastError } from './forecast-error.ts';

/**
 * The delivery forecast: every active project of a workspace scheduled together, because one person works on
 * several projects and must not be counted twice.
 *
 * Rules (the tests state each with dates):
 * - Projects book people in `priority` order (lower first, then input order); each project books all its
 *   tasks before the next one starts booking. A later project fills the days an earlier one left free.
 * - Within a project, tasks go in dependency order, the longest remaining path first (`task-order.ts`).
 * - A task starts no earlier than today, the project's `startOn`, and the day AFTER the finish of each
 *   dependency (finish is the last day worked, so the successor begins the next day; it then moves on to
 *   the next day its calendar allows).
 * - An assigned task books its assignee's free hours (weekly capacity / working weekdays per working day,
 *   never on holidays or time off), as early as it can, all of a day's free hours if it needs them. It
 *   finishes on the day its remaining hours are covered, but not before `durationDays` working days of the
 *   assignee counted from its start. For a task already under way (`in_progress`, or `blocked` with a
 *   `startedOn`) the count starts at `startedOn`: the days already spent count towards the floor, and its
 *   reported start stays `startedOn`.
 * - An unassigned task takes `unassignedHoursPerDay` on workspace working days (Mon–Fri minus holidays)
 *   without booking anyone; a customer task takes its `durationDays` workspace working days and no hours.
 * - A blocked task is scheduled as if it resumes today. A done task keeps `doneOn` as its finish (the day
 *   before today when it has none, so it holds nothing up) and books nothing.
 * - A task with no one able to do it within three years, an unknown assignee, a dependency cycle or a bad
 *   date throws a `ForecastError` naming the project, the task and the person.
 *
 * Cost: linear in tasks × days booked (each person's free days are found through `CapacityLane`).
 */
export function forecastWorkspace(input: ForecastInput): ForecastResult {
  const today = parseDay(input.today, 'today', null);
  const holidays = new Set(input.holidays.map((h) => parseDay(h, 'holiday', null)));
  const firstMonday = weekStart(today);
  const ctx: Context = {
    today,
    weekOffset: today - firstMonday,
    workspace: workspaceCalendar(holidays),
    people: new Map(input.resources.map((r) => [r.id, person(r, holidays, today)])),
    roleWeeks: new Map(),
    unassignedHoursPerDay: input.unassignedHoursPerDay,
    isoCache: new Map(),
    buffers: new ProjectBuffers(),
    estimate: (t) => estimateDays(t, ctx),
  };

  const byPriority = input.projects
    .map((_, i) => i)
    .sort((a, b) => input.projects[a]!.priority - input.projects[b]!.priority || a - b);
  const projects: ProjectForecast[] = new Array(input.projects.length);
  for (const i of byPriority) projects[i] = scheduleProject(input.projects[i]!, ctx);

  const loadByResourceWeek = new Map<string, Map<string, number>>();
  for (const [id, p] of ctx.people) {
    const weeks = p.weeks.toMap(firstMonday);
    if (weeks.size > 0) loadByResourceWeek.set(id, weeks);
  }
  const result: ForecastResult = {
    projects,
    demandByRoleWeek: new Map([...ctx.roleWeeks].map(([role, weeks]) => [role, weeks.toMap(firstMonday)])),
    loadByResourceWeek,
  };
  if (input.dailyLoad) result.load = dailyLoad(ctx);
  return result;
}

/** One project forecast on its own, as if no one had other work: for tests and what-if previews. */
export function forecastProjectAlone(project: ForecastProject, rest: Omit<ForecastInput, 'projects'>): ProjectForecast {
  return forecastWorkspace({ ...rest, projects: [project] }).projects[0]!;
}

interface Person {
  id: string;
  cal: WorkCalendar;
  daily: number;
  lane: CapacityLane;
  weeks: WeekTotals;
}

interface Context {
  today: number;
  /** Days from the Monday of today's week to today: week index of day offset i is ((i + weekOffset) / 7) | 0. */
  weekOffset: number;
  workspace: WorkCalendar;
  people: Map<string, Person>;
  roleWeeks: Map<string, WeekTotals>;
  unassignedHoursPerDay: number;
  isoCache: Map<number, string>;
  buffers: ProjectBuffers;
  estimate: (t: ForecastTask) => number;
}

function person(r: ForecastResource, holidays: ReadonlySet<number>, today: number): Person {
  let cal: WorkCalendar;
  try {
    cal = resourceCalendar(r, holidays);
  } catch (e) {
    throw new ForecastError('invalid_date', `time off of resource ${r.id}: ${(e as Error).message}`, {
      resourceId: r.id,
    });
  }
  const daily = dailyCapacityHours(r);
  return { id: r.id, cal, daily, lane: new CapacityLane(cal, daily, today), weeks: new WeekTotals() };
}

function parseDay(value: string, field: string, projectId: string | null): number {
  try {
    return toDay(value);
  } catch {
    const what = projectId === null ? field : `project ${projectId} ${field}`;
    throw new ForecastError('invalid_date', `${what} is not a YYYY-MM-DD date: ${String(value)}`, { projectId });
  }
}

function taskDay(value: string, field: string, t: ForecastTask, project: ForecastProject): number {
  try {
    return toDay(value);
  } catch {
    throw new ForecastError('invalid_date', `task ${t.key} ${field} is not a YYYY-MM-DD date: ${String(value)}`, {
      projectId: project.id,
      taskId: t.id,
    });
  }
}

function iso(ctx: Context, day: number): string {
  let s = ctx.isoCache.get(day);
  if (s === undefined) ctx.isoCache.set(day, (s = toIso(day)));
  return s;
}

function roleWeeks(ctx: Context, role: string): WeekTotals {
  let w = ctx.roleWeeks.get(role);
  if (!w) ctx.roleWeeks.set(role, (w = new WeekTotals()));
  return w;
}

function scheduleProject(project: ForecastProject, ctx: Context): ProjectForecast {
  const { tasks } = project;
  const n = tasks.length;
  const projectStart = parseDay(project.startOn, 'startOn', project.id);
  const b = ctx.buffers;
  b.order(project, ctx.estimate);
  const { start, finish, earliest, workStart, done, depStart, depList, sequence } = b;

  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    if (t.state !== 'done') continue;
    done[i] = 1;
    finish[i] = t.doneOn ? taskDay(t.doneOn, 'doneOn', t, project) : ctx.today - 1;
    start[i] = t.startedOn ? Math.min(taskDay(t.startedOn, 'startedOn', t, project), finish[i]!) : finish[i]!;
  }

  for (let s = 0; s < b.sequenceLength; s++) {
    const i = sequence[s]!;
    const t = tasks[i]!;
    let from = Math.max(projectStart, ctx.today);
    for (let e = depStart[i]!; e < depStart[i + 1]!; e++)
      if (finish[depList[e]!]! + 1 > from) from = finish[depList[e]!]! + 1;
    const started = t.state !== 'todo' && t.startedOn ? taskDay(t.startedOn, 'startedOn', t, project) : null;
    if (started !== null && started > from) from = started;
    earliest[i] = from;
    scheduleTask(t, project.id, from, started, ctx, i);
    start[i] = started !== null ? Math.min(started, workStart[i]!) : workStart[i]!;
  }

  let projectFinish = n === 0 ? Math.max(projectStart, ctx.today) : finish[0]!;
  for (let i = 1; i < n; i++) if (finish[i]! > projectFinish) projectFinish = finish[i]!;
  // The critical path decides the go-live: the go-live tasks' last finish when the plan names them, else the last task's.
  const goLive = project.goLiveTasks === undefined ? null : new Set(project.goLiveTasks);
  let target = projectFinish;
  if (goLive !== null) {
    target = -Infinity;
    for (let i = 0; i < n; i++) if (goLive.has(tasks[i]!.key) && finish[i]! > target) target = finish[i]!;
  }
  markCritical(b, target, goLive === null ? () => true : (i) => goLive.has(tasks[i]!.key), (i) => {
    const t = tasks[i]!;
    const cal = t.assigneeId !== null && !t.customerOwned ? ctx.people.get(t.assigneeId)!.cal : ctx.workspace;
    return nextWorkingDay(cal, earliest[i]!) === workStart[i];
  });
  const out: TaskForecast[] = new Array(n);
  for (let i = 0; i < n; i++)
    out[i] = {
      id: tasks[i]!.id,
      start: iso(ctx, start[i]!),
      finish: iso(ctx, finish[i]!),
      critical: b.critical[i] === 1,
    };
  return { id: project.id, finish: iso(ctx, projectFinish), tasks: out };
}

/** Working days a task will take, for ordering only (the longest remaining path goes first). */
function estimateDays(t: ForecastTask, ctx: Context): number {
  if (t.state === 'done') return 0;
  if (t.customerOwned) return t.durationDays;
  const perDay = t.assigneeId !== null ? (ctx.people.get(t.assigneeId)?.daily ?? 0) : ctx.unassignedHoursPerDay;
  return perDay > 0 ? Math.max(t.durationDays, Math.ceil(t.remainingHours / perDay)) : t.durationDays;
}

function noCapacity(t: ForecastTask, projectId: string, resourceId: string | null, who: string): ForecastError {
  return new ForecastError(
    'no_capacity',
    `task ${t.key} of project ${projectId} cannot be scheduled: ${who} has no working hours within three years`,
    {
      projectId,
      taskId: t.id,
      resourceId,
    },
  );
}

/** Schedules task i from day `from`, booking hours as it goes; sets its `workStart` and `finish` in the buffers. */
function scheduleTask(
  t: ForecastTask,
  projectId: string,
  from: number,
  started: number | null,
  ctx: Context,
  i: number,
): void {
  const hours = t.remainingHours > EPSILON_HOURS ? t.remainingHours : 0;
  const b = ctx.buffers;

  if (t.customerOwned || t.assigneeId === null) {
    const cal = ctx.workspace;
    const workStart = nextWorkingDay(cal, from);
    let last = workStart;
    if (!t.customerOwned && hours > 0) {
      const perDay = ctx.unassignedHoursPerDay;
      if (!(perDay > 0)) throw noCapacity(t, projectId, null, 'unassigned work (unassignedHoursPerDay is 0)');
      const weeks = roleWeeks(ctx, t.ownerRole);
      for (let left = hours; ;) {
        const h = left < perDay ? left : perDay;
        weeks.add(((last - ctx.today + ctx.weekOffset) / 7) | 0, h);
        left -= h;
        if (left <= EPSILON_HOURS) break;
        last = nextWorkingDay(cal, last + 1);
      }
    }
    b.workStart[i] = workStart;
    b.finish[i] = Math.max(last, nthWorkingDay(cal, started ?? workStart, t.durationDays));
    return;
  }

  const p = ctx.people.get(t.assigneeId);
  if (!p) {
    throw new ForecastError(
      'unknown_resource',
      `task ${t.key} of project ${projectId} is assigned to ${t.assigneeId}, who is not an active resource`,
      {
        projectId,
        taskId: t.id,
        resourceId: t.assigneeId,
      },
    );
  }
  let workStart: number;
  let last: number;
  if (hours > 0) {
    if (p.daily <= 0) throw noCapacity(t, projectId, p.id, `resource ${p.id}`);
    const lane = p.lane;
    const weeks = roleWeeks(ctx, t.ownerRole);
    let d = lane.firstFree(from - ctx.today);
    if (d < 0) throw noCapacity(t, projectId, p.id, `resource ${p.id}`);
    workStart = ctx.today + d;
    for (let left = hours; ;) {
      const h = lane.take(d, left);
      const week = ((d + ctx.weekOffset) / 7) | 0;
      weeks.add(week, h);
      p.weeks.add(week, h);
      left -= h;
      if (left <= EPSILON_HOURS) break;
      d = lane.firstFree(d + 1);
      if (d < 0) throw noCapacity(t, projectId, p.id, `resource ${p.id}`);
    }
    last = ctx.today + d;
  } else {
    workStart = last = nextWorkingDay(p.cal, from);
    if (workStart < 0) throw noCapacity(t, projectId, p.id, `resource ${p.id}`);
  }
  const floor = nthWorkingDay(p.cal, started ?? workStart, t.durationDays);
  if (floor < 0) throw noCapacity(t, projectId, p.id, `resource ${p.id}`);
  b.workStart[i] = workStart;
  b.finish[i] = Math.max(last, floor);
}

/** Hours booked per person per day, from the lanes (only on request: a map entry per person-day is costly). */
function dailyLoad(ctx: Context): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [id, p] of ctx.people) {
    const days = new Map<string, number>();
    for (let i = 0; i < p.lane.days; i++) {
      const h = p.lane.booked(i);
      if (h > EPSILON_HOURS) days.set(iso(ctx, ctx.today + i), h);
    }
    if (days.size > 0) out.set(id, days);
  }
  return out;
}
