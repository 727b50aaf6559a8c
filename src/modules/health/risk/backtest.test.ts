import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedFile } from '../../../../test/helpers/shared-data.ts';
import { backtest, type FoldReport } from './backtest.ts';
import { buildDataset, type AccountRow } from './dataset.ts';
import { logisticHistory, noiseHistory } from './fixtures/synthetic.ts';
import { auc } from './metrics.ts';
import { BOOSTING_DEFAULTS } from './boosting.ts';
import { fitPreprocess } from './preprocess.ts';

const LOGISTIC_ONLY = [{ kind: 'logistic' as const, c: 1 }];
const BOOSTING_ONLY = [{ kind: 'boosting' as const, params: { ...BOOSTING_DEFAULTS, trees: 60 } }];

describe('backtest', () => {
  const history = logisticHistory(2_000, 31);
  const ds = buildDataset(history.rows, history.attributes, history.outcome);
  const truthAuc = auc(history.truth, ds.y);

  it.each([
    ['logistic regression', LOGISTIC_ONLY],
    ['boosted trees', BOOSTING_ONLY],
  ])('%s recover a logistic truth within a few points of its AUC', (_, candidates) => {
    const result = backtest(ds, { candidates, folds: 5 });
    expect(truthAuc).toBeGreaterThan(0.75);
    expect(Math.abs(result.auc - truthAuc)).toBeLessThan(0.03);
    expect(result.auc_folds).toHaveLength(5);
    expect(result.top_features.slice(0, 2).map((f) => f.feature)).toEqual(['usage', 'plan']);
  });

  it('answers the figures the command line prints, under exactly these keys', () => {
    const result = backtest(ds, { candidates: LOGISTIC_ONLY });
    expect(Object.keys(result).sort()).toEqual(
      ['auc', 'auc_folds', 'calibration', 'lift_top_decile', 'model', 'n', 'positives', 'top_features'].sort(),
    );
    expect(result).toMatchObject({ n: 2_000, positives: ds.positives, model: 'logistic' });
    expect(result.auc_folds).toHaveLength(10);
    expect(result.calibration.reduce((s, b) => s + b.count, 0)).toBe(2_000);
    expect(result.lift_top_decile).toBeGreaterThan(1.5);
    expect(result.top_features.map((f) => f.feature).sort()).toEqual([...history.attributes].sort());
    // a held-out calibration: observed rates follow predicted ones
    for (const b of result.calibration.filter((b) => b.count >= 100))
      expect(Math.abs(b.observed - b.predicted)).toBeLessThan(0.08);
  });

  it('is deterministic for a seed', () => {
    const small = buildDataset(history.rows.slice(0, 400), history.attributes, history.outcome);
    expect(backtest(small, { folds: 4, seed: 5 })).toEqual(backtest(small, { folds: 4, seed: 5 }));
  });

  it('stays near 0.5 when the outcome has nothing to do with the attributes, whatever the choice of learner', () => {
    const noise = noiseHistory(1_000, 32);
    const result = backtest(buildDataset(noise.rows, noise.attributes, noise.outcome));
    expect(result.auc).toBeGreaterThan(0.4);
    expect(result.auc).toBeLessThan(0.6);
    expect(result.lift_top_decile).toBeLessThan(1.6);
  });

  it('fits preprocessing inside each fold, on its training rows only (the leakage guard)', () => {
    // One account with an outlying amount and a plan no other account has: only the fold holding it out
    // may fit its preprocessing without it; a preprocessing fitted on all rows would know both.
    const rows: AccountRow[] = history.rows.slice(0, 300).map((r, i) => ({ ...r, seats: i === 17 ? 1e6 : r.seats }));
    rows[17] = { ...rows[17]!, plan: 'founders' };
    const small = buildDataset(rows, history.attributes, history.outcome);
    const global = fitPreprocess(small);
    const folds: FoldReport[] = [];
    backtest(small, { folds: 5, candidates: LOGISTIC_ONLY, onFold: (f) => folds.push(f) });
    expect(folds).toHaveLength(5);
    for (const fold of folds) {
      expect(fold.preprocess).toEqual(fitPreprocess(small, fold.train));
      expect(fold.train.some((i) => fold.test.includes(i))).toBe(false);
      const plan = fold.preprocess.features.find((f) => f.attribute === 'plan')!;
      const planLevels = plan.kind === 'categorical' ? [...plan.levels, ...plan.rare] : [];
      const seats = fold.preprocess.features.find((f) => f.attribute === 'seats')!;
      if (fold.test.includes(17)) {
        expect(planLevels).not.toContain('founders');
        expect(seats.kind === 'numeric' && seats.sd).toBeLessThan(100);
        expect(fold.preprocess).not.toEqual(global);
      } else {
        expect(planLevels).toContain('founders');
        expect(seats.kind === 'numeric' && seats.sd).toBeGreaterThan(1_000);
      }
    }
  });

  it('needs two churned and two retained accounts', () => {
    const tiny = buildDataset(
      [
        { a: 1, c: 'yes' },
        { a: 2, c: 'no' },
        { a: 3, c: 'no' },
      ],
      ['a'],
      'c',
    );
    expect(() => backtest(tiny)).toThrow(/at least 2 churned and 2 retained/);
  });
});

describe.skipIf(!hasSharedData)('backtest on the RavenStack accounts (no signal in these attributes)', () => {
  it('stays near 0.5', () => {
    const text = fs.readFileSync(sharedFile('ravenstack', 'ravenstack_accounts.csv'), 'utf8');
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as AccountRow[];
    const attributes = ['industry', 'country', 'referral_source', 'plan_tier', 'seats', 'is_trial'];
    const ds = buildDataset(rows, attributes, 'churn_flag');
    expect(ds.columns.map((c) => c.kind)).toEqual([
      'categorical',
      'categorical',
      'categorical',
      'categorical',
      'numeric',
      'categorical',
    ]);
    const result = backtest(ds);
    expect(result.n).toBe(500);
    expect(result.auc).toBeGreaterThan(0.4);
    expect(result.auc).toBeLessThan(0.62);
  });
});
