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
}
