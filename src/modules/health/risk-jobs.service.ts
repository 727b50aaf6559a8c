/**
 * The churn-risk work people start from the Health page: the backtest and the scoring, each a typed job, and what
 * became of one (queued, running, done, or refused with the field and the reason, e.g. too little history).
 */
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getJob } from '../../platform/jobs/job.service.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';

export const BACKTEST_JOB = 'health.risk.backtest';
export const SCORE_JOB = 'health.risk.score';
export type RiskJobType = typeof BACKTEST_JOB | typeof SCORE_JOB;

/** What a risk job records as its progress when it ends: its result, or the refusal that stopped it. */
export type RiskJobOutcome =
  | { outcome: 'done'; backtestId: string; auc: number }
  | { outcome: 'done'; modelId: string; scored: number }
  | { outcome: 'refused'; field: string; message: string };

/** Queues a backtest; `runAt` is the queuing side's clock (a server's own), now when left out. */
export const queueBacktest = (db: Db, workspaceId: string, options: { folds?: number; runAt?: Date } = {}) =>
  queueJob(db, BACKTEST_JOB, options.folds === undefined ? {} : { folds: options.folds }, {
    workspaceId,
    runAt: options.runAt,
  });

export const queueScoring = (db: Db, workspaceId: string, options: { runAt?: Date } = {}) =>
  queueJob(db, SCORE_JOB, {}, { workspaceId, runAt: options.runAt });

export interface RiskJobView {
  id: string;
  type: RiskJobType;
  /** queued or running while it works; done; refused (nothing written, see `refusal`); failed (see Settings → Jobs). */
  state: 'queued' | 'running' | 'done' | 'refused' | 'failed';
  refusal: { field: string; message: string } | null;
  result: { backtestId: string; auc: number } | { modelId: string; scored: number } | null;
  error: string | null;
  attempts: number;
  createdAt: string;
  finishedAt: string | null;
}

/** A risk job of the workspace; any other job, or another workspace's, is not found. */
export async function riskJobOf(db: Db, workspaceId: string, id: string): Promise<RiskJobView> {
  const job = await getJob(db, workspaceId, id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  });
  if (!job || job.workspaceId !== workspaceId || (job.type !== BACKTEST_JOB && job.type !== SCORE_JOB))
    throw AppError.notFound('risk job');
  const progress = job.progress as RiskJobOutcome | null;
  const refused = job.status === 'succeeded' && progress?.outcome === 'refused' ? progress : null;
  const state =
    job.status === 'dead' ? 'failed' : job.status === 'succeeded' ? (refused ? 'refused' : 'done') : job.status;
  const result =
    job.status === 'succeeded' && progress?.outcome === 'done'
      ? 'backtestId' in progress
        ? { backtestId: progress.backtestId, auc: progress.auc }
        : { modelId: progress.modelId, scored: progress.scored }
      : null;
  return {
    id: job.id,
    type: job.type,
    state,
    refusal: refused ? { field: refused.field, message: refused.message } : null,
    result,
    // The first line only: the stack stays in Settings → Jobs.
    error: job.lastError ? (job.lastError.split('\n')[0] ?? null) : null,
    attempts: job.attempts,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}
