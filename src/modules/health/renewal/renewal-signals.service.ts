/**
 * Evaluates the at-risk renewal signal of a workspace on a day: each account renewing within the window (revenue's
 * renewal report) is judged with its current health score and its churn-risk score; accounts with an open warning
 * that no longer renew soon, or are no longer risky, are judged too, so their warning resolves. Idempotent.
 */
import { renewalReport } from '../../revenue/index.ts';
import { listSignals, settleAccountOutcome, type SignalKind } from '../../signals/index.ts';
import type { DialectCapabilities } from '../../../platform/db/capabilities.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { riskScoreOf } from '../risk.service.ts';
import { currentHealthScores } from '../score/score.service.ts';
import { atRiskRenewal } from './renewal-signals.ts';
import { renewalThresholdsSetting } from './renewal-signals.settings.ts';

export interface RenewalSignalSummary {
  asOf: string;
  accounts: number;
  raised: Partial<Record<SignalKind, number>>;
  resolved: Partial<Record<SignalKind, number>>;
}

const KIND = 'renewal.at_risk_renewal' as const;

/** Evaluates the at-risk renewal signal as of `asOf` (YYYY-MM-DD). The caller owns the transaction. */
export async function evaluateRenewalSignals(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  asOf: string,
): Promise<RenewalSignalSummary> {
  const t = await readSetting(db, workspaceId, renewalThresholdsSetting);
  const report = await renewalReport(db, caps, workspaceId, asOf, t.atRiskRenewal.withinDays);
  const renewals = new Map(report.items.map((i) => [i.accountId, i]));
  const judged = new Set(renewals.keys());
  let cursor: string | undefined;
  do {
    const page = await listSignals(db, workspaceId, { stage: 'renewal', open: true, limit: 200, cursor });
    for (const s of page.items) if (s.kind === KIND && s.accountId) judged.add(s.accountId);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const health = await currentHealthScores(db, workspaceId);
  const summary: RenewalSignalSummary = { asOf, accounts: 0, raised: {}, resolved: {} };
  for (const accountId of [...judged].sort()) {
    summary.accounts += 1;
    const r = renewals.get(accountId);
    const score = await riskScoreOf(db, workspaceId, accountId);
    const o = atRiskRenewal(
      {
        asOf,
        renewal: r ? { date: r.date, basis: r.basis, arr: r.arr, currency: report.currency } : null,
        risk: score ? { probability: score.probability, decile: score.decile, scoredAt: score.scoredAt } : null,
        health: health.get(accountId) ?? null,
      },
      t,
    );
    await settleAccountOutcome(db, workspaceId, accountId, o, `no longer holds as of ${asOf}`, summary);
  }
  return summary;
}
