/** Events per account, UTC day (`YYYY-MM-DD`) and feature. */
export interface UsageDailyAccountFeatureTable {
  workspace_id: string;
  account_id: string;
  day: string;
  feature: string;
  events: number;
}

/** Events per account, UTC day and product user (`user_key`: user id, else anonymous id). */
export interface UsageDailyAccountUserTable {
  workspace_id: string;
  account_id: string;
  day: string;
  user_key: string;
  events: number;
}

/** When an account first does an event, queue a job (first-use.service.ts). */
export interface UsageFirstUseWatchTable {
  workspace_id: string;
  account_id: string;
  /** The feature as rolled up (a track call's event; `page:<name>` for page views). */
  event: string;
  job_type: string;
  created_at: string;
}

/** Licensed seats of an account. */
export interface UsageAccountSeatsTable {
  workspace_id: string;
  account_id: string;
  seats: number;
  updated_at: string;
}
