import { describe, expect, it } from 'vitest';
import { atRiskRenewal, type RenewalRisk } from './renewal-signals.ts';
import { DEFAULT_RENEWAL_THRESHOLDS as T } from './renewal-signals.settings.ts';

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
});
