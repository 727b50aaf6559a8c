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

export const REWORK_CAUSES = ['requirements_changed', 'defect', 'misconfiguration', 'customer_data', 'handoff_gap', 'other'] as const;
export type ReworkCause = (typeof REWORK_CAUSES)[number];

export const COMMERCIAL_MODELS = ['fixed_fee', 'time_and_materials'] as const;
export type CommercialModel = (typeof COMMERCIAL_MODELS)[number];

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
export const addCalendarDays = (iso: string, n: number): string => new Date((dayNumber(iso) + n) * DAY_MS).toISOString().slice(0, 10);

/** Which status moves are allowed, and by which action. */
const MOVES: Record<string, { from: readonly ProjectStatus[]; to: ProjectStatus }> = {
  kickoff: { from: ['queued'], to: 'active' },
  go_live: { from: ['active'], to: 'live' },
  close: { from: ['live'], to: 'closed' },
  cancel: { from: ['queued', 'active'], to: 'cancelled' },
};
export type ProjectAction = keyof typeof MOVES;

/** The status an action leads to, or the reason it cannot be taken from `status`. */
export function nextStatus(status: ProjectStatus, action: ProjectAction): { ok: true; to: ProjectStatus } | { ok: false; reason: string } {
  const move = MOVES[action]!;
  if (move.from.includes(status)) return { ok: true, to: move.to };
  return { ok: false, reason: `a ${status} project cannot ${action.replace('_', ' ')} (only from ${move.from.join(' or ')})` };
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
