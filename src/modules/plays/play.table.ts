export interface PlayTable {
  id: string;
  workspace_id: string;
  /** Built-in plays keep their key (unique in the workspace); others have null. */
  builtin_key: string | null;
  name: string;
  /** The trigger's type, for the event handlers' and the daily run's lookups (the whole trigger is in the version). */
  trigger_type: string;
  /** A signal kind for signal triggers, else null. */
  trigger_kind: string | null;
  enabled: number;
  current_version: number;
  created_at: string;
  updated_at: string;
}

export interface PlayVersionTable {
  id: string;
  workspace_id: string;
  play_id: string;
  version: number;
  /** JSON `PlayDefinition`; a version is never changed once written. */
  definition: string;
  created_by_label: string;
  created_at: string;
}

export interface PlayRunTable {
  id: string;
  workspace_id: string;
  play_id: string;
  play_version: number;
  account_id: string;
  /** What started it, once per play and account: `signal:<id>`, `renewal:<day>` … (unique with both). */
  occurrence_key: string;
  /** The trigger in words as it fired, with its numbers. */
  trigger_text: string;
  signal_id: string | null;
  started_on: string;
  /** open | done (every task done) | ended (its signal went, or it was stopped) */
  status: string;
  ended_at: string | null;
  end_reason: string | null;
  /** JSON `Outcome`, written when it ends or 30 days after the start. */
  outcome: string | null;
  success: number | null;
  outcome_at: string | null;
  created_at: string;
}

export interface PlayTaskTable {
  id: string;
  workspace_id: string;
  run_id: string;
  position: number;
  title: string;
  instructions: string;
  email_template: string | null;
  role: string | null;
  assignee_user_id: string | null;
  assignment_note: string | null;
  due_on: string;
  done_at: string | null;
  done_by_label: string | null;
}
