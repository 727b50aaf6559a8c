import type { EventHandler } from '../../platform/events/domain-events.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';

/** Accounts appeared: Stripe customers and subscriptions waiting for an account are matched again by a job, once that write committed. */
export const rematchRevenueWhenAccountsAppear: EventHandler<'accounts.appeared'> = async (db, { workspaceId }) => {
  await queueJob(db, 'revenue.rematch', {}, { workspaceId });
};
