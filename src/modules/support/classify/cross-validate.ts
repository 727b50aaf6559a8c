/**
 * Stratified k-fold cross-validation of the ticket classifier (pure): each fold's vocabulary, IDF and model
 * are fitted on the other folds only, then the fold is predicted. Texts are split into terms once (that
 * step learns nothing); what is learnt from data is learnt inside the fold.
 */
import { AppError } from '../../../platform/errors/app-error.ts';
import type { LabelledText } from './categories.ts';
import { type ClassifierOptions, DEFAULT_CLASSIFIER, fitCounts, labelledOf, rank } from './classifier.ts';
import { scores, seededRandom } from './linear-classifier.ts';
import { countTerms, Lexicon, vectorise } from './text-features.ts';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Metrics {
  n: number;
  accuracy: number;
  /** Unweighted mean of the per-class F1 over the labels present in the data. */
  macro_f1: number;
  per_class: Record<string, ClassMetrics>;
  /** `matrix[i][j]`: items labelled `labels[i]` predicted `labels[j]`. */
  confusion: { labels: string[]; matrix: number[][] };
}

export interface CrossValidation extends Metrics {
  folds: number;
}

export interface OutOfFold {
  folds: number;
  /** The label of each labelled item, in the order given. */
  truth: string[];
  /** The prediction for each of them by the model fitted without its fold. */
  predictions: Array<{ label: string; confidence: number }>;
}

export interface CrossValidationOptions {
  folds: number;
  seed: number;
  classifier: Partial<ClassifierOptions>;
}

/**
 * The fold (0 … k-1) of each item: each label's items shuffled with the seed and dealt round the folds,
 * one label after another from where the last stopped, so fold sizes differ by one at most.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const fold = new Int32Array(labels.length);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const members = byLabel.get(label)!;
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    for (const i of members) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

/**
 * Accuracy, per-class precision / recall / F1 and their macro mean, from true and predicted labels. A class
 * never predicted has precision 0 (and so F1 0), as it has no correct predictions to show.
 */
export function metricsOf(truth: readonly string[], predicted: readonly string[]): Metrics {
  const labels = [...new Set([...truth, ...predicted])].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  truth.forEach((t, i) => matrix[at.get(t)!]![at.get(predicted[i]!)!]!++);
  const per_class: Record<string, ClassMetrics> = {};
  let correct = 0;
  let f1Sum = 0;
  let present = 0;
  labels.forEach((label, c) => {
    const tp = matrix[c]![c]!;
    const support = matrix[c]!.reduce((s, v) => s + v, 0);
    const predictedCount = matrix.reduce((s, row) => s + row[c]!, 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    correct += tp;
    if (support === 0) return;
    per_class[label] = { precision, recall, f1, support };
    f1Sum += f1;
    present++;
  });
  return {
    n: truth.length,
    accuracy: truth.length === 0 ? 0 : correct / truth.length,
    macro_f1: present === 0 ? 0 : f1Sum / present,
    per_class,
    confusion: { labels, matrix },
  };
}

/** Cross-validates the classifier on the labelled items (null labels are left out): the figures to show. */
export function crossValidate(
  items: readonly LabelledText[],
  options: Partial<CrossValidationOptions> = {},
): CrossValidation {
  const { folds, truth, predictions } = outOfFoldPredictions(items, options);
  const metrics = metricsOf(
    truth,
    predictions.map((p) => p.label),
  );
  return { ...metrics, folds };
}

/** Each labelled item's prediction by the model of the folds it is not in (null labels are left out). */
export function outOfFoldPredictions(
  items: readonly LabelledText[],
  options: Partial<CrossValidationOptions> = {},
): OutOfFold {
  const { folds: k, seed } = { folds: 5, seed: 1, ...options };
  const settings: ClassifierOptions = { ...DEFAULT_CLASSIFIER, seed, ...options.classifier };
  const labelled = labelledOf(items);
  const labels = labelled.map((i) => i.label);
  const folds = Math.min(k, labelled.length);
  if (!Number.isInteger(folds) || folds < 2) throw AppError.validation('folds', `2 or more are needed, not ${k}`);
  const fold = stratifiedFolds(labels, folds, seed);
  const lexicon = new Lexicon();
  const docs = labelled.map((i) => countTerms(i.text, lexicon, settings.features));
  const predictions = new Array<{ label: string; confidence: number }>(labelled.length);
  for (let f = 0; f < folds; f++) {
    const train = labels.map((_, i) => i).filter((i) => fold[i] !== f);
    const fitted = fitCounts(
      train.map((i) => docs[i]!),
      train.map((i) => labels[i]!),
      lexicon,
      settings,
    );
    for (let i = 0; i < labelled.length; i++) {
      if (fold[i] !== f) continue;
      const { label, confidence } = rank(
        settings.model,
        fitted.labels,
        scores(fitted.model, vectorise(docs[i]!, fitted.vocabulary)),
      );
      predictions[i] = { label, confidence };
    }
  }
  return { folds, truth: labels, predictions };
}
