/**
 * The churn-risk jobs: the backtest and the scoring on the runner's day. A history too small to learn from is not a
 * failure to retry: the job ends, recording the refusal (field and reason) for the page that started it.
 */
import { AppError } from '../../platform/errors/app-error.ts';
import type { JobContext, JobHandler } from '../../platform/jobs/job.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';
import type { RiskJobOutcome } from './risk-jobs.service.ts';
import { runBacktest, scoreWorkspace } from './risk.service.ts';

async function recording(ctx: JobContext, work: (workspaceId: string, today: string) => Promise<RiskJobOutcome>) {
  const workspaceId = ctx.job.workspaceId;
  if (!workspaceId) return;
  let outcome: RiskJobOutcome;
  try {
    outcome = await work(workspaceId, ctx.now().toISOString().slice(0, 10));
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation') throw err;
    const first = err.fieldErrors[0];
    outcome = { outcome: 'refused', field: first?.field ?? 'history', message: first?.message ?? err.message };
  }
  await ctx.reportProgress(outcome);
}

export const riskBacktestJob: JobHandler<{ folds?: number }> = (ctx, input) =>
  recording(ctx, async (workspaceId, today) => {
    const b = await runBacktest(ctx.db, workspaceId, { folds: input.folds, today });
    return { outcome: 'done', backtestId: b.id, auc: b.result.auc };
  });

export const riskScoreJob: JobHandler<Record<string, never>> = (ctx) =>
  recording(ctx, async (workspaceId, today) => {
    const s = await scoreWorkspace(ctx.db, workspaceId, { today });
    // New scores: the at-risk renewal signal is judged again on them, on the same day.
    await queueJob(ctx.db, 'health.renewal-signals', { workspaceId, asOf: today }, { workspaceId, runAt: ctx.now() });
    return { outcome: 'done', modelId: s.modelId, scored: s.scores.length };
  });
