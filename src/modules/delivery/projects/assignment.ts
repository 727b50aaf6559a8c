/** What an assignment does to the plan, and the reason a slip it causes is recorded with. Pure. */
import type { SlipReason } from './project.ts';

export interface TimeOffRange {
  from: string;
  to: string;
}

/** The person's time off that holds the work up: the first range not yet over on `today`, if any. */
export function blockingTimeOff(timeOff: readonly TimeOffRange[], today: string): TimeOffRange | null {
  return [...timeOff].filter((r) => r.to >= today).sort((a, b) => a.from.localeCompare(b.from))[0] ?? null;
}

/** The reason recorded on a slip an assignment causes: the person was not available, with why. */
export function assignmentSlipReason(
  name: string,
  timeOff: readonly TimeOffRange[],
  today: string,
  taskStart: string | null,
): { code: SlipReason; note: string } {
  const off = blockingTimeOff(timeOff, today);
  if (off && (!taskStart || off.from <= taskStart))
    return { code: 'resource_unavailable', note: `assigned to ${name}, on time off ${off.from} → ${off.to}` };
  return {
    code: 'resource_unavailable',
    note: taskStart ? `assigned to ${name}, free to start ${taskStart}` : `assigned to ${name}`,
  };
}

export interface AssignmentPreview {
  taskId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  task: { from: { start: string | null; finish: string | null }; to: { start: string; finish: string } };
  forecastGoLive: { from: string | null; to: string | null };
  /** Days the go-live moves (later is positive). */
  goLiveMovesDays: number;
  promisedGoLive: string | null;
  /** The go-live would be past the promise. */
  late: boolean;
  /** The assignee's time off not yet over. */
  timeOff: TimeOffRange[];
  /** The reason a slip this assignment causes would be recorded with. */
  slipReason: { code: SlipReason; note: string } | null;
  /** One sentence to show before confirming, when the go-live moves later. */
  warning: string | null;
}
