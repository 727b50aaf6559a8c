/** The churn-risk answers of the API (src/modules/health/risk.schemas.ts), as the web app reads them. */

export interface CalibrationBin {
  bin: number;
  predicted: number;
  observed: number;
  count: number;
}

export interface Backtest {
  id: string;
  createdAt: string;
  folds: number;
  auc: number | null;
  aucFolds: Array<number | null>;
  n: number;
  positives: number;
  calibration: CalibrationBin[];
  liftTopDecile: number | null;
  topFeatures: Array<{ feature: string; importance: number }>;
  model: 'logistic' | 'boosting';
  setAside: Array<{ attribute: string; reason: string }>;
}

export interface RiskDriver {
  attribute: string;
  value: string | number | null;
  effect: number;
  sentence: string;
}

export interface AccountRisk {
  accountId: string;
  account: string;
  probability: number;
  decile: number;
  arr: number;
  arrAtRisk: number;
  nextRenewal: string | null;
  drivers: RiskDriver[];
  scoredAt: string;
}

export interface AccountRiskList {
  currency: string;
  totalArrAtRisk: number;
  totalArr: number;
  total: number;
  scoredAt: string | null;
  model: string | null;
  items: AccountRisk[];
}

export interface RiskJob {
  id: string;
  type: 'health.risk.backtest' | 'health.risk.score';
  state: 'queued' | 'running' | 'done' | 'refused' | 'failed';
  refusal: { field: string; message: string } | null;
  result: { backtestId: string; auc: number } | { modelId: string; scored: number } | null;
  error: string | null;
}

/** What each figure is, said where it shows. */
export const RISK_HELP = {
  probability: 'The chance the model gives that the account leaves at its renewal.',
  decile: '1 is the riskiest tenth of the accounts the model learnt from, 10 the safest.',
  arrAtRisk: 'Probability × the account’s ARR today: the revenue the risk puts in question.',
  auc: 'AUC is the chance that the model ranks an account that churned above one that renewed: 0.5 is a coin toss, 1 is perfect.',
  folds:
    'Each fold is held out once: the model is fitted (preprocessing included) on the other folds and tested on it.',
  calibration:
    'Accounts grouped by the probability predicted for them; a well calibrated model sits on the diagonal, where the share that churned equals the probability predicted.',
  lift: 'How many times more churn the riskiest tenth of accounts had than the history as a whole.',
  features: 'How much AUC falls when the attribute’s values are shuffled across accounts: what the model leans on.',
} as const;

export const pct = (v: number) => `${(v * 100).toFixed(0)} %`;
export const f2 = (v: number | null) => (v === null ? '—' : v.toFixed(2));
