/** Sync reports of one account's integration on one UTC day. */
export interface IntegrationStatusDailyTable {
  workspace_id: string;
  account_id: string;
  integration: string;
  day: string;
  ok_count: number;
  error_count: number;
}

/** The latest known state of an account's integration. */
export interface IntegrationStatusTable {
  workspace_id: string;
  account_id: string;
  integration: string;
  /** `ok` or `error`: the status of the latest report. */
  last_status: string;
  last_reported_at: string;
  first_reported_at: string;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error_detail: string | null;
  updated_at: string;
}
