import { describe, expect, it } from 'vitest';
import { atRiskRenewal, type RenewalRisk } from './renewal-signals.ts';
import { DEFAULT_RENEWAL_THRESHOLDS as T, renewalThresholdsSchema } from './renewal-signals.settings.ts';

const at = (over: Partial<RenewalRisk> = {}): RenewalRisk => ({
  asOf: '2026-11-20',
  renewal: { date: '2027-01-19', basis: 'anniversary', arr: 50_000, currency: 'USD' },
  risk: { probability: 0.41, decile: 2, scoredAt: '2026-11-19T08:00:00.000Z' },
  ...over,
});

describe('at-risk renewal', () => {
  it('holds on a renewal within 120 days with churn risk in the riskiest 30 %, saying so', () => {
    const o = atRiskRenewal(at(), T);
    expect(o.holds).toBe(true);
    expect(o.evidence).toMatchObject({
      renewalOn: '2027-01-19',
      daysToRenewal: 60,
      decile: 2,
      topPct: 20,
      maxDecile: 3,
      reasons: ['churn_risk'],
      measure: 'churn_risk',
    });
    expect(o.title).toBe('Renews in 60 days with churn risk in the top 20 %');
  });

  it('does not hold on a renewal past the window, a safer decile, no score, no renewal, or when switched off', () => {
    expect(
      atRiskRenewal(at({ renewal: { date: '2027-03-21', basis: 'end_date', arr: 1, currency: 'USD' } }), T).holds,
    ).toBe(false);
    expect(
      atRiskRenewal(at({ renewal: { date: '2027-03-20', basis: 'end_date', arr: 1, currency: 'USD' } }), T).holds,
    ).toBe(true);
    expect(atRiskRenewal(at({ risk: { probability: 0.2, decile: 4, scoredAt: '2026-11-19' } }), T).holds).toBe(false);
    expect(atRiskRenewal(at({ risk: null }), T).holds).toBe(false);
    expect(atRiskRenewal(at({ renewal: null }), T).holds).toBe(false);
    expect(atRiskRenewal(at(), { atRiskRenewal: { ...T.atRiskRenewal, enabled: false } }).holds).toBe(false);
  });

  it('holds on low health alone, on risk alone, and names both when both hold', () => {
    const health = (score: number | null) => ({ score, band: null, scoredAt: '2026-11-20T06:00:00.000Z' });
    const safe = { probability: 0.05, decile: 8, scoredAt: '2026-11-19' };
    const low = atRiskRenewal(at({ risk: safe, health: health(31) }), T);
    expect(low.holds).toBe(true);
    expect(low.title).toBe('Renews in 60 days with health 31 (below 40)');
    expect(low.evidence).toMatchObject({ healthScore: 31, maxHealthScore: 40, reasons: ['health'] });
    expect(atRiskRenewal(at({ risk: safe, health: health(40) }), T).holds).toBe(false);
    expect(atRiskRenewal(at({ risk: null, health: health(null) }), T).holds).toBe(false);
    const both = atRiskRenewal(at({ health: health(12) }), T);
    expect(both.title).toBe('Renews in 60 days with health 12 (below 40) and churn risk in the top 20 %');
    expect(both.evidence).toMatchObject({ reasons: ['health', 'churn_risk'], measure: 'health+churn_risk' });
    expect(both.severity).toBe('severe');
    expect(low.severity).toBe('warning');
    const soon = { date: '2026-12-30', basis: 'end_date', arr: 1, currency: 'USD' };
    expect(atRiskRenewal(at({ renewal: soon, risk: safe, health: health(15) }), T).severity).toBe('severe');
  });

  it('keeps a saved setting from before the health threshold, with its default', () => {
    const parsed = renewalThresholdsSchema.parse({ atRiskRenewal: { enabled: true, withinDays: 90, maxDecile: 2 } });
    expect(parsed.atRiskRenewal).toEqual({ enabled: true, withinDays: 90, maxDecile: 2, maxHealthScore: 40 });
  });
});
