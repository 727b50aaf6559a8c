/** What the API and pages show of a project, and how rows become it. */
import type { Selectable } from 'kysely';
import type { TaskState } from '../forecast/forecast.types.ts';
import { type CommercialModel, type DeliveryMetrics, deliveryMetrics, type ProjectStatus } from './project.ts';
import type { ProjectMilestoneTable, ProjectTable, ProjectTaskTable } from './project.table.ts';
import type { ProjectEvent, ProjectRework, ProjectSlip, PromiseChange } from './timeline.views.ts';

// The rows as the stores read them, named from the tables so the web app's types never reach a store.
type ProjectRow = Selectable<ProjectTable>;
type MilestoneRow = Selectable<ProjectMilestoneTable>;
type TaskRow = Selectable<ProjectTaskTable>;

export type { ProjectEvent, ProjectRework, ProjectSlip, PromiseChange } from './timeline.views.ts';

export interface ProjectSummary {
  id: string;
  name: string;
  accountId: string;
  accountName: string | null;
  dealId: string | null;
  handoffId: string | null;
  status: ProjectStatus;
  playbook: { id: string; name: string | null; version: number };
  partnerId: string | null;
  leadUserId: string | null;
  signedOn: string | null;
  acceptedOn: string;
  plannedKickoffOn: string | null;
  kickoffOn: string | null;
  promisedGoLive: string | null;
  forecastGoLive: string | null;
  forecastFirstValue: string | null;
  forecastComputedAt: string | null;
  firstValueOn: string | null;
  goLiveOn: string | null;
  closedOn: string | null;
  late: boolean;
  metrics: DeliveryMetrics;
  commercialModel: CommercialModel | null;
  servicesFee: number | null;
  currency: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A row of the projects list. */
export interface ProjectListItem extends ProjectSummary {
  progress: { tasks: number; tasksDone: number; remainingHours: number };
  slipCount: number;
}

export interface ProjectTask {
  id: string;
  key: string;
  name: string;
  phase: string;
  milestoneKey: string | null;
  type: string;
  ownerRole: string;
  customerOwned: boolean;
  critical: boolean;
  effortHours: number;
  remainingHours: number;
  durationDays: number;
  dependsOn: string[];
  assigneeId: string | null;
  assigneeName: string | null;
  state: TaskState;
  blockedReason: string | null;
  blockedSince: string | null;
  startedOn: string | null;
  doneOn: string | null;
  forecastStart: string | null;
  forecastFinish: string | null;
}

export interface ProjectMilestone {
  id: string;
  key: string;
  name: string;
  phase: string;
  onboarding: boolean;
  firstValue: boolean;
  goLive: boolean;
  completionEvent: string | null;
  targetDay: number | null;
  forecastOn: string | null;
  completedOn: string | null;
  completedBy: string | null;
}

export interface ProjectProgress {
  tasks: number;
  tasksDone: number;
  effortHours: number;
  remainingHours: number;
  customerTasksOpen: number;
  blocked: number;
}

export interface ProjectDetail extends ProjectSummary {
  progress: ProjectProgress;
  tasks: ProjectTask[];
  milestones: ProjectMilestone[];
  slips: ProjectSlip[];
  /** Agreed new promises, oldest first. */
  promiseChanges: PromiseChange[];
  rework: ProjectRework[];
  goLiveChecklist: string[];
  events: ProjectEvent[];
}

export function toSummary(
  r: ProjectRow,
  names: { account: ReadonlyMap<string, string>; playbook: ReadonlyMap<string, string> },
  today: string,
): ProjectSummary {
  const dates = {
    signedOn: r.signed_on,
    acceptedOn: r.accepted_on,
    kickoffOn: r.kickoff_on,
    promisedGoLive: r.promised_go_live,
    goLiveOn: r.go_live_on,
    firstValueOn: r.first_value_on,
    forecastGoLive: r.forecast_go_live,
  };
  const end = r.go_live_on ?? r.forecast_go_live;
  return {
    id: r.id,
    name: r.name,
    accountId: r.account_id,
    accountName: names.account.get(r.account_id) ?? null,
    dealId: r.deal_id,
    handoffId: r.handoff_id,
    status: r.status as ProjectStatus,
    playbook: { id: r.playbook_id, name: names.playbook.get(r.playbook_id) ?? null, version: r.playbook_version },
    partnerId: r.partner_id,
    leadUserId: r.lead_user_id,
    signedOn: r.signed_on,
    acceptedOn: r.accepted_on,
    plannedKickoffOn: r.planned_kickoff_on,
    kickoffOn: r.kickoff_on,
    promisedGoLive: r.promised_go_live,
    forecastGoLive: r.forecast_go_live,
    forecastFirstValue: r.forecast_first_value,
    forecastComputedAt: r.forecast_computed_at,
    firstValueOn: r.first_value_on,
    goLiveOn: r.go_live_on,
    closedOn: r.closed_on,
    late: Boolean(r.promised_go_live && end && end > r.promised_go_live),
    metrics: deliveryMetrics(dates, today),
    commercialModel: r.commercial_model as CommercialModel | null,
    servicesFee: r.services_fee,
    currency: r.currency,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const toTask = (r: TaskRow, assignees: ReadonlyMap<string, string>): ProjectTask => ({
  id: r.id,
  key: r.key,
  name: r.name,
  phase: r.phase,
  milestoneKey: r.milestone_key,
  type: r.task_type,
  ownerRole: r.owner_role,
  customerOwned: r.customer_owned === 1,
  critical: r.critical === 1,
  effortHours: r.effort_hours,
  remainingHours: r.remaining_hours,
  durationDays: r.duration_days,
  dependsOn: JSON.parse(r.depends_on) as string[],
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_id ? (assignees.get(r.assignee_id) ?? null) : null,
  state: r.state as TaskState,
  blockedReason: r.blocked_reason,
  blockedSince: r.blocked_since,
  startedOn: r.started_on,
  doneOn: r.done_on,
  forecastStart: r.forecast_start,
  forecastFinish: r.forecast_finish,
});

export const toMilestone = (r: MilestoneRow): ProjectMilestone => ({
  id: r.id,
  key: r.key,
  name: r.name,
  phase: r.phase,
  onboarding: r.onboarding === 1,
  firstValue: r.first_value === 1,
  goLive: r.go_live === 1,
  completionEvent: r.completion_event,
  targetDay: r.target_day,
  forecastOn: r.forecast_on,
  completedOn: r.completed_on,
  completedBy: r.completed_by,
});

export function progressOf(tasks: readonly ProjectTask[]): ProjectProgress {
  return {
    tasks: tasks.length,
    tasksDone: tasks.filter((t) => t.state === 'done').length,
    effortHours: tasks.reduce((s, t) => s + t.effortHours, 0),
    remainingHours: tasks.reduce((s, t) => s + (t.state === 'done' ? 0 : t.remainingHours), 0),
    customerTasksOpen: tasks.filter((t) => t.customerOwned && t.state !== 'done').length,
    blocked: tasks.filter((t) => t.state === 'blocked').length,
  };
}
