export interface HealthScoreTable {
  id: string;
  workspace_id: string;
  account_id: string;
  scored_at: string;
  /** 0–100; null when no dimension had data. */
  score: number | null;
  /** green | yellow | red; null with the score. */
  band: string | null;
  scorecard_version: number;
  /** JSON `Components`: each dimension and measure with raw value, points, weight and a sentence. */
  components: string;
  /** 1 on the account's latest row, 0 on its history. */
  is_current: number;
}
