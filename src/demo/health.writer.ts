/**
 * The demo's health scores: every customer scored on the days of the last 90 (every 15 days, then today) from what
 * the other writers dated in the past — usage by day, answers and touches by moment, subscriptions by date — so
 * the history tells the same story as the signals and churn risk: customers going quiet, souring or contracting
 * fall, the healthy ones hold. Only scorings whose points changed are kept, as in a running Baton.
 */
import { scoreAccounts } from '../modules/health/index.ts';
import type { Db } from '../platform/db/database.ts';

const DAY_MS = 86_400_000;
/** The days before today the history is scored on. */
export const HEALTH_HISTORY_DAYS = [90, 75, 60, 45, 30, 15, 0] as const;

export async function writeDemoHealth(
  db: Db,
  ctx: { workspaceId: string; today: Date },
): Promise<{ scorings: number; accounts: number }> {
  let scorings = 0;
  let accounts = 0;
  for (const daysAgo of HEALTH_HISTORY_DAYS) {
    const s = await scoreAccounts(db, ctx.workspaceId, new Date(ctx.today.getTime() - daysAgo * DAY_MS));
    scorings += s.changed;
    accounts = s.accounts;
  }
  return { scorings, accounts };
}
