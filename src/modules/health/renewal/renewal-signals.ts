/**
 * The at-risk renewal rule (pure, DESIGN §4 stage 6): the account renews within some days and its churn risk is
 * among the riskiest deciles. Until health scores exist, the churn-risk model's decile (1 the riskiest tenth) is the
 * health the rule reads, and the evidence says so.
 */
import type { RenewalThresholds } from './renewal-signals.settings.ts';

export interface RenewalRisk {
  asOf: string;
  /** The account's next renewal (from revenue), if any. */
  renewal: { date: string; basis: string; arr: number; currency: string } | null;
  /** Its churn-risk score (from the latest scoring), if any. */
  risk: { probability: number; decile: number; scoredAt: string } | null;
}

export interface RuleOutcome {
  kind: 'renewal.at_risk_renewal';
  holds: boolean;
  severity: 'info' | 'warning' | 'severe';
  title: string;
  evidence: Record<string, unknown>;
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function atRiskRenewal(a: RenewalRisk, t: RenewalThresholds): RuleOutcome {
  const { enabled, withinDays, maxDecile } = t.atRiskRenewal;
  const days = a.renewal ? daysBetween(a.asOf, a.renewal.date) : null;
  const soon = days !== null && days >= 0 && days <= withinDays;
  const risky = a.risk !== null && a.risk.decile <= maxDecile;
  const top = a.risk ? a.risk.decile * 10 : null;
  return {
    kind: 'renewal.at_risk_renewal',
    holds: enabled && soon && risky,
    severity: a.risk && a.risk.decile === 1 && days !== null && days <= withinDays / 2 ? 'severe' : 'warning',
    title:
      a.renewal && a.risk
        ? `Renews in ${days} days with churn risk in the top ${top} %`
        : 'No renewal close with high churn risk',
    evidence: {
      asOf: a.asOf,
      renewalOn: a.renewal?.date ?? null,
      renewalBasis: a.renewal?.basis ?? null,
      arr: a.renewal?.arr ?? null,
      currency: a.renewal?.currency ?? null,
      daysToRenewal: days,
      withinDays,
      probability: a.risk ? Math.round(a.risk.probability * 1000) / 1000 : null,
      decile: a.risk?.decile ?? null,
      topPct: top,
      maxDecile,
      thresholdTopPct: maxDecile * 10,
      scoredAt: a.risk?.scoredAt ?? null,
      measure: 'churn_risk',
    },
  };
}
