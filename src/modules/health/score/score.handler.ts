/**
 * Earlier modules' events that change what a health score reads (answers, touches, subscriptions), handled in the
 * writing transaction by queuing `health.score-accounts` for those accounts; a large batch queues the workspace.
 */
import type { Db } from '../../../platform/db/database.ts';
import { queueJob } from '../../../platform/jobs/job-types.ts';

const MAX_NAMED = 500;
/**
 * An event carries no clock: a job due since the epoch is due to every runner's clock, so it runs at the next poll
 * (seconds), ahead of work that may wait.
 */
export const AT_ONCE = new Date(0);

export async function queueScoreAccounts(db: Db, e: { workspaceId: string; accountIds: readonly string[] }) {
  const accountIds = [...new Set(e.accountIds)];
  if (accountIds.length === 0) return;
  await queueJob(db, 'health.score-accounts', accountIds.length > MAX_NAMED ? {} : { accountIds }, {
    workspaceId: e.workspaceId,
    runAt: AT_ONCE,
  });
}

/** Queues a full recompute of a workspace (a saved scorecard, an admin's request); `runAt` is the caller's clock. */
export const queueFullRecompute = (db: Db, workspaceId: string, runAt?: Date) =>
  queueJob(db, 'health.score-accounts', {}, { workspaceId, runAt });
