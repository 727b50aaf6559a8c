import type { JobHandler } from '../../platform/jobs/job.ts';
import { rematchWaiting } from './stripe/stripe.service.ts';

/** Matches the workspace's waiting Stripe customers and subscriptions to accounts that appeared since. */
export const rematchRevenueJob: JobHandler<Record<string, never>> = async (ctx) => {
  const workspaceId = ctx.job.workspaceId;
  if (!workspaceId) return;
  const db = ctx.db;
  const found = await (db.isTransaction
    ? rematchWaiting(db, workspaceId, ctx.now().toISOString().slice(0, 10))
    : db.transaction().execute((trx) => rematchWaiting(trx, workspaceId, ctx.now().toISOString().slice(0, 10))));
  await ctx.reportProgress(found);
};
