/**
 * Services economics (DESIGN §5), pure: hours, delivery cost, services revenue and margin of a project,
 * estimate accuracy by task type, rework, and people's utilization over a date range.
 */

import type { CommercialModel } from '../projects/project.ts';

export type { CommercialModel };

export interface EconEntry {
  resourceId: string;
  taskId: string | null;
  date: string;
  hours: number;
  billable: boolean;
  rework: boolean;
}

export interface EconRates {
  costRate: number;
  billRate: number;
}

export interface EconTask {
  id: string;
  taskType: string;
  effortHours: number;
  /** Who the task is assigned to: rework on it is costed at their rate. */
  assigneeId?: string | null;
}

/** Rework recorded on a project with its cause (hours spent redoing work). */
export interface EconRework {
  taskId: string | null;
  hours: number;
  cause: string;
}

export interface ReworkByCause {
  cause: string;
  /** Rework records with this cause. */
  records: number;
  hours: number;
  /** Hours × the cost rate of the task's assignee; else the project's average cost of an hour logged. */
  cost: number;
}

export interface EconProject {
  id: string;
  name: string;
  status: string;
  commercialModel: string | null;
  servicesFee: number | null;
  currency: string;
}

export interface HoursBreakdown {
  total: number;
  billable: number;
  nonBillable: number;
  rework: number;
}

export interface EstimateAccuracy {
  taskType: string;
  /** Tasks of this type with time logged on them. */
  tasks: number;
  estimatedHours: number;
  actualHours: number;
  /** actual / estimated: above 1 took longer than estimated; null when nothing was estimated. */
  ratio: number | null;
}

export interface ProjectEconomics {
  projectId: string;
  name: string;
  status: string;
  currency: string;
  commercialModel: CommercialModel;
  hours: HoursBreakdown;
  deliveryCost: number;
  revenue: number;
  /** (revenue − cost) / revenue; null without revenue. */
  margin: number | null;
  estimateAccuracy: EstimateAccuracy[];
  /**
   * `hours` and `share`: time entries flagged as rework, against all hours logged. `byCause`: rework recorded
   * with its cause, hours and cost per cause (largest cost first); `recordedHours` / `recordedCost` their sums.
   */
  rework: {
    hours: number;
    share: number | null;
    byCause: ReworkByCause[];
    recordedHours: number;
    recordedCost: number;
  };
}

const money = (n: number) => Math.round(n * 100) / 100;
const ratio = (n: number) => Math.round(n * 10_000) / 10_000;

/** A project with a fee and no model is a fixed fee; one with neither is time and materials. */
export const modelOf = (p: Pick<EconProject, 'commercialModel' | 'servicesFee'>): CommercialModel =>
  p.commercialModel === 'fixed_fee' || p.commercialModel === 'time_and_materials'
    ? p.commercialModel
    : p.servicesFee !== null
      ? 'fixed_fee'
      : 'time_and_materials';

export function hoursOf(entries: readonly EconEntry[]): HoursBreakdown {
  let total = 0;
  let billable = 0;
  let rework = 0;
  for (const e of entries) {
    total += e.hours;
    if (e.billable) billable += e.hours;
    if (e.rework) rework += e.hours;
  }
  return {
    total: money(total),
    billable: money(billable),
    nonBillable: money(total - billable),
    rework: money(rework),
  };
}

/** Actual against estimated hours per task type, over the tasks that have time logged. */
export function estimateAccuracy(entries: readonly EconEntry[], tasks: readonly EconTask[]): EstimateAccuracy[] {
  const actual = new Map<string, number>();
  for (const e of entries) if (e.taskId) actual.set(e.taskId, (actual.get(e.taskId) ?? 0) + e.hours);
  const byType = new Map<string, { tasks: number; estimated: number; actual: number }>();
  for (const t of tasks) {
    const hours = actual.get(t.id);
    if (hours === undefined) continue;
    const acc = byType.get(t.taskType) ?? { tasks: 0, estimated: 0, actual: 0 };
    acc.tasks += 1;
    acc.estimated += t.effortHours;
    acc.actual += hours;
    byType.set(t.taskType, acc);
  }
  return [...byType]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([taskType, a]) => ({
      taskType,
      tasks: a.tasks,
      estimatedHours: money(a.estimated),
      actualHours: money(a.actual),
      ratio: a.estimated > 0 ? ratio(a.actual / a.estimated) : null,
    }));
}

/**
 * A project's economics from its time entries and the people's current rates. Revenue is the fee of a fixed
 * fee project, or billable hours × bill rate under time and materials; cost is every hour × cost rate.
 */
export function projectEconomics(
  project: EconProject,
  entries: readonly EconEntry[],
  rates: ReadonlyMap<string, EconRates>,
  tasks: readonly EconTask[],
  rework: readonly EconRework[] = [],
): ProjectEconomics {
  const model = modelOf(project);
  let cost = 0;
  let billed = 0;
  for (const e of entries) {
    const r = rates.get(e.resourceId) ?? { costRate: 0, billRate: 0 };
    cost += e.hours * r.costRate;
    if (e.billable) billed += e.hours * r.billRate;
  }
  const revenue = model === 'fixed_fee' ? (project.servicesFee ?? 0) : billed;
  const hours = hoursOf(entries);
  return {
    projectId: project.id,
    name: project.name,
    status: project.status,
    currency: project.currency,
    commercialModel: model,
    hours,
    deliveryCost: money(cost),
    revenue: money(revenue),
    margin: revenue > 0 ? ratio((revenue - cost) / revenue) : null,
    estimateAccuracy: estimateAccuracy(entries, tasks),
    rework: {
      hours: hours.rework,
      share: hours.total > 0 ? ratio(hours.rework / hours.total) : null,
      ...reworkByCause(rework, tasks, rates, hours.total > 0 ? cost / hours.total : 0),
    },
  };
}

