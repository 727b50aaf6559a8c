import { describe, expect, it } from 'vitest';
import { drawRows, logit } from './fixtures/matrices.ts';
import { fitLogistic, logisticLogits, sigmoid } from './logistic.ts';
import { auc } from './metrics.ts';
import type { Matrix } from './preprocess.ts';

const TRUE_WEIGHTS = [1.5, -0.8, 0.9, 0, -1.2];
const truth = (x: number[]) => logit(-0.5 + x.reduce((s, v, j) => s + v * TRUE_WEIGHTS[j]!, 0));

/** Largest entry of the objective's gradient: 0 at the optimum. */
function gradientMax(X: Matrix, y: Uint8Array, model: { intercept: number; weights: number[] }, c: number): number {
  const z = logisticLogits(model, X);
  const g = new Float64Array(X.cols + 1);
  for (let i = 0; i < X.rows; i++) {
    const r = (sigmoid(z[i]!) - y[i]!) / X.rows;
    g[0]! += r;
    for (let j = 0; j < X.cols; j++) g[j + 1]! += r * X.data[i * X.cols + j]!;
  }
  model.weights.forEach((w, j) => (g[j + 1]! += w / (c * X.rows)));
  return Math.max(...g.map(Math.abs));
}

describe('logistic regression', () => {
  const train = drawRows(20_000, 5, 2, truth, 11);
  const test = drawRows(5_000, 5, 2, truth, 12);

  it('recovers the weights of a logistic truth', () => {
    const model = fitLogistic(train.X, train.y, 100);
    expect(model.intercept).toBeCloseTo(-0.5, 0);
    model.weights.forEach((w, j) => expect(Math.abs(w - TRUE_WEIGHTS[j]!)).toBeLessThan(0.1));
    expect(gradientMax(train.X, train.y, model, 100)).toBeLessThan(1e-6);
  });

  it('ranks held-out rows about as well as the truth', () => {
    const model = fitLogistic(train.X, train.y, 1);
    const truthAuc = auc(test.truth, test.y);
    expect(Math.abs(auc(logisticLogits(model, test.X), test.y) - truthAuc)).toBeLessThan(0.01);
  });

  it('shrinks the weights, never the intercept, as C falls', () => {
    const loose = fitLogistic(train.X, train.y, 1);
    const tight = fitLogistic(train.X, train.y, 1e-6);
    const norm = (w: number[]) => Math.hypot(...w);
    expect(norm(tight.weights)).toBeLessThan(0.01 * norm(loose.weights));
    const rate = train.y.reduce((s, v) => s + v, 0) / train.y.length;
    expect(tight.intercept).toBeCloseTo(Math.log(rate / (1 - rate)), 2);
  });

  it('is deterministic', () => {
    expect(fitLogistic(train.X, train.y, 0.1)).toEqual(fitLogistic(train.X, train.y, 0.1));
  });

  it('reaches the optimum with many columns too (conjugate-gradient steps)', () => {
    const wide = drawRows(3_000, 200, 20, (x) => logit(x[0]! - x[1]! + x[150]! - 0.5), 13);
    const model = fitLogistic(wide.X, wide.y, 0.1);
    expect(gradientMax(wide.X, wide.y, model, 0.1)).toBeLessThan(1e-5);
    expect(model.weights[0]!).toBeGreaterThan(0.5);
    expect(model.weights[1]!).toBeLessThan(-0.5);
  });

  it('stays finite on perfectly separable rows', () => {
    const sep = drawRows(500, 2, 2, (x) => (x[0]! > 0 ? 1 : 0), 14);
    const model = fitLogistic(sep.X, sep.y, 1);
    expect(model.weights.every(Number.isFinite)).toBe(true);
    expect(auc(logisticLogits(model, sep.X), sep.y)).toBeGreaterThan(0.99);
  });
});
