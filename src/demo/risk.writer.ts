/**
 * Writes the demo's churn-risk history through the accounts module (every customer's attributes, the outcome of
 * those whose renewal is behind them), then queues the scoring and the backtest: the job runner does them shortly
 * after start, so the demo's creation does not wait for the model.
 */
import { accountNameIndex, replaceAccountAttributes } from '../modules/accounts/index.ts';
import { queueBacktest, queueScoring } from '../modules/health/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoData } from './demo.ts';
import type { Random } from './random.ts';
import { demoRiskHistory } from './risk.ts';

/** Seconds after the demo's creation the scoring and the backtest become due. */
export const SCORE_AFTER_SECONDS = 3;
export const BACKTEST_AFTER_SECONDS = 8;

export async function writeDemoRisk(
  db: Db,
  ctx: { workspaceId: string; data: DemoData; today: Date },
  rng: Random,
): Promise<{ withAttributes: number; withOutcome: number }> {
  const ids = await accountNameIndex(db, ctx.workspaceId);
  const now = ctx.today.toISOString();
  const rows = demoRiskHistory(ctx.data.accounts, ctx.today, rng).flatMap((r) => {
    const id = ids.get(r.accountName.trim().toLowerCase());
    if (!id) return [];
    return [
      {
        account_id: id,
        workspace_id: ctx.workspaceId,
        attributes: JSON.stringify(r.attributes),
        outcome: r.outcome,
        outcome_recorded_on: r.outcomeRecordedOn,
        updated_at: now,
      },
    ];
  });
  await replaceAccountAttributes(db, rows);
  // Due a few seconds after the demo's own moment: the first start answers its first page before the model takes
  // the server's thread (about a second); a demo built for another day runs them on that day's clock.
  const later = (seconds: number) => new Date(ctx.today.getTime() + seconds * 1000);
  await queueScoring(db, ctx.workspaceId, { runAt: later(SCORE_AFTER_SECONDS) });
  await queueBacktest(db, ctx.workspaceId, { runAt: later(BACKTEST_AFTER_SECONDS) });
  return { withAttributes: rows.length, withOutcome: rows.filter((r) => r.outcome !== null).length };
}
