/**
 * Stage-1, -2 and -3 rules of DESIGN §4 applied to one project: which warnings hold now, each with the numbers
 * that raised it. Pure; the service raises the ones that hold and resolves the rest.
 */
import { addCalendarDays, daysBetween, percentile } from './project.ts';

export interface SignalThresholds {
  /** Share of open critical-path effort on one person above which work is concentrated. */
  concentrationShare: number;
  /** Working days a task may stay blocked. */
  blockedWorkingDays: number;
  /** Percentile of completed projects' duration (same playbook) beyond which a projection is long. */
  durationPercentile: number;
  /** Fewest completed projects of a playbook before durations are compared. */
  minCompletedForDuration: number;
  /** Slips from this many on are severe. */
  repeatedSlips: number;
  /** Days after kickoff during which a slip or a scope change is a handoff warning. */
  earlyDays: number;
}

export const DEFAULT_THRESHOLDS: SignalThresholds = {
  concentrationShare: 0.5,
  blockedWorkingDays: 5,
  durationPercentile: 0.75,
  minCompletedForDuration: 4,
  repeatedSlips: 2,
  earlyDays: 14,
};

export interface SignalTask {
  id: string;
  name: string;
  state: string;
  critical: boolean;
  remainingHours: number;
  assigneeId: string | null;
  assigneeName: string | null;
  blockedReason: string | null;
  blockedSince: string | null;
}

export interface SignalProject {
  id: string;
  name: string;
  status: string;
  kickoffOn: string | null;
  promisedGoLive: string | null;
  forecastGoLive: string | null;
  firstValue: { name: string; targetDay: number | null; completedOn: string | null } | null;
  tasks: SignalTask[];
  slips: Array<{ recordedAt: string; days: number; reasonCode: string | null; toForecast: string }>;
  scopeChanges: Array<{ at: string; what: string }>;
  /** Kickoff → go-live, in days, of completed projects from the same playbook. */
  peerDurations: number[];
}

export type ProjectSignalKind =
  | 'handoff.early_slip'
  | 'handoff.early_scope_change'
  | 'delivery.concentrated_work'
  | 'delivery.blocked_task'
  | 'delivery.long_duration'
  | 'ttv.forecast_late'
  | 'ttv.repeated_slips'
  | 'ttv.first_value_overdue';

export interface HeldSignal {
  kind: ProjectSignalKind;
  /** The project, or a task for blocked tasks. */
  subjectType: 'project' | 'project_task';
  subjectId: string;
  severity: 'info' | 'warning' | 'severe';
  title: string;
  evidence: Record<string, unknown>;
}

