/**
 * Chooses the churn-risk learner by cross-validation inside the training rows only, then refits the
 * chosen one (and its preprocessing) on all of them. Each inner fold fits its own preprocessing, so no
 * held-out row shapes the columns it is judged on. Pure.
 */
import type { Dataset } from './dataset.ts';
import { boostingStagedLogits, fitBoosting } from './boosting.ts';
import { fitLogistic, logisticLogits, type LogisticModel } from './logistic.ts';
import { auc } from './metrics.ts';
import { DEFAULT_CANDIDATES, fitCandidate, type Candidate, type FittedModel } from './model.ts';
import { fitPreprocess, transform, type Matrix, type Preprocess } from './preprocess.ts';
import { complement, stratifiedFolds } from './random.ts';

export interface SelectionOptions {
  candidates?: readonly Candidate[];
  /** Inner cross-validation folds (3 by default). */
  innerFolds?: number;
  seed?: number;
}

export interface Selection {
  candidate: Candidate;
  preprocess: Preprocess;
  model: FittedModel;
  /** Mean inner-fold AUC of each candidate, in the candidates' order (empty when there was one). */
  scores: Array<{ candidate: Candidate; auc: number }>;
}

/** Each candidate's AUC on one validation part; fits shared where a candidate differs only in its tree count. */
function scoreFold(candidates: readonly Candidate[], X: Matrix, y: Uint8Array, V: Matrix, yv: Uint8Array): number[] {
  const out = new Array<number>(candidates.length).fill(NaN);
  // Logistic fits from the strongest regularization up, each starting from the previous one's weights.
  const logistic = candidates
    .flatMap((c, k) => (c.kind === 'logistic' ? [[c.c, k] as const] : []))
    .sort((a, b) => a[0] - b[0]);
  let start: LogisticModel | undefined;
  for (const [c, k] of logistic) {
    start = fitLogistic(X, y, c, start ? { start } : {});
    out[k] = auc(logisticLogits(start, V), yv);
  }
  const groups = new Map<string, number[]>();
  candidates.forEach((c, k) => {
    if (c.kind !== 'boosting') return;
    const key = JSON.stringify({ ...c.params, trees: 0 });
    groups.set(key, [...(groups.get(key) ?? []), k]);
  });
  for (const members of groups.values()) {
    const counts = members.map((k) => (candidates[k] as Extract<Candidate, { kind: 'boosting' }>).params.trees);
    const first = candidates[members[0]!] as Extract<Candidate, { kind: 'boosting' }>;
    const model = fitBoosting(X, y, { ...first.params, trees: Math.max(...counts) });
    boostingStagedLogits(model, V, counts).forEach((logits, m) => (out[members[m]!] = auc(logits, yv)));
  }
  return out;
}

const pick = (y: Uint8Array, rows: readonly number[]) => Uint8Array.from(rows, (i) => y[i]!);

/** Picks a candidate by inner cross-validation on `rows` of `ds` and refits it on all of `rows`. */
export function selectModel(
  ds: Dataset,
  y: Uint8Array,
  rows: readonly number[],
  options: SelectionOptions = {},
): Selection {
  const candidates = options.candidates ?? DEFAULT_CANDIDATES;
  if (candidates.length === 0) throw new RangeError('model selection needs at least one candidate');
  let chosen = 0;
  const scores: Selection['scores'] = [];
  if (candidates.length > 1) {
    let positives = 0;
    for (const i of rows) positives += y[i]!;
    const k = Math.min(options.innerFolds ?? 3, positives, rows.length - positives);
    const sums = new Array<number>(candidates.length).fill(0);
    if (k >= 2) {
      for (const fold of stratifiedFolds(y, rows, k, options.seed ?? 7)) {
        const train = complement(rows, fold);
        const pre = fitPreprocess(ds, train);
        const foldScores = scoreFold(
          candidates,
          transform(pre, ds, train),
          pick(y, train),
          transform(pre, ds, fold),
          pick(y, fold),
        );
        // A fold whose part holds one outcome only gives NaN: it counts as a coin toss.
        foldScores.forEach((s, c) => (sums[c]! += Number.isNaN(s) ? 0.5 : s));
      }
    }
    candidates.forEach((candidate, c) => scores.push({ candidate, auc: k >= 2 ? sums[c]! / k : NaN }));
    // Strictly better only: on a tie the earlier (simpler) candidate stays.
    scores.forEach((s, c) => {
      if (s.auc > scores[chosen]!.auc) chosen = c;
    });
  }
  const candidate = candidates[chosen]!;
  const preprocess = fitPreprocess(ds, rows);
  const model = fitCandidate(candidate, transform(preprocess, ds, rows), pick(y, rows));
  return { candidate, preprocess, model, scores };
}
