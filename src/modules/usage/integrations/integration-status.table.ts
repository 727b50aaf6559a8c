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

/** Each sync report received, once (its key recognises a repeat); `account_id` is null while its account is unknown. */
export interface IntegrationStatusReportTable {
  workspace_id: string;
  /** Digest of source + report id, or of source + account as named + integration + time. */
  report_key: string;
  /** Who reported ('' when the report names none). */
  source: string;
  report_id: string | null;
  /** The account as the report named it: Baton id, CRM id or domain. */
  account_ref: string;
  account_id: string | null;
  integration: string;
  status: string;
  detail: string | null;
  occurred_at: string;
  received_at: string;
}
