/**
 * The churn-risk model's backtest: stratified k-fold cross-validation where every fold fits its own
 * preprocessing and chooses its own learner on the training folds only (the leakage guard), then
 * predicts the held-out fold. The figures come from the held-out predictions only. Pure.
 */
import { AppError } from '../../../platform/errors/app-error.ts';
import type { LabelledDataset } from './dataset.ts';
import { permutationImportance } from './importance.ts';
import { auc, calibration, liftTopDecile, type CalibrationBin } from './metrics.ts';
import { predictLogits, probabilities, type Candidate } from './model.ts';
import { selectModel, type SelectionOptions } from './model-selection.ts';
import { transform, type Preprocess } from './preprocess.ts';
import { complement, stratifiedFolds } from './random.ts';

export interface BacktestOptions extends SelectionOptions {
  /** Outer folds (10 by default, fewer when there are fewer churned or retained accounts). */
  folds?: number;
  /** Called once per fold with what it was fitted on: for inspection and tests. */
  onFold?: (fold: FoldReport) => void;
}

export interface FoldReport {
  fold: number;
  train: number[];
  test: number[];
  preprocess: Preprocess;
  candidate: Candidate;
  auc: number;
}

/** The JSON the CLI prints: keys as they appear there. */
export interface BacktestResult {
  /** AUC of all held-out predictions together. */
  auc: number;
  auc_folds: number[];
  n: number;
  positives: number;
  calibration: CalibrationBin[];
  lift_top_decile: number;
  /** Permutation importance on the held-out folds, per account attribute, largest first, top 10. */
  top_features: Array<{ feature: string; importance: number }>;
  /** The learner the folds chose most often. */
  model: 'logistic' | 'boosting';
}

export function backtest(ds: LabelledDataset, options: BacktestOptions = {}): BacktestResult {
  const negatives = ds.n - ds.positives;
  const k = Math.min(options.folds ?? 10, ds.positives, negatives);
  if (k < 2) {
    throw AppError.validation(
      'outcome',
      `a backtest needs at least 2 churned and 2 retained accounts (${ds.positives} churned of ${ds.n})`,
    );
  }
  if (ds.columns.length === 0) throw AppError.validation('attributes', 'no attribute is left to learn from');
  const seed = options.seed ?? 42;
  const all = Array.from({ length: ds.n }, (_, i) => i);
  const predicted = new Float64Array(ds.n);
  const importance = new Float64Array(ds.columns.length);
  const aucFolds: number[] = [];
  const chosen = { logistic: 0, boosting: 0 };

  stratifiedFolds(ds.y, all, k, seed).forEach((test, fold) => {
    const train = complement(all, test);
    const selection = selectModel(ds, ds.y, train, { ...options, seed: seed + 1000 + fold });
    const X = transform(selection.preprocess, ds, test);
    const yTest = Uint8Array.from(test, (i) => ds.y[i]!);
    const p = probabilities(predictLogits(selection.model, X));
    test.forEach((row, r) => (predicted[row] = p[r]!));
    const foldAuc = auc(p, yTest);
    aucFolds.push(foldAuc);
    chosen[selection.candidate.kind]++;
    const drops = permutationImportance(selection.model, X, yTest, ds.columns.length, seed + 2000 + fold);
    drops.forEach((d, a) => (importance[a]! += d / k));
    options.onFold?.({
      fold,
      train,
      test,
      preprocess: selection.preprocess,
      candidate: selection.candidate,
      auc: foldAuc,
    });
  });

  const top = ds.columns
    .map((c, a) => ({ feature: c.name, importance: importance[a]! }))
    .sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : 1))
    .slice(0, 10);
  return {
    auc: auc(predicted, ds.y),
    auc_folds: aucFolds,
    n: ds.n,
    positives: ds.positives,
    calibration: calibration(predicted, ds.y),
    lift_top_decile: liftTopDecile(predicted, ds.y),
    top_features: top,
    model: chosen.boosting > chosen.logistic ? 'boosting' : 'logistic',
  };
}
