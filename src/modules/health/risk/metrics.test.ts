import { describe, expect, it } from 'vitest';
import { auc, calibration, liftTopDecile, logLoss } from './metrics.ts';

describe('AUC', () => {
  it.each([
    { name: 'no ties', scores: [0.1, 0.4, 0.35, 0.8], y: [0, 0, 1, 1], want: 0.75 },
    // pairs (positive, negative): 0.5 vs 0.5 twice → ½ each; 0.9 vs 0.5 twice → 1 each: 3 / 4
    { name: 'ties count half', scores: [0.5, 0.5, 0.5, 0.9], y: [0, 1, 0, 1], want: 0.75 },
    { name: 'all tied', scores: [0.3, 0.3, 0.3, 0.3], y: [1, 0, 1, 0], want: 0.5 },
    { name: 'perfect', scores: [1, 2, 3, 4], y: [0, 0, 1, 1], want: 1 },
    { name: 'reversed', scores: [4, 3, 2, 1], y: [0, 0, 1, 1], want: 0 },
    // positive 0.2: beats none of {0.2 tie → ½, 0.6 no} = ½; positive 0.6: beats 0.2, ties 0.6 → 1.5; over 2 × 2
    { name: 'ties across both classes', scores: [0.2, 0.2, 0.6, 0.6], y: [1, 0, 1, 0], want: 0.5 },
    { name: 'ties in one class', scores: [0.2, 0.7, 0.7, 0.1, 0.9], y: [0, 1, 1, 0, 0], want: 4 / 6 },
  ])('$name', ({ scores, y, want }) => {
    expect(auc(scores, y)).toBeCloseTo(want, 12);
  });

  it('is NaN with one outcome only', () => {
    expect(auc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('calibration', () => {
  it('bins predictions in tenths, the last bin holding 1, and leaves empty bins out', () => {
    const bins = calibration([0.05, 0.15, 0.12, 0.95, 1.0], [0, 1, 0, 1, 1]);
    expect(bins).toHaveLength(3);
    expect(bins[0]).toEqual({ bin: 1, predicted: 0.05, observed: 0, count: 1 });
    expect(bins[1]!.bin).toBe(2);
    expect(bins[1]!.predicted).toBeCloseTo(0.135, 12);
    expect(bins[1]!.observed).toBe(0.5);
    expect(bins[1]!.count).toBe(2);
    expect(bins[2]!.bin).toBe(10);
    expect(bins[2]!.predicted).toBeCloseTo(0.975, 12);
    expect(bins[2]!.observed).toBe(1);
  });
});

describe('lift in the top decile', () => {
  it('is the top tenth’s churn rate over the base rate', () => {
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i);
    const y = [1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    // top 2 rows: one churned → 0.5; base rate 5 / 20 = 0.25
    expect(liftTopDecile(scores, y)).toBeCloseTo(2, 12);
  });

  it('counts rows tied at the cut in proportion, whatever their order', () => {
    const y = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0];
    expect(liftTopDecile(new Array(10).fill(0.5), y)).toBeCloseTo(1, 12);
    // 11 rows → the top 2; one sure row (not churned) and one place shared by ten tied rows, 3 of them churned
    expect(liftTopDecile([0.9, ...new Array(10).fill(0.5)], [0, ...y])).toBeCloseTo(0.3 / 2 / (3 / 11), 12);
  });
});

describe('log-loss', () => {
  it('is the mean negative log-likelihood', () => {
    expect(logLoss([0.8, 0.4], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
  });

  it('stays finite for a sure wrong prediction', () => {
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });
});
