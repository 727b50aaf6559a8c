import type { Generated } from 'kysely';

export interface SignalTable {
  id: string;
  workspace_id: string;
  account_id: string | null;
  kind: string;
  stage: string;
  severity: string;
  subject_type: string;
  subject_id: string;
  title: string;
  /** JSON: the numbers and records that raised the signal. */
  evidence: string;
  suggested_play: string | null;
  first_seen_at: string;
  last_seen_at: string;
  resolved_at: string | null;
  resolution: string | null;
  /** new | acknowledged | snoozed | dismissed (attention.ts); a snooze past its day reads as new. */
  attention: Generated<string>;
  snoozed_until: string | null;
  dismissed_fingerprint: string | null;
}

/** What people did about a signal, one row per action (and Baton's row when a dismissed one came back). */
export interface SignalActionTable {
  id: string;
  workspace_id: string;
  signal_id: string;
  action: string;
  by_user_id: string | null;
  by_label: string | null;
  at: string;
  note: string | null;
  reason: string | null;
  until: string | null;
}

/** A re-evaluation of one setting's signal rules for a workspace: queued, running, done or failed, with counts. */
export interface SignalRuleRunTable {
  id: string;
  workspace_id: string;
  setting_key: string;
  at: string;
  finished_at: string | null;
  status: string;
  accounts: number | null;
  opened: number | null;
  closed: number | null;
  error: string | null;
}
