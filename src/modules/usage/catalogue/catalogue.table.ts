/** A feature of the product catalogue; `plans` is a JSON array of plan names ([] = every plan). */
export interface UsageFeatureTable {
  workspace_id: string;
  key: string;
  name: string;
  plans: string;
  created_at: string;
  updated_at: string;
}

/** A product event that is usage of a catalogue feature (an event missing here is its own feature). */
export interface UsageFeatureEventTable {
  workspace_id: string;
  event: string;
  feature_key: string;
}

/** The plan an account is on. */
export interface UsageAccountPlanTable {
  workspace_id: string;
  account_id: string;
  plan: string;
  updated_at: string;
}