/** Mon–Fri days strictly after `from` up to and including `to`. */
export function weekdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** Every rule that holds for the project today. Projects not queued or active hold none. */
export function projectSignals(
  p: SignalProject,
  today: string,
  t: SignalThresholds = DEFAULT_THRESHOLDS,
): HeldSignal[] {
  if (p.status !== 'active' && p.status !== 'queued') return [];
  const out: HeldSignal[] = [];
  const project = (
    kind: ProjectSignalKind,
    severity: HeldSignal['severity'],
    title: string,
    evidence: Record<string, unknown>,
  ) => out.push({ kind, subjectType: 'project', subjectId: p.id, severity, title, evidence });

  // Stage 2: concentration of open critical-path effort on one person.
  const open = p.tasks.filter((x) => x.critical && x.state !== 'done' && x.remainingHours > 0);
  const total = open.reduce((s, x) => s + x.remainingHours, 0);
  const byPerson = new Map<string, { name: string; hours: number; tasks: string[] }>();
  for (const x of open) {
    if (!x.assigneeId) continue;
    const e = byPerson.get(x.assigneeId) ?? { name: x.assigneeName ?? x.assigneeId, hours: 0, tasks: [] };
    e.hours += x.remainingHours;
    e.tasks.push(x.name);
    byPerson.set(x.assigneeId, e);
  }
  for (const [resourceId, e] of byPerson) {
    const share = total > 0 ? e.hours / total : 0;
    if (share > t.concentrationShare) {
      project(
        'delivery.concentrated_work',
        share > 0.75 ? 'severe' : 'warning',
        `${Math.round(share * 100)} % of open critical-path effort rests on ${e.name}`,
        {
          resourceId,
          person: e.name,
          hours: round1(e.hours),
          criticalPathHours: round1(total),
          share: round3(share),
          threshold: t.concentrationShare,
          tasks: e.tasks,
        },
      );
    }
  }

  // Stage 2: tasks blocked too long (one warning per task).
  for (const x of p.tasks) {
    if (x.state !== 'blocked' || !x.blockedSince) continue;
    const days = weekdaysBetween(x.blockedSince.slice(0, 10), today);
    if (days > t.blockedWorkingDays) {
      out.push({
        kind: 'delivery.blocked_task',
        subjectType: 'project_task',
        subjectId: x.id,
        severity: days > t.blockedWorkingDays * 2 ? 'severe' : 'warning',
        title: `"${x.name}" has been blocked for ${days} working days`,
        evidence: {
          projectId: p.id,
          task: x.name,
          blockedSince: x.blockedSince,
          workingDaysBlocked: days,
          reason: x.blockedReason,
          threshold: t.blockedWorkingDays,
        },
      });
    }
  }

  // Stage 2: projected duration beyond the playbook's usual.
  if (p.kickoffOn && p.forecastGoLive && p.peerDurations.length >= t.minCompletedForDuration) {
    const projected = daysBetween(p.kickoffOn, p.forecastGoLive);
    const limit = percentile(p.peerDurations, t.durationPercentile)!;
    if (projected > limit) {
      project(
        'delivery.long_duration',
        'warning',
        `Projected to take ${projected} days; ${Math.round(t.durationPercentile * 100)} % of this playbook's projects took ${Math.round(limit)} or less`,
        {
          projectedDays: projected,
          percentileDays: round1(limit),
          percentile: t.durationPercentile,
          completedProjects: p.peerDurations.length,
        },
      );
    }
  }

  // Stage 3: forecast later than promised; repeated slips.
  if (p.promisedGoLive && p.forecastGoLive && p.forecastGoLive > p.promisedGoLive) {
    const days = daysBetween(p.promisedGoLive, p.forecastGoLive);
    project(
      'ttv.forecast_late',
      days > 30 ? 'severe' : 'warning',
      `Forecast go-live ${p.forecastGoLive} is ${days} days past the promised ${p.promisedGoLive}`,
      {
        promisedGoLive: p.promisedGoLive,
        forecastGoLive: p.forecastGoLive,
        daysLate: days,
      },
    );
  }
  if (p.slips.length >= t.repeatedSlips) {
    project('ttv.repeated_slips', 'severe', `The go-live has slipped ${p.slips.length} times`, {
      slips: p.slips.map((s) => ({
        recordedAt: s.recordedAt,
        days: s.days,
        toForecast: s.toForecast,
        reason: s.reasonCode,
      })),
      threshold: t.repeatedSlips,
    });
  }

  // Stage 3: first value overdue.
  const fv = p.firstValue;
  if (fv && !fv.completedOn && fv.targetDay !== null && p.kickoffOn) {
    const due = addCalendarDays(p.kickoffOn, fv.targetDay);
    if (today > due) {
      project(
        'ttv.first_value_overdue',
        'warning',
        `First value ("${fv.name}") was due ${due}, day ${fv.targetDay} after kickoff`,
        {
          milestone: fv.name,
          dueOn: due,
          targetDay: fv.targetDay,
          daysOverdue: daysBetween(due, today),
        },
      );
    }
  }

  // Stage 1: a slip or a scope change within the first days after kickoff.
  if (p.kickoffOn) {
    const windowEnd = addCalendarDays(p.kickoffOn, t.earlyDays);
    const early = p.slips.filter(
      (s) => s.recordedAt.slice(0, 10) >= p.kickoffOn! && s.recordedAt.slice(0, 10) <= windowEnd,
    );
    if (early.length > 0) {
      project(
        'handoff.early_slip',
        'warning',
        `The forecast slipped ${early.length === 1 ? 'once' : `${early.length} times`} within ${t.earlyDays} days of kickoff`,
        {
          kickoffOn: p.kickoffOn,
          slips: early.map((s) => ({ recordedAt: s.recordedAt, days: s.days, reason: s.reasonCode })),
        },
      );
    }
    const changes = p.scopeChanges.filter((c) => c.at.slice(0, 10) >= p.kickoffOn! && c.at.slice(0, 10) <= windowEnd);
    if (changes.length > 0) {
      project('handoff.early_scope_change', 'warning', `Scope changed within ${t.earlyDays} days of kickoff`, {
        kickoffOn: p.kickoffOn,
        changes,
      });
    }
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
