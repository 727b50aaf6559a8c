import type { EventHandler } from '../../platform/events/domain-events.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';

/** Accounts appeared: tickets waiting for an account are matched again by a job, once that write committed. */
export const rematchTicketsWhenAccountsAppear: EventHandler<'accounts.appeared'> = async (db, { workspaceId }) => {
  await queueJob(db, 'support.rematch', {}, { workspaceId });
};
