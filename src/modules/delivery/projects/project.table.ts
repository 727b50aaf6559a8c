export interface ProjectTable {
  id: string;
  workspace_id: string;
  account_id: string;
  deal_id: string | null;
  handoff_id: string | null;
  playbook_id: string;
  /** The playbook version the project started from; later versions never change it. */
  playbook_version: number;
  name: string;
  /** queued (accepted, not kicked off) | active | live | closed | cancelled */
  status: string;
  partner_id: string | null;
  lead_user_id: string | null;
  signed_on: string | null;
  accepted_on: string;
  promised_go_live: string | null;
  kickoff_on: string | null;
  planned_kickoff_on: string | null;
  forecast_go_live: string | null;
  forecast_first_value: string | null;
  forecast_computed_at: string | null;
  first_value_on: string | null;
  go_live_on: string | null;
  closed_on: string | null;
  /** fixed_fee | time_and_materials */
  commercial_model: string | null;
  services_fee: number | null;
  currency: string;
  /** Bumped on every change; the ETag. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectMilestoneTable {
  id: string;
  workspace_id: string;
  project_id: string;
  key: string;
  name: string;
  phase: string;
  onboarding: number;
  first_value: number;
  go_live: number;
  /** A usage event name whose occurrence on the account completes the milestone. */
  completion_event: string | null;
  /** Target, in days after kickoff. */
  target_day: number | null;
  forecast_on: string | null;
  completed_on: string | null;
  /** tasks | usage | manual */
  completed_by: string | null;
  sort: number;
}

export interface ProjectTaskTable {
  id: string;
  workspace_id: string;
  project_id: string;
  key: string;
  name: string;
  phase: string;
  milestone_key: string | null;
  /** For estimate accuracy by task type (e.g. `configuration`, `integration`, `training`). */
  task_type: string;
  owner_role: string;
  customer_owned: number;
  /** On the critical path as last forecast. */
  critical: number;
  effort_hours: number;
  remaining_hours: number;
  duration_days: number;
  /** JSON array of the keys of the tasks this one waits for. */
  depends_on: string;
  assignee_id: string | null;
  /** todo | in_progress | blocked | done */
  state: string;
  blocked_reason: string | null;
  blocked_since: string | null;
  started_on: string | null;
  done_on: string | null;
  forecast_start: string | null;
  forecast_finish: string | null;
  sort: number;
  updated_at: string;
}

export interface ProjectEventTable {
  id: string;
  workspace_id: string;
  project_id: string;
  at: string;
  /** user | customer | system */
  actor_kind: string;
  actor_label: string;
  kind: string;
  task_id: string | null;
  /** JSON */
  detail: string;
}

export interface ProjectSlipTable {
  id: string;
  workspace_id: string;
  project_id: string;
  recorded_at: string;
  promised_go_live: string;
  from_forecast: string | null;
  to_forecast: string;
  days: number;
  reason_code: string | null;
  note: string | null;
  explained_by_label: string | null;
  explained_at: string | null;
}

export interface ProjectReworkTable {
  id: string;
  workspace_id: string;
  project_id: string;
  task_id: string | null;
  hours: number;
  cause: string;
  note: string | null;
  recorded_by_label: string;
  recorded_at: string;
}
