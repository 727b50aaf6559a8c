/** Subscriptions changed (revenue's event, in the writing transaction): the at-risk renewal signal is judged again. */
import type { Db } from '../../../platform/db/database.ts';
import { queueJob } from '../../../platform/jobs/job-types.ts';
import type { RevenueSubscriptionsChanged } from '../../revenue/index.ts';

export const queueRenewalSignals = async (db: Db, e: RevenueSubscriptionsChanged): Promise<void> => {
  await queueJob(db, 'health.renewal-signals', { workspaceId: e.workspaceId }, { workspaceId: e.workspaceId });
};
