/**
 * The at-risk renewal rule (pure, DESIGN §4 stage 6): the account renews within some days and its health is below
 * the threshold, or its churn risk is among the riskiest deciles (1 the riskiest tenth). Either reading is enough;
 * the evidence says which held, with both figures where they exist.
 */
import type { RenewalThresholds } from './renewal-signals.settings.ts';

export interface RenewalRisk {
  asOf: string;
  /** The account's next renewal (from revenue), if any. */
  renewal: { date: string; basis: string; arr: number; currency: string } | null;
  /** Its churn-risk score (from the latest scoring), if any. */
  risk: { probability: number; decile: number; scoredAt: string } | null;
  /** Its current health score (0–100; null where no measure had data), if it was scored. */
  health?: { score: number | null; band: string | null; scoredAt: string } | null;
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
  const { enabled, withinDays, maxDecile, maxHealthScore } = t.atRiskRenewal;
  const days = a.renewal ? daysBetween(a.asOf, a.renewal.date) : null;
  const soon = days !== null && days >= 0 && days <= withinDays;
  const score = a.health?.score ?? null;
  const lowHealth = score !== null && score < maxHealthScore;
  const riskyDecile = a.risk !== null && a.risk.decile <= maxDecile;
  const top = a.risk ? a.risk.decile * 10 : null;
  const reasons = [...(lowHealth ? ['health'] : []), ...(riskyDecile ? ['churn_risk'] : [])];
  const half = days !== null && days <= withinDays / 2;
  const worst = a.risk?.decile === 1 || (score !== null && score < maxHealthScore / 2);
  const because = [
    ...(lowHealth ? [`health ${Math.round(score)} (below ${maxHealthScore})`] : []),
    ...(riskyDecile ? [`churn risk in the top ${top} %`] : []),
  ].join(' and ');
  return {
    kind: 'renewal.at_risk_renewal',
    holds: enabled && soon && reasons.length > 0,
    severity: worst && half ? 'severe' : 'warning',
    title:
      a.renewal && because
        ? `Renews in ${days} days with ${because}`
        : 'No renewal close with low health or high churn risk',
    evidence: {
      asOf: a.asOf,
      renewalOn: a.renewal?.date ?? null,
      renewalBasis: a.renewal?.basis ?? null,
      arr: a.renewal?.arr ?? null,
      currency: a.renewal?.currency ?? null,
      daysToRenewal: days,
      withinDays,
      healthScore: score === null ? null : Math.round(score),
      healthBand: a.health?.band ?? null,
      healthScoredAt: a.health?.scoredAt ?? null,
      maxHealthScore,
      probability: a.risk ? Math.round(a.risk.probability * 1000) / 1000 : null,
      decile: a.risk?.decile ?? null,
      topPct: top,
      maxDecile,
      thresholdTopPct: maxDecile * 10,
      scoredAt: a.risk?.scoredAt ?? null,
      reasons,
      measure: reasons.join('+') || null,
    },
  };
}
