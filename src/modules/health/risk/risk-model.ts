/**
 * The churn-risk model's front door: fit on a workspace's account history (rows of attributes and an
 * outcome), store the result as JSON, score accounts with it — a probability, its decile and the three
 * attributes that moved it most — and backtest the whole procedure. Pure.
 */
import { AppError } from '../../../platform/errors/app-error.ts';
import { backtest, type BacktestOptions, type BacktestResult } from './backtest.ts';
import { buildDataset, readColumns, schemaOf, type AccountRow, type AttributeSchema, type Dropped } from './dataset.ts';
import { describe, predictLogits, type FittedModel } from './model.ts';
import { selectModel, type SelectionOptions } from './model-selection.ts';
import { sigmoid } from './logistic.ts';
import { columnMeans, transform, width, type Matrix, type Preprocess } from './preprocess.ts';

export const RISK_MODEL_VERSION = 1;

/** A fitted churn-risk model: plain JSON, to be stored and read back. */
export interface RiskModel {
  version: typeof RISK_MODEL_VERSION;
  outcome: string;
  schema: AttributeSchema[];
  dropped: Dropped[];
  preprocess: Preprocess;
  model: FittedModel;
  /** The candidate inner cross-validation chose, in words. */
  chosen: string;
  /** The preprocessed row drivers are measured against: the average account (logistic) or the median/mode one (boosting). */
  reference: number[];
  /** Nine probability cuts, highest first: decile 1 (riskiest) holds probabilities ≥ cuts[0]. */
  deciles: number[];
  trained: { n: number; positives: number };
}

export interface Driver {
  attribute: string;
  value: string | number | null;
  /** Push on the log-odds of churn against the reference account: positive raises the risk. */
  effect: number;
}

export interface AccountScore {
  probability: number;
  /** 1 = the riskiest tenth of the accounts the model was fitted on, 10 = the safest. */
  decile: number;
  drivers: Driver[];
}

/** The backtest's figures and the attributes the history could not use, with why. */
export function backtestAccounts(
  rows: readonly AccountRow[],
  attributes: readonly string[],
  outcome: string,
  options: BacktestOptions = {},
): { result: BacktestResult; dropped: Dropped[] } {
  const ds = buildDataset(rows, attributes, outcome);
  return { result: backtest(ds, options), dropped: ds.dropped };
}

/** The row boosting's drivers start from: each numeric attribute at its median, each categorical one at its most common level. */
function medianRow(pre: Preprocess): number[] {
  return pre.features.flatMap((f) => {
    if (f.kind === 'numeric')
      return f.missingShare > 0 ? [(f.median - f.mean) / f.sd, 0] : [(f.median - f.mean) / f.sd];
    const row = new Array<number>(width(f)).fill(0);
    if (row.length > 0) row[0] = 1; // levels are kept most frequent first; with none, the "other" column
    return row;
  });
}

/** Fits the churn-risk model on all the rows, its learner chosen by cross-validation inside them. */
export function fitRiskModel(
  rows: readonly AccountRow[],
  attributes: readonly string[],
  outcome: string,
  options: SelectionOptions = {},
): RiskModel {
  const ds = buildDataset(rows, attributes, outcome);
  if (ds.columns.length === 0) throw AppError.validation('attributes', 'no attribute is left to learn from');
  const all = Array.from({ length: ds.n }, (_, i) => i);
  const selection = selectModel(ds, ds.y, all, options);
  const fitted = predictLogits(selection.model, transform(selection.preprocess, ds)).map(sigmoid).sort();
  const deciles = Array.from({ length: 9 }, (_, k) => fitted[Math.min(ds.n - 1, Math.floor(((9 - k) * ds.n) / 10))]!);
  return {
    version: RISK_MODEL_VERSION,
    outcome,
    schema: schemaOf(ds),
    dropped: ds.dropped,
    preprocess: selection.preprocess,
    model: selection.model,
    chosen: describe(selection.candidate),
    reference:
      selection.model.kind === 'logistic' ? columnMeans(selection.preprocess) : medianRow(selection.preprocess),
    deciles,
    trained: { n: ds.n, positives: ds.positives },
  };
}

/** Each attribute's push on row r's log-odds: linear terms for logistic, a swap to the reference row for boosting. */
function effects(model: RiskModel, X: Matrix, r: number, logit: number): number[] {
  const out = new Array<number>(model.preprocess.features.length).fill(0);
  const row = X.data.subarray(r * X.cols, (r + 1) * X.cols);
  if (model.model.kind === 'logistic') {
    const w = model.model.weights;
    for (let j = 0; j < X.cols; j++) out[X.owner[j]!]! += w[j]! * (row[j]! - model.reference[j]!);
    return out;
  }
  const swapped = Float64Array.from(row);
  const one: Matrix = { rows: 1, cols: X.cols, data: swapped, owner: X.owner };
  for (let a = 0; a < out.length; a++) {
    const columns: number[] = [];
    X.owner.forEach((o, j) => o === a && columns.push(j));
    if (columns.every((j) => row[j] === model.reference[j])) continue;
    for (const j of columns) swapped[j] = model.reference[j]!;
    out[a] = logit - predictLogits(model.model, one)[0]!;
    for (const j of columns) swapped[j] = row[j]!;
  }
  return out;
}

/** Scores accounts (rows with the attributes the model was fitted on; the outcome is not needed). */
export function scoreAccounts(model: RiskModel, rows: readonly AccountRow[]): AccountScore[] {
  if (model.version !== RISK_MODEL_VERSION) {
    throw AppError.validation(
      'model',
      `a churn-risk model of version ${String(model.version)} cannot be read; fit it again`,
    );
  }
  const ds = readColumns(rows, model.schema);
  const X = transform(model.preprocess, ds);
  const logits = predictLogits(model.model, X);
  return rows.map((_, r) => {
    const logit = logits[r]!;
    const probability = sigmoid(logit);
    const decile = 1 + model.deciles.filter((cut) => probability < cut).length;
    const drivers = effects(model, X, r, logit)
      .map((effect, a) => {
        const column = ds.columns[a]!;
        const raw = column.values[r]!;
        const value = typeof raw === 'number' && Number.isNaN(raw) ? null : raw;
        return { attribute: column.name, value, effect };
      })
      .filter((d) => d.effect !== 0)
      .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || (a.attribute < b.attribute ? -1 : 1))
      .slice(0, 3);
    return { probability, decile, drivers };
  });
}
