/**
 * Multi-class linear models on sparse vectors (pure, deterministic). The main one is one-vs-rest with L2
 * regularisation, trained by dual coordinate descent — squared hinge loss (a linear SVM) or logistic loss —
 * visiting examples in an order drawn from a seeded generator; complement naive Bayes is the second
 * candidate. Examples are weighted so each class counts as much as any other (n / (classes × class size)),
 * so a small class is not drowned by a large one. A model is one weight row per class, its bias last.
 */
import type { SparseVector } from './text-features.ts';

export type LinearLoss = 'squared_hinge' | 'logistic';

export interface TrainingSet {
  x: readonly SparseVector[];
  /** Class index of each example, 0 … classes - 1. */
  y: ArrayLike<number>;
  classes: number;
  dim: number;
}

export interface LinearModel {
  /** One row per class: `dim` weights, then the bias. */
  weights: Float64Array[];
}

export interface LinearOptions {
  loss: LinearLoss;
  /** Inverse regularisation strength. */
  c: number;
  maxEpochs: number;
  /** Stop once the projected gradients' spread (logistic: their largest size) is within this. */
  tolerance: number;
  seed: number;
  /** Weigh examples so every class counts the same (on by default). */
  balanced: boolean;
}

export const DEFAULT_LINEAR: LinearOptions = {
  loss: 'squared_hinge',
  c: 1,
  maxEpochs: 60,
  tolerance: 0.1,
  seed: 1,
  balanced: true,
};

/** Seeded pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per-example weights that give every class present the same total weight. */
export function balancedWeights(y: ArrayLike<number>, classes: number): Float64Array {
  const size = new Float64Array(classes);
  for (let i = 0; i < y.length; i++) size[y[i]!]!++;
  const present = size.filter((s) => s > 0).length;
  return Float64Array.from({ length: y.length }, (_, i) => y.length / (present * size[y[i]!]!));
}

const dot = (w: Float64Array, x: SparseVector, bias: number): number => {
  let s = w[w.length - 1]! * bias;
  for (let k = 0; k < x.idx.length; k++) s += w[x.idx[k]!]! * x.val[k]!;
  return s;
};

const addTo = (w: Float64Array, x: SparseVector, bias: number, step: number): void => {
  for (let k = 0; k < x.idx.length; k++) w[x.idx[k]!]! += step * x.val[k]!;
  w[w.length - 1]! += step * bias;
};

const BIAS = 1;

/**
 * One binary problem (class `c` against the rest) by dual coordinate descent. With the hinge loss, an
 * example whose dual variable sits at 0 with a gradient past last epoch's largest is set aside (shrinking:
 * most examples are classified with room to spare and never move again); every example is checked once
 * more before stopping. It stops when the projected gradients' spread is within the tolerance.
 */
function trainBinary(set: TrainingSet, c: number, cost: Float64Array, options: LinearOptions): Float64Array {
  const n = set.x.length;
  const w = new Float64Array(set.dim + 1);
  const sq = Float64Array.from(set.x, (x) => x.val.reduce((s, v) => s + v * v, 0) + BIAS * BIAS);
  const sign = Int8Array.from({ length: n }, (_, i) => (set.y[i] === c ? 1 : -1));
  const alpha = new Float64Array(n);
  const logistic = options.loss === 'logistic';
  if (logistic) {
    // Logistic dual variables live strictly inside (0, C_i); start near 0.
    for (let i = 0; i < n; i++) {
      alpha[i] = Math.min(0.001 * cost[i]!, 1e-8);
      addTo(w, set.x[i]!, BIAS, sign[i]! * alpha[i]!);
    }
  }
  const random = seededRandom(options.seed + 7919 * c);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let active = n;
  let shrinkAbove = Infinity;
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    for (let i = active - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let high = -Infinity;
    let low = Infinity;
    for (let k = 0; k < active; k++) {
      const i = order[k]!;
      const x = set.x[i]!;
      const margin = sign[i]! * dot(w, x, BIAS);
      let next = alpha[i]!;
      if (logistic) {
        const step = logisticStep(alpha[i]!, cost[i]!, sq[i]!, margin);
        next = step.alpha;
        high = Math.max(high, step.gradient);
        low = 0;
      } else {
        // Squared hinge: minimise ½αᵀQα − Σα + Σα²/(4C) over α ≥ 0, one coordinate exactly.
        const d = 1 / (2 * cost[i]!);
        const g = margin - 1 + d * alpha[i]!;
        if (alpha[i] === 0 && g > shrinkAbove) {
          active--;
          [order[k], order[active]] = [order[active]!, order[k]!];
          k--;
          continue;
        }
        const projected = alpha[i] === 0 ? Math.min(g, 0) : g;
        high = Math.max(high, projected);
        low = Math.min(low, projected);
        if (Math.abs(projected) > 1e-12) next = Math.max(alpha[i]! - g / (sq[i]! + d), 0);
      }
      if (next !== alpha[i]) {
        addTo(w, x, BIAS, sign[i]! * (next - alpha[i]!));
        alpha[i] = next;
      }
    }
    if (high - low <= options.tolerance) {
      if (active === n) break;
      active = n;
      shrinkAbove = Infinity;
    } else {
      shrinkAbove = high > 0 ? high : Infinity;
    }
  }
  return w;
}

