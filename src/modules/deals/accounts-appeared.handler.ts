import type { EventHandler } from '../../platform/events/domain-events.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';

/** Accounts appeared: deals that named one Baton did not know are linked by a job, once that write has committed. */
export const linkDealsWhenAccountsAppear: EventHandler<'accounts.appeared'> = async (db, { workspaceId }) => {
  await queueJob(db, 'deals.accounts.link', {}, { workspaceId });
};
