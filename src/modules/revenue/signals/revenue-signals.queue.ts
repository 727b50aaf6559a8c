/**
 * After subscriptions change (this module's own event, in the writing transaction), the contraction and
 * no-expansion signals of those accounts are queued; a large change queues the whole workspace.
 */
import type { Db } from '../../../platform/db/database.ts';
import { queueJob } from '../../../platform/jobs/job-types.ts';
import type { RevenueSubscriptionsChanged } from '../revenue.events.ts';

const MAX_NAMED = 500;

export const queueRevenueSignals = async (db: Db, e: RevenueSubscriptionsChanged): Promise<void> => {
  const accountIds = [...new Set(e.accountIds)];
  await queueJob(
    db,
    'revenue.signals',
    accountIds.length > MAX_NAMED ? { workspaceId: e.workspaceId } : { workspaceId: e.workspaceId, accountIds },
    { workspaceId: e.workspaceId },
  );
};
