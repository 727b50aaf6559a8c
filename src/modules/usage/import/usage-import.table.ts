/** One row of an imported daily usage table and what it added to the rollups (re-imports replace it). */
export interface UsageImportRowTable {
  workspace_id: string;
  /** Where the rows come from (`csv` unless named): row keys are unique per source. */
  source: string;
  /** The row's own id (e.g. `usage_id`), else a hash of what it says. */
  row_key: string;
  account_id: string;
  day: string;
  feature: string;
  /** The product user the row is about, when the table names one (then it feeds the user rollup too). */
  user_key: string | null;
  events: number;
  duration_secs: number | null;
  /** The import run that wrote the row last. */
  run_id: string;
  updated_at: string;
}
