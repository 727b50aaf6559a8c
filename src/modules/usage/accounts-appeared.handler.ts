import type { EventHandler } from '../../platform/events/domain-events.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';

/** Accounts appeared: usage kept aside for want of an account is matched again by a job, once that write committed. */
export const rematchUsageWhenAccountsAppear: EventHandler<'accounts.appeared'> = async (db, { workspaceId }) => {
  await queueJob(db, 'usage.rematch', {}, { workspaceId });
};
