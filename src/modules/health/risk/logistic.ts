/**
 * L2-regularized logistic regression fitted by Newton's method with a backtracking line search, each
 * step solved by Cholesky (or, for many columns, by preconditioned conjugate gradients). It minimises
 * mean log-loss + ‖w‖² / (2·C·n) — C as scikit-learn means it — with the intercept left unpenalized.
 * Deterministic: no random draw anywhere. Pure.
 */
import type { Matrix } from './preprocess.ts';

export interface LogisticModel {
  kind: 'logistic';
  c: number;
  intercept: number;
  weights: number[];
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Log-odds of churn for each row of X. */
export function logisticLogits(model: Pick<LogisticModel, 'intercept' | 'weights'>, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows);
  const w = model.weights;
  for (let i = 0; i < X.rows; i++) {
    let z = model.intercept;
    const base = i * X.cols;
    for (let j = 0; j < X.cols; j++) z += X.data[base + j]! * w[j]!;
    out[i] = z;
  }
  return out;
}

/** θ = [intercept, w…]; z_i = θ₀ + x_i·w. */
function linear(theta: Float64Array, X: Matrix, out: Float64Array): Float64Array {
  for (let i = 0; i < X.rows; i++) {
    let z = theta[0]!;
    const base = i * X.cols;
    for (let j = 0; j < X.cols; j++) z += X.data[base + j]! * theta[j + 1]!;
    out[i] = z;
  }
  return out;
}

/** out = Xᵀ·r with a leading row of ones for the intercept. */
function transposeTimes(X: Matrix, r: Float64Array, out: Float64Array): Float64Array {
  out.fill(0);
  for (let i = 0; i < X.rows; i++) {
    const ri = r[i]!;
    if (ri === 0) continue;
    out[0]! += ri;
    const base = i * X.cols;
    for (let j = 0; j < X.cols; j++) out[j + 1]! += ri * X.data[base + j]!;
  }
  return out;
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

/** Up to this many columns a Newton step solves the Hessian itself (Cholesky); beyond, by conjugate gradients. */
const DIRECT_LIMIT = 160;

/** Solves H·d = −g with H = X̃ᵀ S X̃ + λ I (X̃ = [1 X], intercept unpenalized) by Cholesky. */
function solveDirect(X: Matrix, s: Float64Array, lambda: number, grad: Float64Array): Float64Array {
  const p = X.cols + 1;
  const H = new Float64Array(p * p);
  const row = new Float64Array(p);
  row[0] = 1;
  for (let i = 0; i < X.rows; i++) {
    const si = s[i]!;
    if (si === 0) continue;
    row.set(X.data.subarray(i * X.cols, (i + 1) * X.cols), 1);
    for (let a = 0; a < p; a++) {
      const ra = row[a]! * si;
      if (ra === 0) continue;
      const base = a * p;
      for (let b = a; b < p; b++) H[base + b]! += ra * row[b]!;
    }
  }
  for (let a = 1; a < p; a++) H[a * p + a]! += lambda;
  // Cholesky H = L Lᵀ in the lower triangle (mirrored from the upper one as it goes).
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = H[b * p + a]!;
      for (let k = 0; k < b; k++) sum -= H[a * p + k]! * H[b * p + k]!;
      H[a * p + b] = a === b ? Math.sqrt(Math.max(sum, 1e-12)) : sum / H[b * p + b]!;
    }
  }
  const d = Float64Array.from(grad, (g) => -g);
  for (let a = 0; a < p; a++) {
    for (let k = 0; k < a; k++) d[a]! -= H[a * p + k]! * d[k]!;
    d[a]! /= H[a * p + a]!;
  }
  for (let a = p - 1; a >= 0; a--) {
    for (let k = a + 1; k < p; k++) d[a]! -= H[k * p + a]! * d[k]!;
    d[a]! /= H[a * p + a]!;
  }
  return d;
}

