import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { BOOSTING_DEFAULTS } from './boosting.ts';
import { logisticHistory } from './fixtures/synthetic.ts';
import { backtestAccounts, fitRiskModel, scoreAccounts, type RiskModel } from './risk-model.ts';

const history = logisticHistory(1_500, 51);
const withId = ['id', ...history.attributes];

describe('churn-risk model', () => {
  const model = fitRiskModel(history.rows, withId, history.outcome, { candidates: [{ kind: 'logistic', c: 1 }] });

  it('is plain JSON: a stored copy scores exactly as the original', () => {
    const stored = JSON.parse(JSON.stringify(model)) as RiskModel;
    expect(stored).toEqual(model);
    expect(scoreAccounts(stored, history.rows.slice(0, 50))).toEqual(scoreAccounts(model, history.rows.slice(0, 50)));
    expect(model.dropped.map((d) => d.attribute)).toEqual(['id']);
    expect(model.schema.map((a) => a.name)).toEqual(history.attributes);
    expect(model.chosen).toBe('logistic C=1');
  });

  it('ranks accounts into deciles, 1 the riskiest, about a tenth each on the accounts it learned from', () => {
    const scores = scoreAccounts(model, history.rows);
    const counts = new Array<number>(11).fill(0);
    for (const s of scores) counts[s.decile]!++;
    for (let d = 1; d <= 10; d++) expect(Math.abs(counts[d]! - 150)).toBeLessThanOrEqual(2);
    const mean = (d: number) => {
      const xs = scores.filter((s) => s.decile === d).map((s) => s.probability);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean(1)).toBeGreaterThan(mean(5));
    expect(mean(5)).toBeGreaterThan(mean(10));
  });

  it('explains each score by its three strongest attributes, with their values and the direction they push', () => {
    const [blank, heavy] = scoreAccounts(model, [
      { usage: '', seats: 15, plan: 'pro', region: 'emea', noise_number: 0, noise_level: 'a' },
      { usage: '2.5', seats: 15, plan: 'enterprise', region: 'emea', noise_number: 0, noise_level: 'a' },
    ]);
    expect(blank!.drivers).toHaveLength(3);
    expect(blank!.drivers[0]).toMatchObject({ attribute: 'usage', value: null });
    expect(blank!.drivers[0]!.effect).toBeGreaterThan(0.5);
    expect(heavy!.drivers.slice(0, 2).map((d) => [d.attribute, d.value, Math.sign(d.effect)])).toEqual([
      ['usage', 2.5, -1],
      ['plan', 'enterprise', -1],
    ]);
    expect(heavy!.probability).toBeLessThan(blank!.probability);
  });

  it('explains boosted trees too, by moving one attribute at a time to its median or most common level', () => {
    const boosted = fitRiskModel(history.rows, history.attributes, history.outcome, {
      candidates: [{ kind: 'boosting', params: { ...BOOSTING_DEFAULTS, trees: 60 } }],
    });
    const [row] = scoreAccounts(boosted, [
      { usage: '-2', seats: 24, plan: 'basic', region: 'apac', noise_number: 0, noise_level: 'b' },
    ]);
    expect(row!.probability).toBeGreaterThan(0.5);
    expect(row!.drivers[0]).toMatchObject({ attribute: 'usage', value: -2 });
    expect(row!.drivers.every((d) => d.effect > 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(boosted))).toEqual(boosted);
  });

  it('scores rows without the outcome, with unseen levels and missing attributes', () => {
    const [row] = scoreAccounts(model, [{ usage: '0', plan: 'startup' }]);
    expect(row!.probability).toBeGreaterThan(0);
    expect(row!.probability).toBeLessThan(1);
  });

  it('refuses a stored model of another version', () => {
    const old = { ...model, version: 0 } as unknown as RiskModel;
    expect(() => scoreAccounts(old, history.rows.slice(0, 1))).toThrow(AppError);
  });

  it('backtests rows as they come, saying which attributes it set aside', () => {
    const { result, dropped } = backtestAccounts(history.rows, withId, history.outcome, {
      folds: 3,
      candidates: [{ kind: 'logistic', c: 1 }],
    });
    expect(dropped).toEqual([{ attribute: 'id', reason: 'identifier-like: 1500 distinct values in 1500 rows' }]);
    expect(result.auc).toBeGreaterThan(0.7);
  });
});
