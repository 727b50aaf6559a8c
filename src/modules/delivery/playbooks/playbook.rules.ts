import { findCycle, topologicalOrder } from '../forecast/graph.ts';
import { CUSTOMER_ROLE, DEFAULT_DELIVERY_ROLES } from '../resources/roles.ts';
import type { PlaybookDefinition, PlaybookFile, PlaybookMilestone, PlaybookTask } from './playbook.ts';

/**
 * The rules of a playbook that its schema cannot say: unique keys, known references, no dependency cycle,
 * a first-value and a go-live milestone, owners that are known roles, some effort. Pure.
 *
 * Decisions kept here:
 * - Keys are unique per kind across the whole playbook (two phases cannot both have a task `kickoff`); a task
 *   and a milestone may share a key, since projects keep them in separate tables.
 * - A customer-owned task has owner role `customer`, and a task owned by `customer` is customer-owned: the two
 *   say the same thing, so they must agree. Customer tasks take calendar time but no capacity of ours.
 */

/** One problem, at the path of the field it is about (`definition.phases[1].tasks[0].dependsOn[0]`). */
export interface PlaybookProblem {
  path: string;
  message: string;
}

export interface CheckOptions {
  /** The delivery roles a task may name (besides `customer`); the defaults when not given. */
  roles?: readonly string[];
}

/** A task with where it sits in the playbook. */
export interface PlacedTask {
  task: PlaybookTask;
  phase: number;
  index: number;
  path: string;
}

export interface PlacedMilestone {
  milestone: PlaybookMilestone;
  phase: number;
  index: number;
  path: string;
}

/** Every task in playbook order, with its path. */
export function tasksOf(definition: PlaybookDefinition, prefix = 'definition'): PlacedTask[] {
  return definition.phases.flatMap((p, phase) =>
    p.tasks.map((task, index) => ({ task, phase, index, path: `${prefix}.phases[${phase}].tasks[${index}]` })),
  );
}

/** Every milestone in playbook order, with its path. */
export function milestonesOf(definition: PlaybookDefinition, prefix = 'definition'): PlacedMilestone[] {
  return definition.phases.flatMap((p, phase) =>
    p.milestones.map((milestone, index) => ({
      milestone,
      phase,
      index,
      path: `${prefix}.phases[${phase}].milestones[${index}]`,
    })),
  );
}

/** A zod-style path (`['definition', 'phases', 1, 'key']`) in the form problems use (`definition.phases[1].key`). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function duplicates<T>(
  items: readonly T[],
  keyOf: (t: T) => string,
  pathOf: (t: T) => string,
  what: string,
): PlaybookProblem[] {
  const first = new Map<string, string>();
  const problems: PlaybookProblem[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const seen = first.get(key);
    if (seen)
      problems.push({ path: `${pathOf(item)}.key`, message: `${what} key "${key}" is used twice (first at ${seen})` });
    else first.set(key, pathOf(item));
  }
  return problems;
}

/** Every cycle, each reported once at the dependency that closes it, so that one save shows them all. */
function cycleProblems(tasks: readonly PlacedTask[]): PlaybookProblem[] {
  const edges = new Map(tasks.map((t) => [t.task.key, [...t.task.dependsOn]]));
  const placed = new Map(tasks.map((t) => [t.task.key, t]));
  const problems: PlaybookProblem[] = [];
  for (let guard = 0; guard < 50; guard++) {
    const cycle = findCycle([...edges].map(([key, dependsOn]) => ({ key, dependsOn })));
    if (!cycle) break;
    const [from, to] = cycle as [string, string];
    const at = placed.get(from);
    const deps = edges.get(from) ?? [];
    const original = at ? at.task.dependsOn.indexOf(to) : -1;
    problems.push({
      path: at ? `${at.path}.dependsOn[${original}]` : 'definition.phases',
      message: `dependency cycle: ${cycle.join(' → ')} (each task waits for the next, so none can start)`,
    });
    edges.set(
      from,
      deps.filter((d) => d !== to),
    );
  }
  return problems;
}

/** The problems of a playbook file, in playbook order; an empty list means it can be saved. */
export function checkPlaybook(file: Pick<PlaybookFile, 'definition'>, options: CheckOptions = {}): PlaybookProblem[] {
  return checkDefinition(file.definition, options);
}

