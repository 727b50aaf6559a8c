/**
 * The health-score jobs: `health.score-accounts` rescores some accounts of the job's workspace (all when none are
 * named) at once after the events that change their measures; `health.scores` rescores every workspace daily (or
 * the one named), each workspace in its own transaction, on the runner's clock.
 */
import { listWorkspaceIds } from '../../../platform/identity/workspace.service.ts';
import type { JobHandler } from '../../../platform/jobs/job.ts';
import { scoreAccounts } from './score.service.ts';

export interface ScoreAccountsPayload {
  accountIds?: string[];
}

export const scoreAccountsJob: JobHandler<ScoreAccountsPayload> = async (ctx, payload) => {
  const workspaceId = ctx.job.workspaceId;
  if (!workspaceId) return;
  const now = ctx.now();
  const summary = await ctx.db.transaction().execute((trx) => scoreAccounts(trx, workspaceId, now, payload.accountIds));
  await ctx.reportProgress(summary);
};

export const dailyScoresJob: JobHandler<{ workspaceId?: string }> = async (ctx, payload) => {
  const now = ctx.now();
  const one = payload.workspaceId ?? ctx.job.workspaceId;
  const workspaces = one ? [one] : await listWorkspaceIds(ctx.db);
  let done = 0;
  let changed = 0;
  for (const workspaceId of workspaces) {
    const s = await ctx.db.transaction().execute((trx) => scoreAccounts(trx, workspaceId, now));
    ctx.logger.info({ workspaceId, ...s }, 'health scores computed');
    done += 1;
    changed += s.changed;
    await ctx.reportProgress({ workspaces: workspaces.length, done, changed });
  }
};
