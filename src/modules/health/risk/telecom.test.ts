import { describe, expect, it } from 'vitest';
import { backtest } from './backtest.ts';
import { buildDataset } from './dataset.ts';
import { telecomHistory } from './fixtures/synthetic.ts';
import { auc } from './metrics.ts';

/**
 * A telecom-like customer base of 7,000 accounts and 19 attributes whose churn has interactions (short
 * month-to-month contracts, fiber without tech support): the chosen model must rank at least as well as
 * plain logistic regression under the same folds.
 */
describe('backtest on a telecom-like customer base', () => {
  const history = telecomHistory(7_000, 41);

  it('sets the customer id aside and reads blank total charges as missing numbers', () => {
    const ds = buildDataset(history.rows, ['customerID', ...history.attributes], history.outcome);
    expect(ds.dropped).toEqual([
      { attribute: 'customerID', reason: 'identifier-like: 7000 distinct values in 7000 rows' },
    ]);
    expect(ds.columns).toHaveLength(19);
    const total = ds.columns.find((c) => c.name === 'TotalCharges')!;
    expect(total.kind).toBe('numeric');
    expect(Array.from(total.values as Float64Array).some(Number.isNaN)).toBe(true);
    expect(ds.positives / ds.n).toBeGreaterThan(0.2);
    expect(ds.positives / ds.n).toBeLessThan(0.35);
  });

  it('chooses a model that ranks at least as well as plain logistic regression', { timeout: 300_000 }, () => {
    const ds = buildDataset(history.rows, history.attributes, history.outcome);
    const chosen = backtest(ds, { folds: 5 });
    const plain = backtest(ds, { folds: 5, candidates: [{ kind: 'logistic', c: 1 }] });
    const truth = auc(history.truth, ds.y);
    console.log(
      `telecom-like: true model AUC ${truth.toFixed(4)}, chosen (${chosen.model}) ${chosen.auc.toFixed(4)}, plain logistic ${plain.auc.toFixed(4)}`,
    );
    expect(chosen.auc).toBeGreaterThan(plain.auc - 0.005);
    expect(chosen.auc).toBeGreaterThan(truth - 0.02);
    expect(
      chosen.top_features
        .slice(0, 2)
        .map((f) => f.feature)
        .sort(),
    ).toEqual(['Contract', 'tenure']);
    expect(chosen.lift_top_decile).toBeGreaterThan(2.5);
  });
});
