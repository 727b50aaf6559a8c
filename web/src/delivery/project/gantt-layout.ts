/**
 * Where each bar, diamond and line of the project's timeline goes. Pure: the chart only draws what this
 * returns, so hundreds of tasks cost one pass over the plan.
 */
import type { ProjectMilestone, ProjectTask } from '../types.ts';

const DAY_MS = 86_400_000;
export const dayNo = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export interface GanttBar {
  task: ProjectTask;
  row: number;
  /** Day numbers; `to` is the last day of work, so the bar ends at the end of that day. */
  from: number;
  to: number;
}
export interface GanttDiamond {
  milestone: ProjectMilestone;
  row: number;
  day: number;
  done: boolean;
}
export interface GanttPhase {
  phase: string;
  row: number;
  tasks: number;
  done: number;
}
export interface GanttLayout {
  start: number;
  end: number;
  rows: number;
  phases: GanttPhase[];
  bars: GanttBar[];
  /** Tasks with no dates yet: listed in their phase without a bar. */
  undated: Array<{ task: ProjectTask; row: number }>;
  diamonds: GanttDiamond[];
  months: Array<{ day: number; label: string }>;
}

/** The dates a task occupies: its real start and finish once it has them, its forecast otherwise. */
export function taskSpan(t: ProjectTask): { from: string; to: string } | null {
  const from = t.startedOn ?? t.forecastStart ?? t.forecastFinish;
  const to = t.doneOn ?? t.forecastFinish ?? from;
  if (!from || !to) return null;
  return from <= to ? { from, to } : { from: to, to: from };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One header row per phase (in plan order, with its milestones), then one row per task of the phase. */
export function layoutGantt(
  tasks: readonly ProjectTask[],
  milestones: readonly ProjectMilestone[],
  marks: readonly (string | null)[],
): GanttLayout {
  const order: string[] = [];
  const byPhase = new Map<string, ProjectTask[]>();
  for (const t of tasks) {
    if (!byPhase.has(t.phase)) {
      byPhase.set(t.phase, []);
      order.push(t.phase);
    }
    byPhase.get(t.phase)!.push(t);
  }
  for (const m of milestones) if (!byPhase.has(m.phase)) (byPhase.set(m.phase, []), order.push(m.phase));

  const phases: GanttPhase[] = [];
  const bars: GanttBar[] = [];
  const undated: GanttLayout['undated'] = [];
  const phaseRow = new Map<string, number>();
  let row = 0;
  let lo = Infinity;
  let hi = -Infinity;
  const see = (d: number) => {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  };
  for (const phase of order) {
    const list = byPhase.get(phase)!;
    phaseRow.set(phase, row);
    phases.push({ phase, row: row++, tasks: list.length, done: list.filter((t) => t.state === 'done').length });
    for (const task of list) {
      const span = taskSpan(task);
      if (!span) {
        undated.push({ task, row: row++ });
        continue;
      }
      const from = dayNo(span.from);
      const to = dayNo(span.to);
      see(from);
      see(to);
      bars.push({ task, row: row++, from, to });
    }
  }
  const diamonds: GanttDiamond[] = [];
  for (const m of milestones) {
    const on = m.completedOn ?? m.forecastOn;
    if (!on) continue;
    const day = dayNo(on);
    see(day);
    diamonds.push({ milestone: m, row: phaseRow.get(m.phase) ?? 0, day, done: m.completedOn !== null });
  }
  for (const mark of marks) if (mark) see(dayNo(mark));
  if (lo === Infinity) lo = hi = dayNo(new Date().toISOString());
  const start = lo - 3;
  const end = hi + 4;
  const months: GanttLayout['months'] = [];
  const first = new Date(start * DAY_MS);
  for (
    let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
    d.getTime() / DAY_MS <= end;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  ) {
    months.push({ day: d.getTime() / DAY_MS, label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` });
  }
  return { start, end, rows: row, phases, bars, undated, diamonds, months };
}