/** The problems of a definition, with paths starting at `prefix`. */
export function checkDefinition(
  definition: PlaybookDefinition,
  options: CheckOptions = {},
  prefix = 'definition',
): PlaybookProblem[] {
  const roles = new Set([...(options.roles ?? DEFAULT_DELIVERY_ROLES)]);
  const tasks = tasksOf(definition, prefix);
  const milestones = milestonesOf(definition, prefix);
  const taskKeys = new Set(tasks.map((t) => t.task.key));
  const milestoneKeys = new Set(milestones.map((m) => m.milestone.key));
  const problems: PlaybookProblem[] = [
    ...duplicates(
      definition.phases.map((p, i) => ({ key: p.key, i })),
      (p) => p.key,
      (p) => `${prefix}.phases[${p.i}]`,
      'phase',
    ),
    ...duplicates(
      tasks,
      (t) => t.task.key,
      (t) => t.path,
      'task',
    ),
    ...duplicates(
      milestones,
      (m) => m.milestone.key,
      (m) => m.path,
      'milestone',
    ),
  ];

  for (const { task, path } of tasks) {
    const seen = new Set<string>();
    task.dependsOn.forEach((dep, i) => {
      if (!taskKeys.has(dep))
        problems.push({ path: `${path}.dependsOn[${i}]`, message: `no task has the key "${dep}"` });
      else if (seen.has(dep)) problems.push({ path: `${path}.dependsOn[${i}]`, message: `"${dep}" is listed twice` });
      seen.add(dep);
    });
    if (task.milestone !== null && !milestoneKeys.has(task.milestone)) {
      problems.push({ path: `${path}.milestone`, message: `no milestone has the key "${task.milestone}"` });
    }
    if (task.ownerRole !== CUSTOMER_ROLE && !roles.has(task.ownerRole)) {
      problems.push({
        path: `${path}.ownerRole`,
        message: `"${task.ownerRole}" is not a delivery role; use one of ${[...roles, CUSTOMER_ROLE].join(', ')}`,
      });
    } else if (task.customerOwned && task.ownerRole !== CUSTOMER_ROLE) {
      problems.push({ path: `${path}.ownerRole`, message: `a customer-owned task has owner role "${CUSTOMER_ROLE}"` });
    } else if (!task.customerOwned && task.ownerRole === CUSTOMER_ROLE) {
      problems.push({
        path: `${path}.customerOwned`,
        message: `a task owned by "${CUSTOMER_ROLE}" is customer-owned: set customerOwned`,
      });
    }
  }

  problems.push(...cycleProblems(tasks));

  if (!milestoneKeys.has(definition.firstValueMilestone)) {
    problems.push({
      path: `${prefix}.firstValueMilestone`,
      message: `no milestone has the key "${definition.firstValueMilestone}": every playbook names the milestone that counts as first value`,
    });
  }
  if (!milestoneKeys.has(definition.goLiveMilestone)) {
    problems.push({
      path: `${prefix}.goLiveMilestone`,
      message: `no milestone has the key "${definition.goLiveMilestone}": name the milestone that is the go-live`,
    });
  }

  const reached = new Set(tasks.flatMap((t) => (t.task.milestone ? [t.task.milestone] : [])));
  for (const { milestone, path } of milestones) {
    if (!reached.has(milestone.key) && milestone.completionEvent === null) {
      problems.push({
        path,
        message: `milestone "${milestone.key}" can never be reached: give it at least one task or a completion event`,
      });
    }
  }

  if (tasks.length > 0 && totalEffortHours(definition) <= 0) {
    problems.push({
      path: `${prefix}.phases`,
      message: 'the tasks add up to no effort: give at least one task an effort in hours',
    });
  }
  return problems;
}

/** All the effort the playbook plans, ours and the customer's, in hours. */
export const totalEffortHours = (definition: PlaybookDefinition): number =>
  definition.phases.reduce((sum, p) => sum + p.tasks.reduce((s, t) => s + t.effortHours, 0), 0);

/** How many tasks the playbook has. */
export const taskCount = (definition: PlaybookDefinition): number =>
  definition.phases.reduce((n, p) => n + p.tasks.length, 0);

/**
 * Our people's effort by delivery role, in hours: what one more project from this playbook asks of the
 * capacity plan. Customer-owned tasks are left out: they take the customer's time, not ours.
 */
export function effortByRole(definition: PlaybookDefinition): Record<string, number> {
  // Role names are the workspace's own (`constructor` is a valid one): no prototype to find them on.
  const out: Record<string, number> = Object.create(null);
  for (const p of definition.phases) {
    for (const t of p.tasks) {
      if (t.customerOwned || t.ownerRole === CUSTOMER_ROLE) continue;
      out[t.ownerRole] = (out[t.ownerRole] ?? 0) + t.effortHours;
    }
  }
  return out;
}

/**
 * A typical duration in working days: the longest chain of durations through the dependencies, as if every
 * task started the day its last dependency finished and nobody waited for people. The pipeline spreads a
 * deal's demand over this many days. A definition with a cycle (never saved) falls back to the sum.
 */
export function typicalDurationDays(definition: PlaybookDefinition): number {
  const tasks = definition.phases.flatMap((p) => p.tasks);
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  let order: string[];
  try {
    order = topologicalOrder(tasks);
  } catch {
    return tasks.reduce((s, t) => s + t.durationDays, 0);
  }
  const finish = new Map<string, number>();
  for (const key of order) {
    const task = byKey.get(key) as PlaybookTask;
    const start = Math.max(0, ...task.dependsOn.map((d) => finish.get(d) ?? 0));
    finish.set(key, start + task.durationDays);
  }
  return Math.max(0, ...finish.values());
}
