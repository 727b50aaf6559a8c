export interface RiskBacktestTable {
  id: string;
  workspace_id: string;
  folds: number;
  /** The backtest's JSON (`BacktestResult` with the attributes set aside). */
  result: string;
  created_at: string;
}

export interface RiskModelTable {
  id: string;
  workspace_id: string;
  /** The fitted `RiskModel` as JSON. */
  model: string;
  created_at: string;
}

export interface RiskScoreTable {
  account_id: string;
  workspace_id: string;
  model_id: string;
  probability: number;
  decile: number;
  /** JSON array of `{attribute, value, effect}`, largest push first. */
  drivers: string;
  scored_at: string;
}
