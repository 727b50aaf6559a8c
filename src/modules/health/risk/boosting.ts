/**
 * Gradient-boosted decision trees for the log-loss: shallow histogram trees, shrinkage and a row
 * subsample drawn with a seeded generator, so the same rows and seed always give the same model. Pure.
 */
import type { Matrix } from './preprocess.ts';
import { seededRandom } from './random.ts';
import { binMatrix } from './bins.ts';
import { growTree, treeOutput, type Tree } from './tree.ts';

export interface BoostingParams {
  trees: number;
  depth: number;
  learningRate: number;
  /** Share of rows each tree is grown on. */
  subsample: number;
  l2: number;
  minChildHessian: number;
  /** At most 255. */
  maxBins: number;
  seed: number;
}

export const BOOSTING_DEFAULTS: BoostingParams = {
  trees: 100,
  depth: 3,
  learningRate: 0.1,
  subsample: 0.8,
  l2: 1,
  minChildHessian: 10,
  maxBins: 32,
  seed: 1,
};

export interface BoostingModel {
  kind: 'boosting';
  params: BoostingParams;
  /** Log-odds of the training churn rate: every prediction starts there. */
  base: number;
  trees: Tree[];
}

/** Fits the model on X and outcomes y (1 = churned). */
export function fitBoosting(X: Matrix, y: ArrayLike<number>, params: Partial<BoostingParams> = {}): BoostingModel {
  const p: BoostingParams = { ...BOOSTING_DEFAULTS, ...params };
  if (p.maxBins > 255 || p.maxBins < 2) throw new RangeError('maxBins must be within 2..255');
  const n = X.rows;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i]!;
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
  const base = Math.log(rate / (1 - rate));
  const data = binMatrix(X, p.maxBins);
  const scores = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const next = seededRandom(p.seed);
  const sample = new Int32Array(n);
  const trees: Tree[] = [];
  for (let t = 0; t < p.trees; t++) {
    for (let i = 0; i < n; i++) {
      const prob = 1 / (1 + Math.exp(-scores[i]!));
      g[i] = prob - y[i]!;
      h[i] = Math.max(prob * (1 - prob), 1e-12);
    }
    let m = 0;
    for (let i = 0; i < n; i++) if (p.subsample >= 1 || next() < p.subsample) sample[m++] = i;
    trees.push(growTree(data, sample.subarray(0, m), g, h, p, scores));
  }
  return { kind: 'boosting', params: p, base, trees };
}

/** Log-odds of churn for each row of X, after the first `counts[k]` trees for each k (staged). */
export function boostingStagedLogits(model: BoostingModel, X: Matrix, counts: readonly number[]): Float64Array[] {
  const out = counts.map(() => new Float64Array(X.rows));
  const order = counts.map((c, k) => [Math.min(c, model.trees.length), k] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < X.rows; i++) {
    let z = model.base;
    let t = 0;
    for (const [count, k] of order) {
      for (; t < count; t++) z += treeOutput(model.trees[t]!, X, i);
      out[k]![i] = z;
    }
  }
  return out;
}

/** Log-odds of churn for each row of X. */
export function boostingLogits(model: BoostingModel, X: Matrix): Float64Array {
  return boostingStagedLogits(model, X, [model.trees.length])[0]!;
}
