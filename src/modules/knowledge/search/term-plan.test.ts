import { describe, expect, it } from 'vitest';
import { inverseFrequency, planTerms } from './term-plan.ts';

describe('planTerms', () => {
  it('weighs a rare term above a common one, as BM25 does', () => {
    const plan = planTerms(50_000, [30_000, 120]);
    expect(plan.weights[1]).toBeGreaterThan(5 * (plan.weights[0] as number));
    expect(plan.weights[0]).toBeCloseTo(inverseFrequency(50_000, 30_000), 10);
    expect(inverseFrequency(10, 10)).toBeGreaterThan(0);
  });

  it('scores the documents of the rarer terms while they fit the budget, rarest first', () => {
    const plan = planTerms(50_000, [30_000, 120, 4_000, 900], 6_000);
    expect(plan.essential).toEqual([1, 3, 2]);
    expect(plan.whole).toBe(false);
  });

  it('always scores the rarest term, even past the budget', () => {
    expect(planTerms(50_000, [30_000, 20_000], 5_000).essential).toEqual([1]);
  });

  it('leaves out the terms no document holds, and is whole when every other term fits', () => {
    const plan = planTerms(400, [0, 30, 12], 5_000);
    expect(plan.essential).toEqual([2, 1]);
    expect(plan.whole).toBe(true);
    expect(planTerms(400, [0, 0]).essential).toEqual([]);
  });
});
