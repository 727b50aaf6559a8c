/**
 * Queues the demo's relationship, revenue and renewal signals for its own day, due a few seconds after its creation
 * like the churn-risk jobs: the story customer's quiet sponsor and detractor show on the first start, and the
 * at-risk renewals once the scoring (due first) has run.
 */
import type { Db } from '../platform/db/database.ts';
import { queueJob } from '../platform/jobs/job-types.ts';
import { SCORE_AFTER_SECONDS } from './risk.writer.ts';

/** Seconds after the demo's creation the signals become due (the renewal signal after the scoring). */
export const SIGNALS_AFTER_SECONDS = 2;
export const RENEWAL_SIGNALS_AFTER_SECONDS = SCORE_AFTER_SECONDS + 2;

export async function queueDemoSignals(db: Db, ctx: { workspaceId: string; today: Date }): Promise<void> {
  const asOf = ctx.today.toISOString().slice(0, 10);
  const later = (seconds: number) => new Date(ctx.today.getTime() + seconds * 1000);
  const options = { workspaceId: ctx.workspaceId, runAt: later(SIGNALS_AFTER_SECONDS) };
  await queueJob(db, 'relationship.signals', { workspaceId: ctx.workspaceId, asOf }, options);
  await queueJob(db, 'revenue.signals', { workspaceId: ctx.workspaceId, asOf }, options);
  await queueJob(
    db,
    'health.renewal-signals',
    { workspaceId: ctx.workspaceId, asOf },
    { workspaceId: ctx.workspaceId, runAt: later(RENEWAL_SIGNALS_AFTER_SECONDS) },
  );
}
