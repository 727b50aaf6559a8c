/**
 * Implementation projects (DESIGN §3, §5): states, task states, slips and their reason codes, rework causes,
 * and the delivery metrics (queue wait, implementation duration, time to value). Pure types and rules.
 */
import type { TaskState } from '../forecast/forecast.types.ts';

export const PROJECT_STATUSES = ['queued', 'active', 'live', 'closed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** Projects whose remaining work is planned and forecast. */
export const PLANNED_STATUSES: readonly ProjectStatus[] = ['queued', 'active'];

export const TASK_STATES = ['todo', 'in_progress', 'blocked', 'done'] as const satisfies readonly TaskState[];

export const SLIP_REASONS = [
  'customer_delay',
  'scope_change',
  'resource_unavailable',
  'technical_issue',
  'third_party_dependency',
  'estimate_error',
  'handoff_gap',
  'other',
] as const;
export type SlipReason = (typeof SLIP_REASONS)[number];

export const REWORK_CAUSES = [
  'requirements_changed',
  'defect',
  'misconfiguration',
  'customer_data',
  'handoff_gap',
  'other',
] as const;
export type ReworkCause = (typeof REWORK_CAUSES)[number];

export const COMMERCIAL_MODELS = ['fixed_fee', 'time_and_materials'] as const;
export type CommercialModel = (typeof COMMERCIAL_MODELS)[number];

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
export const addCalendarDays = (iso: string, n: number): string =>
  new Date((dayNumber(iso) + n) * DAY_MS).toISOString().slice(0, 10);
/** The UTC day of a moment, as the tables store days. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
/** Today by the machine's clock, for callers given no clock of their own. */
export const todayUtc = (): string => dayOf(new Date());

/** Which status moves are allowed, and by which action. */
const MOVES: Record<string, { from: readonly ProjectStatus[]; to: ProjectStatus }> = {
  kickoff: { from: ['queued'], to: 'active' },
  go_live: { from: ['active'], to: 'live' },
  close: { from: ['live'], to: 'closed' },
  cancel: { from: ['queued', 'active'], to: 'cancelled' },
};
export type ProjectAction = keyof typeof MOVES;

/** The status an action leads to, or the reason it cannot be taken from `status`. */
export function nextStatus(
  status: ProjectStatus,
  action: ProjectAction,
): { ok: true; to: ProjectStatus } | { ok: false; reason: string } {
  const move = MOVES[action]!;
  if (move.from.includes(status)) return { ok: true, to: move.to };
  return {
    ok: false,
    reason: `a ${status} project cannot ${action.replace('_', ' ')} (only from ${move.from.join(' or ')})`,
  };
}

/**
 * Whether a new forecast records a slip. A slip is the forecast moving past the promise: the first time it
 * crosses it, and again each time it moves later by at least `stepDays` beyond the last recorded slip, so that
 * a forecast drifting a day at a time is one slip, not twenty.
 */
export function slipOf(input: {
  promised: string | null;
  previousForecast: string | null;
  newForecast: string | null;
  lastSlipTo: string | null;
  stepDays: number;
}): { days: number } | null {
  const { promised, newForecast, previousForecast, lastSlipTo } = input;
  if (!promised || !newForecast || newForecast <= promised) return null;
  const days = daysBetween(promised, newForecast);
  const crossing = !previousForecast || previousForecast <= promised;
  if (crossing || !lastSlipTo) return { days };
  return daysBetween(lastSlipTo, newForecast) >= input.stepDays ? { days } : null;
}

/**
 * The forecast go-live: the day the go-live milestone is forecast (or was reached), not the last task's finish —
 * work planned after go-live (hypercare, a handover, a check-in a week later) does not make a project late. A
 * plan without a go-live milestone, or whose go-live milestone has no tasks, goes live when its work ends.
 */
export const forecastGoLiveOf = (goLiveMilestone: string | null, lastFinish: string | null): string | null =>
  goLiveMilestone ?? lastFinish;

/** Without a signed date, how long before a project was recorded in Baton its kickoff (or time on it) may lie. */
export const UNSIGNED_START_MARGIN_DAYS = 180;

export interface DatedRecord {
  signedOn: string | null;
  acceptedOn: string;
  plannedKickoffOn: string | null;
  kickoffOn: string | null;
  promisedGoLive: string | null;
  goLiveOn: string | null;
}
export type DateField = keyof DatedRecord;

/**
 * The earliest day work on a project can have happened: the deal's signature, else (a project started by hand
 * with no signed date) `UNSIGNED_START_MARGIN_DAYS` before it was recorded. Kickoff and time entries keep it.
 */
export function earliestWorkDay(p: Pick<DatedRecord, 'signedOn' | 'acceptedOn'>): { on: string; why: string } {
  if (p.signedOn) return { on: p.signedOn, why: `the deal was signed on ${p.signedOn}` };
  const on = addCalendarDays(p.acceptedOn, -UNSIGNED_START_MARGIN_DAYS);
  return {
    on,
    why: `the project was recorded on ${p.acceptedOn.slice(0, 10)} with no signed date, and work can begin at most ${UNSIGNED_START_MARGIN_DAYS} days before that (${on})`,
  };
}

/**
 * The first way a project's dates, after a change to `changed`, contradict its own history: signed → kickoff →
 * go-live, a promise no earlier than the signature, a planned kickoff no later than the promise, a new promise
 * no earlier than the kickoff. Only contradictions involving a changed date are reported, named by that date, so
 * an older record that already breaks a rule can still be worked on. Null when the dates agree.
 */
export function datesContradiction(
  d: DatedRecord,
  changed: readonly DateField[],
): { field: DateField; message: string } | null {
  const has = (f: DateField) => changed.includes(f);
  const rules: Array<{
    early: DateField;
    late: DateField;
    when?: DateField;
    message: (early: string, late: string) => [DateField, string];
  }> = [
    {
      early: 'signedOn',
      late: 'kickoffOn',
      message: (e) => [
        'kickoffOn',
        `is before the deal was signed (${e}): a project kicks off after its deal is signed`,
      ],
    },
    {
      early: 'signedOn',
      late: 'plannedKickoffOn',
      message: (e) => ['plannedKickoffOn', `is before the deal was signed (${e})`],
    },
    {
      early: 'signedOn',
      late: 'promisedGoLive',
      message: (e) => ['promisedGoLive', `is before the deal was signed (${e})`],
    },
    { early: 'signedOn', late: 'goLiveOn', message: (e) => ['goLiveOn', `is before the deal was signed (${e})`] },
    {
      early: 'kickoffOn',
      late: 'goLiveOn',
      message: (e) => ['goLiveOn', `is before the kickoff (${e}): a project goes live after it kicked off`],
    },
    {
      early: 'kickoffOn',
      late: 'promisedGoLive',
      when: 'promisedGoLive',
      message: (e) => [
        'promisedGoLive',
        `is before the kickoff (${e}): a new promise cannot lie before the work began`,
      ],
    },
    {
      early: 'plannedKickoffOn',
      late: 'promisedGoLive',
      message: (e, l) => [
        has('promisedGoLive') ? 'promisedGoLive' : 'plannedKickoffOn',
        has('promisedGoLive') ? `is before the planned kickoff (${e})` : `is after the promised go-live (${l})`,
      ],
    },
  ];
  for (const r of rules) {
    const early = d[r.early];
    const late = d[r.late];
    if (!early || !late || late.slice(0, 10) >= early.slice(0, 10)) continue;
    if (r.when ? !has(r.when) : !has(r.early) && !has(r.late)) continue;
    const [field, message] = r.message(early.slice(0, 10), late.slice(0, 10));
    if (has(field)) return { field, message };
  }
  if (d.kickoffOn && has('kickoffOn') && !d.signedOn) {
    const start = earliestWorkDay(d);
    if (d.kickoffOn < start.on) return { field: 'kickoffOn', message: `is too early: ${start.why}` };
  }
  return null;
}

export interface ProjectDates {
  signedOn: string | null;
  acceptedOn: string;
  kickoffOn: string | null;
  promisedGoLive: string | null;
  goLiveOn: string | null;
  firstValueOn: string | null;
  forecastGoLive: string | null;
}

export interface DeliveryMetrics {
  /** Signed → kickoff (or → today while queued), in days. */
  queueWaitDays: number | null;
  /** Kickoff → actual go-live (or → forecast while running). */
  implementationDays: number | null;
  implementationIsForecast: boolean;
  /** Signed → promised go-live. */
  promisedDays: number | null;
  /** Signed → first value. */
  timeToValueDays: number | null;
  /** Forecast (or actual) go-live past the promise, in days; 0 when on time. */
  daysLate: number | null;
}

/** DESIGN §5's delivery measures for one project as of `today`. */
export function deliveryMetrics(p: ProjectDates, today: string): DeliveryMetrics {
  const start = p.signedOn ?? p.acceptedOn;
  const end = p.goLiveOn ?? p.forecastGoLive;
  return {
    queueWaitDays: daysBetween(start, p.kickoffOn ?? today),
    implementationDays: p.kickoffOn && end ? daysBetween(p.kickoffOn, end) : null,
    implementationIsForecast: !p.goLiveOn,
    promisedDays: p.promisedGoLive ? daysBetween(start, p.promisedGoLive) : null,
    timeToValueDays: p.firstValueOn ? daysBetween(start, p.firstValueOn) : null,
    daysLate: p.promisedGoLive && end ? Math.max(0, daysBetween(p.promisedGoLive, end)) : null,
  };
}

/** The value at a percentile (0–1) of a list, linear between ranks; null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** A project's ETag: its id and version. */
export const projectEtag = (p: { id: string; version: number }): string => `"${p.id}:${p.version}"`;
