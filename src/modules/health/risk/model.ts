/**
 * The learners the churn-risk model chooses between, behind one face: a candidate (a learner and its
 * settings), the fitted model it gives (JSON-serialisable) and its log-odds for rows. Pure.
 */
import { BOOSTING_DEFAULTS, boostingLogits, fitBoosting, type BoostingModel, type BoostingParams } from './boosting.ts';
import { fitLogistic, logisticLogits, sigmoid, type LogisticModel } from './logistic.ts';
import type { Matrix } from './preprocess.ts';

export type Candidate = { kind: 'logistic'; c: number } | { kind: 'boosting'; params: BoostingParams };
export type FittedModel = LogisticModel | BoostingModel;

/**
 * The default choice: logistic regression at three strengths of regularization, and boosted trees of
 * depth 3 read at 50, 100 and 150 trees (one fit: the counts share their first trees).
 */
export const DEFAULT_CANDIDATES: readonly Candidate[] = [
  { kind: 'logistic', c: 0.01 },
  { kind: 'logistic', c: 0.1 },
  { kind: 'logistic', c: 1 },
  ...[50, 100, 150].map((trees): Candidate => ({ kind: 'boosting', params: { ...BOOSTING_DEFAULTS, trees } })),
];

export function describe(c: Candidate): string {
  if (c.kind === 'logistic') return `logistic C=${c.c}`;
  const p = c.params;
  return `boosting ${p.trees} trees, depth ${p.depth}, rate ${p.learningRate}`;
}

export function fitCandidate(candidate: Candidate, X: Matrix, y: ArrayLike<number>): FittedModel {
  return candidate.kind === 'logistic' ? fitLogistic(X, y, candidate.c) : fitBoosting(X, y, candidate.params);
}

export function predictLogits(model: FittedModel, X: Matrix): Float64Array {
  return model.kind === 'logistic' ? logisticLogits(model, X) : boostingLogits(model, X);
}

export const probabilities = (logits: Float64Array): Float64Array => logits.map(sigmoid);
