import { describe, expect, it } from 'vitest';
import { ticketText } from './categories.ts';
import { crossValidate, metricsOf, outOfFoldPredictions, stratifiedFolds } from './cross-validate.ts';
import { syntheticTickets } from './fixtures/synthetic-tickets.ts';

const items = (n: number, options: Parameters<typeof syntheticTickets>[1] = {}) =>
  syntheticTickets(n, options).map((t) => ({ text: ticketText(t.subject, t.description), label: t.label as string }));

describe('metricsOf', () => {
  it('computes accuracy, per-class precision / recall / F1 and macro F1 (checked by hand)', () => {
    const m = metricsOf(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c']);
    expect(m.n).toBe(6);
    expect(m.accuracy).toBe(4 / 6);
    // a: P 2/2, R 2/3, F1 0.8; b: P 1/2, R 1/2, F1 0.5; c: P 1/2, R 1/1, F1 2/3 → macro 59/90.
    expect(m.per_class).toEqual({
      a: { precision: 1, recall: 2 / 3, f1: 0.8, support: 3 },
      b: { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      c: { precision: 0.5, recall: 1, f1: 2 / 3, support: 1 },
    });
    expect(m.macro_f1).toBeCloseTo(59 / 90, 15);
    expect(m.confusion).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
    });
  });

  it('counts a class never predicted as F1 0, and leaves a predicted class with no support out of the mean', () => {
    const m = metricsOf(['a', 'a', 'b'], ['a', 'c', 'a']);
    expect(m.per_class.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(m.per_class.c).toBeUndefined();
    // a: P 1/2, R 1/2 → F1 1/2; b: 0 → macro 1/4.
    expect(m.macro_f1).toBe(0.25);
    expect(m.confusion.labels).toEqual(['a', 'b', 'c']);
  });
});

describe('stratifiedFolds', () => {
  const labels = [...Array<string>(10).fill('bug'), ...Array<string>(5).fill('how_to'), 'billing'];

  it('spreads every label over the folds, fold sizes within one of each other', () => {
    const fold = stratifiedFolds(labels, 5, 1);
    const count = (label: string | null, f: number) =>
      labels.filter((l, i) => (label === null || l === label) && fold[i] === f).length;
    for (let f = 0; f < 5; f++) {
      expect(count('bug', f)).toBe(2);
      expect(count('how_to', f)).toBe(1);
    }
    const sizes = [0, 1, 2, 3, 4].map((f) => count(null, f));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(stratifiedFolds(labels, 5, 1)).toEqual(stratifiedFolds(labels, 5, 1));
    expect(stratifiedFolds(labels, 5, 1)).not.toEqual(stratifiedFolds(labels, 5, 2));
  });
});

describe('crossValidate', () => {
  it('reaches 0.95 or more on a separable synthetic set, a little noise included', () => {
    const cv = crossValidate(items(300, { noise: 0.05, seed: 5 }));
    expect(cv.n).toBe(300);
    expect(cv.folds).toBe(5);
    expect(cv.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(cv.macro_f1).toBeGreaterThanOrEqual(0.95);
    expect(Object.keys(cv.per_class).sort()).toEqual([
      'billing',
      'bug',
      'configuration',
      'feature_request',
      'how_to',
      'other',
    ]);
    expect(cv.confusion.matrix.flat().reduce((s, v) => s + v, 0)).toBe(300);
  });

  it('gives the same figures for the same seed', () => {
    const data = items(120, { noise: 0.3, seed: 9 });
    const a = crossValidate(data, { seed: 4 });
    expect(crossValidate(data, { seed: 4 })).toEqual(a);
  });

  it('leaves unlabelled items out and works from ten labelled ones, a class with one example included', () => {
    const data = [
      ...items(9, { seed: 2, shares: { bug: 1, how_to: 1 } }),
      { text: 'please refund the invoice', label: 'billing' },
      { text: 'what is this', label: null },
    ];
    const cv = crossValidate(data);
    expect(cv.n).toBe(10);
    expect(outOfFoldPredictions(data).predictions).toHaveLength(10);
    // The one billing ticket is tested by a model that never saw billing, so it cannot be right.
    expect(cv.per_class.billing).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('refuses fewer than ten labelled items, and fewer than two folds', () => {
    expect(() => crossValidate(items(9))).toThrow('too few labelled tickets to train (n < 10): 9 labelled');
    expect(() => crossValidate(items(20), { folds: 1 })).toThrow('folds: 2 or more are needed, not 1');
  });

  it('gives the figures the command line prints, in exactly these keys', () => {
    const cv = crossValidate(items(30, { seed: 12 }));
    expect(Object.keys(cv).sort()).toEqual(['accuracy', 'confusion', 'folds', 'macro_f1', 'n', 'per_class']);
    for (const m of Object.values(cv.per_class))
      expect(Object.keys(m)).toEqual(['precision', 'recall', 'f1', 'support']);
  });
});
