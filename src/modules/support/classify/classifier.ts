/**
 * The ticket classifier (pure): trained on a workspace's labelled tickets, kept as plain JSON (vocabulary,
 * IDF, one weight row per label) and applied to a ticket's text. Only the labels seen in training can be
 * predicted. Items are `{ text, label }`; those whose label is null are left out of training.
 */
import { AppError } from '../../../platform/errors/app-error.ts';
import type { LabelledText } from './categories.ts';
import {
  argmax,
  DEFAULT_LINEAR,
  type LinearModel,
  scores,
  trainComplementNb,
  trainLinear,
} from './linear-classifier.ts';
import {
  countTerms,
  DEFAULT_FEATURES,
  type FeatureOptions,
  fitVocabulary,
  Lexicon,
  type TermCounts,
  vectorise,
  type Vocabulary,
} from './text-features.ts';

export type ModelKind = 'linear_svm' | 'logistic_regression' | 'complement_nb';

export interface ClassifierOptions {
  model: ModelKind;
  features: FeatureOptions;
  /** Inverse regularisation strength of the linear models; null for the model's own default. */
  c: number | null;
  seed: number;
}

/**
 * The default, chosen on the development data (1,500 labelled GitHub issues, 5-fold CV): the linear SVM
 * scored a macro F1 of 0.773, logistic regression 0.772, complement naive Bayes 0.67–0.70; with 15–150
 * labelled items the SVM was as good as the others or better.
 */
export const DEFAULT_CLASSIFIER: ClassifierOptions = {
  model: 'linear_svm',
  features: DEFAULT_FEATURES,
  c: null,
  seed: 1,
};

/** Each linear model's best C on the development data. */
const DEFAULT_C: Record<Exclude<ModelKind, 'complement_nb'>, number> = { linear_svm: 1, logistic_regression: 10 };

/**
 * Fewer labelled tickets than this are refused: five-fold cross-validation then tests on two tickets a
 * fold, and below it an accuracy figure says nothing a person could act on.
 */
export const MIN_LABELLED = 10;

export interface TicketClassifierModel {
  format: 'baton.ticket-classifier';
  version: 1;
  kind: ModelKind;
  labels: string[];
  /** Labelled tickets it was trained on. */
  trained_on: number;
  features: FeatureOptions;
  /** The vocabulary; character n-grams start with `~`. */
  terms: string[];
  idf: number[];
  /** One row per label: a weight per term, then the bias. */
  weights: number[][];
}

export interface Classification {
  label: string;
  /** The top label's share of the scores turned into probabilities, 0–1. */
  confidence: number;
  top: Array<{ label: string; score: number }>;
}

/** What fitting needs and gives back, shared with cross-validation's folds. */
export interface Fitted {
  labels: string[];
  vocabulary: Vocabulary;
  model: LinearModel;
}

/** Fits vocabulary and model on already counted documents (the lexicon holds their terms). */
export function fitCounts(
  docs: readonly TermCounts[],
  labels: readonly string[],
  lexicon: Lexicon,
  options: ClassifierOptions,
): Fitted {
  const known = [...new Set(labels)].sort();
  const index = new Map(known.map((l, i) => [l, i]));
  const vocabulary = fitVocabulary(docs, lexicon, options.features);
  const set = {
    x: docs.map((d) => vectorise(d, vocabulary)),
    y: Int32Array.from(labels, (l) => index.get(l)!),
    classes: known.length,
    dim: vocabulary.termIds.length,
  };
  const model =
    options.model === 'complement_nb'
      ? trainComplementNb(set)
      : trainLinear(set, {
          ...DEFAULT_LINEAR,
          loss: options.model === 'logistic_regression' ? 'logistic' : 'squared_hinge',
          c: options.c ?? DEFAULT_C[options.model],
          seed: options.seed,
        });
  return { labels: known, vocabulary, model };
}

/**
 * Scores → a ranked list with probabilities that sum to one: logistic regression's class probabilities
 * normalised; for the others a softmax whose sharpness (2) made the confidence of the development data's
 * out-of-fold predictions match their accuracy best (expected calibration error 0.05).
 */