/** Solves H·d = −g approximately by Jacobi-preconditioned conjugate gradients (no p × p matrix). */
function solveConjugate(X: Matrix, s: Float64Array, lambda: number, grad: Float64Array): Float64Array {
  const p = X.cols + 1;
  const tmp = new Float64Array(X.rows);
  const hv = new Float64Array(p);
  const times = (v: Float64Array) => {
    linear(v, X, tmp);
    for (let i = 0; i < X.rows; i++) tmp[i] = tmp[i]! * s[i]!;
    transposeTimes(X, tmp, hv);
    for (let j = 1; j < p; j++) hv[j]! += lambda * v[j]!;
    return hv;
  };
  const diag = new Float64Array(p);
  for (let i = 0; i < X.rows; i++) {
    diag[0]! += s[i]!;
    for (let j = 0; j < X.cols; j++) diag[j + 1]! += s[i]! * X.data[i * X.cols + j]! ** 2;
  }
  for (let j = 0; j < p; j++) diag[j] = diag[j]! + (j > 0 ? lambda : 0) || 1;
  const step = new Float64Array(p);
  const r = Float64Array.from(grad, (g) => -g);
  const z = Float64Array.from(r, (v, j) => v / diag[j]!);
  const dir = Float64Array.from(z);
  let rz = dot(r, z);
  const gradNorm = Math.sqrt(dot(grad, grad));
  const stopAt = Math.min(0.1, Math.sqrt(gradNorm)) * gradNorm;
  for (let k = 0; k < Math.min(p, 200); k++) {
    const hd = times(dir);
    const curvature = dot(dir, hd);
    if (curvature <= 0) break;
    const alpha = rz / curvature;
    for (let j = 0; j < p; j++) {
      step[j]! += alpha * dir[j]!;
      r[j]! -= alpha * hd[j]!;
    }
    if (Math.sqrt(dot(r, r)) < stopAt) break;
    for (let j = 0; j < p; j++) z[j] = r[j]! / diag[j]!;
    const next = dot(r, z);
    for (let j = 0; j < p; j++) dir[j] = z[j]! + (next / rz) * dir[j]!;
    rz = next;
  }
  return step;
}

export interface LogisticOptions {
  maxIterations?: number;
  /** Stop when the largest gradient entry is below this. */
  tolerance?: number;
  /** Start from these weights (e.g. the fit at a neighbouring C). */
  start?: Pick<LogisticModel, 'intercept' | 'weights'>;
}

/** Fits the model on X (standardized columns) and outcomes y (1 = churned). */
export function fitLogistic(X: Matrix, y: ArrayLike<number>, c: number, options: LogisticOptions = {}): LogisticModel {
  const n = X.rows;
  const p = X.cols + 1;
  const lambda = 1 / (c * n);
  const theta = new Float64Array(p);
  if (options.start) {
    theta[0] = options.start.intercept;
    options.start.weights.forEach((w, j) => (theta[j + 1] = w));
  } else {
    let positives = 0;
    for (let i = 0; i < n; i++) positives += y[i]!;
    const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
    theta[0] = Math.log(rate / (1 - rate));
  }
  const z = new Float64Array(n);
  const s = new Float64Array(n);
  const residual = new Float64Array(n);
  const grad = new Float64Array(p);
  const tmp = new Float64Array(n);

  const objective = (t: Float64Array) => {
    linear(t, X, tmp);
    let loss = 0;
    for (let i = 0; i < n; i++) loss += softplus(tmp[i]!) - y[i]! * tmp[i]!;
    let penalty = 0;
    for (let j = 1; j < p; j++) penalty += t[j]! * t[j]!;
    return loss / n + (lambda / 2) * penalty;
  };
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-7;
  let value = objective(theta);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    linear(theta, X, z);
    for (let i = 0; i < n; i++) {
      const prob = sigmoid(z[i]!);
      residual[i] = (prob - y[i]!) / n;
      s[i] = (prob * (1 - prob)) / n;
    }
    transposeTimes(X, residual, grad);
    for (let j = 1; j < p; j++) grad[j]! += lambda * theta[j]!;
    const gradMax = grad.reduce((m, g) => Math.max(m, Math.abs(g)), 0);
    if (gradMax < tolerance) break;

    const step = p <= DIRECT_LIMIT ? solveDirect(X, s, lambda, grad) : solveConjugate(X, s, lambda, grad);

    // Backtracking line search (Armijo).
    const slope = dot(grad, step);
    let t = 1;
    let candidate = theta.map((v, j) => v + step[j]!);
    let candidateValue = objective(candidate);
    while (candidateValue > value + 1e-4 * t * slope && t > 1e-8) {
      t /= 2;
      candidate = theta.map((v, j) => v + t * step[j]!);
      candidateValue = objective(candidate);
    }
    if (!(candidateValue <= value)) break;
    const improved = value - candidateValue;
    theta.set(candidate);
    value = candidateValue;
    if (improved < 1e-14) break;
  }
  return { kind: 'logistic', c, intercept: theta[0]!, weights: Array.from(theta.subarray(1)) };
}