/**
 * Recorded rework per cause, costed: at the cost rate of the task's assignee where the rework names an assigned
 * task, else at `averageHourCost` (the project's delivery cost per hour logged; 0 when nothing was logged).
 */
export function reworkByCause(
  rework: readonly EconRework[],
  tasks: readonly EconTask[],
  rates: ReadonlyMap<string, EconRates>,
  averageHourCost: number,
): { byCause: ReworkByCause[]; recordedHours: number; recordedCost: number } {
  const assignee = new Map(tasks.map((t) => [t.id, t.assigneeId ?? null]));
  const by = new Map<string, { records: number; hours: number; cost: number }>();
  for (const r of rework) {
    const who = r.taskId ? assignee.get(r.taskId) : null;
    const rate = who && rates.has(who) ? rates.get(who)!.costRate : averageHourCost;
    const acc = by.get(r.cause) ?? { records: 0, hours: 0, cost: 0 };
    acc.records += 1;
    acc.hours += r.hours;
    acc.cost += r.hours * rate;
    by.set(r.cause, acc);
  }
  const byCause = [...by]
    .map(([cause, a]) => ({ cause, records: a.records, hours: money(a.hours), cost: money(a.cost) }))
    .sort((a, b) => b.cost - a.cost || b.hours - a.hours || a.cause.localeCompare(b.cause));
  return {
    byCause,
    recordedHours: money(byCause.reduce((s, c) => s + c.hours, 0)),
    recordedCost: money(byCause.reduce((s, c) => s + c.cost, 0)),
  };
}

export interface EconomicsTotals {
  hours: HoursBreakdown;
  deliveryCost: number;
  revenue: number;
  margin: number | null;
  /** Recorded rework of every project, per cause. */
  reworkByCause: Array<Omit<ReworkByCause, 'records'> & { records: number }>;
}

/** Totals over projects (one currency assumed: the summary lists each project's own). */
export function totalsOf(rows: readonly ProjectEconomics[]): EconomicsTotals {
  const sum = (f: (r: ProjectEconomics) => number) => money(rows.reduce((s, r) => s + f(r), 0));
  const revenue = sum((r) => r.revenue);
  const cost = sum((r) => r.deliveryCost);
  return {
    hours: {
      total: sum((r) => r.hours.total),
      billable: sum((r) => r.hours.billable),
      nonBillable: sum((r) => r.hours.nonBillable),
      rework: sum((r) => r.hours.rework),
    },
    deliveryCost: cost,
    revenue,
    margin: revenue > 0 ? ratio((revenue - cost) / revenue) : null,
    reworkByCause: sumByCause(rows.flatMap((r) => r.rework.byCause)),
  };
}

function sumByCause(rows: readonly ReworkByCause[]): ReworkByCause[] {
  const by = new Map<string, ReworkByCause>();
  for (const r of rows) {
    const acc = by.get(r.cause) ?? { cause: r.cause, records: 0, hours: 0, cost: 0 };
    acc.records += r.records;
    acc.hours = money(acc.hours + r.hours);
    acc.cost = money(acc.cost + r.cost);
    by.set(r.cause, acc);
  }
  return [...by.values()].sort((a, b) => b.cost - a.cost || b.hours - a.hours || a.cause.localeCompare(b.cause));
}

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

export interface CapacityPerson {
  id: string;
  weeklyCapacityHours: number;
  workingDays: number[];
  timeOff: Array<{ from: string; to: string }>;
}

/** Hours a person can work in a range: their working days, less holidays and time off, at capacity ÷ working days each. */
export function capacityHours(person: CapacityPerson, from: string, to: string, holidays: ReadonlySet<string>): number {
  if (person.workingDays.length === 0) return 0;
  const perDay = person.weeklyCapacityHours / person.workingDays.length;
  let hours = 0;
  for (const day of daysBetween(from, to)) {
    if (!person.workingDays.includes(isoWeekday(day)) || holidays.has(day)) continue;
    if (person.timeOff.some((o) => o.from <= day && day <= o.to)) continue;
    hours += perDay;
  }
  return money(hours);
}

export interface Utilization {
  resourceId: string;
  capacityHours: number;
  hours: number;
  billableHours: number;
  /** billable hours / capacity hours; null without capacity. */
  utilization: number | null;
}

/** Utilization per person over a range: billable hours logged in it against the capacity it offered. */
export function utilizationOf(
  people: readonly CapacityPerson[],
  entries: readonly EconEntry[],
  holidays: readonly string[],
  from: string,
  to: string,
): Utilization[] {
  const off = new Set(holidays);
  return people.map((p) => {
    const mine = entries.filter((e) => e.resourceId === p.id && e.date >= from && e.date <= to);
    const h = hoursOf(mine);
    const capacity = capacityHours(p, from, to, off);
    return {
      resourceId: p.id,
      capacityHours: capacity,
      hours: h.total,
      billableHours: h.billable,
      utilization: capacity > 0 ? ratio(h.billable / capacity) : null,
    };
  });
}