/**
 * Logistic: minimise ½αᵀQα + Σ[α ln α + (C−α) ln(C−α)] over 0 < α < C. The one-coordinate problem is solved
 * by a few Newton steps on whichever of α and C − α is the smaller, which keeps the logarithms well-behaved.
 */
function logisticStep(a: number, cost: number, sq: number, margin: number): { alpha: number; gradient: number } {
  // With t = α (s = +1) or t = C − α (s = −1), the gradient in t is sq·(t − t₀) + s·margin + ln(t / (C − t)).
  const s = 0.5 * sq * (cost - 2 * a) + margin < 0 ? -1 : 1;
  const t0 = s === 1 ? a : cost - a;
  let t = cost - t0 < 0.5 * cost ? 0.1 * t0 : t0;
  let g = sq * (t - t0) + s * margin + Math.log(t / (cost - t));
  const gradient = Math.abs(g);
  for (let step = 0; step < 100 && Math.abs(g) > 1e-3; step++) {
    const next = t - g / (sq + cost / ((cost - t) * t));
    t = next <= 0 ? t * 0.1 : next;
    g = sq * (t - t0) + s * margin + Math.log(t / (cost - t));
  }
  return { alpha: s === 1 ? t : cost - t, gradient };
}

/** One-vs-rest linear model; with two classes, one problem and its negation. */
export function trainLinear(set: TrainingSet, options: LinearOptions = DEFAULT_LINEAR): LinearModel {
  const cost = options.balanced
    ? balancedWeights(set.y, set.classes).map((w) => w * options.c)
    : new Float64Array(set.x.length).fill(options.c);
  if (set.classes === 2) {
    const w = trainBinary(set, 0, cost, options);
    return { weights: [w, w.map((v) => -v)] };
  }
  return { weights: Array.from({ length: set.classes }, (_, c) => trainBinary(set, c, cost, options)) };
}

/**
 * Complement naive Bayes: each class is scored by how unlike its complement (all other classes) a document
 * is. Counts are the class-balanced sums of the TF-IDF values; weights are normalised per class.
 */
export function trainComplementNb(set: TrainingSet, smoothing = 0.3): LinearModel {
  const weightOf = balancedWeights(set.y, set.classes);
  const perClass = Array.from({ length: set.classes }, () => new Float64Array(set.dim));
  const all = new Float64Array(set.dim);
  set.x.forEach((x, i) => {
    const row = perClass[set.y[i]!]!;
    for (let k = 0; k < x.idx.length; k++) {
      const v = x.val[k]! * weightOf[i]!;
      row[x.idx[k]!]! += v;
      all[x.idx[k]!]! += v;
    }
  });
  const weights = perClass.map((row) => {
    const complement = all.map((v, j) => v - row[j]! + smoothing);
    const total = complement.reduce((s, v) => s + v, 0);
    const logs = complement.map((v) => Math.log(v / total));
    // Normalised to a mean magnitude of one per feature, so scores are on the scale of the linear models'.
    const norm = logs.reduce((s, v) => s + Math.abs(v), 0) / set.dim;
    const w = new Float64Array(set.dim + 1);
    logs.forEach((v, j) => (w[j] = -v / norm));
    return w;
  });
  return { weights };
}

/** The model's score for each class. */
export function scores(model: LinearModel, x: SparseVector): Float64Array {
  return Float64Array.from(model.weights, (w) => dot(w, x, BIAS));
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
