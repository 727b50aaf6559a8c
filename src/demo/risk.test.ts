import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.ts';
import { createRandom } from './random.ts';
import { demoRiskHistory, RISK_ATTRIBUTES } from './risk.ts';

const today = new Date('2026-12-01T10:30:00Z');
const data = generateDemo(42, today);

describe('the demo’s churn-risk history', () => {
  it('gives every customer the attributes, and an outcome to those whose renewal is behind them', () => {
    const rows = demoRiskHistory(data.accounts, today, createRandom(1));
    expect(rows.map((r) => r.accountName)).toEqual(data.accounts.map((a) => a.name));
    for (const r of rows) expect(Object.keys(r.attributes)).toEqual([...RISK_ATTRIBUTES]);
    const known = rows.filter((r) => r.outcome !== null);
    expect(known.length).toBeGreaterThanOrEqual(40);
    expect(known.filter((r) => r.outcome === 1).length).toBeGreaterThanOrEqual(10);
    expect(known.filter((r) => r.outcome === 0).length).toBeGreaterThanOrEqual(20);
    for (const r of known) expect(r.outcomeRecordedOn! < '2026-12-01').toBe(true);
    // The churned are exactly the customers who left; the renewed are live.
    const phase = new Map(data.accounts.map((a) => [a.name, a.lifecyclePhase]));
    for (const r of rows) {
      if (r.outcome === 1) expect(phase.get(r.accountName)).toBe('churned');
      if (r.outcome === 0) expect(phase.get(r.accountName)).toBe('live');
      if (phase.get(r.accountName) === 'churned') expect(r.outcome).toBe(1);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const a = demoRiskHistory(data.accounts, today, createRandom(7));
    expect(demoRiskHistory(data.accounts, today, createRandom(7))).toEqual(a);
    expect(demoRiskHistory(data.accounts, today, createRandom(8))).not.toEqual(a);
  });

  it('draws attributes that lean towards churn for the customers who left', () => {
    const rows = demoRiskHistory(data.accounts, today, createRandom(3));
    const mean = (outcome: 0 | 1) => {
      const seats = rows.filter((r) => r.outcome === outcome).map((r) => Number(r.attributes['Training completion %']));
      return seats.reduce((s, v) => s + v, 0) / seats.length;
    };
    expect(mean(1)).toBeLessThan(mean(0) - 10);
  });
});
