import { dailyCapacityHours, holidaySet, isWorkingDay, resourceCalendar, toDay, toIso, weekStart } from './calendar.ts';
import type { ForecastResource } from './forecast.types.ts';

/**
 * The capacity plan (DESIGN §5, capacity gap): per role and ISO week, the hours people can give against the
 * hours planned projects need and the hours the open pipeline will probably need. Pure: the forecast's
 * `demandByRoleWeek` and the pipeline come in, rows come out.
 */

/** An open deal's expected services effort: probability × effort, spread evenly over its weeks. */
export interface PipelineDemand {
  dealId: string;
  /** 0..1 (stage probability × services attach, as the caller decides). */
  probability: number;
  /** The work is spread from the ISO week holding this day. */
  expectedStart: string;
  effortByRole: Record<string, number>;
  /** Whole weeks; below 1 counts as 1. */
  durationWeeks: number;
}

export interface CapacityPlanInput {
  /** Any day of the first week; the plan starts on that week's Monday. */
  startWeek: string;
  /** Default 12. */
  weeks?: number;
  resources: ForecastResource[];
  holidays: string[];
  /** role → week Monday → hours, as `forecastWorkspace` returns it in `demandByRoleWeek`. */
  projectDemand: ReadonlyMap<string, ReadonlyMap<string, number>>;
  pipeline: PipelineDemand[];
  /** Strategic buffer: the share of capacity kept free of planned work, 0..1 (e.g. 0.15). */
  bufferPct: number;
  /** Below this utilization a week is `under` (default 0.6). */
  underUtilization?: number;
}

/**
 * - `no_capacity`: work is planned but nobody of the role can give an hour that week;
 * - `over`: demand exceeds the capacity left after the buffer (gap > 0);
 * - `under`: utilization below the `underUtilization` threshold (people idle);
 * - `ok`: in between (including a week with neither capacity nor demand).
 */
export type CapacityStatus = 'under' | 'ok' | 'over' | 'no_capacity';

export interface CapacityFigures {
  /** Hours people can give: daily capacity × their working days that week (holidays, time off removed). */
  capacityHours: number;
  projectDemandHours: number;
  pipelineDemandHours: number;
  /** Project + pipeline. */
  demandHours: number;
  /** demand / capacity; null when there is no capacity. */
  utilization: number | null;
  /** capacity × (1 − buffer): what may be planned without eating the buffer. */
  availableAfterBufferHours: number;
  /** demand − capacity × (1 − buffer): positive is a shortage, negative is room. */
  gapHours: number;
  status: CapacityStatus;
}

export interface CapacityPlanRow extends CapacityFigures {
  role: string;
  /** Monday, `YYYY-MM-DD`. */
  week: string;
}

export interface CapacityPlanWeek extends CapacityFigures {
  week: string;
}

export interface CapacityPlan {
  /** Mondays of the plan, in order. */
  weeks: string[];
  /** Roles with any capacity or demand in the window, sorted; every role has a row for every week. */
  roles: string[];
  /** Role by role, week by week (roles sorted, weeks in order). */
  rows: CapacityPlanRow[];
  /** All roles together, per week. */
  totals: CapacityPlanWeek[];
}

export function capacityPlan(input: CapacityPlanInput): CapacityPlan {
  const weekCount = input.weeks ?? 12;
  if (!Number.isInteger(weekCount) || weekCount < 1)
    throw new RangeError(`weeks must be a positive whole number: ${weekCount}`);
  if (!(input.bufferPct >= 0 && input.bufferPct < 1))
    throw new RangeError(`bufferPct must be in [0, 1): ${input.bufferPct}`);
  const first = weekStart(toDay(input.startWeek));
  const weeks = Array.from({ length: weekCount }, (_, w) => toIso(first + 7 * w));
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));

  const capacity = new Map<string, Float64Array>();
  const project = new Map<string, Float64Array>();
  const pipeline = new Map<string, Float64Array>();
  const row = (m: Map<string, Float64Array>, role: string) =>
    m.get(role) ?? m.set(role, new Float64Array(weekCount)).get(role)!;

  const holidays = holidaySet(input.holidays);
  for (const r of input.resources) {
    const perDay = dailyCapacityHours(r);
    const hours = row(capacity, r.role);
    if (perDay === 0) continue;
    const cal = resourceCalendar(r, holidays);
    for (let d = 0; d < 7 * weekCount; d++) if (isWorkingDay(cal, first + d)) add(hours, (d / 7) | 0, perDay);
  }

  for (const [role, byWeek] of input.projectDemand) {
    for (const [week, hours] of byWeek) {
      const w = weekIndex.get(week);
      if (w !== undefined && hours !== 0) add(row(project, role), w, hours);
    }
  }

  for (const deal of input.pipeline) {
    if (!(deal.probability >= 0 && deal.probability <= 1))
      throw new RangeError(`deal ${deal.dealId}: probability must be in [0, 1]: ${deal.probability}`);
    const span = Math.max(1, Math.round(deal.durationWeeks) || 1);
    const from = (weekStart(toDay(deal.expectedStart)) - first) / 7;
    for (const [role, effort] of Object.entries(deal.effortByRole)) {
      const perWeek = (deal.probability * effort) / span;
      if (perWeek === 0) continue;
      const hours = row(pipeline, role);
      for (let w = Math.max(0, from); w < Math.min(weekCount, from + span); w++) add(hours, w, perWeek);
    }
  }

  const roles = [...new Set([...capacity.keys(), ...project.keys(), ...pipeline.keys()])].sort();
  const empty = new Float64Array(weekCount);
  const rows: CapacityPlanRow[] = [];
  const sums = {
    capacity: new Float64Array(weekCount),
    project: new Float64Array(weekCount),
    pipeline: new Float64Array(weekCount),
  };
  for (const role of roles) {
    const c = capacity.get(role) ?? empty;
    const p = project.get(role) ?? empty;
    const q = pipeline.get(role) ?? empty;
    for (let w = 0; w < weekCount; w++) {
      rows.push({ role, week: weeks[w]!, ...figures(c[w]!, p[w]!, q[w]!, input) });
      add(sums.capacity, w, c[w]!);
      add(sums.project, w, p[w]!);
      add(sums.pipeline, w, q[w]!);
    }
  }
  const totals = weeks.map((week, w) => ({
    week,
    ...figures(sums.capacity[w]!, sums.project[w]!, sums.pipeline[w]!, input),
  }));
  return { weeks, roles, rows, totals };
}

const add = (a: Float64Array, i: number, v: number) => {
  a[i] = (a[i] as number) + v;
};

function figures(
  capacityHours: number,
  projectDemandHours: number,
  pipelineDemandHours: number,
  input: CapacityPlanInput,
): CapacityFigures {
  const demandHours = projectDemandHours + pipelineDemandHours;
  const availableAfterBufferHours = capacityHours * (1 - input.bufferPct);
  const gapHours = demandHours - availableAfterBufferHours;
  const utilization = capacityHours > 0 ? demandHours / capacityHours : null;
  const status: CapacityStatus =
    capacityHours <= 0
      ? demandHours > 0
        ? 'no_capacity'
        : 'ok'
      : gapHours > 1e-9
        ? 'over'
        : utilization! < (input.underUtilization ?? 0.6)
          ? 'under'
          : 'ok';
  return {
    capacityHours,
    projectDemandHours,
    pipelineDemandHours,
    demandHours,
    utilization,
    availableAfterBufferHours,
    gapHours,
    status,
  };
}
