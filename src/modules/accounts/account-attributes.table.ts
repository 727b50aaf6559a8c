/** An account's custom attributes (JSON object, column → text as the file gave it) and its renewal outcome. */
export interface AccountAttributesTable {
  account_id: string;
  workspace_id: string;
  attributes: string;
  /** 1 churned, 0 retained, null unknown. */
  outcome: number | null;
  /** The day the outcome was recorded (YYYY-MM-DD): features dated after it are never used with it. */
  outcome_recorded_on: string | null;
  updated_at: string;
}
