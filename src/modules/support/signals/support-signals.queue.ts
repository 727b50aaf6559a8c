/**
 * After tickets change (this module's own event, in the writing transaction), those accounts' support signals are
 * queued.
 */
import type { Db } from '../../../platform/db/database.ts';
import { queueJob } from '../../../platform/jobs/job-types.ts';
import type { SupportTicketsChanged } from '../support.events.ts';

const MAX_NAMED = 500;

export const queueSupportSignals = async (db: Db, e: SupportTicketsChanged): Promise<void> => {
  const accountIds = [...new Set(e.accountIds)];
  await queueJob(
    db,
    'support.signals',
    accountIds.length > MAX_NAMED ? { workspaceId: e.workspaceId } : { workspaceId: e.workspaceId, accountIds },
    // An event carries no clock: due since the epoch, the job is due to every runner's clock at its next poll.
    { workspaceId: e.workspaceId, runAt: new Date(0) },
  );
};
