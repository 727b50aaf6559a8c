import {
  COMMERCIAL_MODELS,
  PROJECT_STATUSES,
  REWORK_CAUSES,
  SLIP_REASONS,
  TASK_STATES,
} from '../../../src/modules/delivery/projects/project.ts';

export const STATUS_LABELS: Record<string, string> = {
  queued: 'Queued',
  active: 'Active',
  live: 'Live',
  closed: 'Closed',
  cancelled: 'Cancelled',
};
export const STATUS_COLORS: Record<string, string> = {
  queued: 'gray',
  active: 'blue',
  live: 'teal',
  closed: 'dark',
  cancelled: 'red',
};
export const TASK_STATE_LABELS: Record<string, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
};
export const TASK_STATE_COLORS: Record<string, string> = {
  todo: 'gray',
  in_progress: 'blue',
  blocked: 'red',
  done: 'teal',
};
export const SLIP_REASON_LABELS: Record<string, string> = {
  customer_delay: 'Customer delay',
  scope_change: 'Scope change',
  resource_unavailable: 'Resource unavailable',
  technical_issue: 'Technical issue',
  third_party_dependency: 'Third-party dependency',
  estimate_error: 'Estimate error',
  handoff_gap: 'Handoff gap',
  other: 'Other',
};
export const REWORK_CAUSE_LABELS: Record<string, string> = {
  requirements_changed: 'Requirements changed',
  defect: 'Defect',
  misconfiguration: 'Misconfiguration',
  customer_data: 'Customer data',
  handoff_gap: 'Handoff gap',
  other: 'Other',
};
export const COMMERCIAL_MODEL_LABELS: Record<string, string> = {
  fixed_fee: 'Fixed fee',
  time_and_materials: 'Time and materials',
};

const pick = (values: readonly string[], labels: Record<string, string>) =>
  values.map((value) => ({ value, label: labels[value] ?? value }));
export const statusOptions = pick(PROJECT_STATUSES, STATUS_LABELS);
export const taskStateOptions = pick(TASK_STATES, TASK_STATE_LABELS);
export const slipReasonOptions = pick(SLIP_REASONS, SLIP_REASON_LABELS);
export const reworkCauseOptions = pick(REWORK_CAUSES, REWORK_CAUSE_LABELS);
export const commercialModelOptions = pick(COMMERCIAL_MODELS, COMMERCIAL_MODEL_LABELS);

/** "3 d", or a dash when the measure does not exist yet. */
export const days = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${n} d`);

/** A phase key as a heading: "go-live" → "Go live". */
export const phaseLabel = (phase: string): string => {
  const s = phase.replace(/[-_]+/g, ' ').trim();
  return s ? s[0]!.toUpperCase() + s.slice(1) : phase;
};