export function rank(kind: ModelKind, labels: readonly string[], raw: ArrayLike<number>): Classification {
  const values = Array.from(raw);
  const probabilities =
    kind === 'logistic_regression' ? normalised(values.map((s) => 1 / (1 + Math.exp(-s)))) : softmax(values, 2);
  const top = labels
    .map((label, i) => ({ label, score: round(probabilities[i]!, 4) }))
    .sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1));
  const best = argmax(values);
  return { label: labels[best]!, confidence: round(probabilities[best]!, 4), top };
}

const normalised = (xs: number[]) => {
  const total = xs.reduce((s, v) => s + v, 0);
  return xs.map((v) => v / total);
};
const softmax = (xs: number[], sharpness: number) => {
  const max = Math.max(...xs);
  return normalised(xs.map((v) => Math.exp(sharpness * (v - max))));
};
const round = (v: number, digits: number) => Number(v.toPrecision(digits));

/** The labelled items, refused when there are too few or they carry a single label. */
export function labelledOf(items: readonly LabelledText[]): Array<{ text: string; label: string }> {
  const labelled = items.filter((i): i is { text: string; label: string } => i.label !== null && i.label !== '');
  if (labelled.length < MIN_LABELLED) {
    throw new AppError(
      'validation',
      `too few labelled tickets to train (n < ${MIN_LABELLED}): ${labelled.length} labelled`,
    );
  }
  const labels = new Set(labelled.map((i) => i.label));
  if (labels.size < 2) {
    throw new AppError(
      'validation',
      `every labelled ticket is '${[...labels][0]}': at least two categories are needed`,
    );
  }
  return labelled;
}

/** Trains on the labelled items (at least {@link MIN_LABELLED}, in two categories or more). */
export function trainClassifier(
  items: readonly LabelledText[],
  options: Partial<ClassifierOptions> = {},
): TicketClassifierModel {
  const settings = { ...DEFAULT_CLASSIFIER, ...options };
  const labelled = labelledOf(items);
  const lexicon = new Lexicon();
  const docs = labelled.map((i) => countTerms(i.text, lexicon, settings.features));
  const fitted = fitCounts(
    docs,
    labelled.map((i) => i.label),
    lexicon,
    settings,
  );
  return {
    format: 'baton.ticket-classifier',
    version: 1,
    kind: settings.model,
    labels: fitted.labels,
    trained_on: labelled.length,
    features: settings.features,
    terms: Array.from(fitted.vocabulary.termIds, (id) => lexicon.terms[id]!),
    idf: Array.from(fitted.vocabulary.idf, (v) => round(v, 6)),
    weights: fitted.model.weights.map((w) => Array.from(w, (v) => round(v, 6))),
  };
}

interface Compiled {
  lexicon: Lexicon;
  vocabulary: Vocabulary;
  model: LinearModel;
}
const compiled = new WeakMap<TicketClassifierModel, Compiled>();

function compile(model: TicketClassifierModel): Compiled {
  const known = compiled.get(model);
  if (known) return known;
  if (model.format !== 'baton.ticket-classifier' || model.version !== 1) {
    throw new AppError('validation', 'not a ticket classifier model this version of Baton reads');
  }
  const lexicon = new Lexicon(model.terms, true);
  const size = model.terms.length;
  const identity = Int32Array.from({ length: size }, (_, i) => i);
  const vocabulary: Vocabulary = {
    termIds: identity,
    featureOf: identity,
    idf: Float64Array.from(model.idf),
    isChar: Uint8Array.from({ length: size }, (_, i) => (lexicon.isCharTerm(i) ? 1 : 0)),
  };
  const result = { lexicon, vocabulary, model: { weights: model.weights.map((w) => Float64Array.from(w)) } };
  compiled.set(model, result);
  return result;
}

/** The label a trained model gives a ticket's text, with its confidence and every label's score. */
export function classify(model: TicketClassifierModel, text: string): Classification {
  const { lexicon, vocabulary, model: linear } = compile(model);
  const x = vectorise(countTerms(text, lexicon, model.features), vocabulary);
  return rank(model.kind, model.labels, scores(linear, x));
}
