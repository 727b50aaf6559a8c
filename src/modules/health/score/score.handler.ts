/**
 * Earlier modules' events that change what a health score reads (project dates, usage, answers, touches,
 * subscriptions, tickets), handled in the writing transaction by queuing `health.score-accounts` for those
 * accounts, folded into the rescoring still waiting for the workspace if there is one (each account once); more
 * than a few hundred accounts rescore the workspace.
 */
import type { Db } from '../../../platform/db/database.ts';
import { queueJob, queueOrMergeJob } from '../../../platform/jobs/job-types.ts';
import type { ScoreAccountsPayload } from './score.job.ts';

const MAX_NAMED = 500;
/**
 * An event carries no clock: a job due since the epoch is due to every runner's clock, so it runs at the next poll
 * (seconds), ahead of work that may wait.
 */
export const AT_ONCE = new Date(0);

/** One rescoring doing the work of two: every account either names, or the whole workspace. */
export function mergeScoreAccounts(a: ScoreAccountsPayload, b: ScoreAccountsPayload): ScoreAccountsPayload {
  if (!a.accountIds || !b.accountIds) return {};
  const accountIds = [...new Set([...a.accountIds, ...b.accountIds])];
  return accountIds.length > MAX_NAMED ? {} : { accountIds };
}

export async function queueScoreAccounts(db: Db, e: { workspaceId: string; accountIds: readonly string[] }) {
  const accountIds = [...new Set(e.accountIds)];
  if (accountIds.length === 0) return;
  await queueOrMergeJob(
    db,
    'health.score-accounts',
    accountIds.length > MAX_NAMED ? {} : { accountIds },
    mergeScoreAccounts,
    { workspaceId: e.workspaceId, runAt: AT_ONCE },
  );
}

/** Queues a full recompute of a workspace (a saved scorecard, an admin's request); `runAt` is the caller's clock. */
export const queueFullRecompute = (db: Db, workspaceId: string, runAt?: Date) =>
  queueJob(db, 'health.score-accounts', {}, { workspaceId, runAt });
