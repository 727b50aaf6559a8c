import { describe, expect, it } from 'vitest';
import { binMatrix } from './bins.ts';
import { boostingLogits, boostingStagedLogits, fitBoosting } from './boosting.ts';
import { drawRows, logit, matrixOf } from './fixtures/matrices.ts';
import { fitLogistic, logisticLogits } from './logistic.ts';
import { auc } from './metrics.ts';

describe('gradient-boosted trees', () => {
  it('ranks held-out rows of a logistic truth about as well as the truth', () => {
    const truth = (x: number[]) => logit(-0.5 + 1.5 * x[0]! - 0.8 * x[1]! + 0.9 * x[2]! - 1.2 * x[4]!);
    const train = drawRows(10_000, 6, 2, truth, 21);
    const test = drawRows(5_000, 6, 2, truth, 22);
    const model = fitBoosting(train.X, train.y, { trees: 150 });
    expect(auc(test.truth, test.y) - auc(boostingLogits(model, test.X), test.y)).toBeLessThan(0.02);
  });

  it('finds an interaction logistic regression cannot (churn when exactly one of two flags is set)', () => {
    const truth = (x: number[]) => logit(x[1] !== x[2] ? 1.5 : -1.5);
    const train = drawRows(5_000, 4, 1, truth, 23);
    const test = drawRows(2_000, 4, 1, truth, 24);
    const boosted = auc(boostingLogits(fitBoosting(train.X, train.y, { trees: 60 }), test.X), test.y);
    const linear = auc(logisticLogits(fitLogistic(train.X, train.y, 1), test.X), test.y);
    expect(boosted).toBeGreaterThan(auc(test.truth, test.y) - 0.02);
    expect(linear).toBeLessThan(0.6);
  });

  it('splits between two values, a row going left when its value is at most the threshold', () => {
    const X = matrixOf(Array.from({ length: 100 }, (_, i) => [i]));
    const y = Uint8Array.from({ length: 100 }, (_, i) => (i >= 50 ? 1 : 0));
    const model = fitBoosting(X, y, { trees: 1, depth: 1, subsample: 1, maxBins: 255 });
    expect(model.trees[0]!.feature[0]).toBe(0);
    expect(model.trees[0]!.threshold[0]).toBe(49.5);
    const [left, right] = boostingLogits(model, matrixOf([[49.5], [49.6]]));
    expect(left!).toBeLessThan(model.base);
    expect(right!).toBeGreaterThan(model.base);
  });

  it('gives the same model for the same seed, and another for another seed', () => {
    const data = drawRows(2_000, 5, 3, (x) => logit(x[0]!), 25);
    const a = fitBoosting(data.X, data.y, { trees: 20, seed: 1 });
    expect(fitBoosting(data.X, data.y, { trees: 20, seed: 1 })).toEqual(a);
    expect(fitBoosting(data.X, data.y, { trees: 20, seed: 2 })).not.toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('reads the same model at fewer trees as a model of fewer trees', () => {
    const data = drawRows(1_000, 3, 3, (x) => logit(x[0]! * x[1]!), 26);
    const model = fitBoosting(data.X, data.y, { trees: 30 });
    const [at10, at30] = boostingStagedLogits(model, data.X, [10, 30]);
    expect(Array.from(at30!)).toEqual(Array.from(boostingLogits(model, data.X)));
    expect(Array.from(at10!)).toEqual(
      Array.from(boostingLogits({ ...model, trees: model.trees.slice(0, 10) }, data.X)),
    );
  });

  it("bins each column at quantiles and lists a row's entries off the column's most common bin only", () => {
    const X = matrixOf(Array.from({ length: 100 }, (_, i) => [i, i % 4 === 0 ? 1 : 0]));
    const binned = binMatrix(X, 4);
    expect(Array.from(binned.edges[0]!)).toEqual([25, 50, 75]);
    expect(Array.from(binned.edges[1]!)).toEqual([0.5]);
    expect(binned.bins[25 * 2]).toBe(0); // 25 ≤ 25: the first bin
    expect(binned.bins[26 * 2]).toBe(1);
    expect(binned.common[1]).toBe(0);
    // row 4: value 4 (bin 0, the first column's most common one) and the flag set: one entry, the flag
    expect(Array.from(binned.entryCol.subarray(binned.start[4]!, binned.start[5]!))).toEqual([1]);
  });
});
