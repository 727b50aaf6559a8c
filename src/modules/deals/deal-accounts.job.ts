import type { JobHandler } from '../../platform/jobs/job.ts';
import { linkDealsToAccounts } from './deal-accounts.service.ts';

/** Links deals waiting for their account, queued where accounts are created or imported. */
export const linkDealAccountsJob: JobHandler<unknown> = async ({ db, job, logger }) => {
  const workspaceId = job.workspaceId;
  if (!workspaceId) return;
  const linked = await linkDealsToAccounts(db, workspaceId);
  logger.info({ workspaceId, linked }, 'deals linked to the accounts they name');
};
