export interface AlertSubscriptionTable {
  id: string;
  workspace_id: string;
  channel: string;
  /** What the subscription is shown as: an address, a webhook URL, or a Slack URL with its token hidden. */
  target: string;
  /** Sealed (platform/secrets): a webhook's signing secret, or a Slack webhook URL (it carries its own token). */
  secret: string | null;
  /** JSON array of chain stages; empty: every stage. */
  stages: string;
  min_severity: string;
  mode: string;
  user_id: string | null;
  /** 'all', or 'mine': only signals on accounts the subscription's person owns. */
  accounts_scope: string;
  /** 1: the person's play tasks due reach them (in the digest, or a morning message when immediate). */
  play_tasks: number;
  quiet_start_hour: number | null;
  quiet_end_hour: number | null;
  quiet_time_zone: string | null;
  enabled: number;
  consecutive_failures: number;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlertDeliveryTable {
  id: string;
  workspace_id: string;
  subscription_id: string;
  /** `signal:<id>:<severity>`, `digest:<day>`: unique per subscription, so nothing is queued twice. */
  event_key: string;
  event_type: string;
  /** JSON: the alert's data, fixed when queued so a replay sends the same body. */
  payload: string;
  status: string;
  attempts: number;
  /** null: due at once (never tried). */
  next_attempt_at: string | null;
  locked_by: string | null;
  locked_until: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_response: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}
