/**
 * One line of words for a project event, for the staff timeline and the customer portal alike (the portal
 * receives only the parts of the detail a customer may read, so every field is optional here).
 */
import { formatDate } from '../ui/format.ts';
import { REWORK_CAUSE_LABELS, SLIP_REASON_LABELS, TASK_STATE_LABELS } from './labels.ts';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const date = (v: unknown): string => formatDate(str(v));

const CHANGE_NAMES: Record<string, string> = {
  name: 'name',
  promisedGoLive: 'promised go-live',
  plannedKickoffOn: 'planned kickoff',
  partnerId: 'partner',
  leadUserId: 'lead',
  commercialModel: 'commercial model',
  servicesFee: 'services fee',
};

function taskChange(d: Record<string, unknown>): string {
  const task = str(d.task) ?? 'a task';
  const parts: string[] = [];
  const state = d.state as { from?: string; to?: string } | undefined;
  if (state?.to)
    parts.push(
      `${TASK_STATE_LABELS[state.to] ?? state.to}${state.to === 'blocked' && str(d.blockedReason) ? `: ${d.blockedReason}` : ''}`,
    );
  if ('assignee' in d) parts.push(d.assignee ? `assigned to ${d.assignee}` : 'unassigned');
  if (typeof d.remainingHours === 'number') parts.push(`${d.remainingHours} h remaining`);
  const effort = d.effortHours as { from?: number; to?: number } | undefined;
  if (effort?.to !== undefined) parts.push(`effort ${effort.from} → ${effort.to} h`);
  if (Array.isArray(d.dependsOn)) parts.push('dependencies changed');
  if (d.reopened) parts.push('reopened');
  if (str(d.name)) parts.push(`renamed`);
  return `“${task}”: ${parts.join(', ') || 'changed'}`;
}

export function describeEvent(kind: string, d: Record<string, unknown>): string {
  switch (kind) {
    case 'created':
      return str(d.playbook)
        ? `Project started from ${d.playbook}${d.version ? ` v${d.version}` : ''}`
        : 'Project started';
    case 'updated': {
      const changes = Object.keys((d.changes as Record<string, unknown> | undefined) ?? {}).map(
        (k) => CHANGE_NAMES[k] ?? k,
      );
      return changes.length ? `Changed ${changes.join(', ')}` : 'Project changed';
    }
    case 'kickoff':
      return `Kicked off${str(d.on) ? ` on ${date(d.on)}` : ''}`;
    case 'go_live':
      return `Went live${str(d.on) ? ` on ${date(d.on)}` : ''}`;
    case 'close':
      return 'Project closed';
    case 'cancel':
      return `Project cancelled${str(d.reason) ? `: ${d.reason}` : ''}`;
    case 'task_updated':
      return taskChange(d);
    case 'task_added':
      return `Task added: “${str(d.task) ?? ''}”${typeof d.effortHours === 'number' ? ` (${d.effortHours} h)` : ''}`;
    case 'scope_changed':
      return `Scope change: ${str(d.what) ?? ''}`;
    case 'milestone_reached':
      return `Milestone reached: ${str(d.milestone) ?? ''}${str(d.on) ? ` on ${date(d.on)}` : ''}`;
    case 'comment':
      return str(d.text) ?? '';
    case 'forecast_changed':
      return str(d.from)
        ? `Forecast go-live moved ${date(d.from)} → ${date(d.to)}`
        : `Forecast go-live set to ${date(d.to)}`;
    case 'slipped':
      return `Slipped ${typeof d.days === 'number' ? `${d.days} days ` : ''}past the promise (${date(d.promised)}): forecast ${date(d.to)}${str(d.reason) ? `, ${SLIP_REASON_LABELS[d.reason as string] ?? d.reason}` : ''}`;
    case 'slip_explained':
      return `Slip explained: ${SLIP_REASON_LABELS[str(d.reason) ?? ''] ?? str(d.reason) ?? ''}${str(d.note) ? ` — ${d.note}` : ''}`;
    case 'rework':
      return `Rework: ${typeof d.hours === 'number' ? `${d.hours} h, ` : ''}${REWORK_CAUSE_LABELS[str(d.cause) ?? ''] ?? str(d.cause) ?? ''}${str(d.note) ? ` — ${d.note}` : ''}`;
    default:
      return kind.replace(/_/g, ' ');
  }
}

export const EVENT_COLORS: Record<string, string> = {
  comment: 'blue',
  slipped: 'red',
  forecast_changed: 'orange',
  scope_changed: 'grape',
  milestone_reached: 'teal',
  go_live: 'teal',
  cancel: 'red',
};
